import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import {
  SetWorkCalendarExceptionInput,
  SetWorkCalendarInput,
  WorkCalendarException,
  WorkCalendarExceptionConnection,
  WorkCalendarSettings,
} from './work-calendar.types';
import { PageArgs } from '../../core/pagination';
import { LocalDateScalar } from '../../core/decimal';
import { requireActor, type Context } from '../../core/context';

@Resolver()
export class WorkCalendarResolver {
  @Query(() => WorkCalendarSettings, { description: 'The work calendar: zone and weekly working hours (deadlines in working time are counted in it).' })
  workCalendar(@Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.workCalendar.settings();
  }

  @Query(() => WorkCalendarExceptionConnection, { description: 'Holidays, shortened and working weekend days, by date.' })
  workCalendarExceptions(
    @Args() page: PageArgs,
    @Arg('from', () => LocalDateScalar, { nullable: true, description: 'Only dates on or after this one.' }) from: string | null,
    @Arg('to', () => LocalDateScalar, { nullable: true, description: 'Only dates on or before this one.' }) to: string | null,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.workCalendar.exceptions(page.first, page.after, from, to);
  }

  @Mutation(() => WorkCalendarSettings, { description: 'Sets the zone and the weekly working hours (administrators only); CONFLICT when `version` is stale.' })
  setWorkCalendar(@Arg('input', { description: 'What to write.' }) input: SetWorkCalendarInput, @Ctx() ctx: Context) {
    return ctx.services.workCalendar.setSettings(requireActor(ctx), input);
  }

  @Mutation(() => WorkCalendarException, { description: 'Makes a date a holiday, a shortened day or a working day (administrators only).' })
  setWorkCalendarException(@Arg('input', { description: 'What to write.' }) input: SetWorkCalendarExceptionInput, @Ctx() ctx: Context) {
    return ctx.services.workCalendar.setException(requireActor(ctx), input);
  }

  @Mutation(() => Boolean, { description: "Returns a date to its weekday's hours (administrators only); NOT_FOUND when it had no exception." })
  removeWorkCalendarException(@Arg('date', () => LocalDateScalar, { description: 'The date.' }) date: string, @Ctx() ctx: Context) {
    return ctx.services.workCalendar.removeException(requireActor(ctx), date);
  }
}
