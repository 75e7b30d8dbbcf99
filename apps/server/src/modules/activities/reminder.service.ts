import type { DataSource, EntityManager } from 'typeorm';
import { Reminder } from './reminder.entity';
import { CrmObjectType, ReminderState } from './activities.enums';
import type { CreateReminderInput, ReminderFilter } from './activities.inputs';
import type { ObjectRefs } from './object-refs';
import type { Actor } from '../auth/user.entity';
import { badInput, notFound } from '../../core/errors';
import { requireId } from '../../core/ids';
import { withTransaction } from '../../core/database/transaction';
import { decodeCursor, toConnection, type ConnectionShape } from '../../core/pagination';
import { pagesWithTotals, type PagePart } from '../../core/database/hydrate';
import type { PubSub } from '../../core/pubsub';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';

export const REMINDER_DUE = 'REMINDER_DUE';
/**
 * What the claim publishes: the whole fired reminder, so each open tab is answered from the message itself
 * rather than by a query per subscriber (1,000 tabs would mean 1,000 queries per firing). Times travel as ISO
 * strings, since with Redis the payload crosses processes as JSON.
 */
export interface ReminderDuePayload {
  id: string;
  userId: string;
  text: string;
  remindAt: string;
  firedAt: string;
  subjectType: CrmObjectType | null;
  subjectId: string | null;
  offsetMinutes: number | null;
  createdAt: string;
}

/** The reminder a due-message describes, as the entity the resolvers expect. */
export function reminderFromPayload(p: ReminderDuePayload): Reminder {
  return Object.assign(new Reminder(), {
    id: p.id,
    userId: p.userId,
    text: p.text,
    remindAt: new Date(p.remindAt),
    state: ReminderState.DUE,
    firedAt: new Date(p.firedAt),
    subjectType: p.subjectType,
    subjectId: p.subjectId,
    offsetMinutes: p.offsetMinutes,
    createdAt: new Date(p.createdAt),
  });
}

/** One list asked of `lists` (`first: 0` for the total only). */
export interface ReminderPageRequest {
  first: number;
  after?: string | null;
  filter?: ReminderFilter;
}

const MIN_SNOOZE = 5;
const MAX_SNOOZE = 7 * 24 * 60;
const ENTITY = 'Reminder';

const snapshot = (r: Reminder) => ({
  text: r.text,
  remindAt: r.remindAt.toISOString(),
  state: r.state,
  subject: r.subjectType && r.subjectId ? `${r.subjectType}:${r.subjectId}` : null,
});

/** Reminders are personal: every read and change is limited to the reminder's own user. */
export class ReminderService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly refs: ObjectRefs,
    private readonly pubSub: PubSub,
  ) {}

  private async own(tx: EntityManager | DataSource, actor: Actor, idRaw: string): Promise<Reminder> {
    const id = requireId(idRaw);
    const r = await tx.getRepository(Reminder).findOne({ where: { id, userId: actor.id } });
    if (!r) throw notFound('Reminder');
    return r;
  }

  get(actor: Actor, id: string) {
    return this.own(this.db, actor, id);
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: ReminderFilter = {}) {
    const [page] = await this.lists(actor, [{ first, after, filter }]);
    if (page instanceof Error) throw page;
    return page;
  }

  /** Several lists of my reminders in one statement (`first: 0` for the total only); see EventService.lists. */
  async lists(actor: Actor, requests: readonly ReminderPageRequest[]): Promise<Array<ConnectionShape<Reminder> | Error>> {
    const parts: Array<PagePart<Reminder> | Error> = requests.map(({ first, after, filter = {} }, i) => {
      try {
        const n = (name: string) => `${name}_${i}`;
        const cursor = decodeCursor(after, 2, ([at, id]) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string') as [string, string] | null;
        const qb = this.db.getRepository(Reminder).createQueryBuilder('r').where('r.user_id = :me', { me: actor.id });
        if (filter.state) qb.andWhere(`r.state = :${n('state')}`, { [n('state')]: filter.state });
        if (first === 0) return { count: qb, page: null, orderBy: 'page."r_id"' };
        const page = qb.clone();
        if (cursor) page.andWhere(`(r.remind_at, r.id) > (:${n('at')}, :${n('id')})`, { [n('at')]: cursor[0], [n('id')]: cursor[1] });
        page.orderBy('r.remind_at').addOrderBy('r.id').limit(first + 1);
        return { count: qb, page, orderBy: 'page."r_remind_at", page."r_id"' };
      } catch (err) {
        return err as Error;
      }
    });
    const valid = parts.filter((p): p is PagePart<Reminder> => !(p instanceof Error));
    const results = valid.length ? await pagesWithTotals(this.db, Reminder, 'r', valid) : [];
    let next = 0;
    return parts.map((p, i) => {
      if (p instanceof Error) return p;
      const { total, rows } = results[next++];
      return toConnection(
        rows.map((r) => r.entity),
        requests[i].first,
        total,
        (r) => [r.remindAt.toISOString(), r.id],
      );
    });
  }

  async create(actor: Actor, input: CreateReminderInput): Promise<Reminder> {
    if (Number.isNaN(input.remindAt.getTime())) throw badInput('remindAt', 'Not a valid time', 'DATE_INVALID');
    if (!input.text.trim()) throw badInput('text', 'Enter a text', 'REQUIRED');
    if (input.subject) await this.refs.assertVisible(actor, input.subject, 'subject');
    return withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(Reminder);
      const r = await repo.save(
        repo.create({
          userId: actor.id,
          text: input.text.trim(),
          remindAt: input.remindAt,
          state: ReminderState.PENDING,
          subjectType: input.subject?.type ?? null,
          subjectId: input.subject?.id ?? null,
          offsetMinutes: null,
        }),
      );
      await this.audit.record(tx, actor, { entityType: ENTITY, entityId: r.id, entityLabel: r.text, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(r)) });
      return r;
    });
  }

  /** Puts a due (or pending) reminder off: it fires again after `minutes`. */
  async snooze(actor: Actor, id: string, minutes: number): Promise<Reminder> {
    if (!Number.isInteger(minutes) || minutes < MIN_SNOOZE || minutes > MAX_SNOOZE) {
      throw badInput('minutes', `Snooze for ${MIN_SNOOZE} minutes to 1 week`, 'OUT_OF_RANGE');
    }
    return withTransaction(this.db, async (tx) => {
      const r = await this.own(tx, actor, id);
      if (r.state === ReminderState.DISMISSED) throw badInput('id', 'The reminder is dismissed', 'DISMISSED');
      const before = snapshot(r);
      r.remindAt = new Date(Date.now() + minutes * 60_000);
      r.state = ReminderState.PENDING;
      await tx.query(`UPDATE reminders SET remind_at = $1, state = 'PENDING' WHERE id = $2`, [r.remindAt, r.id]);
      await this.audit.record(tx, actor, { entityType: ENTITY, entityId: r.id, entityLabel: r.text, action: AuditAction.UPDATE, changes: diffSnapshots(before, snapshot(r)) });
      return r;
    });
  }

  async dismiss(actor: Actor, id: string): Promise<Reminder> {
    return withTransaction(this.db, async (tx) => {
      const r = await this.own(tx, actor, id);
      if (r.state === ReminderState.DISMISSED) return r;
      const before = snapshot(r);
      r.state = ReminderState.DISMISSED;
      await tx.query(`UPDATE reminders SET state = 'DISMISSED' WHERE id = $1`, [r.id]);
      await this.audit.record(tx, actor, { entityType: ENTITY, entityId: r.id, entityLabel: r.text, action: AuditAction.UPDATE, changes: diffSnapshots(before, snapshot(r)) });
      return r;
    });
  }

  // ---- reminders that follow an event (called inside the event's transaction) ----

  /**
   * `armForEvent` inside the statement that creates the event: an INSERT over the CTE `e` holding the new event
   * row, arming nothing when `offset` (an SQL expression, minutes) is null.
   */
  armForEventSql(e: string, offset: string) {
    return `INSERT INTO reminders (user_id, text, remind_at, state, subject_type, subject_id, offset_minutes)
            SELECT ${e}.responsible_id, ${e}.subject, ${e}.start_at - make_interval(mins => ${offset}), 'PENDING', 'EVENT', ${e}.id, ${offset}
              FROM ${e} WHERE ${offset} IS NOT NULL`;
  }

  async armForEvent(tx: EntityManager, e: { id: string; subject: string; start: Date; responsibleId: string }, offsetMinutes: number) {
    await tx.query(
      `INSERT INTO reminders (user_id, text, remind_at, state, subject_type, subject_id, offset_minutes) VALUES ($1, $2, $3, 'PENDING', 'EVENT', $4, $5)`,
      [e.responsibleId, e.subject, new Date(e.start.getTime() - offsetMinutes * 60_000), e.id, offsetMinutes],
    );
  }

  /**
   * After a reschedule, a change of subject or of responsible: the event's relative reminders follow it
   * (to the new responsible, at the new time); `rearm` makes them pending again, even if fired or dismissed.
   */
  async followEvent(tx: EntityManager, e: { id: string; subject: string; start: Date; responsibleId: string }, rearm: boolean) {
    await tx.query(
      `UPDATE reminders SET user_id = $2, text = $3, remind_at = $4::timestamptz - make_interval(mins => offset_minutes),
              state = CASE WHEN $5 THEN 'PENDING' ELSE state END,
              fired_at = CASE WHEN $5 THEN NULL ELSE fired_at END
        WHERE subject_type = 'EVENT' AND subject_id = $1 AND offset_minutes IS NOT NULL`,
      [e.id, e.responsibleId, e.subject, e.start, rearm],
    );
  }

  /**
   * A reminder about an object for a user, in the caller's transaction: e.g. the expected payment of a posted
   * invoice, for its responsible at the due date. The owner of the object dismisses it (`dismissForSubject`).
   */
  async armForSubject(tx: EntityManager, r: { userId: string; text: string; remindAt: Date; subjectType: CrmObjectType; subjectId: string }) {
    await tx.query(
      `INSERT INTO reminders (user_id, text, remind_at, state, subject_type, subject_id, offset_minutes) VALUES ($1, $2, $3, 'PENDING', $4, $5, NULL)`,
      [r.userId, r.text.slice(0, 500), r.remindAt, r.subjectType, r.subjectId],
    );
  }

  /** A completed or cancelled event needs no more reminding. */
  async dismissForSubject(tx: EntityManager, type: CrmObjectType, id: string) {
    await tx.query(`UPDATE reminders SET state = 'DISMISSED' WHERE subject_type = $1 AND subject_id = $2 AND state <> 'DISMISSED'`, [type, id]);
  }

  async byEvents(actor: Actor, eventIds: readonly string[]): Promise<Reminder[]> {
    if (!eventIds.length) return [];
    return this.db
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .where(`r.subject_type = 'EVENT' AND r.subject_id = ANY(:ids) AND r.user_id = :me`, { ids: eventIds, me: actor.id })
      .orderBy('r.remind_at')
      .getMany();
  }

  async countDue(actor: Actor): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM reminders WHERE user_id = $1 AND state = 'DUE'`, [actor.id]);
    return row.n;
  }

  /**
   * Fires every reminder whose time has come, exactly once: one statement claims them (rows another instance
   * is claiming are skipped, not waited for) and marks them DUE; the pushes go out after that commit.
   * A reminder whose push found no open tab is still DUE, so the user sees it at the next login.
   */
  async fireDue(limit = 500): Promise<ReminderDuePayload[]> {
    const result = await this.db.query(
      `UPDATE reminders SET state = 'DUE', fired_at = now()
        WHERE id IN (SELECT id FROM reminders WHERE state = 'PENDING' AND remind_at <= now() ORDER BY remind_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, user_id, text, remind_at, fired_at, subject_type, subject_id, offset_minutes, created_at`,
      [limit],
    );
    type Row = { id: string; user_id: string; text: string; remind_at: Date; fired_at: Date; subject_type: CrmObjectType | null; subject_id: string | null; offset_minutes: number | null; created_at: Date };
    const rows: Row[] = Array.isArray(result[0]) ? result[0] : result;
    const fired: ReminderDuePayload[] = rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      text: r.text,
      remindAt: new Date(r.remind_at).toISOString(),
      firedAt: new Date(r.fired_at).toISOString(),
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      offsetMinutes: r.offset_minutes,
      createdAt: new Date(r.created_at).toISOString(),
    }));
    // Per-user topics: each message reaches only its user's sockets, so delivery does not scan every subscriber.
    for (const f of fired) this.pubSub.publish(REMINDER_DUE, f.userId, f);
    return fired;
  }
}
