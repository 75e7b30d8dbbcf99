import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Event, isOverdue } from './event.entity';
import { Reminder } from './reminder.entity';
import { CancelEventInput, CompleteEventInput, CreateEventInput, EventFilter, EventOrder, RescheduleEventInput, UpdateEventInput } from './activities.inputs';
import { EventChange, EventConnection, EventViewerCan, ObjectRef, TaskCounts } from './activities.types';
import { EVENT_CHANGED, taskCountRequests, type EventChangedPayload } from './event.service';
import { Counterparty } from '../contacts/counterparty.entity';
import { ContactPerson } from '../contacts/contact-person.entity';
import { User } from '../auth/user.entity';
import { AuditEntryConnection } from '../audit/audit.types';
import { PageArgs } from '../../core/pagination';
import { createLoaders } from '../../core/loaders';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events in my scope, one page at a time (by start by default).' })
  events(
    @Args() page: PageArgs,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Which events to list; all in my scope by default.' }) filter: EventFilter | null,
    @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Sort order; by start ascending by default.' }) orderBy: EventOrder | null,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.loaders.eventPages.load({ first: page.first, after: page.after ?? null, filter: filter ?? {}, order: orderBy });
  }

  @Query(() => Event, { description: 'One event; NOT_FOUND when missing or outside my scope.' })
  event(@Arg('id', () => ID, { description: 'Id of the event.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.events.get(requireActor(ctx), id);
  }

  @Query(() => TaskCounts, { description: 'Counts for the Tasks tab: my overdue and today\'s planned events, my due reminders.' })
  async taskCounts(@Ctx() ctx: Context) {
    // As totals of the tab's own lists, through the request's loaders: with the lists in the same request they
    // share their statements.
    const q = taskCountRequests(requireActor(ctx));
    const [overdue, today, due] = await Promise.all([ctx.loaders.eventPages.load(q.overdue), ctx.loaders.eventPages.load(q.today), ctx.loaders.reminderPages.load(q.dueReminders)]);
    return { overdue: overdue.totalCount, today: today.totalCount, dueReminders: due.totalCount, total: overdue.totalCount + today.totalCount + due.totalCount };
  }

  @Mutation(() => Event, { description: 'Plans (or records as done) an event; a planned one gets a reminder by default.' })
  async createEvent(@Arg('input', { description: 'What to create.' }) input: CreateEventInput, @Ctx() ctx: Context) {
    const { event, counterparty, contactPerson, myReminders } = await ctx.services.events.createWithParts(requireActor(ctx), input);
    // The parties as just checked in my scope, and my reminders of the new event: the answer needs no statements for them.
    if (counterparty) ctx.loaders.counterparty.prime(counterparty.id, counterparty);
    if (contactPerson) ctx.loaders.contactPerson.prime(contactPerson.id, contactPerson);
    ctx.loaders.remindersOfEvent.prime(event.id, myReminders);
    return event;
  }

  @Mutation(() => Event, { description: 'Changes an event; CONFLICT when `version` is stale.' })
  updateEvent(@Arg('id', () => ID, { description: 'Id of the event.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateEventInput, @Ctx() ctx: Context) {
    return ctx.services.events.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Event, { description: 'Completes a planned event with its result; its reminders are dismissed.' })
  completeEvent(@Arg('id', () => ID, { description: 'Id of the event.' }) id: string, @Arg('input', { description: 'What came of it, and the actual times when they differ from the plan.' }) input: CompleteEventInput, @Ctx() ctx: Context) {
    return ctx.services.events.complete(requireActor(ctx), id, input);
  }

  @Mutation(() => Event, { description: 'Cancels a planned event with a reason; its reminders are dismissed.' })
  cancelEvent(@Arg('id', () => ID, { description: 'Id of the event.' }) id: string, @Arg('input', { description: 'Why it is cancelled.' }) input: CancelEventInput, @Ctx() ctx: Context) {
    return ctx.services.events.cancel(requireActor(ctx), id, input);
  }

  @Mutation(() => Event, { description: 'Moves a planned event to another time and re-arms its reminder.' })
  rescheduleEvent(@Arg('id', () => ID, { description: 'Id of the event.' }) id: string, @Arg('input', { description: 'The new start, and the new end unless the duration is kept.' }) input: RescheduleEventInput, @Ctx() ctx: Context) {
    return ctx.services.events.reschedule(requireActor(ctx), id, input);
  }

  @Subscription(() => EventChange, {
    topics: EVENT_CHANGED,
    topicId: ({ context }: { context: Context }) => context.actor?.id ?? 'anonymous',
    filter: ({ payload, context }: { payload: EventChangedPayload; context: Context }) => !!context.actor && payload.userIds.includes(context.actor.id),
    description: 'An event I am (or was) responsible for was created or changed, by anyone.',
  })
  eventChanged(@Root() payload: EventChangedPayload, @Ctx() ctx: Context) {
    // A socket's context lives as long as the subscription: its loaders would serve every push the objects of the first.
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    return ctx.services.events.changedFor(requireActor(ctx), payload);
  }

  @FieldResolver(() => Boolean, { description: 'Planned and its end (or start) has passed.' })
  overdue(@Root() e: Event) {
    return isOverdue(e);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The counterparty.' })
  counterparty(@Root() e: Event, @Ctx() ctx: Context) {
    return e.counterpartyId ? ctx.loaders.counterparty.load(e.counterpartyId) : null;
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'The contact person.' })
  contactPerson(@Root() e: Event, @Ctx() ctx: Context) {
    return e.contactPersonId ? ctx.loaders.contactPerson.load(e.contactPersonId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The responsible user.' })
  responsible(@Root() e: Event, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(e.responsibleId);
  }

  @FieldResolver(() => ObjectRef, { nullable: true, description: 'The object it was entered from.' })
  basedOn(@Root() e: Event) {
    return e.basedOnType && e.basedOnId ? { type: e.basedOnType, id: e.basedOnId } : null;
  }

  @FieldResolver(() => EventViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() e: Event, @Ctx() ctx: Context) {
    return ctx.services.events.viewerCan(requireActor(ctx), e);
  }

  @FieldResolver(() => [Reminder], { description: 'My reminders about it.' })
  reminders(@Root() e: Event, @Ctx() ctx: Context) {
    return ctx.loaders.remindersOfEvent.load(e.id);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() e: Event, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('Event', e.id, page.first, page.after);
  }
}
