import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Counterparty } from '../contacts/counterparty.entity';
import { ContactPerson } from '../contacts/contact-person.entity';
import { Event } from './event.entity';
import { EventState } from './activities.enums';
import { EventConnection } from './activities.types';
import { EventOrder, EventSortField } from './activities.inputs';
import { SortDirection } from '../../core/pagination';

/** A card's interaction history reads from the latest back. */
const NEWEST_FIRST = { field: EventSortField.START, direction: SortDirection.DESC };
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => Counterparty)
export class CounterpartyActivityResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When the latest completed interaction with it took place (its start).' })
  async lastContactAt(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return (await ctx.loaders.eventStatsOfCounterparty.load(c.id)).lastContactAt;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The next planned event with it.' })
  async nextPlannedEvent(@Root() c: Counterparty, @Ctx() ctx: Context) {
    const { next } = await ctx.loaders.eventStatsOfCounterparty.load(c.id);
    if (next) ctx.loaders.event.prime(next.id, next);
    return next;
  }

  @FieldResolver(() => EventConnection, { description: 'Its events, newest first by default (the interaction history with state COMPLETED).' })
  events(@Root() c: Counterparty, @Args() page: PageArgs, @Arg('state', () => EventState, { nullable: true, description: 'Only events in this state; all states by default.' }) state: EventState | null, @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Newest first by default.' }) orderBy: EventOrder | null, @Ctx() ctx: Context) {
    return ctx.services.events.list(requireActor(ctx), page.first, page.after, { counterpartyId: c.id, ...(state ? { state } : {}) }, orderBy ?? NEWEST_FIRST);
  }
}

@Resolver(() => ContactPerson)
export class ContactPersonActivityResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When the latest completed interaction with the person took place (its start).' })
  async lastContactAt(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return (await ctx.loaders.eventStatsOfPerson.load(p.id)).lastContactAt;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The next planned event with the person.' })
  async nextPlannedEvent(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    const { next } = await ctx.loaders.eventStatsOfPerson.load(p.id);
    if (next) ctx.loaders.event.prime(next.id, next);
    return next;
  }

  @FieldResolver(() => EventConnection, { description: 'Events with the person, newest first by default.' })
  events(@Root() p: ContactPerson, @Args() page: PageArgs, @Arg('state', () => EventState, { nullable: true, description: 'Only events in this state; all states by default.' }) state: EventState | null, @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Newest first by default.' }) orderBy: EventOrder | null, @Ctx() ctx: Context) {
    return ctx.services.events.list(requireActor(ctx), page.first, page.after, { contactPersonId: p.id, ...(state ? { state } : {}) }, orderBy ?? NEWEST_FIRST);
  }
}
