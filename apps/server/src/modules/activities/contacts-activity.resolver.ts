import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Counterparty } from '../contacts/counterparty.entity';
import { ContactPerson } from '../contacts/contact-person.entity';
import { Event } from './event.entity';
import { EventState } from './activities.enums';
import { EventConnection } from './activities.types';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => Counterparty)
export class CounterpartyActivityResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When we last completed an interaction with it.' })
  async lastContactAt(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return (await ctx.loaders.eventStatsOfCounterparty.load(c.id)).lastContactAt;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The next planned event with it.' })
  async nextPlannedEvent(@Root() c: Counterparty, @Ctx() ctx: Context) {
    const { nextId } = await ctx.loaders.eventStatsOfCounterparty.load(c.id);
    return nextId ? ctx.loaders.event.load(nextId) : null;
  }

  @FieldResolver(() => EventConnection, { description: 'Its events (the interaction history with state COMPLETED).' })
  events(@Root() c: Counterparty, @Args() page: PageArgs, @Arg('state', () => EventState, { nullable: true }) state: EventState | null, @Ctx() ctx: Context) {
    return ctx.services.events.list(requireActor(ctx), page.first, page.after, { counterpartyId: c.id, ...(state ? { state } : {}) }, null);
  }
}

@Resolver(() => ContactPerson)
export class ContactPersonActivityResolver {
  @FieldResolver(() => Date, { nullable: true, description: 'When we last completed an interaction with the person.' })
  async lastContactAt(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    return (await ctx.loaders.eventStatsOfPerson.load(p.id)).lastContactAt;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The next planned event with the person.' })
  async nextPlannedEvent(@Root() p: ContactPerson, @Ctx() ctx: Context) {
    const { nextId } = await ctx.loaders.eventStatsOfPerson.load(p.id);
    return nextId ? ctx.loaders.event.load(nextId) : null;
  }

  @FieldResolver(() => EventConnection, { description: 'Events with the person.' })
  events(@Root() p: ContactPerson, @Args() page: PageArgs, @Arg('state', () => EventState, { nullable: true }) state: EventState | null, @Ctx() ctx: Context) {
    return ctx.services.events.list(requireActor(ctx), page.first, page.after, { contactPersonId: p.id, ...(state ? { state } : {}) }, null);
  }
}
