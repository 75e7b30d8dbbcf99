import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { CrmObjectType } from './activities.enums';
import { Event } from './event.entity';
import { Reminder } from './reminder.entity';

@ObjectType({ description: 'A reference to a CRM object, with its title when the viewer may see it.' })
export class ObjectRef {
  @Field(() => CrmObjectType, { description: 'Type of the object.' }) type: CrmObjectType;
  @Field(() => ID, { description: 'Its id.' }) id: string;
}

@ObjectType({ description: 'What the viewer may do with an event.' })
export class EventViewerCan {
  @Field({ description: 'May change it.' }) update: boolean;
  @Field({ description: 'May complete it.' }) complete: boolean;
  @Field({ description: 'May cancel it.' }) cancel: boolean;
  @Field({ description: 'May move it to another time.' }) reschedule: boolean;
}

export const EventConnection = Connection(Event, 'Event', 'event');
export const ReminderConnection = Connection(Reminder, 'Reminder', 'reminder');

@InterfaceType({ description: 'Something in the work calendar.', resolveType: (v) => v.typename ?? ('event' in v ? 'CalendarEvent' : 'CalendarReminder') })
export abstract class CalendarItem {
  /** The concrete type of an item another module contributes (see CalendarService.register). */
  typename?: string;
  @Field({ description: 'When it starts.' }) start: Date;
  @Field(() => Date, { nullable: true, description: 'When it ends.' }) end: Date | null;
  @Field({ description: 'What to show.' }) title: string;
}

@ObjectType({ implements: CalendarItem, description: 'An event in the calendar.' })
export class CalendarEvent extends CalendarItem {
  @Field(() => Event, { description: 'The event.' }) event: Event;
}

@ObjectType({ implements: CalendarItem, description: 'A reminder in the calendar.' })
export class CalendarReminder extends CalendarItem {
  @Field(() => Reminder, { description: 'The reminder.' }) reminder: Reminder;
}

@ObjectType({ description: 'Counts for the Tasks tab badge.' })
export class TaskCounts {
  @Field(() => Int, { description: 'My overdue planned events.' }) overdue: number;
  @Field(() => Int, { description: 'My planned events starting today (not overdue).' }) today: number;
  @Field(() => Int, { description: 'My reminders that are due.' }) dueReminders: number;
  @Field(() => Int, { description: 'All of the above.' }) total: number;
}

@ObjectType({ description: 'A personal iCalendar feed (subscribe to it from Outlook, Google or Apple calendars).' })
export class CalendarFeed {
  @Field(() => ID, { description: 'Stable identifier.' }) id: string;
  @Field(() => String, { nullable: true, description: 'The feed URL; it holds the secret token and is shown only when created.' }) url: string | null;
  @Field({ description: 'When it was created.' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; a revoked feed answers 404.' }) revokedAt: Date | null;
}

@ObjectType({ description: 'An event I am or was responsible for was created or changed.' })
export class EventChange {
  @Field(() => ID, { description: 'Id of the event.' }) id: string;
  @Field(() => Event, { nullable: true, description: 'The event as it is now; null when it is no longer in my scope (e.g. handed to a colleague).' })
  event: Event | null;
}
