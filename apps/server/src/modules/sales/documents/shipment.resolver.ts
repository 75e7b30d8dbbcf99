import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor, type Context } from '../../../core/context';
import { PageArgs } from '../../../core/pagination';
import { User } from '../../auth/user.entity';
import { Counterparty } from '../../contacts/counterparty.entity';
import { AuditEntryConnection } from '../../audit/audit.types';
import { CrmObjectType } from '../../activities/activities.enums';
import { Organization } from '../catalog/organization.entity';
import { Product } from '../catalog/product.entity';
import { Invoice } from './invoice.entity';
import { SalesFact, Shipment, ShipmentLine } from './shipment.entity';
import { CreateShipmentInput, ShipmentFilter } from './documents.inputs';
import { DocumentChain, ShipmentConnection, ShipmentViewerCan } from './documents.types';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Query(() => ShipmentConnection, { description: 'Shipments in my scope, newest first.' })
  shipments(@Args() page: PageArgs, @Arg('filter', () => ShipmentFilter, { nullable: true, description: 'Which shipments to list.' }) filter: ShipmentFilter | null, @Ctx() ctx: Context) {
    return ctx.services.shipments.list(requireActor(ctx), page.first, page.after, filter ?? {});
  }

  @Query(() => Shipment, { description: 'One shipment; NOT_FOUND when missing or outside my scope.' })
  shipment(@Arg('id', () => ID, { description: 'Id of the shipment.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.shipments.get(requireActor(ctx), id);
  }

  @Mutation(() => Shipment, { description: 'Creates an unposted shipment of a posted invoice: what is left to ship, or the given quantities of its lines.' })
  createShipment(@Arg('input', { description: 'What to create.' }) input: CreateShipmentInput, @Ctx() ctx: Context) {
    return ctx.services.shipments.create(requireActor(ctx), input);
  }

  @Mutation(() => Shipment, { description: 'Posts a shipment: its lines are written to the sales facts in the same transaction.' })
  postShipment(@Arg('id', () => ID, { description: 'Id of the shipment.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.shipments.post(requireActor(ctx), id);
  }

  @Mutation(() => Shipment, { description: 'Unposts a shipment: its sales facts are removed.' })
  unpostShipment(@Arg('id', () => ID, { description: 'Id of the shipment.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.shipments.unpost(requireActor(ctx), id);
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice it ships.' })
  invoice(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.invoice.load(s.invoiceId);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The buyer (null when outside my scope).' })
  counterparty(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.counterparty.load(s.counterpartyId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Our organization, the seller.' })
  organization(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(s.organizationId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The manager the sale counts for.' })
  responsible(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(s.responsibleId);
  }

  @FieldResolver(() => [ShipmentLine], { description: 'Its lines, in order.' })
  lines(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.linesOfShipment.load(s.id);
  }

  @FieldResolver(() => [SalesFact], { description: 'The sales facts it wrote (empty unless posted).' })
  salesFacts(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.salesFactsOfShipment.load(s.id);
  }

  @FieldResolver(() => DocumentChain, { description: 'Its sale’s documents both ways.' })
  chain(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.documentChain.load(`${CrmObjectType.SHIPMENT}:${s.id}`);
  }

  @FieldResolver(() => ShipmentViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() s: Shipment, @Ctx() ctx: Context) {
    return ctx.services.shipments.viewerCan(requireActor(ctx), s);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() s: Shipment, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('Shipment', s.id, page.first, page.after);
  }
}

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The catalog item.' })
  product(@Root() l: ShipmentLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}

@Resolver(() => SalesFact)
export class SalesFactResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The catalog item.' })
  product(@Root() f: SalesFact, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(f.productId);
  }
}
