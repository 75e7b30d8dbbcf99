import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor, type Context } from '../../../core/context';
import { PageArgs } from '../../../core/pagination';
import { DecimalScalar } from '../../../core/decimal';
import { User } from '../../auth/user.entity';
import { Counterparty } from '../../contacts/counterparty.entity';
import { ContactPerson } from '../../contacts/contact-person.entity';
import { AuditEntryConnection } from '../../audit/audit.types';
import { CrmObjectType } from '../../activities/activities.enums';
import { BankAccount, Organization } from '../catalog/organization.entity';
import { Product } from '../catalog/product.entity';
import { ClientInterest } from '../interests/client-interest.entity';
import { invoicePdfPath } from '../print/print.routes';
import { Invoice, InvoiceLine } from './invoice.entity';
import { CommercialOffer } from './commercial-offer.entity';
import { PaymentAllocation } from './payment.entity';
import { isInvoiceOverdue } from './invoice.service';
import { todayFor } from './documents.common';
import { InvoicePaymentState } from './documents.enums';
import { CreateInvoiceInput, InvoiceFilter, SendDocumentInput, UpdateInvoiceInput } from './documents.inputs';
import { DocumentChain, DocumentSendResult, InvoiceConnection, InvoiceViewerCan } from './documents.types';

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => InvoiceConnection, { description: 'Invoices in my scope, newest first; filter by payment state, overdue, client...' })
  invoices(@Args() page: PageArgs, @Arg('filter', () => InvoiceFilter, { nullable: true, description: 'Which invoices to list.' }) filter: InvoiceFilter | null, @Ctx() ctx: Context) {
    return ctx.services.invoices.list(requireActor(ctx), page.first, page.after, filter ?? {});
  }

  @Query(() => Invoice, { description: 'One invoice; NOT_FOUND when missing or outside my scope.' })
  invoice(@Arg('id', () => ID, { description: 'Id of the invoice.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.invoices.get(requireActor(ctx), id);
  }

  @Mutation(() => Invoice, { description: 'Creates an unposted invoice based on a commercial offer or a client interest (client and lines copied unless given), or for a counterparty.' })
  createInvoice(@Arg('input', { description: 'What to create.' }) input: CreateInvoiceInput, @Ctx() ctx: Context) {
    return ctx.services.invoices.create(requireActor(ctx), input);
  }

  @Mutation(() => Invoice, { description: 'Changes an unposted invoice; CONFLICT (reason POSTED) when posted, CONFLICT when `version` is stale.' })
  updateInvoice(@Arg('id', () => ID, { description: 'Id of the invoice.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateInvoiceInput, @Ctx() ctx: Context) {
    return ctx.services.invoices.update(requireActor(ctx), id, input);
  }

  @Mutation(() => Invoice, { description: 'Posts an invoice: payments and shipments may follow, and an expected-payment reminder is set for its responsible at the due date.' })
  postInvoice(@Arg('id', () => ID, { description: 'Id of the invoice.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.invoices.post(requireActor(ctx), id);
  }

  @Mutation(() => Invoice, {
    description: 'Unposts an invoice; refused with CONFLICT and `extensions.reason` HAS_PAYMENTS or HAS_POSTED_SHIPMENTS (`extensions.documents` lists them) while they depend on it.',
  })
  unpostInvoice(@Arg('id', () => ID, { description: 'Id of the invoice.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.invoices.unpost(requireActor(ctx), id);
  }

  @Mutation(() => DocumentSendResult, { description: 'Sends the invoice: e-mails its PDF when SMTP is configured and records an outgoing letter based on it.' })
  sendInvoice(@Arg('id', () => ID, { description: 'Id of the invoice.' }) id: string, @Arg('input', () => SendDocumentInput, { nullable: true, description: 'The recipient and the text of the letter; both have defaults.' }) input: SendDocumentInput | null, @Ctx() ctx: Context) {
    return ctx.services.salesSend.sendInvoice(requireActor(ctx), id, input ?? {});
  }

  @FieldResolver(() => InvoicePaymentState, { description: 'Derived from the payments allocated to it: NOT_PAID, PARTIALLY_PAID or PAID.' })
  async paymentState(@Root() i: Invoice, @Ctx() ctx: Context) {
    return (await ctx.loaders.invoiceBalance.load(i.id))?.paymentState ?? InvoicePaymentState.NOT_PAID;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of the live payments allocated to it.' })
  async paidAmount(@Root() i: Invoice, @Ctx() ctx: Context) {
    return (await ctx.loaders.invoiceBalance.load(i.id))?.paid ?? '0.00';
  }

  @FieldResolver(() => DecimalScalar, { description: 'What remains to be paid: total − paid amount.' })
  async amountDue(@Root() i: Invoice, @Ctx() ctx: Context) {
    return (await ctx.loaders.invoiceBalance.load(i.id))?.due ?? i.total;
  }

  @FieldResolver(() => Boolean, { description: 'Posted, not fully paid, and its due date is before today (my time zone).' })
  async overdue(@Root() i: Invoice, @Ctx() ctx: Context) {
    const balance = await ctx.loaders.invoiceBalance.load(i.id);
    return isInvoiceOverdue(i, balance?.paymentState ?? InvoicePaymentState.NOT_PAID, todayFor(requireActor(ctx)));
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The buyer (null when outside my scope).' })
  counterparty(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.counterparty.load(i.counterpartyId);
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'The contact person.' })
  contactPerson(@Root() i: Invoice, @Ctx() ctx: Context) {
    return i.contactPersonId ? ctx.loaders.contactPerson.load(i.contactPersonId) : null;
  }

  @FieldResolver(() => ClientInterest, { nullable: true, description: 'The client interest it belongs to.' })
  interest(@Root() i: Invoice, @Ctx() ctx: Context) {
    return i.interestId ? ctx.loaders.clientInterest.load(i.interestId) : null;
  }

  @FieldResolver(() => CommercialOffer, { nullable: true, description: 'The commercial offer it is based on.' })
  offer(@Root() i: Invoice, @Ctx() ctx: Context) {
    return i.offerId ? ctx.loaders.commercialOffer.load(i.offerId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Our organization, the supplier.' })
  organization(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.organization.load(i.organizationId);
  }

  @FieldResolver(() => BankAccount, { nullable: true, description: 'Our bank account to pay to.' })
  bankAccount(@Root() i: Invoice, @Ctx() ctx: Context) {
    return i.bankAccountId ? ctx.loaders.bankAccount.load(i.bankAccountId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The responsible manager.' })
  responsible(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(i.responsibleId);
  }

  @FieldResolver(() => [InvoiceLine], { description: 'Its lines, in order.' })
  lines(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.linesOfInvoice.load(i.id);
  }

  @FieldResolver(() => [PaymentAllocation], { description: 'The payments on it (cancelled ones too; see `payment.cancelled`), oldest first.' })
  payments(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.allocationsOfInvoice.load(i.id);
  }

  @FieldResolver(() => String, { description: 'Path of its PDF print form on this server (GET, with the session cookie or a bearer token).' })
  pdfUrl(@Root() i: Invoice) {
    return invoicePdfPath(i.id);
  }

  @FieldResolver(() => DocumentChain, { description: 'Its sale’s documents both ways: interest, offers, invoices, payments, shipments, events.' })
  chain(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.documentChain.load(`${CrmObjectType.INVOICE}:${i.id}`);
  }

  @FieldResolver(() => InvoiceViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() i: Invoice, @Ctx() ctx: Context) {
    return ctx.services.invoices.viewerCan(requireActor(ctx), i);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() i: Invoice, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('Invoice', i.id, page.first, page.after);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The catalog item.' })
  product(@Root() l: InvoiceLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}
