import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DecimalScalar, LocalDateScalar } from '../../../core/decimal';
import { SortDirection } from '../../../core/pagination';
import { InterestState, StageSemantic } from './interests.enums';

export const MAX_LINES = 200;
export const MAX_COMPETITORS = 50;

@InputType({ description: 'A product line of a client interest.' })
export class ClientInterestLineInput {
  @Field(() => ID, { description: 'The catalog item (not marked for deletion).' }) @IsUUID('all', { message: 'Not a valid product id' }) productId: string;
  @Field(() => DecimalScalar, { description: 'Quantity, > 0, up to 3 digits after the point.' }) quantity: string;
  @Field(() => DecimalScalar, { nullable: true, description: "Price per unit, ≥ 0, up to 2 digits after the point; the product's price by default." })
  @IsOptional()
  price?: string | null;
}

@InputType({ description: 'A new client interest.' })
export class CreateClientInterestInput {
  @Field(() => ID, { description: 'The client (a counterparty in my scope).' }) @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId: string;
  @Field(() => ID, { nullable: true, description: 'Contact person of that client.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field({ description: "The client's need." }) @Length(1, 5000, { message: 'Describe the need in 1 to 5000 characters' }) need: string;
  @Field(() => [ClientInterestLineInput], { nullable: true, description: `Product lines (at most ${MAX_LINES}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_LINES, { message: `At most ${MAX_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: ClientInterestLineInput[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Expected deal size; the sum of the lines (or 0) by default.' }) @IsOptional() plannedAmount?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'When the deal is expected to close.' }) @IsOptional() plannedCloseDate?: string | null;
  @Field(() => Int, { nullable: true, description: "Probability 0 to 100; the stage's default by default." })
  @IsOptional()
  @Min(0, { message: 'Probability is 0 to 100' })
  @Max(100, { message: 'Probability is 0 to 100' })
  probability?: number | null;
  @Field(() => ID, { nullable: true, description: 'Sales scenario; the default one by default.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid scenario id' }) scenarioId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Starting stage (an in-progress stage of the scenario); its first stage by default.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid stage id' })
  stageId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Responsible manager; yourself by default.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Information source (an active one).' }) @IsOptional() @IsUUID('all', { message: 'Not a valid information source id' }) informationSourceId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Competitors: counterparties with the COMPETITOR relation.' })
  @IsOptional()
  @ArrayMaxSize(MAX_COMPETITORS, { message: `At most ${MAX_COMPETITORS} competitors` })
  @IsUUID('all', { each: true, message: 'Not a valid counterparty id' })
  competitorIds?: string[] | null;
  @Field(() => LocalDateScalar, { nullable: true, description: "Document date; today (in my time zone) by default." }) @IsOptional() date?: string | null;
}

@InputType({ description: 'Changes to a client interest; omitted fields stay as they are, null clears. Stage and state change through their own mutations.' })
export class UpdateClientInterestInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => ID, { nullable: true, description: 'The client.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Contact person; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field({ nullable: true, description: "The client's need." }) @IsOptional() @Length(1, 5000, { message: 'Describe the need in 1 to 5000 characters' }) need?: string;
  @Field(() => [ClientInterestLineInput], { nullable: true, description: 'Product lines, replacing all the current ones ([] removes them).' })
  @IsOptional()
  @ArrayMaxSize(MAX_LINES, { message: `At most ${MAX_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: ClientInterestLineInput[];
  @Field(() => DecimalScalar, { nullable: true, description: 'Expected deal size; when lines are given without it, their sum.' }) @IsOptional() plannedAmount?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Expected close date; null clears it.' }) @IsOptional() plannedCloseDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Probability 0 to 100.' })
  @IsOptional()
  @Min(0, { message: 'Probability is 0 to 100' })
  @Max(100, { message: 'Probability is 0 to 100' })
  probability?: number | null;
  @Field(() => ID, { nullable: true, description: 'Responsible manager.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ID, { nullable: true, description: 'Information source; null clears it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid information source id' }) informationSourceId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Competitors, replacing the current ones.' })
  @IsOptional()
  @ArrayMaxSize(MAX_COMPETITORS, { message: `At most ${MAX_COMPETITORS} competitors` })
  @IsUUID('all', { each: true, message: 'Not a valid counterparty id' })
  competitorIds?: string[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'Document date.' }) @IsOptional() date?: string;
}

@InputType({ description: 'Marking a client interest lost.' })
export class MarkClientInterestLostInput {
  @Field(() => ID, { description: 'Why it was lost (an active loss reason).' }) @IsUUID('all', { message: 'Not a valid loss reason id' }) lossReasonId: string;
  @Field(() => String, { nullable: true, description: 'Comment on the loss.' }) @IsOptional() @MaxLength(2000) comment?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version you read; when given, a stale one is refused with CONFLICT.' }) @IsOptional() @Min(1) version?: number;
}

@InputType({ description: 'Filter of the client interest list.' })
export class ClientInterestFilter {
  @Field(() => ID, { nullable: true, description: 'Only this stage.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid stage id' }) stageId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this scenario.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid scenario id' }) scenarioId?: string;
  @Field(() => InterestState, { nullable: true, description: 'Only this state.' }) @IsOptional() state?: InterestState;
  @Field(() => ID, { nullable: true, description: 'Only this responsible manager.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this client.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field({ nullable: true, description: "Fragment of the number, the need or the client's name." }) @IsOptional() @MaxLength(200) search?: string;
  @Field(() => Int, { nullable: true, description: 'Only active interests with no event (planned or done, based on it or with its client) in this many days.' })
  @IsOptional()
  @Min(1, { message: 'At least 1 day' })
  @Max(3650, { message: 'At most 3650 days' })
  stalledDays?: number;
  @Field(() => Int, { nullable: true, description: 'Won and lost interests only when closed within this many days (open ones always).' })
  @IsOptional()
  @Min(0, { message: 'Cannot be negative' })
  @Max(3650, { message: 'At most 3650 days' })
  closedWithinDays?: number;
  @Field({ nullable: true, description: 'True: include interests marked for deletion.' }) @IsOptional() includeDeleted?: boolean;
}

@InputType({ description: 'Filter of the client interest board.' })
export class ClientInterestBoardFilter {
  @Field(() => ID, { nullable: true, description: 'Only this responsible manager.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ID, { nullable: true, description: 'Only this client.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field({ nullable: true, description: "Fragment of the number, the need or the client's name." }) @IsOptional() @MaxLength(200) search?: string;
  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Won and lost cards only when closed within this many days (30 by default).' })
  @IsOptional()
  @Min(0, { message: 'Cannot be negative' })
  @Max(3650, { message: 'At most 3650 days' })
  closedWithinDays?: number;
}

export enum ClientInterestSortField {
  CREATED_AT = 'CREATED_AT',
  PLANNED_CLOSE_DATE = 'PLANNED_CLOSE_DATE',
  PLANNED_AMOUNT = 'PLANNED_AMOUNT',
}
registerEnumType(ClientInterestSortField, {
  name: 'ClientInterestSortField',
  description: 'What client interest lists can be sorted by.',
  valuesConfig: {
    CREATED_AT: { description: 'When it was created (the default, newest first).' },
    PLANNED_CLOSE_DATE: { description: 'Planned close date; interests without one come last.' },
    PLANNED_AMOUNT: { description: 'Planned amount.' },
  },
});

@InputType({ description: 'Sort order of the client interest list.' })
export class ClientInterestOrder {
  @Field(() => ClientInterestSortField, { description: 'What to sort by.' }) field: ClientInterestSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Descending (default) or ascending.' }) direction: SortDirection = SortDirection.DESC;
}

@InputType({ description: 'A stage of a new scenario.' })
export class SalesStageInput {
  @Field({ description: 'Name.' }) @Length(1, 150, { message: 'Enter a stage name of 1 to 150 characters' }) name: string;
  @Field(() => Int, { description: 'Default probability, 0 to 100.' }) @Min(0, { message: 'Probability is 0 to 100' }) @Max(100, { message: 'Probability is 0 to 100' }) probability: number;
  @Field(() => StageSemantic, { defaultValue: StageSemantic.IN_PROGRESS, description: 'Meaning; IN_PROGRESS by default.' }) semantic: StageSemantic = StageSemantic.IN_PROGRESS;
}

@InputType({ description: 'A new sales scenario.' })
export class CreateSalesScenarioInput {
  @Field({ description: 'Name.' }) @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name: string;
  @Field(() => [SalesStageInput], {
    description: 'Its stages in order: at least one IN_PROGRESS, exactly one SUCCESS and one FAILURE.',
  })
  @ArrayMaxSize(100, { message: 'At most 100 stages' })
  @ValidateNested({ each: true })
  stages: SalesStageInput[];
  @Field({ nullable: true, description: 'Make it the default scenario.' }) @IsOptional() isDefault?: boolean;
}

@InputType({ description: 'Changes to a sales scenario.' })
export class UpdateSalesScenarioInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name.' }) @IsOptional() @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name?: string;
  @Field({ nullable: true, description: 'True makes it the default scenario (false is refused: make another one default).' }) @IsOptional() isDefault?: boolean;
}

@InputType({ description: 'A new stage in a scenario.' })
export class CreateSalesStageInput {
  @Field(() => ID, { description: 'The scenario.' }) @IsUUID('all', { message: 'Not a valid scenario id' }) scenarioId: string;
  @Field({ description: 'Name.' }) @Length(1, 150, { message: 'Enter a stage name of 1 to 150 characters' }) name: string;
  @Field(() => Int, { description: 'Default probability, 0 to 100.' }) @Min(0, { message: 'Probability is 0 to 100' }) @Max(100, { message: 'Probability is 0 to 100' }) probability: number;
  @Field(() => Int, { nullable: true, description: 'Position; after the last in-progress stage by default.' }) @IsOptional() sort?: number;
}

@InputType({ description: 'Changes to a stage (its meaning cannot change).' })
export class UpdateSalesStageInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name.' }) @IsOptional() @Length(1, 150, { message: 'Enter a stage name of 1 to 150 characters' }) name?: string;
  @Field(() => Int, { nullable: true, description: 'Default probability, 0 to 100.' })
  @IsOptional()
  @Min(0, { message: 'Probability is 0 to 100' })
  @Max(100, { message: 'Probability is 0 to 100' })
  probability?: number;
  @Field(() => Int, { nullable: true, description: 'Position.' }) @IsOptional() sort?: number;
}

@InputType({ description: 'A new entry of a small reference list (loss reasons, information sources).' })
export class CreateReferenceItemInput {
  @Field({ description: 'Name.' }) @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name: string;
  @Field(() => Int, { nullable: true, description: 'Position in lists (100 by default).' }) @IsOptional() sort?: number;
}

@InputType({ description: 'Changes to an entry of a small reference list.' })
export class UpdateReferenceItemInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field({ nullable: true, description: 'Name.' }) @IsOptional() @Length(1, 150, { message: 'Enter a name of 1 to 150 characters' }) name?: string;
  @Field(() => Int, { nullable: true, description: 'Position in lists.' }) @IsOptional() sort?: number;
  @Field({ nullable: true, description: 'False retires it: kept on old records, not offered any more.' }) @IsOptional() active?: boolean;
}
