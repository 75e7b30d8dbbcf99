import type { DataSource, EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { Event, OVERDUE_SQL } from './event.entity';
import { CrmObjectType, EventDirection, EventState, Importance, ReminderState } from './activities.enums';
import type { CancelEventInput, CompleteEventInput, CreateEventInput, EventFilter, EventOrder, RescheduleEventInput, UpdateEventInput } from './activities.inputs';
import { EventSortField } from './activities.inputs';
import type { ObjectRefs } from './object-refs';
import { Reminder } from './reminder.entity';
import type { Counterparty } from '../contacts/counterparty.entity';
import type { ContactPerson } from '../contacts/contact-person.entity';
import type { ReminderPageRequest, ReminderService } from './reminder.service';
import type { Actor } from '../auth/user.entity';
import { User } from '../auth/user.entity';
import { canRead, canWrite, scopeOf } from '../auth/access';
import { assertCanAssign } from '../contacts/contacts.policy';
import type { CounterpartyService } from '../contacts/counterparty.service';
import type { ContactPersonService } from '../contacts/contact-person.service';
import { escapeLike } from '../auth/user.service';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { isId, requireId } from '../../core/ids';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { GroupCommit } from '../../core/database/group-commit';
import { documentNumberSql, nextDocumentNumber, nextNumberCte } from '../../core/numbering';
import { columnsOf, hydrate, pagesWithTotals, type PagePart } from '../../core/database/hydrate';
import { decodeCursor, SortDirection, toConnection, type ConnectionShape } from '../../core/pagination';
import type { PubSub } from '../../core/pubsub';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';

const ENTITY = 'Event';
export const EVENT_CHANGED = 'EVENT_CHANGED';
export interface EventChangedPayload {
  id: string;
  /** Everyone who should hear of it: the responsible now and before. */
  userIds: string[];
}

/** One list asked of `lists`: a page of events (`first: 0` for the total only). */
export interface EventPageRequest {
  first: number;
  after?: string | null;
  filter?: EventFilter;
  order?: EventOrder | null;
}

/**
 * The Tasks tab's counts as totals of its lists (`first: 0`): asked through a request's loaders, they share the
 * statement of the tab's lists.
 */
export function taskCountRequests(actor: Actor) {
  return {
    overdue: { first: 0, filter: { responsibleId: actor.id, state: EventState.PLANNED, overdue: true } } as EventPageRequest,
    today: { first: 0, filter: { responsibleId: actor.id, state: EventState.PLANNED, dueToday: true } } as EventPageRequest,
    dueReminders: { first: 0, filter: { state: ReminderState.DUE } } as ReminderPageRequest,
  };
}

const DEFAULT_REMIND_BEFORE = 15;

/** A new event with what was read or written for it: see `EventService.createWithParts`. */
export interface CreatedEvent {
  event: Event;
  counterparty: Counterparty | null;
  contactPerson: ContactPerson | null;
  /** The actor's reminders of the event. */
  myReminders: Reminder[];
}

/** A new event, checked and built, waiting for its group-commit batch. */
interface NewEvent {
  actor: Actor;
  event: Event;
  remindBefore: number | null;
  /** The responsible is someone else than the actor: looked up (active, assignable) in the batch's transaction. */
  checkResponsible: boolean;
}
const SORT_COLUMNS: Record<EventSortField, string> = { [EventSortField.START]: 'e.start_at', [EventSortField.CREATED_AT]: 'e.created_at' };

const snapshot = (e: Event) => ({
  kind: e.kind,
  direction: e.direction,
  state: e.state,
  subject: e.subject,
  content: e.content,
  result: e.result,
  importance: e.importance,
  start: e.start.toISOString(),
  end: e.end?.toISOString() ?? null,
  counterpartyId: e.counterpartyId,
  contactPersonId: e.contactPersonId,
  responsibleId: e.responsibleId,
  cancelReason: e.cancelReason,
});

/** The bounds of "today" in a time zone, as UTC instants. */
export function todayIn(timeZone: string, now = new Date()) {
  const start = DateTime.fromJSDate(now).setZone(timeZone).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

function validDate(d: Date | null | undefined, field: string) {
  if (d && Number.isNaN(d.getTime())) throw badInput(field, 'Not a valid time', 'DATE_INVALID');
}

export class EventService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly reminders: ReminderService,
    private readonly refs: ObjectRefs,
    private readonly pubSub: PubSub,
    private readonly counterparties: CounterpartyService,
    private readonly persons: ContactPersonService,
  ) {
    this.creations = new GroupCommit(db, { write: (tx, n) => this.writeNew(tx, n), singleStatement: (n) => !n.checkResponsible });
  }

  /**
   * New events are written in group-commit batches: those created while a batch commits go together in the next
   * transaction, each under its savepoint (a refused one gives its number back), with one commit for all. The year's
   * counter row is then locked once per batch, not once per event.
   */
  readonly creations: GroupCommit<NewEvent, { event: Event; reminder: Reminder | null }>;

  private scoped(actor: Actor) {
    const qb = this.db.getRepository(Event).createQueryBuilder('e');
    const ids = scopeOf(actor).read;
    if (ids) qb.andWhere('e.responsible_id = ANY(:scopeIds)', { scopeIds: ids });
    return qb;
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<Event[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('e.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<Event> {
    const [e] = await this.byIds(actor, [requireId(id)]);
    if (!e) throw notFound('Event');
    return e;
  }

  /**
   * The event as pushed to one of the users it concerns. The previous responsible hears of a reassignment too
   * (their lists must drop it), though the event has just left their scope.
   */
  /** What a push tells a subscriber: the event if it is (still) in their scope, else only that it changed. */
  async changedFor(actor: Actor, payload: EventChangedPayload): Promise<{ id: string; event: Event | null }> {
    if (!payload.userIds.includes(actor.id)) throw notFound(ENTITY);
    const [event] = await this.byIds(actor, [payload.id]);
    return { id: payload.id, event: event ?? null };
  }

  viewerCan(actor: Actor, e: Event) {
    const write = canWrite(actor, e.responsibleId);
    const planned = e.state === EventState.PLANNED;
    return { update: write && e.state !== EventState.CANCELLED, complete: write && planned, cancel: write && planned, reschedule: write && planned };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: EventFilter = {}, order?: EventOrder | null) {
    const [page] = await this.lists(actor, [{ first, after, filter, order }]);
    if (page instanceof Error) throw page;
    return page;
  }

  /**
   * Several lists in one statement (the resolvers batch a request's lists through a per-request loader): the Tasks
   * tab's overdue and today's events and its counts are one round trip, and their nested objects then load in
   * one batch. `first: 0` asks for the total only. A request that is wrong gets its error, the others their page.
   */
  async lists(actor: Actor, requests: readonly EventPageRequest[]): Promise<Array<ConnectionShape<Event> | Error>> {
    const parts: Array<{ part: PagePart<Event>; first: number } | Error> = requests.map((r, i) => {
      try {
        return { part: this.listQuery(actor, r, `_${i}`), first: r.first };
      } catch (err) {
        return err as Error;
      }
    });
    const valid = parts.filter((p): p is { part: PagePart<Event>; first: number } => !(p instanceof Error));
    const results = valid.length ? await pagesWithTotals(this.db, Event, 'e', valid.map((p) => p.part)) : [];
    let next = 0;
    return parts.map((p) => {
      if (p instanceof Error) return p;
      const { total, rows } = results[next++];
      const sortValues = new Map(rows.map((r) => [r.entity.id, r.raw.sort_value]));
      return toConnection(
        rows.map((r) => r.entity),
        p.first,
        total,
        (e) => [sortValues.get(e.id), e.id],
      );
    });
  }

  /** The list's query, its parameters named with `tag` so that several lists can share a statement. */
  private listQuery(actor: Actor, { first, after, filter = {}, order }: EventPageRequest, tag: string): PagePart<Event> {
    const n = (name: string) => `${name}${tag}`;
    const field = order?.field ?? EventSortField.START;
    const dir = order?.direction ?? SortDirection.ASC;
    const column = SORT_COLUMNS[field];
    const cursor = decodeCursor(after, 2, ([v, id]) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && isId(id));
    const qb = this.scoped(actor);
    if (filter.responsibleId) qb.andWhere(`e.responsible_id = :${n('resp')}`, { [n('resp')]: filter.responsibleId });
    if (filter.state) qb.andWhere(`e.state = :${n('state')}`, { [n('state')]: filter.state });
    if (filter.overdue === true) qb.andWhere(OVERDUE_SQL());
    if (filter.overdue === false) qb.andWhere(`NOT ${OVERDUE_SQL()}`);
    if (filter.dueToday) {
      const today = todayIn(actor.timeZone);
      qb.andWhere(`e.state = 'PLANNED' AND e.start_at >= :${n('todayFrom')} AND e.start_at < :${n('todayTo')} AND NOT ${OVERDUE_SQL()}`, { [n('todayFrom')]: today.from, [n('todayTo')]: today.to });
    }
    validDate(filter.from, 'filter.from');
    validDate(filter.to, 'filter.to');
    if (filter.from) qb.andWhere(`coalesce(e.end_at, e.start_at) >= :${n('from')}`, { [n('from')]: filter.from });
    if (filter.to) qb.andWhere(`e.start_at < :${n('to')}`, { [n('to')]: filter.to });
    if (filter.counterpartyId) qb.andWhere(`e.counterparty_id = :${n('cid')}`, { [n('cid')]: filter.counterpartyId });
    if (filter.contactPersonId) qb.andWhere(`e.contact_person_id = :${n('pid')}`, { [n('pid')]: filter.contactPersonId });
    if (filter.kind) qb.andWhere(`e.kind = :${n('kind')}`, { [n('kind')]: filter.kind });
    if (filter.search?.trim()) qb.andWhere(`lower(e.subject) LIKE :${n('s')}`, { [n('s')]: `%${escapeLike(filter.search.trim().toLowerCase())}%` });
    if (first === 0) return { count: qb, page: null, orderBy: 'page."e_id"' };
    const page = qb.clone();
    if (cursor) page.andWhere(`(${column}, e.id) ${dir === SortDirection.ASC ? '>' : '<'} (:${n('cv')}, :${n('cid2')})`, { [n('cv')]: cursor[0], [n('cid2')]: cursor[1] });
    page.addSelect(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'sort_value').orderBy(column, dir).addOrderBy('e.id', dir).limit(first + 1);
    return { count: qb, page, orderBy: `page."e_${column.slice(2)}" ${dir}, page."e_id" ${dir}`, sortValue: true };
  }

  /**
   * «Ввод на основании»: an event entered from an object takes its parties from it unless they are given —
   * the counterparty or person itself, or the source event's counterparty and contact person.
   */
  private async partiesOf(actor: Actor, basedOn: { type: CrmObjectType; id: string }) {
    switch (basedOn.type) {
      case CrmObjectType.COUNTERPARTY:
        return { counterpartyId: basedOn.id, contactPersonId: null };
      case CrmObjectType.CONTACT_PERSON:
        return { counterpartyId: null, contactPersonId: basedOn.id };
      case CrmObjectType.EVENT: {
        const [source] = await this.byIds(actor, [basedOn.id]);
        return { counterpartyId: source?.counterpartyId ?? null, contactPersonId: source?.contactPersonId ?? null };
      }
      default:
        return (await this.refs.partiesOf(actor, basedOn)) ?? { counterpartyId: null, contactPersonId: null };
    }
  }

  /** Counterparty and contact person must be visible; a person given alone brings their counterparty. */
  private async resolveParties(actor: Actor, counterpartyId: string | null, contactPersonId: string | null) {
    const read = await this.readParties(actor, counterpartyId, contactPersonId);
    return { counterpartyId: read.counterpartyId, contactPersonId: read.contactPersonId };
  }

  /** `resolveParties` with the counterparty and person as read for the check (null when not read). */
  private async readParties(actor: Actor, counterpartyId: string | null, contactPersonId: string | null) {
    let counterparty: Counterparty | null = null;
    let contactPerson: ContactPerson | null = null;
    if (counterpartyId) {
      [counterparty = null] = await this.counterparties.byIds(actor, [counterpartyId]);
      if (!counterparty) throw badInput('counterpartyId', 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
    }
    if (contactPersonId) {
      [contactPerson = null] = await this.persons.byIds(actor, [contactPersonId]);
      const p = contactPerson;
      if (!p) throw badInput('contactPersonId', 'The contact person does not exist or is outside your scope', 'NOT_FOUND');
      if (counterpartyId && p.counterpartyId && p.counterpartyId !== counterpartyId) {
        throw badInput('contactPersonId', 'This person belongs to another counterparty', 'CONTACT_OF_OTHER_COUNTERPARTY');
      }
      counterpartyId ??= p.counterpartyId;
    }
    return { counterpartyId, contactPersonId, counterparty, contactPerson };
  }

  private async checkResponsible(tx: EntityManager, actor: Actor, responsibleId: string) {
    const user = await tx.getRepository(User).findOne({ where: { id: responsibleId } });
    if (!user || !user.active) throw badInput('responsibleId', 'The responsible user does not exist or is deactivated', 'NOT_FOUND');
    assertCanAssign(actor, responsibleId);
  }

  private published(e: Event, before?: string) {
    const payload: EventChangedPayload = { id: e.id, userIds: [...new Set([e.responsibleId, ...(before ? [before] : [])])] };
    for (const userId of payload.userIds) this.pubSub.publish(EVENT_CHANGED, userId, payload);
  }

  async create(actor: Actor, input: CreateEventInput): Promise<Event> {
    return (await this.createWithParts(actor, input)).event;
  }

  /**
   * `create`, with what was read or written on the way that the mutation's answer usually asks for again: the
   * counterparty and contact person as checked (in the actor's scope), and the actor's reminders of the new event
   * (the one just armed if it is theirs). The resolver primes its request's loaders with them.
   */
  async createWithParts(actor: Actor, input: CreateEventInput): Promise<CreatedEvent> {
    validDate(input.start, 'start');
    validDate(input.end, 'end');
    if (input.end && input.end < input.start) throw badInput('end', 'The end cannot be before the start', 'END_BEFORE_START');
    const state = input.state ?? EventState.PLANNED;
    if (state === EventState.CANCELLED) throw badInput('state', 'A new event is planned or completed', 'STATE_INVALID');
    if (state === EventState.COMPLETED && !input.result?.trim()) throw badInput('result', 'Describe the result of a completed event', 'REQUIRED');
    if (input.basedOn) await this.refs.assertVisible(actor, input.basedOn, 'basedOn');
    const given = { counterpartyId: input.counterpartyId ?? null, contactPersonId: input.contactPersonId ?? null };
    const inherited = input.basedOn && !given.counterpartyId && !given.contactPersonId ? await this.partiesOf(actor, input.basedOn) : given;
    const { counterparty, contactPerson, ...parties } = await this.readParties(actor, inherited.counterpartyId, inherited.contactPersonId);
    const responsibleId = input.responsibleId ?? actor.id;
    const e = this.db.getRepository(Event).create({
      kind: input.kind,
      direction: input.direction ?? EventDirection.OUTGOING,
      state,
      subject: input.subject.trim(),
      content: input.content?.trim() || null,
      result: state === EventState.COMPLETED ? input.result!.trim() : null,
      importance: input.importance ?? Importance.NORMAL,
      start: input.start,
      end: input.end ?? null,
      ...parties,
      responsibleId,
      basedOnType: input.basedOn?.type ?? null,
      basedOnId: input.basedOn?.id ?? null,
      completedAt: state === EventState.COMPLETED ? new Date() : null,
      createdById: actor.id,
    });
    if (!e.subject) throw badInput('subject', 'Enter a subject', 'REQUIRED');
    const remindBefore = state === EventState.PLANNED && !input.noReminder ? (input.remindBeforeMinutes ?? DEFAULT_REMIND_BEFORE) : null;
    // The caller is active and may assign to themselves: only someone else needs looking up, in the transaction.
    const { event, reminder } = await this.creations.submit({ actor, event: e, remindBefore, checkResponsible: responsibleId !== actor.id });
    this.published(event);
    return { event, counterparty, contactPerson, myReminders: reminder && reminder.userId === actor.id ? [reminder] : [] };
  }

  /** One new event in a group-commit batch: the responsible checked (when not the actor) and the event written. */
  private async writeNew(tx: EntityManager, n: NewEvent): Promise<{ event: Event; reminder: Reminder | null }> {
    if (n.checkResponsible) await this.checkResponsible(tx, n.actor, n.event.responsibleId);
    try {
      return await this.insert(tx, n.actor, n.event, n.remindBefore);
    } catch (err) {
      // A party deleted (for real) since it was checked: the caller's own coded error, not the batch's.
      const constraint = (err as { code?: string; constraint?: string }).code === '23503' ? (err as { constraint?: string }).constraint : undefined;
      if (constraint === 'events_counterparty_id_fkey') throw badInput('counterpartyId', 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
      if (constraint === 'events_contact_person_id_fkey') throw badInput('contactPersonId', 'The contact person does not exist or is outside your scope', 'NOT_FOUND');
      throw err;
    }
  }

  /**
   * Writes a new event in one statement: its number (the year's counter row, locked from here until commit, so
   * numbers stay gapless and distinct), the event, its reminder and its audit row. Alone it is its own transaction;
   * in a group-commit batch it runs under its item's savepoint, and the batch's one commit releases the counter row.
   */
  private async insert(m: EntityManager, actor: Actor, e: Event, remindBefore: number | null): Promise<{ event: Event; reminder: Reminder | null }> {
    const now = new Date();
    const [row] = await m.query(
      `WITH n AS (${nextNumberCte("'EV'", '$1::int')}),
       e AS (
         INSERT INTO events (number, kind, direction, state, subject, content, result, importance, start_at, end_at, counterparty_id, contact_person_id,
                             responsible_id, based_on_type, based_on_id, completed_at, created_by_id)
         SELECT ${documentNumberSql('n')}, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 FROM n
         RETURNING *
       ),
       r AS (${this.reminders.armForEventSql('e', '$18::int')} RETURNING *),
       -- The audit row, as AuditService.record writes it.
       a AS (INSERT INTO audit_log (at, actor_id, entity_type, entity_id, entity_label, action, changes)
             SELECT $19, $20, '${ENTITY}', e.id, e.number || ' ' || e.subject, '${AuditAction.CREATE}', $21 FROM e)
       SELECT ${columnsOf(this.db, Event, 'e', 'e_')}, ${columnsOf(this.db, Reminder, 'r', 'r_')} FROM e LEFT JOIN r ON true`,
      [
        now.getUTCFullYear(),
        e.kind,
        e.direction,
        e.state,
        e.subject,
        e.content,
        e.result,
        e.importance,
        e.start,
        e.end,
        e.counterpartyId,
        e.contactPersonId,
        e.responsibleId,
        e.basedOnType,
        e.basedOnId,
        e.completedAt,
        e.createdById,
        remindBefore,
        now,
        actor.id,
        JSON.stringify(diffSnapshots({}, snapshot(e))),
      ],
    );
    return { event: hydrate(this.db, Event, row, 'e_')!, reminder: hydrate(this.db, Reminder, row, 'r_') };
  }

  /** Loads an event for a change: locked, visible, writable, of the expected version. */
  private async forChange(tx: EntityManager, actor: Actor, idRaw: string, version?: number) {
    const id = requireId(idRaw);
    const e = await tx.getRepository(Event).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!e || !canRead(actor, e.responsibleId)) throw notFound(ENTITY);
    if (!canWrite(actor, e.responsibleId)) throw forbidden('You can only change events you are responsible for');
    if (version !== undefined && e.version !== version) throw conflict('The event was changed by someone else; reload to see their changes', { currentVersion: e.version });
    return e;
  }

  /** Writes the changed event with the version check in the same statement, audits, and returns it. */
  private async save(tx: EntityManager, actor: Actor, e: Event, before: ReturnType<typeof snapshot>, action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, snapshot(e));
    if (!changes.length) return e;
    const [row] = await updateReturning<{ version: number; updated_at: Date }>(
      tx,
      `UPDATE events SET kind = $1, direction = $2, state = $3, subject = $4, content = $5, result = $6, importance = $7, start_at = $8, end_at = $9,
              counterparty_id = $10, contact_person_id = $11, responsible_id = $12, cancel_reason = $13, completed_at = $14,
              version = version + 1, updated_at = now()
        WHERE id = $15 AND version = $16 RETURNING version, updated_at`,
      [e.kind, e.direction, e.state, e.subject, e.content, e.result, e.importance, e.start, e.end, e.counterpartyId, e.contactPersonId, e.responsibleId, e.cancelReason, e.completedAt, e.id, e.version],
    );
    if (!row) throw conflict('The event was changed by someone else; reload to see their changes');
    e.version = row.version;
    e.updatedAt = row.updated_at;
    await this.audit.record(tx, actor, { entityType: ENTITY, entityId: e.id, entityLabel: `${e.number} ${e.subject}`, action, changes });
    return e;
  }

  async update(actor: Actor, id: string, input: UpdateEventInput): Promise<Event> {
    // New parties are checked through their own services before the transaction: a query on the DataSource
    // inside it would wait for a second connection, for ever on the embedded database's single one. They are
    // merged with the event as read here, so the change below must find that very version.
    const parties =
      input.counterpartyId !== undefined || input.contactPersonId !== undefined
        ? await this.get(actor, id).then(async (current) => ({
            version: current.version,
            ...(await this.resolveParties(
              actor,
              input.counterpartyId !== undefined ? input.counterpartyId : current.counterpartyId,
              input.contactPersonId !== undefined ? input.contactPersonId : current.contactPersonId,
            )),
          }))
        : null;
    let previousResponsible = '';
    const updated = await withTransaction(this.db, async (tx) => {
      const e = await this.forChange(tx, actor, id, input.version);
      if (e.state === EventState.CANCELLED) throw conflict('A cancelled event cannot be changed', { reason: 'CANCELLED' });
      previousResponsible = e.responsibleId;
      const before = snapshot(e);
      validDate(input.start, 'start');
      validDate(input.end, 'end');
      if (input.kind) e.kind = input.kind;
      if (input.direction) e.direction = input.direction;
      if (input.subject != null) e.subject = input.subject.trim();
      if (input.content !== undefined) e.content = input.content?.trim() || null;
      if (input.importance) e.importance = input.importance;
      if (input.start) e.start = input.start;
      if (input.end !== undefined) e.end = input.end ?? null;
      if (e.end && e.end < e.start) throw badInput('end', 'The end cannot be before the start', 'END_BEFORE_START');
      if (!e.subject) throw badInput('subject', 'Enter a subject', 'REQUIRED');
      if (parties) {
        if (parties.version !== e.version) throw conflict('The event was changed by someone else; reload to see their changes', { currentVersion: e.version });
        e.counterpartyId = parties.counterpartyId;
        e.contactPersonId = parties.contactPersonId;
      }
      if (input.responsibleId && input.responsibleId !== e.responsibleId) {
        await this.checkResponsible(tx, actor, input.responsibleId);
        e.responsibleId = input.responsibleId;
      }
      await this.save(tx, actor, e, before);
      const moved = before.start !== e.start.toISOString();
      if (e.state === EventState.PLANNED && (moved || before.subject !== e.subject || before.responsibleId !== e.responsibleId)) {
        await this.reminders.followEvent(tx, e, moved);
      }
      return e;
    });
    this.published(updated, previousResponsible);
    return updated;
  }

  async complete(actor: Actor, id: string, input: CompleteEventInput): Promise<Event> {
    const done = await withTransaction(this.db, async (tx) => {
      const e = await this.forChange(tx, actor, id);
      if (e.state !== EventState.PLANNED) throw conflict(`The event is already ${e.state.toLowerCase()}`, { reason: 'NOT_PLANNED' });
      const before = snapshot(e);
      validDate(input.start, 'start');
      validDate(input.end, 'end');
      e.state = EventState.COMPLETED;
      e.result = input.result.trim();
      if (!e.result) throw badInput('result', 'Describe the result', 'REQUIRED');
      if (input.start) e.start = input.start;
      if (input.end !== undefined) e.end = input.end ?? null;
      if (e.end && e.end < e.start) throw badInput('end', 'The end cannot be before the start', 'END_BEFORE_START');
      e.completedAt = new Date();
      await this.save(tx, actor, e, before);
      await this.reminders.dismissForSubject(tx, CrmObjectType.EVENT, e.id);
      return e;
    });
    this.published(done);
    return done;
  }

  async cancel(actor: Actor, id: string, input: CancelEventInput): Promise<Event> {
    const cancelled = await withTransaction(this.db, async (tx) => {
      const e = await this.forChange(tx, actor, id);
      if (e.state !== EventState.PLANNED) throw conflict(`The event is already ${e.state.toLowerCase()}`, { reason: 'NOT_PLANNED' });
      const before = snapshot(e);
      e.state = EventState.CANCELLED;
      e.cancelReason = input.reason.trim();
      if (!e.cancelReason) throw badInput('reason', 'Give the reason', 'REQUIRED');
      await this.save(tx, actor, e, before);
      await this.reminders.dismissForSubject(tx, CrmObjectType.EVENT, e.id);
      return e;
    });
    this.published(cancelled);
    return cancelled;
  }

  async reschedule(actor: Actor, id: string, input: RescheduleEventInput): Promise<Event> {
    validDate(input.start, 'start');
    validDate(input.end, 'end');
    const moved = await withTransaction(this.db, async (tx) => {
      const e = await this.forChange(tx, actor, id);
      if (e.state !== EventState.PLANNED) throw conflict('Only a planned event can be rescheduled', { reason: 'NOT_PLANNED' });
      const before = snapshot(e);
      const duration = e.end ? e.end.getTime() - e.start.getTime() : null;
      e.start = input.start;
      e.end = input.end !== undefined && input.end !== null ? input.end : duration !== null ? new Date(input.start.getTime() + duration) : null;
      if (e.end && e.end < e.start) throw badInput('end', 'The end cannot be before the start', 'END_BEFORE_START');
      await this.save(tx, actor, e, before);
      await this.reminders.followEvent(tx, e, true);
      return e;
    });
    this.published(moved);
    return moved;
  }

  /**
   * Last completed contact and next planned event per counterparty or contact person, in one statement.
   * The last contact is when the latest completed event took place (its start), not when it was marked done:
   * a call typed in today that happened last week was last week's contact.
   */
  async statsFor(actor: Actor, column: 'counterparty_id' | 'contact_person_id', ids: readonly string[]): Promise<Array<{ owner: string; lastContactAt: Date | null; next: Event | null }>> {
    if (!ids.length) return [];
    const scope = scopeOf(actor).read;
    // The next planned event comes whole, so the card's `nextPlannedEvent` needs no statement of its own.
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT o.owner,
              (SELECT max(e.start_at) FROM events e
                WHERE e.${column} = o.owner AND e.state = 'COMPLETED' AND ($2::uuid[] IS NULL OR e.responsible_id = ANY($2))) AS last_contact_at,
              ${columnsOf(this.db, Event, 'n', 'n_')}
         FROM unnest($1::uuid[]) AS o(owner)
         LEFT JOIN LATERAL (
           SELECT e.* FROM events e
            WHERE e.${column} = o.owner AND e.state = 'PLANNED' AND ($2::uuid[] IS NULL OR e.responsible_id = ANY($2))
            ORDER BY e.start_at, e.id LIMIT 1) n ON true`,
      [ids, scope],
    );
    return rows.map((r) => ({ owner: r.owner as string, lastContactAt: (r.last_contact_at as Date | null) ?? null, next: hydrate(this.db, Event, r, 'n_') }));
  }

  async taskCounts(actor: Actor) {
    const today = todayIn(actor.timeZone);
    const [row] = await this.db.query(
      `SELECT
         (SELECT count(*)::int FROM events e WHERE e.responsible_id = $1 AND ${OVERDUE_SQL()}) AS overdue,
         (SELECT count(*)::int FROM events e WHERE e.responsible_id = $1 AND e.state = 'PLANNED' AND e.start_at >= $2 AND e.start_at < $3 AND NOT ${OVERDUE_SQL()}) AS today,
         (SELECT count(*)::int FROM reminders r WHERE r.user_id = $1 AND r.state = 'DUE') AS due_reminders`,
      [actor.id, today.from, today.to],
    );
    return { overdue: row.overdue, today: row.today, dueReminders: row.due_reminders, total: row.overdue + row.today + row.due_reminders };
  }

  /** Events of one user in a period, for the calendar; the caller has checked that the actor may see that user's. */
  async ofUserBetween(userId: string, from: Date, to: Date): Promise<Event[]> {
    return this.db
      .getRepository(Event)
      .createQueryBuilder('e')
      .where('e.responsible_id = :userId', { userId })
      .andWhere(`e.state <> 'CANCELLED'`)
      .andWhere('e.start_at < :to AND coalesce(e.end_at, e.start_at) >= :from', { from, to })
      .orderBy('e.start_at')
      .limit(2000)
      .getMany();
  }

  /** Events in the actor's scope entered based on any of the given objects (a document chain's last level). */
  async basedOnAny(actor: Actor, refs: ReadonlyArray<{ type: CrmObjectType; id: string }>): Promise<Event[]> {
    const valid = refs.filter((r) => isId(r.id));
    if (!valid.length) return [];
    return this.scoped(actor)
      .andWhere('(e.based_on_type, e.based_on_id) IN (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:ids AS uuid[])))', { types: valid.map((r) => r.type), ids: valid.map((r) => r.id) })
      .orderBy('e.start_at')
      .addOrderBy('e.id')
      .limit(1000)
      .getMany();
  }

  /**
   * A planned event the system makes inside the caller's transaction (the control task of an escalated client
   * request, a business-process step): no actor, so no access check and an audit row without one; no reminder.
   * The caller pushes it after its commit with `announce`.
   */
  async createInTransaction(
    tx: EntityManager,
    input: Pick<Event, 'kind' | 'subject' | 'content' | 'importance' | 'start' | 'responsibleId' | 'counterpartyId' | 'contactPersonId'> & { basedOn: { type: CrmObjectType; id: string } | null },
  ): Promise<Event> {
    const repo = tx.getRepository(Event);
    const e = repo.create({
      kind: input.kind,
      direction: EventDirection.OUTGOING,
      state: EventState.PLANNED,
      subject: input.subject.slice(0, 300),
      content: input.content,
      result: null,
      importance: input.importance,
      start: input.start,
      end: null,
      counterpartyId: input.counterpartyId,
      contactPersonId: input.contactPersonId,
      responsibleId: input.responsibleId,
      basedOnType: input.basedOn?.type ?? null,
      basedOnId: input.basedOn?.id ?? null,
      completedAt: null,
      createdById: null,
    });
    e.number = await nextDocumentNumber(tx, 'EV', new Date());
    const saved = await repo.save(e);
    await this.audit.record(tx, null, { entityType: ENTITY, entityId: saved.id, entityLabel: `${saved.number} ${saved.subject}`, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(saved)) });
    return saved;
  }

  /** Pushes `eventChanged` for an event changed outside this service's own methods (after that change commits). */
  announce(e: Event) {
    this.published(e);
  }

  titles = async (actor: Actor, ids: readonly string[]) => (await this.byIds(actor, ids)).map((e) => ({ id: e.id, title: `${e.number} ${e.subject}` }));
}

