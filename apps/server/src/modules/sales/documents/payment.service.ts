import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../auth/user.entity';
import { canRead, canWrite, scopeOf } from '../../auth/access';
import { diffSnapshots } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { withTransaction } from '../../../core/database/transaction';
import { nextDocumentNumber } from '../../../core/numbering';
import { requireMoney, toMoneyString } from '../../../core/decimal';
import { Dec } from '../money';
import { formatMoneyRu } from '../print/format';
import { Invoice } from './invoice.entity';
import { Payment, PaymentAllocation } from './payment.entity';
import type { CancelPaymentInput, CreatePaymentInput, PaymentFilter } from './documents.inputs';
import type { InvoiceService } from './invoice.service';
import { documentDate, numberPattern, numberingInstant, pageByDate, resolveClient, shortDate, type SalesDeps } from './documents.common';

const ENTITY = 'Payment';
const WHAT = 'Payment';

/**
 * Who sees a payment: whoever sees its counterparty (the counterparty's responsible is in their scope) or any
 * invoice it pays (the invoice's responsible is). So a manager sees the money that came in for their clients and
 * for their invoices, and never a colleague's other payments. Alias `p`; `:scopeIds` is bound by the caller.
 */
const PAYMENT_SCOPE_SQL = `(EXISTS (SELECT 1 FROM counterparties sc WHERE sc.id = p.counterparty_id AND sc.responsible_id = ANY(:scopeIds))
  OR EXISTS (SELECT 1 FROM payment_allocations sa JOIN invoices si ON si.id = sa.invoice_id WHERE sa.payment_id = p.id AND si.responsible_id = ANY(:scopeIds)))`;

export interface PaymentWithAllocations {
  payment: Payment;
  allocations: PaymentAllocation[];
}

/** Payment receipts and their allocations to invoices. The paid amount of an invoice is derived from these only. */
export class PaymentService {
  constructor(
    private readonly d: SalesDeps,
    private readonly invoices: InvoiceService,
  ) {}

  private scoped(actor: Actor): SelectQueryBuilder<Payment> {
    const qb = this.d.db.getRepository(Payment).createQueryBuilder('p');
    const ids = scopeOf(actor).read;
    if (ids) qb.andWhere(PAYMENT_SCOPE_SQL, { scopeIds: ids });
    return qb;
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<Payment[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('p.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<Payment> {
    const [p] = await this.byIds(actor, [requireId(id)]);
    if (!p) throw notFound(WHAT);
    return p;
  }

  /** Allocations of payments the caller may see. */
  async allocationsOf(paymentIds: readonly string[]): Promise<PaymentAllocation[]> {
    if (!paymentIds.length) return [];
    return this.d.db.getRepository(PaymentAllocation).createQueryBuilder('a').where('a.payment_id = ANY(:ids)', { ids: paymentIds }).getMany();
  }

  /** Allocations to invoices the caller may see (an invoice shows every payment made on it), cancelled payments' included. */
  async allocationsToInvoices(invoiceIds: readonly string[]): Promise<PaymentAllocation[]> {
    if (!invoiceIds.length) return [];
    return this.d.db
      .getRepository(PaymentAllocation)
      .createQueryBuilder('a')
      .innerJoin(Payment, 'p', 'p.id = a.payment_id')
      .where('a.invoice_id = ANY(:ids)', { ids: invoiceIds })
      .orderBy('p.date')
      .addOrderBy('p.number')
      .getMany();
  }

  /** Payments behind allocations the caller was allowed to see through their invoices (not scoped again). */
  async paymentsOfAllocations(paymentIds: readonly string[]): Promise<Payment[]> {
    const ids = paymentIds.filter(isId);
    if (!ids.length) return [];
    return this.d.db.getRepository(Payment).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
  }

  /** Who may change a payment: whoever may change its counterparty. */
  private async counterpartyResponsible(tx: EntityManager, counterpartyId: string): Promise<string> {
    const [row] = await tx.query(`SELECT responsible_id FROM counterparties WHERE id = $1`, [counterpartyId]);
    return row.responsible_id;
  }

  viewerCan(actor: Actor, p: Payment, counterpartyResponsibleId: string | null) {
    return { cancel: !p.cancelled && counterpartyResponsibleId !== null && canWrite(actor, counterpartyResponsibleId) };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: PaymentFilter = {}) {
    const qb = this.scoped(actor);
    if (!filter.includeCancelled) qb.andWhere('NOT p.cancelled');
    if (filter.counterpartyId) qb.andWhere('p.counterparty_id = :cp', { cp: filter.counterpartyId });
    if (filter.invoiceId) qb.andWhere('EXISTS (SELECT 1 FROM payment_allocations fa WHERE fa.payment_id = p.id AND fa.invoice_id = :inv)', { inv: filter.invoiceId });
    if (filter.search?.trim()) qb.andWhere('lower(p.number) LIKE :s', { s: numberPattern(filter.search) });
    return pageByDate(qb, 'p', first, after);
  }

  /**
   * Registers a payment and allocates it. Every allocation is checked against its invoice locked FOR UPDATE (in id
   * order, so concurrent payments queue instead of deadlocking): a posted invoice of the same counterparty, in my
   * scope, and no more than what remains unpaid on it. Any error changes nothing.
   */
  async create(actor: Actor, input: CreatePaymentInput): Promise<Payment> {
    const amount = requireMoney(input.amount, 'amount', 'positive');
    const allocations = (input.allocations ?? []).map((a, i) => ({ invoiceId: a.invoiceId, amount: requireMoney(a.amount, `allocations.${i}.amount`, 'positive'), index: i }));
    const seen = new Set<string>();
    for (const a of allocations) {
      if (seen.has(a.invoiceId)) throw badInput(`allocations.${a.index}.invoiceId`, 'The invoice is allocated twice: give one amount per invoice', 'DUPLICATE');
      seen.add(a.invoiceId);
    }
    const allocated = allocations.reduce((s, a) => s.plus(a.amount), new Dec(0));
    if (allocated.gt(amount)) {
      throw badInput('allocations', `The allocations (${formatMoneyRu(allocated)}) exceed the payment (${formatMoneyRu(amount)})`, 'ALLOCATIONS_EXCEED_PAYMENT');
    }
    await resolveClient(this.d, actor, input.counterpartyId, null);
    const date = documentDate(actor, input.date);

    return withTransaction(this.d.db, async (tx) => {
      const locked = allocations.length
        ? await tx.getRepository(Invoice).createQueryBuilder('i').where('i.id = ANY(:ids)', { ids: allocations.map((a) => a.invoiceId) }).orderBy('i.id').setLock('pessimistic_write').getMany()
        : [];
      const byId = new Map(locked.map((i) => [i.id, i]));
      const balances = new Map((await this.invoices.balances(locked.map((i) => i.id), tx)).map((b) => [b.invoiceId, b]));
      const wasExpected = new Map<string, boolean>();
      for (const a of allocations) {
        const at = `allocations.${a.index}`;
        const invoice = byId.get(a.invoiceId);
        if (!invoice || !canRead(actor, invoice.responsibleId)) throw badInput(`${at}.invoiceId`, 'The invoice does not exist or is outside your scope', 'NOT_FOUND');
        if (!canWrite(actor, invoice.responsibleId)) throw forbidden(`You can only register payments on invoices you are responsible for (${invoice.number})`);
        if (invoice.counterpartyId !== input.counterpartyId) throw badInput(`${at}.invoiceId`, `${invoice.number} is an invoice to another counterparty`, 'INVOICE_OF_OTHER_COUNTERPARTY');
        if (!invoice.posted) throw badInput(`${at}.invoiceId`, `${invoice.number} is not posted: post it before paying it`, 'INVOICE_NOT_POSTED');
        const due = new Dec(balances.get(invoice.id)!.due);
        if (a.amount.gt(due)) {
          throw badInput(`${at}.amount`, `Only ${formatMoneyRu(due.isNegative() ? new Dec(0) : due)} remains unpaid on ${invoice.number}`, 'EXCEEDS_AMOUNT_DUE');
        }
        wasExpected.set(invoice.id, await this.invoices.expectsPayment(tx, invoice));
      }
      const repo = tx.getRepository(Payment);
      const draft = repo.create({
        date,
        counterpartyId: input.counterpartyId,
        amount: toMoneyString(amount),
        comment: input.comment?.trim() || null,
        cancelled: false,
        cancelledAt: null,
        cancelReason: null,
        createdById: actor.id,
      });
      // The number last: the counter row stays locked until commit, so it is taken as late as possible.
      draft.number = await nextDocumentNumber(tx, 'PAY', numberingInstant(date));
      const saved = await repo.save(draft);
      if (allocations.length) {
        await tx.query(
          `INSERT INTO payment_allocations (payment_id, invoice_id, amount) SELECT $1, t.invoice_id, t.amount FROM unnest($2::uuid[], $3::numeric[]) AS t(invoice_id, amount)`,
          [saved.id, allocations.map((a) => a.invoiceId), allocations.map((a) => toMoneyString(a.amount))],
        );
      }
      await this.d.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: saved.id,
        entityLabel: saved.number,
        action: AuditAction.CREATE,
        changes: diffSnapshots({}, {
          number: saved.number,
          date: saved.date,
          counterpartyId: saved.counterpartyId,
          amount: saved.amount,
          comment: saved.comment,
          allocations: allocations.map((a) => `${byId.get(a.invoiceId)!.number}: ${toMoneyString(a.amount)}`),
        }),
      });
      // A fully paid invoice expects nothing more: its expected-payment reminder goes.
      for (const invoice of locked) {
        await this.invoices.syncExpectedPayment(tx, invoice, wasExpected.get(invoice.id)!);
        await this.invoices.winInterestIfClosed(tx, actor, invoice);
      }
      return saved;
    });
  }

  /**
   * Cancels a payment (it keeps its number: numbering has no gaps). Its allocations stop counting, so the invoices
   * it paid are due again and expect their payment once more.
   */
  async cancel(actor: Actor, idRaw: string, input: CancelPaymentInput): Promise<Payment> {
    const id = requireId(idRaw);
    const reason = input.reason.trim();
    if (!reason) throw badInput('reason', 'Give the reason', 'REQUIRED');
    return withTransaction(this.d.db, async (tx) => {
      const p = await tx.getRepository(Payment).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!p || !(await this.byIdsIn(tx, actor, [id])).length) throw notFound(WHAT);
      const owner = await this.counterpartyResponsible(tx, p.counterpartyId);
      if (!canWrite(actor, owner)) throw forbidden("You can only cancel payments of your own counterparties");
      if (p.cancelled) throw conflict(`${p.number} is already cancelled`, { reason: 'ALREADY_CANCELLED' });
      const invoices = await tx
        .getRepository(Invoice)
        .createQueryBuilder('i')
        .where('i.id IN (SELECT invoice_id FROM payment_allocations WHERE payment_id = :id)', { id })
        .orderBy('i.id')
        .setLock('pessimistic_write')
        .getMany();
      const wasExpected = new Map<string, boolean>();
      for (const i of invoices) wasExpected.set(i.id, await this.invoices.expectsPayment(tx, i));
      await tx.query(`UPDATE payments SET cancelled = true, cancelled_at = now(), cancel_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, reason]);
      await this.d.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: id,
        entityLabel: p.number,
        action: AuditAction.UPDATE,
        changes: [
          { field: 'cancelled', old: false, new: true },
          { field: 'cancelReason', old: null, new: reason },
        ],
      });
      for (const i of invoices) await this.invoices.syncExpectedPayment(tx, i, wasExpected.get(i.id)!);
      const [fresh] = await tx.getRepository(Payment).find({ where: { id } });
      return fresh;
    });
  }

  /** The scope check inside a transaction (the same rule as `scoped`). */
  private async byIdsIn(tx: EntityManager, actor: Actor, ids: string[]) {
    const qb = tx.getRepository(Payment).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids });
    const scope = scopeOf(actor).read;
    if (scope) qb.andWhere(PAYMENT_SCOPE_SQL, { scopeIds: scope });
    return qb.getMany();
  }

  /** Responsible of each payment's counterparty (for `viewerCan`), for payments the caller may see. */
  async counterpartyResponsibles(paymentIds: readonly string[]): Promise<Array<{ paymentId: string; responsibleId: string }>> {
    if (!paymentIds.length) return [];
    const rows: Array<{ id: string; responsible_id: string }> = await this.d.db.query(
      `SELECT p.id, c.responsible_id FROM payments p JOIN counterparties c ON c.id = p.counterparty_id WHERE p.id = ANY($1)`,
      [paymentIds],
    );
    return rows.map((r) => ({ paymentId: r.id, responsibleId: r.responsible_id }));
  }

  titles = async (actor: Actor, ids: readonly string[]) => (await this.byIds(actor, ids)).map((p) => ({ id: p.id, title: `Оплата ${p.number} от ${shortDate(p.date)}` }));

  /** An event entered based on a payment is with its counterparty. */
  parties = async (actor: Actor, id: string) => {
    const [p] = await this.byIds(actor, [id]);
    return p ? { counterpartyId: p.counterpartyId, contactPersonId: null } : null;
  };
}
