import { DateTime } from 'luxon';
import { unique, type ApiClient, type TestServer } from '../../../test/harness';
import type { User } from '../../auth/user.entity';
import { VatRate } from '../catalog/catalog.enums';
import { salesFactories } from '../interests/interests.testing';

export const OFFER_FIELDS = `id number date state effectiveState validUntil vatMode amount vat total version interestId counterpartyId contactPersonId responsibleId pdfUrl
  lines { lineNo productId quantity price discountPercent vatRate vatPercent amount vat total }
  viewerCan { update send markSent accept reject createInvoice }`;
export const INVOICE_FIELDS = `id number date vatMode amount vat total version posted paymentDueDate paymentState paidAmount amountDue overdue pdfUrl
  interestId offerId counterpartyId contactPersonId responsibleId organizationId bankAccountId
  lines { id lineNo productId quantity price discountPercent vatRate vatPercent amount vat total }
  viewerCan { update post unpost send registerPayment createShipment }`;
export const PAYMENT_FIELDS = `id number date amount cancelled counterpartyId allocations { invoiceId amount invoice { id number } }`;
export const SHIPMENT_FIELDS = `id number date posted amount vat total invoiceId responsibleId
  lines { lineNo invoiceLineId productId quantity price amount vat total }
  salesFacts { date line productId counterpartyId managerId quantity revenueWithoutVat vat revenue cost }`;

export const CREATE_OFFER = `mutation($i: CreateCommercialOfferInput!) { createCommercialOffer(input: $i) { ${OFFER_FIELDS} } }`;
export const CREATE_INVOICE = `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ${INVOICE_FIELDS} } }`;
export const POST_INVOICE = `mutation($id: ID!) { postInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const UNPOST_INVOICE = `mutation($id: ID!) { unpostInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const GET_INVOICE = `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const CREATE_PAYMENT = `mutation($i: CreatePaymentInput!) { createPayment(input: $i) { ${PAYMENT_FIELDS} } }`;
export const CANCEL_PAYMENT = `mutation($id: ID!, $i: CancelPaymentInput!) { cancelPayment(id: $id, input: $i) { ${PAYMENT_FIELDS} } }`;
export const CREATE_SHIPMENT = `mutation($i: CreateShipmentInput!) { createShipment(input: $i) { ${SHIPMENT_FIELDS} } }`;
export const POST_SHIPMENT = `mutation($id: ID!) { postShipment(id: $id) { ${SHIPMENT_FIELDS} } }`;
export const UNPOST_SHIPMENT = `mutation($id: ID!) { unpostShipment(id: $id) { ${SHIPMENT_FIELDS} } }`;

/** Test data of the sales documents, built through the services (setup only; what is tested goes over HTTP). */
export function documentFactories(t: TestServer) {
  const sales = salesFactories(t);
  const services = t.app.services;
  return {
    ...sales,
    async product(input: { price?: string; vatRate?: VatRate; costPrice?: string | null; name?: string } = {}) {
      return services.products.create(await t.factories.admin(), {
        name: input.name ?? unique('Товар '),
        price: input.price ?? '100.00',
        vatRate: input.vatRate ?? VatRate.VAT_20,
        costPrice: input.costPrice === undefined ? null : input.costPrice,
      });
    },
    /** An interest of `responsible` (with their own new client) with the given lines. */
    async interestWith(responsible: User, lines: Array<{ productId: string; quantity: string; price?: string }>) {
      return sales.interest(responsible, { lines });
    },
    /** A posted invoice of `client` (signed in as `responsible`) for a new counterparty of theirs. */
    async postedInvoice(client: ApiClient, responsible: User, input: { price?: string; quantity?: string; paymentDueDate?: string; counterpartyId?: string } = {}) {
      const product = await this.product({ price: input.price ?? '1000.00' });
      const counterpartyId = input.counterpartyId ?? (await t.factories.counterparty(responsible)).id;
      const created = (await client.ok(CREATE_INVOICE, { i: { counterpartyId, lines: [{ productId: product.id, quantity: input.quantity ?? '1' }], paymentDueDate: input.paymentDueDate } }))
        .createInvoice;
      return (await client.ok(POST_INVOICE, { id: created.id })).postInvoice as { id: string; number: string; total: string; counterpartyId: string; lines: Array<{ id: string }> };
    },
  };
}

/** A calendar date `days` from today where test users are (their default zone, Europe/Moscow), `YYYY-MM-DD`. */
export const daysFromToday = (days: number) => DateTime.now().setZone('Europe/Moscow').plus({ days }).toISODate()!;
