import DataLoader from 'dataloader';
import type { Services } from '../../../core/services';
import type { Actor } from '../../auth/user.entity';
import type { CrmObjectType } from '../../activities/activities.enums';
import type { CommercialOffer, CommercialOfferLine } from './commercial-offer.entity';
import type { Invoice, InvoiceLine } from './invoice.entity';
import type { Payment, PaymentAllocation } from './payment.entity';
import type { SalesFact, Shipment, ShipmentLine } from './shipment.entity';
import type { InvoiceBalance } from './invoice.service';
import type { DocumentChain } from './chain.service';

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function groupByKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const list = map.get(keyOf(r));
    if (list) list.push(r);
    else map.set(keyOf(r), [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

const EMPTY_CHAIN: DocumentChain = { interestIds: [], offers: [], invoices: [], payments: [], shipments: [], events: [] };

/**
 * Per-request loaders of the sales documents: documents by id within the actor's scope, and the parts of
 * documents the resolver has already been allowed to read (lines, balances, allocations, sales facts, chains).
 * Each is one statement per page, whatever its size.
 */
export function createSalesDocumentLoaders(services: Services, actor: Actor | null) {
  const scoped = <T>(fn: (a: Actor) => Promise<T[]>) => (actor ? fn(actor) : Promise.resolve([] as T[]));
  return {
    commercialOffer: new DataLoader<string, CommercialOffer | null>(async (ids) => byKey(ids, await scoped((a) => services.commercialOffers.byIds(a, ids)), (o) => o.id)),
    invoice: new DataLoader<string, Invoice | null>(async (ids) => byKey(ids, await scoped((a) => services.invoices.byIds(a, ids)), (i) => i.id)),
    payment: new DataLoader<string, Payment | null>(async (ids) => byKey(ids, await scoped((a) => services.payments.byIds(a, ids)), (p) => p.id)),
    shipment: new DataLoader<string, Shipment | null>(async (ids) => byKey(ids, await scoped((a) => services.shipments.byIds(a, ids)), (s) => s.id)),
    linesOfOffer: new DataLoader<string, CommercialOfferLine[]>(async (ids) => groupByKey(ids, await services.commercialOffers.linesOf(ids), (l) => l.offerId)),
    linesOfInvoice: new DataLoader<string, InvoiceLine[]>(async (ids) => groupByKey(ids, await services.invoices.linesOf(ids), (l) => l.invoiceId)),
    linesOfShipment: new DataLoader<string, ShipmentLine[]>(async (ids) => groupByKey(ids, await services.shipments.linesOf(ids), (l) => l.shipmentId)),
    invoiceBalance: new DataLoader<string, InvoiceBalance | null>(async (ids) => byKey(ids, await services.invoices.balances(ids), (b) => b.invoiceId)),
    allocationsOfPayment: new DataLoader<string, PaymentAllocation[]>(async (ids) => groupByKey(ids, await services.payments.allocationsOf(ids), (a) => a.paymentId)),
    allocationsOfInvoice: new DataLoader<string, PaymentAllocation[]>(async (ids) => groupByKey(ids, await services.payments.allocationsToInvoices(ids), (a) => a.invoiceId)),
    /** The payment of an allocation the actor reached through a visible payment or invoice. */
    paymentOfAllocation: new DataLoader<string, Payment | null>(async (ids) => byKey(ids, await services.payments.paymentsOfAllocations(ids), (p) => p.id)),
    paymentCounterpartyResponsible: new DataLoader<string, string | null>(async (ids) => {
      const rows = await services.payments.counterpartyResponsibles(ids);
      return byKey(ids, rows, (r) => r.paymentId).map((r) => r?.responsibleId ?? null);
    }),
    salesFactsOfShipment: new DataLoader<string, SalesFact[]>(async (ids) => groupByKey(ids, await services.shipments.factsOf(ids), (f) => f.shipmentId)),
    /** Chains keyed `TYPE:id`, all of a page in one batch (see ChainService). */
    documentChain: new DataLoader<string, DocumentChain>(async (keys) => {
      if (!actor) return keys.map(() => EMPTY_CHAIN);
      const roots = keys.map((k) => {
        const [type, id] = k.split(':');
        return { type: type as CrmObjectType, id };
      });
      const chains = await services.documentChains.chainsOf(actor, roots);
      return keys.map((k) => chains.get(k) ?? EMPTY_CHAIN);
    }),
  };
}
