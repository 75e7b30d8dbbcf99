import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/user.entity';
import { canRead, canWrite } from '../../auth/access';
import { diffSnapshots } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { updateReturning, withTransaction } from '../../../core/database/transaction';
import { nextDocumentNumber } from '../../../core/numbering';
import { requireQuantity, toQuantityString } from '../../../core/decimal';
import { Dec, documentTotals, money } from '../money';
import { Invoice, InvoiceLine } from './invoice.entity';
import { Shipment, ShipmentLine, type SalesFact } from './shipment.entity';
import type { CreateShipmentInput, ShipmentFilter } from './documents.inputs';
import { assertWritable, documentDate, numberPattern, numberingInstant, pageByDate, scopeByResponsible, shortDate, type SalesDeps } from './documents.common';
import { linesSnapshot } from './document-lines';
import type { InvoiceService } from './invoice.service';

const ENTITY = 'Shipment';
const WHAT = 'Shipment';

const snapshot = (s: Shipment) => ({ number: s.number, date: s.date, posted: s.posted, total: s.total, comment: s.comment });

/** Shipments of posted invoices; posting one writes its lines to the sales register (`sales_facts`). */
export class ShipmentService {
  constructor(
    private readonly d: SalesDeps,
    private readonly invoices: InvoiceService,
  ) {}

  private scoped(actor: Actor) {
    return scopeByResponsible(this.d.db.getRepository(Shipment).createQueryBuilder('s'), actor, 's');
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<Shipment[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('s.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<Shipment> {
    const [s] = await this.byIds(actor, [requireId(id)]);
    if (!s) throw notFound(WHAT);
    return s;
  }

  async linesOf(shipmentIds: readonly string[]): Promise<ShipmentLine[]> {
    if (!shipmentIds.length) return [];
    return this.d.db.getRepository(ShipmentLine).createQueryBuilder('l').where('l.shipment_id = ANY(:ids)', { ids: shipmentIds }).orderBy('l.line_no').getMany();
  }

  /** Sales facts of shipments the caller may see. */
  async factsOf(shipmentIds: readonly string[]): Promise<Array<SalesFact & { shipmentId: string }>> {
    if (!shipmentIds.length) return [];
    const rows: Array<Record<string, string | number | null>> = await this.d.db.query(
      `SELECT shipment_id, date::text AS date, line, product_id, counterparty_id, manager_id, quantity, revenue_without_vat, vat, revenue, cost
         FROM sales_facts WHERE shipment_id = ANY($1) ORDER BY shipment_id, line`,
      [shipmentIds],
    );
    return rows.map((r) => ({
      shipmentId: r.shipment_id as string,
      date: r.date as string,
      line: r.line as number,
      productId: r.product_id as string,
      counterpartyId: r.counterparty_id as string,
      managerId: r.manager_id as string,
      quantity: r.quantity as string,
      revenueWithoutVat: r.revenue_without_vat as string,
      vat: r.vat as string,
      revenue: r.revenue as string,
      cost: r.cost as string | null,
    }));
  }

  viewerCan(actor: Actor, s: Shipment) {
    const write = canWrite(actor, s.responsibleId);
    return { post: write && !s.posted, unpost: write && s.posted };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: ShipmentFilter = {}) {
    const qb = this.scoped(actor);
    if (filter.posted !== undefined && filter.posted !== null) qb.andWhere('s.posted = :posted', { posted: filter.posted });
    if (filter.counterpartyId) qb.andWhere('s.counterparty_id = :cp', { cp: filter.counterpartyId });
    if (filter.invoiceId) qb.andWhere('s.invoice_id = :inv', { inv: filter.invoiceId });
    if (filter.responsibleId) qb.andWhere('s.responsible_id = :resp', { resp: filter.responsibleId });
    if (filter.search?.trim()) qb.andWhere('lower(s.number) LIKE :s', { s: numberPattern(filter.search) });
    return pageByDate(qb, 's', first, after);
  }

  /** How much of each invoice line is already on shipments (posted or not, or only posted ones). */
  private async shippedQuantities(tx: EntityManager, invoiceId: string, postedOnly: boolean, exceptShipmentId?: string): Promise<Map<string, Dec>> {
    const rows: Array<{ invoice_line_id: string; quantity: string }> = await tx.query(
      `SELECT sl.invoice_line_id, sum(sl.quantity) AS quantity FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
        WHERE s.invoice_id = $1 AND ($2::boolean = false OR s.posted) AND ($3::uuid IS NULL OR s.id <> $3) GROUP BY sl.invoice_line_id`,
      [invoiceId, postedOnly, exceptShipmentId ?? null],
    );
    return new Map(rows.map((r) => [r.invoice_line_id, new Dec(r.quantity)]));
  }

  /** A shipment of what is left to ship of a posted invoice (all of it, or the given quantities of its lines). */
  async create(actor: Actor, input: CreateShipmentInput): Promise<Shipment> {
    const date = documentDate(actor, input.date);
    return withTransaction(this.d.db, async (tx) => {
      // Locked: shipments of one invoice are created one at a time, so two cannot both take what is left.
      const invoice = await tx.getRepository(Invoice).findOne({ where: { id: input.basedOnInvoiceId }, lock: { mode: 'pessimistic_write' } });
      if (!invoice || !canRead(actor, invoice.responsibleId)) throw badInput('basedOnInvoiceId', 'The invoice does not exist or is outside your scope', 'NOT_FOUND');
      if (!canWrite(actor, invoice.responsibleId)) throw forbidden(`You can only ship invoices you are responsible for (${invoice.number})`);
      if (!invoice.posted) throw badInput('basedOnInvoiceId', `${invoice.number} is not posted: post it before shipping it`, 'INVOICE_NOT_POSTED');
      const invoiceLines = await tx.getRepository(InvoiceLine).find({ where: { invoiceId: invoice.id }, order: { lineNo: 'ASC' } });
      const shipped = await this.shippedQuantities(tx, invoice.id, false);
      const left = (l: InvoiceLine) => new Dec(l.quantity).minus(shipped.get(l.id) ?? 0);
      let wanted: Array<{ line: InvoiceLine; quantity: Dec }>;
      if (input.lines) {
        const byId = new Map(invoiceLines.map((l) => [l.id, l]));
        const seen = new Set<string>();
        wanted = input.lines.map((l, i) => {
          const line = byId.get(l.invoiceLineId);
          if (!line) throw badInput(`lines.${i}.invoiceLineId`, `Not a line of ${invoice.number}`, 'NOT_FOUND');
          if (seen.has(line.id)) throw badInput(`lines.${i}.invoiceLineId`, 'The line is given twice', 'DUPLICATE');
          seen.add(line.id);
          const quantity = requireQuantity(l.quantity, `lines.${i}.quantity`);
          if (quantity.gt(left(line))) throw badInput(`lines.${i}.quantity`, `Only ${left(line).toFixed()} is left to ship of line ${line.lineNo}`, 'EXCEEDS_REMAINING');
          return { line, quantity };
        });
      } else {
        wanted = invoiceLines.map((line) => ({ line, quantity: left(line) })).filter((w) => w.quantity.gt(0));
      }
      if (!wanted.length) throw badInput(input.lines ? 'lines' : 'basedOnInvoiceId', `Everything on ${invoice.number} has been shipped`, 'NOTHING_TO_SHIP');

      // The invoice's prices, discounts and VAT percents, for the shipped quantities.
      const totals = documentTotals(
        wanted.map((w) => ({ quantity: w.quantity, price: w.line.price, discountPercent: w.line.discountPercent, vatPercent: w.line.vatPercent })),
        invoice.vatMode,
      );
      const repo = tx.getRepository(Shipment);
      const draft = repo.create({
        date,
        invoiceId: invoice.id,
        interestId: invoice.interestId,
        counterpartyId: invoice.counterpartyId,
        organizationId: invoice.organizationId,
        responsibleId: invoice.responsibleId,
        vatMode: invoice.vatMode,
        posted: false,
        postedAt: null,
        amount: money(totals.amount),
        vat: money(totals.vat),
        total: money(totals.total),
        comment: input.comment?.trim() || null,
        createdById: actor.id,
      });
      // The number last: the counter row stays locked until commit, so it is taken as late as possible.
      draft.number = await nextDocumentNumber(tx, 'SH', numberingInstant(date));
      const saved = await repo.save(draft);
      const lines = wanted.map((w, i) => ({
        invoiceLineId: w.line.id,
        productId: w.line.productId,
        quantity: toQuantityString(w.quantity),
        price: w.line.price,
        discountPercent: w.line.discountPercent,
        vatRate: w.line.vatRate,
        vatPercent: w.line.vatPercent,
        amount: money(totals.lines[i].amount),
        vat: money(totals.lines[i].vat),
        total: money(totals.lines[i].total),
      }));
      await tx.query(
        `INSERT INTO shipment_lines (shipment_id, line_no, invoice_line_id, product_id, quantity, price, discount_percent, vat_rate, vat_percent, amount, vat, total)
         SELECT $1, t.line_no, t.invoice_line_id, t.product_id, t.quantity, t.price, t.discount_percent, t.vat_rate, t.vat_percent, t.amount, t.vat, t.total
           FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::numeric[], $6::numeric[], $7::numeric[], $8::text[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[])
             AS t(line_no, invoice_line_id, product_id, quantity, price, discount_percent, vat_rate, vat_percent, amount, vat, total)`,
        [
          saved.id,
          lines.map((_, i) => i + 1),
          lines.map((l) => l.invoiceLineId),
          lines.map((l) => l.productId),
          lines.map((l) => l.quantity),
          lines.map((l) => l.price),
          lines.map((l) => l.discountPercent),
          lines.map((l) => l.vatRate),
          lines.map((l) => l.vatPercent),
          lines.map((l) => l.amount),
          lines.map((l) => l.vat),
          lines.map((l) => l.total),
        ],
      );
      await this.d.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: saved.id,
        entityLabel: saved.number,
        action: AuditAction.CREATE,
        changes: diffSnapshots({}, { ...snapshot(saved), invoiceId: invoice.id, counterpartyId: saved.counterpartyId, responsibleId: saved.responsibleId, lines: linesSnapshot(lines) }),
      });
      return saved;
    });
  }

  private async lockForChange(tx: EntityManager, actor: Actor, idRaw: string) {
    const id = requireId(idRaw);
    const s = await tx.getRepository(Shipment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw notFound(WHAT);
    assertWritable(actor, s.responsibleId, WHAT);
    return s;
  }

  private async writeState(tx: EntityManager, actor: Actor, s: Shipment, posted: boolean) {
    const before = snapshot(s);
    const [row] = await updateReturning<{ version: number; updated_at: Date; posted_at: Date | null }>(
      tx,
      `UPDATE shipments SET posted = $2, posted_at = CASE WHEN $2 THEN now() END, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version, updated_at, posted_at`,
      [s.id, posted],
    );
    s.posted = posted;
    s.postedAt = row.posted_at;
    s.version = row.version;
    s.updatedAt = row.updated_at;
    await this.d.audit.record(tx, actor, { entityType: ENTITY, entityId: s.id, entityLabel: s.number, action: AuditAction.UPDATE, changes: diffSnapshots(before, snapshot(s)) });
  }

  /**
   * Posting records the sale: one sales fact per line (revenue with and without VAT, cost from the product's cost
   * price), written in the same transaction. The invoice must be posted and not over-shipped by posted shipments.
   */
  async post(actor: Actor, id: string): Promise<Shipment> {
    return withTransaction(this.d.db, async (tx) => {
      const s = await this.lockForChange(tx, actor, id);
      if (s.posted) throw conflict(`${s.number} is already posted`, { reason: 'ALREADY_POSTED' });
      const invoice = await tx.getRepository(Invoice).findOne({ where: { id: s.invoiceId }, lock: { mode: 'pessimistic_write' } });
      if (!invoice?.posted) throw conflict(`Its invoice ${invoice?.number ?? ''} is not posted: post it first`, { reason: 'INVOICE_NOT_POSTED' });
      const posted = await this.shippedQuantities(tx, invoice.id, true, s.id);
      const lines: Array<{ invoice_line_id: string; quantity: string; line_no: number; invoiced: string }> = await tx.query(
        `SELECT sl.invoice_line_id, sl.quantity, il.line_no, il.quantity AS invoiced FROM shipment_lines sl JOIN invoice_lines il ON il.id = sl.invoice_line_id
          WHERE sl.shipment_id = $1 ORDER BY il.line_no`,
        [s.id],
      );
      const over = lines.find((l) => new Dec(l.quantity).plus(posted.get(l.invoice_line_id) ?? 0).gt(l.invoiced));
      if (over) throw conflict(`Line ${over.line_no} of ${invoice.number} would be shipped more than invoiced`, { reason: 'EXCEEDS_INVOICE' });
      await tx.query(
        `INSERT INTO sales_facts (date, shipment_id, line, invoice_id, interest_id, organization_id, counterparty_id, product_id, manager_id,
                                  quantity, revenue_without_vat, vat, revenue, cost)
         SELECT s.date, s.id, sl.line_no, s.invoice_id, s.interest_id, s.organization_id, s.counterparty_id, sl.product_id, s.responsible_id,
                sl.quantity, sl.total - sl.vat, sl.vat, sl.total, round(sl.quantity * p.cost_price, 2)
           FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id JOIN products p ON p.id = sl.product_id
          WHERE s.id = $1`,
        [s.id],
      );
      await this.writeState(tx, actor, s, true);
      await this.invoices.winInterestIfClosed(tx, actor, invoice);
      return s;
    });
  }

  /** Unposting takes the sale back out of the sales register. */
  async unpost(actor: Actor, id: string): Promise<Shipment> {
    return withTransaction(this.d.db, async (tx) => {
      const s = await this.lockForChange(tx, actor, id);
      if (!s.posted) throw conflict(`${s.number} is not posted`, { reason: 'NOT_POSTED' });
      await tx.query(`DELETE FROM sales_facts WHERE shipment_id = $1`, [s.id]);
      await this.writeState(tx, actor, s, false);
      return s;
    });
  }

  titles = async (actor: Actor, ids: readonly string[]) => (await this.byIds(actor, ids)).map((s) => ({ id: s.id, title: `Реализация ${s.number} от ${shortDate(s.date)}` }));

  /** An event entered based on a shipment is with its buyer and the invoice's contact person. */
  parties = async (actor: Actor, id: string) => {
    const [s] = await this.byIds(actor, [id]);
    if (!s) return null;
    const [row] = await this.d.db.query(`SELECT contact_person_id FROM invoices WHERE id = $1`, [s.invoiceId]);
    return { counterpartyId: s.counterpartyId, contactPersonId: row?.contact_person_id ?? null };
  };
}
