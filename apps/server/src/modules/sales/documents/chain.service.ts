import type { Actor } from '../../auth/user.entity';
import { scopeOf } from '../../auth/access';
import { CrmObjectType } from '../../activities/activities.enums';
import type { Event } from '../../activities/event.entity';
import { isId } from '../../../core/ids';
import { CommercialOffer } from './commercial-offer.entity';
import { Invoice } from './invoice.entity';
import { Payment, PaymentAllocation } from './payment.entity';
import { Shipment } from './shipment.entity';
import { scopeByResponsible, type SalesDeps } from './documents.common';

/** A document the chain starts from. */
export interface ChainRoot {
  type: CrmObjectType;
  id: string;
}

/** Everything linked to a sale, both ways: interest → offers → invoices → payments and shipments → events. */
export interface DocumentChain {
  interestIds: string[];
  offers: CommercialOffer[];
  invoices: Invoice[];
  payments: Payment[];
  shipments: Shipment[];
  events: Event[];
}

interface Seeds {
  interests: Set<string>;
  offers: Set<string>;
  invoices: Set<string>;
  payments: Set<string>;
  shipments: Set<string>;
}

const keyOf = (r: ChainRoot) => `${r.type}:${r.id}`;
const union = (sets: Iterable<Set<string>>) => {
  const out = new Set<string>();
  for (const s of sets) for (const v of s) out.add(v);
  return [...out];
};
const byDate = <T extends { date: string; number: string }>(a: T, b: T) => (a.date === b.date ? a.number.localeCompare(b.number) : a.date.localeCompare(b.date));

/**
 * Builds the chains of many documents at once (a DataLoader batch): a fixed number of statements whatever the
 * number of roots — the roots' own links, then one statement per level (offers, invoices, payments, shipments,
 * events) for all roots together, each within the actor's scope; the rows are then dealt out to each root.
 * A payment shows in the chain of an invoice it pays (the invoice's chain is the actor's to see).
 */
export class ChainService {
  constructor(private readonly d: SalesDeps) {}

  async chainsOf(actor: Actor, rootsIn: readonly ChainRoot[]): Promise<Map<string, DocumentChain>> {
    const roots = rootsIn.filter((r) => isId(r.id));
    const seeds = new Map<string, Seeds>(roots.map((r) => [keyOf(r), { interests: new Set(), offers: new Set(), invoices: new Set(), payments: new Set(), shipments: new Set() }]));
    const ofType = (type: CrmObjectType) => roots.filter((r) => r.type === type).map((r) => r.id);
    const seed = (type: CrmObjectType, id: string) => seeds.get(`${type}:${id}`)!;

    // Level 0: where each root sits (its interest, offer, invoice), one statement per type of root.
    for (const id of ofType(CrmObjectType.CLIENT_INTEREST)) seed(CrmObjectType.CLIENT_INTEREST, id).interests.add(id);
    const offerRoots = ofType(CrmObjectType.COMMERCIAL_OFFER);
    const invoiceRoots = ofType(CrmObjectType.INVOICE);
    const paymentRoots = ofType(CrmObjectType.PAYMENT);
    const shipmentRoots = ofType(CrmObjectType.SHIPMENT);
    const db = this.d.db;
    await Promise.all([
      offerRoots.length &&
        db.query(`SELECT id, interest_id FROM commercial_offers WHERE id = ANY($1)`, [offerRoots]).then((rows: Array<{ id: string; interest_id: string | null }>) => {
          for (const r of rows) {
            const s = seed(CrmObjectType.COMMERCIAL_OFFER, r.id);
            s.offers.add(r.id);
            if (r.interest_id) s.interests.add(r.interest_id);
          }
        }),
      invoiceRoots.length &&
        db.query(`SELECT id, interest_id, offer_id FROM invoices WHERE id = ANY($1)`, [invoiceRoots]).then((rows: Array<{ id: string; interest_id: string | null; offer_id: string | null }>) => {
          for (const r of rows) {
            const s = seed(CrmObjectType.INVOICE, r.id);
            s.invoices.add(r.id);
            if (r.offer_id) s.offers.add(r.offer_id);
            if (r.interest_id) s.interests.add(r.interest_id);
          }
        }),
      paymentRoots.length &&
        db
          .query(`SELECT p.id, i.id AS invoice_id, i.interest_id, i.offer_id FROM payments p LEFT JOIN payment_allocations a ON a.payment_id = p.id LEFT JOIN invoices i ON i.id = a.invoice_id WHERE p.id = ANY($1)`, [paymentRoots])
          .then((rows: Array<{ id: string; invoice_id: string | null; interest_id: string | null; offer_id: string | null }>) => {
            for (const r of rows) {
              const s = seed(CrmObjectType.PAYMENT, r.id);
              s.payments.add(r.id);
              if (r.invoice_id) s.invoices.add(r.invoice_id);
              if (r.offer_id) s.offers.add(r.offer_id);
              if (r.interest_id) s.interests.add(r.interest_id);
            }
          }),
      shipmentRoots.length &&
        db
          .query(`SELECT s.id, s.invoice_id, i.interest_id, i.offer_id FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.id = ANY($1)`, [shipmentRoots])
          .then((rows: Array<{ id: string; invoice_id: string; interest_id: string | null; offer_id: string | null }>) => {
            for (const r of rows) {
              const s = seed(CrmObjectType.SHIPMENT, r.id);
              s.shipments.add(r.id);
              s.invoices.add(r.invoice_id);
              if (r.offer_id) s.offers.add(r.offer_id);
              if (r.interest_id) s.interests.add(r.interest_id);
            }
          }),
    ]);
    // Roots not found (no longer there) keep empty seeds: their chain is empty.
    const all = [...seeds.values()];
    const interestIds = union(all.map((s) => s.interests));

    // Level 1: offers of the interests, and the roots' own offers.
    const offers = await scopeByResponsible(db.getRepository(CommercialOffer).createQueryBuilder('o'), actor, 'o')
      .andWhere('(o.interest_id = ANY(:interests) OR o.id = ANY(:ids))', { interests: interestIds, ids: union(all.map((s) => s.offers)) })
      .getMany();
    // Level 2: invoices of the interests or of those offers, and the roots' own invoices.
    const invoices = await scopeByResponsible(db.getRepository(Invoice).createQueryBuilder('i'), actor, 'i')
      .andWhere('(i.interest_id = ANY(:interests) OR i.offer_id = ANY(:offers) OR i.id = ANY(:ids))', { interests: interestIds, offers: offers.map((o) => o.id), ids: union(all.map((s) => s.invoices)) })
      .getMany();
    const invoiceIds = invoices.map((i) => i.id);
    // Level 3: payments on those invoices (and the roots' own payments), and their shipments.
    const [paymentRows, shipments] = await Promise.all([
      (async () => {
        const scope = scopeOf(actor).read;
        // Payments on the chain's invoices need no more checking (their invoice is the actor's to see); the roots'
        // own payments are scoped like any payment.
        const own = scope
          ? `(p.id = ANY(:ownIds) AND (EXISTS (SELECT 1 FROM counterparties sc WHERE sc.id = p.counterparty_id AND sc.responsible_id = ANY(:scopeIds))
               OR EXISTS (SELECT 1 FROM payment_allocations sa JOIN invoices si ON si.id = sa.invoice_id WHERE sa.payment_id = p.id AND si.responsible_id = ANY(:scopeIds))))`
          : 'p.id = ANY(:ownIds)';
        const { entities, raw } = await db
          .getRepository(Payment)
          .createQueryBuilder('p')
          .leftJoin(PaymentAllocation, 'a', 'a.payment_id = p.id')
          .addSelect(`coalesce(array_agg(a.invoice_id) FILTER (WHERE a.invoice_id = ANY(:invoices)), '{}')`, 'invoice_ids')
          .where(`(p.id IN (SELECT pa.payment_id FROM payment_allocations pa WHERE pa.invoice_id = ANY(:invoices)) OR ${own})`, {
            invoices: invoiceIds,
            ownIds: union(all.map((s) => s.payments)),
            scopeIds: scope,
          })
          .groupBy('p.id')
          .getRawAndEntities();
        const links = new Map(raw.map((r: { p_id: string; invoice_ids: string[] | string }) => [r.p_id, parseUuidArray(r.invoice_ids)]));
        return entities.map((p) => ({ payment: p, invoiceIds: links.get(p.id) ?? [] }));
      })(),
      scopeByResponsible(db.getRepository(Shipment).createQueryBuilder('s'), actor, 's')
        .andWhere('(s.invoice_id = ANY(:invoices) OR s.id = ANY(:ids))', { invoices: invoiceIds, ids: union(all.map((s) => s.shipments)) })
        .getMany(),
    ]);
    // Level 4: events entered based on any document of the chains.
    const refs = [
      ...interestIds.map((id) => ({ type: CrmObjectType.CLIENT_INTEREST, id })),
      ...offers.map((o) => ({ type: CrmObjectType.COMMERCIAL_OFFER, id: o.id })),
      ...invoices.map((i) => ({ type: CrmObjectType.INVOICE, id: i.id })),
      ...paymentRows.map((p) => ({ type: CrmObjectType.PAYMENT, id: p.payment.id })),
      ...shipments.map((s) => ({ type: CrmObjectType.SHIPMENT, id: s.id })),
    ];
    const events = await this.d.events.basedOnAny(actor, refs);

    // Deal the rows out to each root.
    const out = new Map<string, DocumentChain>();
    for (const [key, s] of seeds) {
      const myOffers = offers.filter((o) => (o.interestId && s.interests.has(o.interestId)) || s.offers.has(o.id)).sort(byDate);
      const offerIds = new Set(myOffers.map((o) => o.id));
      const myInvoices = invoices.filter((i) => (i.interestId && s.interests.has(i.interestId)) || (i.offerId && offerIds.has(i.offerId)) || s.invoices.has(i.id)).sort(byDate);
      const myInvoiceIds = new Set(myInvoices.map((i) => i.id));
      const myPayments = paymentRows.filter((p) => s.payments.has(p.payment.id) || p.invoiceIds.some((id) => myInvoiceIds.has(id))).map((p) => p.payment).sort(byDate);
      const myShipments = shipments.filter((sh) => s.shipments.has(sh.id) || myInvoiceIds.has(sh.invoiceId)).sort(byDate);
      const mine = new Set([
        ...[...s.interests].map((id) => `${CrmObjectType.CLIENT_INTEREST}:${id}`),
        ...myOffers.map((o) => `${CrmObjectType.COMMERCIAL_OFFER}:${o.id}`),
        ...myInvoices.map((i) => `${CrmObjectType.INVOICE}:${i.id}`),
        ...myPayments.map((p) => `${CrmObjectType.PAYMENT}:${p.id}`),
        ...myShipments.map((sh) => `${CrmObjectType.SHIPMENT}:${sh.id}`),
      ]);
      out.set(key, {
        interestIds: [...s.interests],
        offers: myOffers,
        invoices: myInvoices,
        payments: myPayments,
        shipments: myShipments,
        events: events.filter((e) => e.basedOnType && e.basedOnId && mine.has(`${e.basedOnType}:${e.basedOnId}`)),
      });
    }
    return out;
  }
}

/** node-postgres gives uuid[] as an array, or as `{a,b}` text when the type is not registered. */
function parseUuidArray(value: string[] | string | null): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}
