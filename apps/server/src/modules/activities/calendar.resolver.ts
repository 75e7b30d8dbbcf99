import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CalendarEvent, CalendarFeed, CalendarItem, CalendarReminder } from './activities.types';
import { requireActor, type Context } from '../../core/context';

@Resolver()
export class CalendarResolver {
  @Query(() => [CalendarItem], { description: "A user's work calendar for a period (at most 62 days): events and, for myself, reminders." })
  calendar(
    @Arg('from', { description: 'Start of the period (UTC).' }) from: Date,
    @Arg('to', { description: 'End of the period (UTC).' }) to: Date,
    @Arg('userId', () => ID, { nullable: true, description: 'Whose calendar: mine by default, or a subordinate\'s.' }) userId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendar.items(requireActor(ctx), from, to, userId);
  }

  @Mutation(() => CalendarFeed, { description: 'Creates a personal iCalendar feed; its URL (with the secret token) is returned only here.' })
  createCalendarFeed(@Ctx() ctx: Context) {
    return ctx.services.calendar.createFeed(requireActor(ctx), ctx.origin);
  }

  @Query(() => [CalendarFeed], { description: 'My calendar feeds (without their secret URLs).' })
  calendarFeeds(@Ctx() ctx: Context) {
    return ctx.services.calendar.listFeeds(requireActor(ctx));
  }

  @Mutation(() => CalendarFeed, { description: 'Revokes a calendar feed; its URL answers 404 from then on.' })
  revokeCalendarFeed(@Arg('id', () => ID, { description: 'Id of the calendar feed (one of mine).' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.calendar.revokeFeed(requireActor(ctx), id);
  }
}

/** Concrete calendar types must be in the schema for the interface's `__typename`. */
export const calendarTypes = [CalendarEvent, CalendarReminder];
