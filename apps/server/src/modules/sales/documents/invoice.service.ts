import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { Actor } from '../../auth/user.entity';
import { canWrite } from '../../auth/access';
import { CrmObjectType } from '../../activities/activities.enums';
import { diffSnapshots } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, DomainError, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { withTransaction } from '../../../core/database/transaction';
import { nextDocumentNumber } from '../../../core/numbering';
import { requireLocalDate } from '../../../core/decimal';
import { formatMoneyRu } from '../print/format';
import { Invoice, InvoiceLine } from './invoice.entity';
import { CommercialOfferLine } from './commercial-offer.entity';
import { CommercialOfferState, InvoicePaymentState, UnpostRefusal, VatMode } from './documents.enums';
import type { CreateInvoiceInput, InvoiceFilter, UpdateInvoiceInput } from './documents.inputs';
import type { CommercialOfferService } from './commercial-offer.service';
import {
  assertDateInNumberYear,
  assertWritable,
  checkResponsible,
  documentDate,
  numberPattern,
  numberingInstant,
  pageByDate,
  readInterest,
  resolveClient,
  resolveOrganization,
  scopeByResponsible,
  shortDate,
  todayFor,
  writeVersioned,
  type SalesDeps,
} from './documents.common';
import { draftsFromInput, draftsFromProducts, linesSnapshot, priceLines, writeLines, type LineDraft } from './document-lines';

const ENTITY = 'Invoice';
const WHAT = 'Invoice';
/** The expected-payment reminder fires at this hour of the due date, in the responsible's time zone. */
export const EXPECTED_PAYMENT_HOUR = 9;

const snapshot = (i: Invoice, lines?: ReturnType<typeof linesSnapshot>) => ({
  number: i.number,
  date: i.date,
  interestId: i.interestId,
  offerId: i.offerId,
  counterpartyId: i.counterpartyId,
  contactPersonId: i.contactPersonId,
  organizationId: i.organizationId,
  bankAccountId: i.bankAccountId,
  responsibleId: i.responsibleId,
  vatMode: i.vatMode,
  paymentDueDate: i.paymentDueDate,
  posted: i.posted,
  amount: i.amount,
  vat: i.vat,
  total: i.total,
  comment: i.comment,
  ...(lines ? { lines } : {}),
});

const clean = (s: string | null | undefined) => (s == null ? null : s.trim() || null);

/**
 * What has been paid on an invoice and what remains (view `invoice_payment_states`): the invoice's `paid_amount`, which
 * triggers keep equal to the allocations of payments that are not cancelled (migration 1765008000000-InvoicePaidAmount).
 */
export interface InvoiceBalance {
  invoiceId: string;
  paid: string;
  due: string;
  paymentState: InvoicePaymentState;
}

/** Posted, not fully paid, and its due date is before today. */
export const isInvoiceOverdue = (i: Pick<Invoice, 'posted' | 'paymentDueDate'>, state: InvoicePaymentState, today: string) =>
  i.posted && state !== InvoicePaymentState.PAID && i.paymentDueDate !== null && i.paymentDueDate < today;

/** The same rule in SQL (alias `i`, parameter `:today`); `paid_amount < total` (not fully paid) is the partial indexes' predicate. */
export const INVOICE_OVERDUE_SQL = `(i.posted AND i.payment_due_date < :today AND i.paid_amount < i.total)`;

/**
 * Each payment state in SQL (alias `i`), as the view `invoice_payment_states` derives it; the unpaid ones spell out
 * `paid_amount < total` so that the planner can read them from the partial indexes of unpaid invoices.
 */
export const INVOICE_PAYMENT_STATE_SQL: Record<InvoicePaymentState, string> = {
  [InvoicePaymentState.PAID]: `i.paid_amount >= i.total`,
  [InvoicePaymentState.PARTIALLY_PAID]: `(i.paid_amount < i.total AND i.paid_amount > 0)`,
  [InvoicePaymentState.NOT_PAID]: `(i.paid_amount < i.total AND i.paid_amount = 0)`,
};

/** Invoices for payment: created from an offer or an interest, posted, paid through payments. Scoped by their responsible. */
export class InvoiceService {
  constructor(
    private readonly d: SalesDeps,
    private readonly offers: CommercialOfferService,
  ) {}

  private scoped(actor: Actor) {
    return scopeByResponsible(this.d.db.getRepository(Invoice).createQueryBuilder('i'), actor, 'i');
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<Invoice[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('i.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<Invoice> {
    const [i] = await this.byIds(actor, [requireId(id)]);
    if (!i) throw notFound(WHAT);
    return i;
  }

  /** Lines of invoices the caller has already been allowed to see. */
  async linesOf(invoiceIds: readonly string[]): Promise<InvoiceLine[]> {
    if (!invoiceIds.length) return [];
    return this.d.db.getRepository(InvoiceLine).createQueryBuilder('l').where('l.invoice_id = ANY(:ids)', { ids: invoiceIds }).orderBy('l.line_no').getMany();
  }

  /** Paid amount, amount due and payment state of invoices the caller may see: one statement for a whole page. */
  async balances(invoiceIds: readonly string[], tx?: EntityManager): Promise<InvoiceBalance[]> {
    if (!invoiceIds.length) return [];
    const rows: Array<{ invoice_id: string; paid: string; due: string; payment_state: InvoicePaymentState }> = await (tx ?? this.d.db).query(
      `SELECT invoice_id, paid, due, payment_state FROM invoice_payment_states WHERE invoice_id = ANY($1)`,
      [invoiceIds],
    );
    return rows.map((r) => ({ invoiceId: r.invoice_id, paid: r.paid, due: r.due, paymentState: r.payment_state }));
  }

  viewerCan(actor: Actor, i: Invoice) {
    const write = canWrite(actor, i.responsibleId);
    return { update: write && !i.posted, post: write && !i.posted, unpost: write && i.posted, send: write, registerPayment: write && i.posted, createShipment: write && i.posted };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: InvoiceFilter = {}) {
    const qb = this.scoped(actor);
    const today = todayFor(actor);
    if (filter.paymentState) qb.andWhere(INVOICE_PAYMENT_STATE_SQL[filter.paymentState]);
    if (filter.overdue === true) qb.andWhere(INVOICE_OVERDUE_SQL, { today });
    if (filter.overdue === false) qb.andWhere(`NOT ${INVOICE_OVERDUE_SQL}`, { today });
    if (filter.minDaysOverdue != null || filter.maxDaysOverdue != null) {
      // Days past due in the viewer's calendar, as the Sales tab's ageing buckets count them: overdue implied.
      if (filter.minDaysOverdue != null && filter.maxDaysOverdue != null && filter.maxDaysOverdue < filter.minDaysOverdue) {
        throw badInput('maxDaysOverdue', 'The most days overdue cannot be below the least', 'RANGE_REVERSED');
      }
      qb.andWhere(INVOICE_OVERDUE_SQL, { today });
      if (filter.minDaysOverdue != null) qb.andWhere('i.payment_due_date <= CAST(:today AS date) - CAST(:minDays AS int)', { minDays: filter.minDaysOverdue });
      if (filter.maxDaysOverdue != null) qb.andWhere('i.payment_due_date >= CAST(:today AS date) - CAST(:maxDays AS int)', { maxDays: filter.maxDaysOverdue });
    }
    if (filter.posted !== undefined && filter.posted !== null) qb.andWhere('i.posted = :posted', { posted: filter.posted });
    if (filter.counterpartyId) qb.andWhere('i.counterparty_id = :cp', { cp: filter.counterpartyId });
    if (filter.interestId) qb.andWhere('i.interest_id = :interest', { interest: filter.interestId });
    if (filter.responsibleId) qb.andWhere('i.responsible_id = :resp', { resp: filter.responsibleId });
    if (filter.search?.trim()) qb.andWhere('lower(i.number) LIKE :s', { s: numberPattern(filter.search) });
    return pageByDate(qb, 'i', first, after);
  }

  /** Our bank account for an invoice: the one given (of that organization, not marked) or its default one. */
  private async bankAccountFor(organizationId: string, bankAccountId: string | null | undefined) {
    if (bankAccountId) {
      const [a] = await this.d.organizations.accountsByIds([bankAccountId]);
      if (!a) throw badInput('bankAccountId', 'The bank account does not exist', 'NOT_FOUND');
      if (a.organizationId !== organizationId) throw badInput('bankAccountId', 'The bank account belongs to another organization', 'ACCOUNT_OF_OTHER_ORGANIZATION');
      if (a.deletionMark) throw badInput('bankAccountId', 'The bank account is marked for deletion', 'ACCOUNT_DELETED');
      return a.id;
    }
    return (await this.d.organizations.defaultAccountOf(organizationId))?.id ?? null;
  }

  async create(actor: Actor, input: CreateInvoiceInput): Promise<Invoice> {
    if (input.basedOnOfferId && input.basedOnInterestId) throw badInput('basedOnInterestId', 'Base the invoice on an offer or on an interest, not both', 'ONE_BASIS_ONLY');
    const offer = input.basedOnOfferId ? (await this.offers.byIds(actor, [input.basedOnOfferId]))[0] : null;
    if (input.basedOnOfferId && !offer) throw badInput('basedOnOfferId', 'The commercial offer does not exist or is outside your scope', 'NOT_FOUND');
    if (offer?.state === CommercialOfferState.REJECTED) throw badInput('basedOnOfferId', `${offer.number} was rejected by the client`, 'OFFER_REJECTED');
    const interest = input.basedOnInterestId ? await readInterest(this.d, actor, input.basedOnInterestId, 'basedOnInterestId') : null;
    const basis = offer ?? interest;
    const counterpartyId = input.counterpartyId ?? basis?.counterpartyId;
    if (!counterpartyId) throw badInput('basedOnOfferId', 'Give the offer or client interest the invoice is based on, or the counterparty', 'REQUIRED');
    if (basis && input.counterpartyId && input.counterpartyId !== basis.counterpartyId) {
      throw badInput('counterpartyId', `The client of ${basis.number} is another counterparty`, 'BASIS_OF_OTHER_COUNTERPARTY');
    }
    const client = await resolveClient(this.d, actor, counterpartyId, input.contactPersonId !== undefined ? input.contactPersonId : (basis?.contactPersonId ?? null));
    const organization = await resolveOrganization(this.d, input.organizationId ?? offer?.organizationId);
    const bankAccountId = await this.bankAccountFor(organization.id, input.bankAccountId);
    const date = documentDate(actor, input.date);
    const paymentDueDate = input.paymentDueDate ? requireLocalDate(input.paymentDueDate, 'paymentDueDate') : null;
    if (paymentDueDate && paymentDueDate < date) throw badInput('paymentDueDate', 'Payment cannot be due before the invoice date', 'BEFORE_DATE');
    const vatMode = input.vatMode ?? offer?.vatMode ?? VatMode.INCLUDED;
    let drafts: LineDraft[];
    if (input.lines) drafts = await draftsFromInput(this.d.products, input.lines);
    else if (offer) drafts = await this.d.db.getRepository(CommercialOfferLine).find({ where: { offerId: offer.id }, order: { lineNo: 'ASC' } });
    else {
      const products = new Map((await this.d.products.byIds(interest?.lines.map((l) => l.productId) ?? [])).map((p) => [p.id, p]));
      drafts = draftsFromProducts(interest?.lines ?? [], products);
    }
    const priced = priceLines(drafts, vatMode, await this.d.products.vatPercents(), organization.vatPayer);
    const responsibleId = input.responsibleId ?? basis?.responsibleId ?? actor.id;

    return withTransaction(this.d.db, async (tx) => {
      await checkResponsible(tx, actor, responsibleId);
      const repo = tx.getRepository(Invoice);
      const draft = repo.create({
        date,
        interestId: offer?.interestId ?? interest?.id ?? null,
        offerId: offer?.id ?? null,
        counterpartyId: client.counterparty.id,
        contactPersonId: client.contactPersonId,
        organizationId: organization.id,
        bankAccountId,
        responsibleId,
        vatMode,
        paymentDueDate,
        posted: false,
        postedAt: null,
        amount: priced.amount,
        vat: priced.vat,
        total: priced.total,
        comment: clean(input.comment),
        createdById: actor.id,
      });
      // The number last: the counter row stays locked until commit, so it is taken as late as possible.
      draft.number = await nextDocumentNumber(tx, 'INV', numberingInstant(date));
      const saved = await repo.save(draft);
      await writeLines(tx, 'invoice_lines', 'invoice_id', saved.id, priced.lines);
      await this.d.audit.record(tx, actor, { entityType: ENTITY, entityId: saved.id, entityLabel: saved.number, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(saved, linesSnapshot(priced.lines))) });
      return saved;
    });
  }

  /** The invoice locked for a change: visible, writable, of the expected version. */
  async lockForChange(tx: EntityManager, actor: Actor, idRaw: string, version?: number) {
    const id = requireId(idRaw);
    const i = await tx.getRepository(Invoice).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!i) throw notFound(WHAT);
    assertWritable(actor, i.responsibleId, WHAT);
    if (version !== undefined && i.version !== version) throw conflict('The invoice was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: i.version });
    return i;
  }

  private async save(tx: EntityManager, actor: Actor, i: Invoice, before: ReturnType<typeof snapshot>, after = snapshot(i)) {
    const changes = diffSnapshots(before, after);
    if (!changes.length) return i;
    const { version, updatedAt } = await writeVersioned(
      tx,
      'invoices',
      i.id,
      i.version,
      {
        date: i.date,
        contactPersonId: i.contactPersonId,
        organizationId: i.organizationId,
        bankAccountId: i.bankAccountId,
        vatMode: i.vatMode,
        paymentDueDate: i.paymentDueDate,
        posted: i.posted,
        postedAt: i.postedAt,
        amount: i.amount,
        vat: i.vat,
        total: i.total,
        comment: i.comment,
      },
      WHAT,
    );
    i.version = version;
    i.updatedAt = updatedAt;
    await this.d.audit.record(tx, actor, { entityType: ENTITY, entityId: i.id, entityLabel: i.number, action: AuditAction.UPDATE, changes });
    return i;
  }

  async update(actor: Actor, id: string, input: UpdateInvoiceInput): Promise<Invoice> {
    // What needs other services is checked before the transaction (the embedded database has one connection);
    // the change below then requires the very version read here.
    const current = await this.get(actor, id);
    if (input.contactPersonId) await resolveClient(this.d, actor, current.counterpartyId, input.contactPersonId);
    const organization = input.organizationId ? await resolveOrganization(this.d, input.organizationId) : (await this.d.organizations.byIds([current.organizationId]))[0];
    const bankAccountId =
      input.bankAccountId !== undefined || input.organizationId
        ? input.bankAccountId === null
          ? null
          : await this.bankAccountFor(organization.id, input.bankAccountId ?? (input.organizationId && input.organizationId !== current.organizationId ? null : current.bankAccountId))
        : current.bankAccountId;
    const drafts = input.lines ? await draftsFromInput(this.d.products, input.lines) : null;
    const vatPercents = await this.d.products.vatPercents();
    return withTransaction(this.d.db, async (tx) => {
      const i = await this.lockForChange(tx, actor, id, input.version);
      if (i.version !== current.version) throw conflict('The invoice was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT' });
      if (i.posted) throw conflict(`${i.number} is posted: unpost it before changing it`, { reason: 'POSTED' });
      const currentLines = await tx.getRepository(InvoiceLine).find({ where: { invoiceId: i.id }, order: { lineNo: 'ASC' } });
      const before = snapshot(i, linesSnapshot(currentLines));
      if (input.date) {
        i.date = requireLocalDate(input.date, 'date');
        assertDateInNumberYear(i.number, i.date);
      }
      if (input.paymentDueDate !== undefined) i.paymentDueDate = input.paymentDueDate ? requireLocalDate(input.paymentDueDate, 'paymentDueDate') : null;
      if (i.paymentDueDate && i.paymentDueDate < i.date) throw badInput('paymentDueDate', 'Payment cannot be due before the invoice date', 'BEFORE_DATE');
      if (input.contactPersonId !== undefined) i.contactPersonId = input.contactPersonId ?? null;
      if (input.vatMode) i.vatMode = input.vatMode;
      i.organizationId = organization.id;
      i.bankAccountId = bankAccountId;
      if (input.comment !== undefined) i.comment = clean(input.comment);
      const priced = priceLines(drafts ?? currentLines, i.vatMode, vatPercents, organization.vatPayer);
      i.amount = priced.amount;
      i.vat = priced.vat;
      i.total = priced.total;
      const after = snapshot(i, linesSnapshot(priced.lines));
      if (JSON.stringify(before.lines) !== JSON.stringify(after.lines)) {
        const [shipped] = await tx.query(`SELECT string_agg(number, ', ' ORDER BY number) AS numbers FROM shipments WHERE invoice_id = $1`, [i.id]);
        if (shipped.numbers) throw conflict(`Shipments ${shipped.numbers} are based on ${i.number}: its lines cannot change`, { reason: 'HAS_SHIPMENTS' });
        await writeLines(tx, 'invoice_lines', 'invoice_id', i.id, priced.lines);
      }
      return this.save(tx, actor, i, before, after);
    });
  }

  /** When the expected-payment reminder fires: the due date at 09:00 where the responsible is. */
  private async expectedPaymentAt(tx: EntityManager, i: Invoice): Promise<Date> {
    const [user] = await tx.query(`SELECT time_zone FROM users WHERE id = $1`, [i.responsibleId]);
    return DateTime.fromISO(i.paymentDueDate!, { zone: user?.time_zone ?? 'UTC' }).set({ hour: EXPECTED_PAYMENT_HOUR }).toJSDate();
  }

  /**
   * Keeps the invoice's expected-payment reminder in step with it (in the caller's transaction): one pending
   * reminder for its responsible at the due date while it is posted and not fully paid, none otherwise.
   */
  async syncExpectedPayment(tx: EntityManager, i: Invoice, wasExpected: boolean) {
    const [balance] = await this.balances([i.id], tx);
    const expected = i.posted && !!i.paymentDueDate && balance.paymentState !== InvoicePaymentState.PAID;
    if (expected === wasExpected) return;
    await this.d.reminders.dismissForSubject(tx, CrmObjectType.INVOICE, i.id);
    if (expected) {
      await this.d.reminders.armForSubject(tx, {
        userId: i.responsibleId,
        text: `Ожидается оплата по счету ${i.number} от ${shortDate(i.date)}: ${formatMoneyRu(balance.due)} руб.`,
        remindAt: await this.expectedPaymentAt(tx, i),
        subjectType: CrmObjectType.INVOICE,
        subjectId: i.id,
      });
    }
  }

  /** Whether the invoice expects a payment now (posted, due date, not fully paid), read in the caller's transaction. */
  async expectsPayment(tx: EntityManager, i: Invoice) {
    if (!i.posted || !i.paymentDueDate) return false;
    const [balance] = await this.balances([i.id], tx);
    return balance.paymentState !== InvoicePaymentState.PAID;
  }

  /**
   * When a sale closes — the invoice posted, paid in full and shipped in full by posted shipments — its client
   * interest is won (in the caller's transaction). An interest the actor may not see, or already closed, stays as it is.
   */
  async winInterestIfClosed(tx: EntityManager, actor: Actor, i: Invoice) {
    if (!i.interestId || !i.posted) return;
    const [balance] = await this.balances([i.id], tx);
    if (balance.paymentState !== InvoicePaymentState.PAID) return;
    const [unshipped] = await tx.query(
      `SELECT count(*)::int AS n FROM invoice_lines il
        WHERE il.invoice_id = $1
          AND il.quantity > coalesce((SELECT sum(sl.quantity) FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id AND s.posted WHERE sl.invoice_line_id = il.id), 0)`,
      [i.id],
    );
    if (unshipped.n > 0) return;
    try {
      await this.d.interests.markWon(tx, actor, i.interestId);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'NOT_FOUND')) throw err;
    }
  }

  /** Posting makes the invoice a claim on the buyer: payments and shipments can follow, and the payment is expected. */
  async post(actor: Actor, id: string): Promise<Invoice> {
    return withTransaction(this.d.db, async (tx) => {
      const i = await this.lockForChange(tx, actor, id);
      if (i.posted) throw conflict(`${i.number} is already posted`, { reason: 'ALREADY_POSTED' });
      const before = snapshot(i);
      i.posted = true;
      i.postedAt = new Date();
      await this.save(tx, actor, i, before);
      await this.syncExpectedPayment(tx, i, false);
      return i;
    });
  }

  /**
   * Unposting takes the claim back; refused, with the reason and the documents in the way, while live payments
   * are allocated to it or posted shipments are based on it.
   */
  async unpost(actor: Actor, id: string): Promise<Invoice> {
    return withTransaction(this.d.db, async (tx) => {
      const i = await this.lockForChange(tx, actor, id);
      if (!i.posted) throw conflict(`${i.number} is not posted`, { reason: 'NOT_POSTED' });
      const [payments] = await tx.query(
        `SELECT string_agg(p.number, ', ' ORDER BY p.number) AS numbers FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND NOT p.cancelled WHERE a.invoice_id = $1`,
        [i.id],
      );
      if (payments.numbers) {
        throw conflict(`Payments ${payments.numbers} are allocated to ${i.number}: cancel them before unposting it`, { reason: UnpostRefusal.HAS_PAYMENTS, documents: payments.numbers.split(', ') });
      }
      const [shipments] = await tx.query(`SELECT string_agg(number, ', ' ORDER BY number) AS numbers FROM shipments WHERE invoice_id = $1 AND posted`, [i.id]);
      if (shipments.numbers) {
        throw conflict(`Posted shipments ${shipments.numbers} are based on ${i.number}: unpost them before unposting it`, { reason: UnpostRefusal.HAS_POSTED_SHIPMENTS, documents: shipments.numbers.split(', ') });
      }
      const wasExpected = await this.expectsPayment(tx, i);
      const before = snapshot(i);
      i.posted = false;
      i.postedAt = null;
      await this.save(tx, actor, i, before);
      await this.syncExpectedPayment(tx, i, wasExpected);
      return i;
    });
  }

  /** Titles for object references, e.g. «Счет INV-2026-000042 от 15.01.2026». */
  titles = async (actor: Actor, ids: readonly string[]) => (await this.byIds(actor, ids)).map((i) => ({ id: i.id, title: `Счет ${i.number} от ${shortDate(i.date)}` }));

  /** An event entered based on an invoice is with its buyer and contact person. */
  parties = async (actor: Actor, id: string) => {
    const [i] = await this.byIds(actor, [id]);
    return i ? { counterpartyId: i.counterpartyId, contactPersonId: i.contactPersonId } : null;
  };
}
