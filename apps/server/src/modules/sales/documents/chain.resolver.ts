import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { requireActor, type Context } from '../../../core/context';
import { CrmObjectType } from '../../activities/activities.enums';
import { ClientInterest } from '../interests/client-interest.entity';
import { SalesStage } from '../interests/sales-scenario.entity';
import type { DocumentChain as Chain } from './chain.service';
import { CommercialOffer } from './commercial-offer.entity';
import { Payment } from './payment.entity';
import { Shipment } from './shipment.entity';
import { DocumentChain, InterestsAtStage, InvoiceAgeing, SalesDesk } from './documents.types';

@Resolver(() => DocumentChain)
export class DocumentChainResolver {
  @FieldResolver(() => ClientInterest, { nullable: true, description: 'The client interest of the sale (null when none or outside my scope).' })
  async interest(@Root() c: Chain, @Ctx() ctx: Context) {
    return c.interestIds.length ? ctx.loaders.clientInterest.load(c.interestIds[0]) : null;
  }

  @FieldResolver(() => [ClientInterest], { description: 'All client interests involved (a payment may pay invoices of several), those I may see.' })
  async interests(@Root() c: Chain, @Ctx() ctx: Context) {
    return (await ctx.loaders.clientInterest.loadMany(c.interestIds)).filter((ci): ci is ClientInterest => !!ci && !(ci instanceof Error));
  }
}

/** The chain of a client interest: its offers, invoices, payments, shipments and the events based on any of them. */
@Resolver(() => ClientInterest)
export class ClientInterestChainResolver {
  @FieldResolver(() => DocumentChain, { description: 'Its documents: offers → invoices → payments and shipments → events based on any of them.' })
  chain(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.documentChain.load(`${CrmObjectType.CLIENT_INTEREST}:${ci.id}`);
  }
}

@Resolver(() => SalesDesk)
export class SalesDeskResolver {
  @Query(() => SalesDesk, { description: 'The Sales tab summary: mine for a manager, my team’s for a supervisor.' })
  salesDesk(@Ctx() ctx: Context) {
    return { scope: ctx.services.salesDesk.scopeOf(requireActor(ctx)) };
  }

  @FieldResolver(() => [InterestsAtStage], { description: 'Active client interests by stage, in stage order, with planned and weighted amounts.' })
  interestsByStage(@Ctx() ctx: Context) {
    return ctx.services.salesDesk.interestsByStage(requireActor(ctx));
  }

  @FieldResolver(() => [CommercialOffer], { description: 'Sent offers awaiting an answer (expired ones included), soonest expiry first.' })
  offersAwaitingAnswer(@Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 500.' }) first: number, @Ctx() ctx: Context) {
    return ctx.services.salesDesk.offersAwaitingAnswer(requireActor(ctx), first);
  }

  @FieldResolver(() => InvoiceAgeing, { description: 'Unpaid posted invoices by days overdue: count and amount due per bucket.' })
  invoiceAgeing(@Ctx() ctx: Context) {
    return ctx.services.salesDesk.invoiceAgeing(requireActor(ctx));
  }

  @FieldResolver(() => [Payment], { description: 'The latest payments, newest first.' })
  recentPayments(@Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 500.' }) first: number, @Ctx() ctx: Context) {
    return ctx.services.salesDesk.recentPayments(requireActor(ctx), first);
  }

  @FieldResolver(() => [Shipment], { description: 'The latest shipments, newest first.' })
  recentShipments(@Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 500.' }) first: number, @Ctx() ctx: Context) {
    return ctx.services.salesDesk.recentShipments(requireActor(ctx), first);
  }
}

@Resolver(() => InterestsAtStage)
export class InterestsAtStageResolver {
  @FieldResolver(() => SalesStage, { nullable: true, description: 'The stage.' })
  stage(@Root() row: InterestsAtStage, @Ctx() ctx: Context) {
    return ctx.loaders.salesStage.load(row.stageId);
  }
}
