import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ClientRequestChannel, ClientRequestKind, ClientRequestPriority, ClientRequestState } from './requests.enums';
import { SortDirection } from '../../core/pagination';

@InputType({ description: 'A new client request; it is registered now and its SLA deadlines are counted from now.' })
export class CreateClientRequestInput {
  @Field(() => ClientRequestKind, { description: 'Question, claim or service.' }) kind: ClientRequestKind;
  @Field(() => ClientRequestChannel, { description: 'How it reached us.' }) channel: ClientRequestChannel;
  @Field({ description: 'What it is about.' }) @Length(1, 300, { message: 'Enter a subject of 1 to 300 characters' }) subject: string;
  @Field({ nullable: true, description: 'The client\'s words.' }) @IsOptional() @MaxLength(20000) description?: string;
  @Field(() => ID, { nullable: true, description: 'The client; a counterparty or a contact person (or both) is required.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid counterparty id' })
  counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Who contacted us; brings their counterparty when none is given.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid contact person id' })
  contactPersonId?: string;
  @Field(() => ID, { nullable: true, description: 'The product it concerns.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid product id' }) productId?: string;
  @Field(() => ID, { nullable: true, description: 'Responsible user; yourself by default.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ClientRequestPriority, { nullable: true, description: 'NORMAL by default.' }) @IsOptional() priority?: ClientRequestPriority;
  @Field({ nullable: true, description: "Critical («проблемное»): the responsible's supervisor is notified at once." }) @IsOptional() critical?: boolean;
}

@InputType({ description: 'Changes to a client request; omitted fields stay as they are. A new kind or priority recounts the deadlines.' })
export class UpdateClientRequestInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => ClientRequestKind, { nullable: true, description: 'Kind.' }) @IsOptional() kind?: ClientRequestKind;
  @Field(() => ClientRequestChannel, { nullable: true, description: 'Channel.' }) @IsOptional() channel?: ClientRequestChannel;
  @Field({ nullable: true, description: 'Subject.' }) @IsOptional() @Length(1, 300, { message: 'Enter a subject of 1 to 300 characters' }) subject?: string;
  @Field(() => String, { nullable: true, description: 'Description; null clears it.' }) @IsOptional() @MaxLength(20000) description?: string | null;
  @Field(() => ID, { nullable: true, description: 'Counterparty; null removes it (a contact person must remain).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid counterparty id' })
  counterpartyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Contact person; null removes it (a counterparty must remain).' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid contact person id' })
  contactPersonId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Product; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid product id' }) productId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Responsible user.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ClientRequestPriority, { nullable: true, description: 'Priority.' }) @IsOptional() priority?: ClientRequestPriority;
  @Field({ nullable: true, description: "Critical flag; setting it notifies the responsible's supervisor at once." }) @IsOptional() critical?: boolean;
}

@InputType({ description: 'The solution of a request.' })
export class ResolveClientRequestInput {
  @Field({ description: 'The solution given to the client.' }) @Length(1, 20000, { message: 'Describe the solution' }) solution: string;
  @Field(() => ID, { nullable: true, description: 'The published knowledge-base article applied; its use is counted.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid article id' })
  knowledgeArticleId?: string;
}

@InputType({ description: 'Filter of the client request list; conditions combine with AND.' })
export class ClientRequestFilter {
  @Field(() => ClientRequestState, { nullable: true, description: 'Only this state.' }) @IsOptional() state?: ClientRequestState;
  @Field(() => [ClientRequestState], { nullable: true, description: 'Only these states.' }) @IsOptional() @ArrayMaxSize(7) states?: ClientRequestState[];
  @Field({ nullable: true, description: 'True: only open ones (registered, in progress, waiting, reopened); false: only the others.' }) @IsOptional() open?: boolean;
  @Field({ nullable: true, description: 'Only critical (true) or non-critical (false) ones.' }) @IsOptional() critical?: boolean;
  @Field({ nullable: true, description: 'True: only open ones past a deadline now; false: none of them.' }) @IsOptional() overdue?: boolean;
  @Field({ nullable: true, description: 'True: only open ones not yet late but with 80% of a deadline\'s time used.' }) @IsOptional() aboutToBreach?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only this responsible user.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this counterparty.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this contact person.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string;
  @Field(() => ClientRequestKind, { nullable: true, description: 'Only this kind.' }) @IsOptional() kind?: ClientRequestKind;
  @Field(() => ClientRequestPriority, { nullable: true, description: 'Only this priority.' }) @IsOptional() priority?: ClientRequestPriority;
  @Field({ nullable: true, description: 'Fragment of the subject, or the number.' }) @IsOptional() @MaxLength(200) search?: string;
}

export enum ClientRequestSortField {
  REGISTERED_AT = 'REGISTERED_AT',
  RESOLUTION_DEADLINE = 'RESOLUTION_DEADLINE',
}
registerEnumType(ClientRequestSortField, {
  name: 'ClientRequestSortField',
  description: 'What client request lists can be sorted by.',
  valuesConfig: {
    REGISTERED_AT: { description: 'Registration time.' },
    RESOLUTION_DEADLINE: { description: 'Resolution deadline.' },
  },
});

@InputType({ description: 'Sort order of the client request list (newest first by default).' })
export class ClientRequestOrder {
  @Field(() => ClientRequestSortField, { description: 'What to sort by.' }) field: ClientRequestSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Descending (default) or ascending.' }) direction: SortDirection = SortDirection.DESC;
}

@InputType({ description: 'An SLA rule: allowed reaction and resolution time for a kind and priority, in working minutes.' })
export class SetClientRequestSlaRuleInput {
  @Field(() => ClientRequestKind, { description: 'Kind of request.' }) kind: ClientRequestKind;
  @Field(() => ClientRequestPriority, { description: 'Priority.' }) priority: ClientRequestPriority;
  @Field(() => Int, { description: 'Working minutes to the reaction (1 to 54000, i.e. 100 working days).' }) @Min(1) @Max(54000) reactionMinutes: number;
  @Field(() => Int, { description: 'Working minutes to the resolution, not less than the reaction.' }) @Min(1) @Max(54000) resolutionMinutes: number;
  @Field(() => Int, { description: 'The version of the rule you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
}
