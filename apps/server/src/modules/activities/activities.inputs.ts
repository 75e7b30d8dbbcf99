import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsOptional, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CrmObjectType, EventDirection, EventKind, EventState, Importance, ReminderState } from './activities.enums';
import { SortDirection } from '../../core/pagination';

@InputType({ description: 'A reference to a CRM object.' })
export class ObjectRefInput {
  @Field(() => CrmObjectType, { description: 'Type of the object.' }) type: CrmObjectType;
  @Field(() => ID, { description: 'Its id.' }) @IsUUID('all', { message: 'Not a valid id' }) id: string;
}

@InputType({ description: 'A new event.' })
export class CreateEventInput {
  @Field(() => EventKind, { description: 'Kind of interaction.' }) kind: EventKind;
  @Field(() => EventDirection, { nullable: true, description: 'Outgoing by default.' }) @IsOptional() direction?: EventDirection;
  @Field(() => EventState, { nullable: true, description: 'PLANNED (default) or COMPLETED to record one that already happened.' }) @IsOptional() state?: EventState;
  @Field({ description: 'What it is about.' }) @Length(1, 300, { message: 'Enter a subject of 1 to 300 characters' }) subject: string;
  @Field({ nullable: true, description: 'Details.' }) @IsOptional() @MaxLength(20000) content?: string;
  @Field(() => Importance, { nullable: true, description: 'NORMAL by default.' }) @IsOptional() importance?: Importance;
  @Field({ description: 'Start (UTC).' }) start: Date;
  @Field(() => Date, { nullable: true, description: 'End (UTC), not before the start.' }) @IsOptional() end?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Counterparty.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Contact person.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string;
  @Field(() => ID, { nullable: true, description: 'Responsible user; yourself by default.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => ObjectRefInput, { nullable: true, description: 'The object it is entered from («ввод на основании»).' }) @IsOptional() basedOn?: ObjectRefInput;
  @Field(() => Int, { nullable: true, description: 'Reminder this many minutes before the start (15 by default for planned events).' })
  @IsOptional()
  @Min(0, { message: 'Minutes before the start cannot be negative' })
  @Max(43200, { message: 'At most 30 days before the start' })
  remindBeforeMinutes?: number;
  @Field({ nullable: true, description: 'True: no reminder at all.' }) @IsOptional() noReminder?: boolean;
  @Field({ nullable: true, description: 'Result, for an event recorded as completed.' }) @IsOptional() @MaxLength(20000) result?: string;
}

@InputType({ description: 'Changes to an event; omitted fields stay as they are.' })
export class UpdateEventInput {
  @Field(() => Int, { description: 'The version you read; a stale version is refused with CONFLICT.' }) @Min(1) version: number;
  @Field(() => EventKind, { nullable: true, description: 'Kind.' }) @IsOptional() kind?: EventKind;
  @Field(() => EventDirection, { nullable: true, description: 'Direction.' }) @IsOptional() direction?: EventDirection;
  @Field({ nullable: true, description: 'Subject.' }) @IsOptional() @Length(1, 300, { message: 'Enter a subject of 1 to 300 characters' }) subject?: string;
  @Field({ nullable: true, description: 'Details.' }) @IsOptional() @MaxLength(20000) content?: string;
  @Field(() => Importance, { nullable: true, description: 'Importance.' }) @IsOptional() importance?: Importance;
  @Field({ nullable: true, description: 'Start; changing it re-arms the reminder.' }) @IsOptional() start?: Date;
  @Field(() => Date, { nullable: true, description: 'End.' }) @IsOptional() end?: Date | null;
  @Field(() => ID, { nullable: true, description: 'Counterparty; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Contact person; null removes it.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Responsible user.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
}

@InputType({ description: 'Completing an event.' })
export class CompleteEventInput {
  @Field({ description: 'What came of it.' }) @Length(1, 20000, { message: 'Describe the result' }) result: string;
  @Field({ nullable: true, description: 'Actual start, when it differs from the plan.' }) @IsOptional() start?: Date;
  @Field(() => Date, { nullable: true, description: 'Actual end.' }) @IsOptional() end?: Date | null;
}

@InputType({ description: 'Cancelling an event.' })
export class CancelEventInput {
  @Field({ description: 'Why it is cancelled.' }) @Length(1, 2000, { message: 'Give the reason' }) reason: string;
}

@InputType({ description: 'Moving an event to another time.' })
export class RescheduleEventInput {
  @Field({ description: 'New start.' }) start: Date;
  @Field(() => Date, { nullable: true, description: 'New end; by default the old duration is kept.' }) @IsOptional() end?: Date | null;
}

@InputType({ description: 'Filter of the event list.' })
export class EventFilter {
  @Field(() => ID, { nullable: true, description: 'Only this responsible user.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid user id' }) responsibleId?: string;
  @Field(() => EventState, { nullable: true, description: 'Only this state.' }) @IsOptional() state?: EventState;
  @Field({ nullable: true, description: 'True: only overdue planned events; false: none of them.' }) @IsOptional() overdue?: boolean;
  @Field({ nullable: true, description: "True: only planned events starting today in the viewer's time zone (not overdue)." }) @IsOptional() dueToday?: boolean;
  @Field({ nullable: true, description: 'Only events ending at or after this moment.' }) @IsOptional() from?: Date;
  @Field({ nullable: true, description: 'Only events starting before this moment.' }) @IsOptional() to?: Date;
  @Field(() => ID, { nullable: true, description: 'Only events with this counterparty.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid counterparty id' }) counterpartyId?: string;
  @Field(() => ID, { nullable: true, description: 'Only events with this contact person.' }) @IsOptional() @IsUUID('all', { message: 'Not a valid contact person id' }) contactPersonId?: string;
  @Field(() => EventKind, { nullable: true, description: 'Only this kind.' }) @IsOptional() kind?: EventKind;
  @Field({ nullable: true, description: 'Fragment of the subject.' }) @IsOptional() @MaxLength(200) search?: string;
  @Field(() => ObjectRefInput, { nullable: true, description: 'Only events entered based on this object (e.g. a client request).' }) @IsOptional() @ValidateNested() basedOn?: ObjectRefInput;
}

export enum EventSortField {
  START = 'START',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(EventSortField, { name: 'EventSortField', description: 'What event lists can be sorted by.' });

@InputType({ description: 'Sort order of the event list.' })
export class EventOrder {
  @Field(() => EventSortField, { description: 'What to sort by.' }) field: EventSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Ascending (default) or descending.' }) direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'A new reminder for yourself.' })
export class CreateReminderInput {
  @Field({ description: 'When it should fire (UTC).' }) remindAt: Date;
  @Field({ description: 'What to remind of.' }) @Length(1, 500, { message: 'Enter a text of 1 to 500 characters' }) text: string;
  @Field(() => ObjectRefInput, { nullable: true, description: 'The object it is about.' }) @IsOptional() subject?: ObjectRefInput;
}

@InputType({ description: 'Filter of the reminder list.' })
export class ReminderFilter {
  @Field(() => ReminderState, { nullable: true, description: 'Only this state.' }) @IsOptional() state?: ReminderState;
}
