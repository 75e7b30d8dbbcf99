import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/user.entity';
import { canWrite } from '../../auth/access';
import { diffSnapshots } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { withTransaction } from '../../../core/database/transaction';
import { nextDocumentNumber } from '../../../core/numbering';
import { requireLocalDate } from '../../../core/decimal';
import { CommercialOffer, CommercialOfferLine } from './commercial-offer.entity';
import { CommercialOfferState, VatMode } from './documents.enums';
import type { CommercialOfferFilter, CreateCommercialOfferInput, UpdateCommercialOfferInput } from './documents.inputs';
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

const ENTITY = 'CommercialOffer';
const WHAT = 'Commercial offer';

const snapshot = (o: CommercialOffer, lines?: ReturnType<typeof linesSnapshot>) => ({
  number: o.number,
  date: o.date,
  state: o.state,
  interestId: o.interestId,
  counterpartyId: o.counterpartyId,
  contactPersonId: o.contactPersonId,
  organizationId: o.organizationId,
  responsibleId: o.responsibleId,
  validUntil: o.validUntil,
  vatMode: o.vatMode,
  amount: o.amount,
  vat: o.vat,
  total: o.total,
  paymentTerms: o.paymentTerms,
  deliveryTerms: o.deliveryTerms,
  comment: o.comment,
  ...(lines ? { lines } : {}),
});

const clean = (s: string | null | undefined) => (s == null ? null : s.trim() || null);

/** EXPIRED is never stored: a sent, unanswered offer whose last valid day is before today. */
export function effectiveOfferState(o: Pick<CommercialOffer, 'state' | 'validUntil'>, today: string): CommercialOfferState {
  return o.state === CommercialOfferState.SENT && o.validUntil !== null && o.validUntil < today ? CommercialOfferState.EXPIRED : o.state;
}

/** Commercial offers: drafted from a client interest, sent, answered. Scoped by their responsible manager. */
export class CommercialOfferService {
  constructor(private readonly d: SalesDeps) {}

  private scoped(actor: Actor) {
    return scopeByResponsible(this.d.db.getRepository(CommercialOffer).createQueryBuilder('o'), actor, 'o');
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<CommercialOffer[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('o.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<CommercialOffer> {
    const [o] = await this.byIds(actor, [requireId(id)]);
    if (!o) throw notFound(WHAT);
    return o;
  }

  /** Lines of offers the caller has already been allowed to see. */
  async linesOf(offerIds: readonly string[]): Promise<CommercialOfferLine[]> {
    if (!offerIds.length) return [];
    return this.d.db.getRepository(CommercialOfferLine).createQueryBuilder('l').where('l.offer_id = ANY(:ids)', { ids: offerIds }).orderBy('l.line_no').getMany();
  }

  viewerCan(actor: Actor, o: CommercialOffer) {
    const write = canWrite(actor, o.responsibleId);
    const state = effectiveOfferState(o, todayFor(actor));
    const answerable = o.state === CommercialOfferState.SENT;
    return {
      update: write && o.state === CommercialOfferState.DRAFT,
      send: write && o.state !== CommercialOfferState.REJECTED,
      markSent: write && o.state === CommercialOfferState.DRAFT,
      accept: write && answerable,
      reject: write && answerable,
      createInvoice: write && state !== CommercialOfferState.REJECTED,
    };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: CommercialOfferFilter = {}) {
    const qb = this.scoped(actor);
    const today = todayFor(actor);
    if (filter.state === CommercialOfferState.EXPIRED) qb.andWhere(`o.state = 'SENT' AND o.valid_until < :today`, { today });
    else if (filter.state === CommercialOfferState.SENT) qb.andWhere(`o.state = 'SENT' AND (o.valid_until IS NULL OR o.valid_until >= :today)`, { today });
    else if (filter.state) qb.andWhere('o.state = :state', { state: filter.state });
    if (filter.counterpartyId) qb.andWhere('o.counterparty_id = :cp', { cp: filter.counterpartyId });
    if (filter.interestId) qb.andWhere('o.interest_id = :interest', { interest: filter.interestId });
    if (filter.responsibleId) qb.andWhere('o.responsible_id = :resp', { resp: filter.responsibleId });
    if (filter.search?.trim()) qb.andWhere('lower(o.number) LIKE :s', { s: numberPattern(filter.search) });
    return pageByDate(qb, 'o', first, after);
  }

  async create(actor: Actor, input: CreateCommercialOfferInput): Promise<CommercialOffer> {
    const interest = input.basedOnInterestId ? await readInterest(this.d, actor, input.basedOnInterestId, 'basedOnInterestId') : null;
    const counterpartyId = input.counterpartyId ?? interest?.counterpartyId;
    if (!counterpartyId) throw badInput('basedOnInterestId', 'Give the client interest the offer is based on, or the counterparty', 'REQUIRED');
    if (interest && input.counterpartyId && input.counterpartyId !== interest.counterpartyId) {
      throw badInput('counterpartyId', `The client of ${interest.number} is another counterparty`, 'INTEREST_OF_OTHER_COUNTERPARTY');
    }
    const client = await resolveClient(this.d, actor, counterpartyId, input.contactPersonId !== undefined ? input.contactPersonId : (interest?.contactPersonId ?? null));
    const organization = await resolveOrganization(this.d, input.organizationId);
    const date = documentDate(actor, input.date);
    const validUntil = input.validUntil ? requireLocalDate(input.validUntil, 'validUntil') : null;
    if (validUntil && validUntil < date) throw badInput('validUntil', 'The offer cannot expire before its date', 'BEFORE_DATE');
    const vatMode = input.vatMode ?? VatMode.INCLUDED;
    let drafts: LineDraft[];
    if (input.lines) drafts = await draftsFromInput(this.d.products, input.lines);
    else {
      const products = new Map((await this.d.products.byIds(interest?.lines.map((l) => l.productId) ?? [])).map((p) => [p.id, p]));
      drafts = draftsFromProducts(interest?.lines ?? [], products);
    }
    const priced = priceLines(drafts, vatMode, await this.d.products.vatPercents(), organization.vatPayer);
    const responsibleId = input.responsibleId ?? interest?.responsibleId ?? actor.id;

    return withTransaction(this.d.db, async (tx) => {
      await checkResponsible(tx, actor, responsibleId);
      const repo = tx.getRepository(CommercialOffer);
      const draft = repo.create({
        date,
        interestId: interest?.id ?? null,
        counterpartyId: client.counterparty.id,
        contactPersonId: client.contactPersonId,
        organizationId: organization.id,
        responsibleId,
        state: CommercialOfferState.DRAFT,
        validUntil,
        vatMode,
        amount: priced.amount,
        vat: priced.vat,
        total: priced.total,
        paymentTerms: clean(input.paymentTerms),
        deliveryTerms: clean(input.deliveryTerms),
        comment: clean(input.comment),
        sentAt: null,
        answeredAt: null,
        createdById: actor.id,
      });
      // The number last: the counter row stays locked until commit, so it is taken as late as possible.
      draft.number = await nextDocumentNumber(tx, 'CO', numberingInstant(date));
      const saved = await repo.save(draft);
      await writeLines(tx, 'commercial_offer_lines', 'offer_id', saved.id, priced.lines);
      await this.d.audit.record(tx, actor, { entityType: ENTITY, entityId: saved.id, entityLabel: saved.number, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(saved, linesSnapshot(priced.lines))) });
      return saved;
    });
  }

  /** The offer locked for a change: visible, writable, of the expected version. */
  private async forChange(tx: EntityManager, actor: Actor, idRaw: string, version?: number) {
    const id = requireId(idRaw);
    const o = await tx.getRepository(CommercialOffer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!o) throw notFound(WHAT);
    assertWritable(actor, o.responsibleId, WHAT);
    if (version !== undefined && o.version !== version) throw conflict('The commercial offer was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: o.version });
    return o;
  }

  private async save(tx: EntityManager, actor: Actor, o: CommercialOffer, before: ReturnType<typeof snapshot>, after = snapshot(o)) {
    const changes = diffSnapshots(before, after);
    if (!changes.length) return o;
    const { version, updatedAt } = await writeVersioned(
      tx,
      'commercial_offers',
      o.id,
      o.version,
      {
        date: o.date,
        contactPersonId: o.contactPersonId,
        organizationId: o.organizationId,
        state: o.state,
        validUntil: o.validUntil,
        vatMode: o.vatMode,
        amount: o.amount,
        vat: o.vat,
        total: o.total,
        paymentTerms: o.paymentTerms,
        deliveryTerms: o.deliveryTerms,
        comment: o.comment,
        sentAt: o.sentAt,
        answeredAt: o.answeredAt,
      },
      WHAT,
    );
    o.version = version;
    o.updatedAt = updatedAt;
    await this.d.audit.record(tx, actor, { entityType: ENTITY, entityId: o.id, entityLabel: o.number, action: AuditAction.UPDATE, changes });
    return o;
  }

  async update(actor: Actor, id: string, input: UpdateCommercialOfferInput): Promise<CommercialOffer> {
    // What needs other services is checked before the transaction (the embedded database has one connection);
    // the change below then requires the very version read here.
    const current = await this.get(actor, id);
    if (input.contactPersonId) await resolveClient(this.d, actor, current.counterpartyId, input.contactPersonId);
    const organization = input.organizationId ? await resolveOrganization(this.d, input.organizationId) : (await this.d.organizations.byIds([current.organizationId]))[0];
    const drafts = input.lines ? await draftsFromInput(this.d.products, input.lines) : null;
    const vatPercents = await this.d.products.vatPercents();
    return withTransaction(this.d.db, async (tx) => {
      const o = await this.forChange(tx, actor, id, input.version);
      if (o.version !== current.version) throw conflict('The commercial offer was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT' });
      if (o.state !== CommercialOfferState.DRAFT) throw conflict(`Only a draft offer can be changed; ${o.number} is ${o.state.toLowerCase()}`, { reason: 'NOT_DRAFT' });
      const currentLines = await tx.getRepository(CommercialOfferLine).find({ where: { offerId: o.id }, order: { lineNo: 'ASC' } });
      const before = snapshot(o, linesSnapshot(currentLines));
      if (input.date) {
        o.date = requireLocalDate(input.date, 'date');
        assertDateInNumberYear(o.number, o.date);
      }
      if (input.validUntil !== undefined) o.validUntil = input.validUntil ? requireLocalDate(input.validUntil, 'validUntil') : null;
      if (o.validUntil && o.validUntil < o.date) throw badInput('validUntil', 'The offer cannot expire before its date', 'BEFORE_DATE');
      if (input.contactPersonId !== undefined) o.contactPersonId = input.contactPersonId ?? null;
      if (input.vatMode) o.vatMode = input.vatMode;
      if (organization) o.organizationId = organization.id;
      if (input.paymentTerms !== undefined) o.paymentTerms = clean(input.paymentTerms);
      if (input.deliveryTerms !== undefined) o.deliveryTerms = clean(input.deliveryTerms);
      if (input.comment !== undefined) o.comment = clean(input.comment);
      const priced = priceLines(drafts ?? currentLines, o.vatMode, vatPercents, organization?.vatPayer ?? true);
      o.amount = priced.amount;
      o.vat = priced.vat;
      o.total = priced.total;
      const after = snapshot(o, linesSnapshot(priced.lines));
      if (JSON.stringify(before.lines) !== JSON.stringify(after.lines)) await writeLines(tx, 'commercial_offer_lines', 'offer_id', o.id, priced.lines);
      return this.save(tx, actor, o, before, after);
    });
  }

  private async transition(actor: Actor, id: string, to: CommercialOfferState, allowedFrom: CommercialOfferState[]) {
    return withTransaction(this.d.db, async (tx) => {
      const o = await this.forChange(tx, actor, id);
      return this.transitionIn(tx, actor, o, to, allowedFrom);
    });
  }

  /** A change of state in the caller's transaction (sending marks a draft sent along with its letter). */
  async transitionIn(tx: EntityManager, actor: Actor, o: CommercialOffer, to: CommercialOfferState, allowedFrom: CommercialOfferState[]) {
    if (!allowedFrom.includes(o.state)) {
      throw conflict(`${o.number} is ${o.state.toLowerCase()}: it cannot become ${to.toLowerCase()}`, { reason: 'STATE_TRANSITION_INVALID', state: o.state });
    }
    const before = snapshot(o);
    o.state = to;
    if (to === CommercialOfferState.SENT) o.sentAt ??= new Date();
    if (to === CommercialOfferState.ACCEPTED || to === CommercialOfferState.REJECTED) o.answeredAt = new Date();
    return this.save(tx, actor, o, before);
  }

  /** Locks a visible, writable offer for the caller's transaction. */
  lockForChange(tx: EntityManager, actor: Actor, id: string) {
    return this.forChange(tx, actor, id);
  }

  markSent(actor: Actor, id: string) {
    return this.transition(actor, id, CommercialOfferState.SENT, [CommercialOfferState.DRAFT]);
  }

  /** The client answered: an answer may come after the offer's date (an expired offer can still be accepted). */
  markAccepted(actor: Actor, id: string) {
    return this.transition(actor, id, CommercialOfferState.ACCEPTED, [CommercialOfferState.SENT]);
  }

  markRejected(actor: Actor, id: string) {
    return this.transition(actor, id, CommercialOfferState.REJECTED, [CommercialOfferState.SENT]);
  }

  /** Titles for object references, e.g. «КП CO-2026-000007 от 15.01.2026». */
  titles = async (actor: Actor, ids: readonly string[]) => (await this.byIds(actor, ids)).map((o) => ({ id: o.id, title: `КП ${o.number} от ${shortDate(o.date)}` }));

  /** An event entered based on an offer is with its client and contact person. */
  parties = async (actor: Actor, id: string) => {
    const [o] = await this.byIds(actor, [id]);
    return o ? { counterpartyId: o.counterpartyId, contactPersonId: o.contactPersonId } : null;
  };
}
