import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor, type Context } from '../../../core/context';
import { PageArgs } from '../../../core/pagination';
import { User } from '../../auth/user.entity';
import { Counterparty } from '../../contacts/counterparty.entity';
import { AuditEntryConnection } from '../../audit/audit.types';
import { CrmObjectType } from '../../activities/activities.enums';
import { Invoice } from './invoice.entity';
import { Payment, PaymentAllocation } from './payment.entity';
import { CancelPaymentInput, CreatePaymentInput, PaymentFilter } from './documents.inputs';
import { DocumentChain, PaymentConnection, PaymentViewerCan } from './documents.types';

@Resolver(() => Payment)
export class PaymentResolver {
  @Query(() => PaymentConnection, { description: 'Payments I may see (of my counterparties or on my invoices), newest first; cancelled ones only when asked.' })
  payments(@Args() page: PageArgs, @Arg('filter', () => PaymentFilter, { nullable: true, description: 'Which payments to list; cancelled ones only when asked for.' }) filter: PaymentFilter | null, @Ctx() ctx: Context) {
    return ctx.services.payments.list(requireActor(ctx), page.first, page.after, filter ?? {});
  }

  @Query(() => Payment, { description: 'One payment; NOT_FOUND when missing or outside my scope.' })
  payment(@Arg('id', () => ID, { description: 'Id of the payment.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.payments.get(requireActor(ctx), id);
  }

  @Mutation(() => Payment, {
    description: 'Registers a payment and allocates it to posted invoices of the counterparty (each at most what remains unpaid; together at most the payment).',
  })
  createPayment(@Arg('input', { description: 'What to create.' }) input: CreatePaymentInput, @Ctx() ctx: Context) {
    return ctx.services.payments.create(requireActor(ctx), input);
  }

  @Mutation(() => Payment, { description: 'Cancels a payment: it keeps its number, its allocations stop counting and the invoices are due again.' })
  cancelPayment(@Arg('id', () => ID, { description: 'Id of the payment.' }) id: string, @Arg('input', { description: 'Why it is cancelled.' }) input: CancelPaymentInput, @Ctx() ctx: Context) {
    return ctx.services.payments.cancel(requireActor(ctx), id, input);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'Who paid (null when outside my scope).' })
  counterparty(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.counterparty.load(p.counterpartyId);
  }

  @FieldResolver(() => [PaymentAllocation], { description: 'To which invoices it goes.' })
  allocations(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.allocationsOfPayment.load(p.id);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who registered it.' })
  createdBy(@Root() p: Payment, @Ctx() ctx: Context) {
    return p.createdById ? ctx.loaders.user.load(p.createdById) : null;
  }

  @FieldResolver(() => DocumentChain, { description: 'The sales documents around the invoices it pays.' })
  chain(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.loaders.documentChain.load(`${CrmObjectType.PAYMENT}:${p.id}`);
  }

  @FieldResolver(() => PaymentViewerCan, { description: 'What I may do with it.' })
  async viewerCan(@Root() p: Payment, @Ctx() ctx: Context) {
    return ctx.services.payments.viewerCan(requireActor(ctx), p, await ctx.loaders.paymentCounterpartyResponsible.load(p.id));
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() p: Payment, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('Payment', p.id, page.first, page.after);
  }
}

@Resolver(() => PaymentAllocation)
export class PaymentAllocationResolver {
  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice (null when outside my scope).' })
  invoice(@Root() a: PaymentAllocation, @Ctx() ctx: Context) {
    return ctx.loaders.invoice.load(a.invoiceId);
  }

  @FieldResolver(() => Payment, { description: 'The payment.' })
  payment(@Root() a: PaymentAllocation, @Ctx() ctx: Context) {
    return ctx.loaders.paymentOfAllocation.load(a.paymentId);
  }
}
