import type { DataSource, EntityManager } from 'typeorm';
import { DateTime, IANAZone } from 'luxon';
import type { Actor } from '../auth/user.entity';
import { requireAdmin } from '../auth/access';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { badInput, conflict, notFound } from '../../core/errors';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, toConnection } from '../../core/pagination';
import { isLocalDate, requireLocalDate } from '../../core/decimal';
import { formatClock, parseClock, type DayHours, type WorkCalendar } from './work-time';
import {
  WorkCalendarExceptionKind,
  type SetWorkCalendarExceptionInput,
  type SetWorkCalendarInput,
  type WorkCalendarException,
  type WorkCalendarSettings,
  type WorkingHours,
} from './work-calendar.types';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

interface WeekdayRow {
  weekday: number;
  start_minute: number | null;
  end_minute: number | null;
}
interface ExceptionRow {
  id: string;
  day: string;
  kind: WorkCalendarExceptionKind;
  start_minute: number | null;
  end_minute: number | null;
  name: string | null;
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EXCEPTION_COLUMNS = `id, day::text AS day, kind, start_minute, end_minute, name`;

const hoursOf = (start: number | null, end: number | null): DayHours | null => (start === null || end === null ? null : { start, end });
const span = (h: DayHours | null) => (h ? `${formatClock(h.start)}–${formatClock(h.end)}` : null);

function toException(r: ExceptionRow): WorkCalendarException {
  return {
    id: r.id,
    date: r.day,
    kind: r.kind,
    start: r.start_minute === null ? null : formatClock(r.start_minute),
    end: r.end_minute === null ? null : formatClock(r.end_minute),
    name: r.name,
  };
}

/** A `HH:MM` of an input, as minutes; a coded error naming the field when malformed. */
function clockOf(value: string, field: string): number {
  const minutes = parseClock(value);
  if (minutes === null) throw badInput(field, 'Enter a time as HH:MM, e.g. 09:00', 'TIME_INVALID');
  return minutes;
}

/** Hours from an optional pair of inputs: both or neither. */
function hoursFromInput(start: string | null | undefined, end: string | null | undefined, prefix = ''): DayHours | null {
  const startField = `${prefix}start`;
  const endField = `${prefix}end`;
  if (!start && !end) return null;
  if (!start) throw badInput(startField, 'Give the opening time too', 'REQUIRED');
  if (!end) throw badInput(endField, 'Give the closing time too', 'REQUIRED');
  const h = { start: clockOf(start, startField), end: clockOf(end, endField) };
  if (h.start >= 1440) throw badInput(startField, 'A day cannot open at 24:00', 'TIME_INVALID');
  if (h.end <= h.start) throw badInput(endField, 'The closing time must be after the opening time', 'END_BEFORE_START');
  return h;
}

/**
 * The organisation's work calendar: reading it (everyone — the web shows deadlines in it) and setting it
 * (administrators). Other modules ask for a `WorkCalendar` value and count with the pure functions of work-time.ts.
 */
export class WorkCalendarService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The calendar for counting from `from` on: the weekly hours and every exception from the day before `from`
   * (the zone's local date may lag UTC's). Exceptions are a few dozen rows a year, so all later ones are loaded.
   * Pass the transaction when counting inside one.
   */
  async calendar(q: Queryable = this.db, from: Date = new Date()): Promise<WorkCalendar> {
    const [settings] = await q.query(`SELECT time_zone FROM work_calendar LIMIT 1`);
    const week: WeekdayRow[] = await q.query(`SELECT weekday, start_minute, end_minute FROM work_calendar_weekdays ORDER BY weekday`);
    const since = new Date(from.getTime() - 2 * 86400_000).toISOString().slice(0, 10);
    const rows: ExceptionRow[] = await q.query(`SELECT ${EXCEPTION_COLUMNS} FROM work_calendar_exceptions WHERE day >= $1::date`, [since]);
    const byDay = new Map(week.map((w) => [w.weekday, hoursOf(w.start_minute, w.end_minute)]));
    return {
      timeZone: settings?.time_zone ?? 'Europe/Moscow',
      week: [1, 2, 3, 4, 5, 6, 7].map((d) => byDay.get(d) ?? null),
      exceptions: new Map(rows.map((r) => [r.day, hoursOf(r.start_minute, r.end_minute)])),
    };
  }

  async settings(q: Queryable = this.db): Promise<WorkCalendarSettings> {
    const [row] = await q.query(`SELECT id, time_zone, version, updated_at FROM work_calendar LIMIT 1`);
    const week: WeekdayRow[] = await q.query(`SELECT weekday, start_minute, end_minute FROM work_calendar_weekdays ORDER BY weekday`);
    return {
      id: row.id,
      timeZone: row.time_zone,
      version: row.version,
      updatedAt: row.updated_at,
      week: week.map(
        (w): WorkingHours => ({
          weekday: w.weekday,
          working: w.start_minute !== null,
          start: w.start_minute === null ? null : formatClock(w.start_minute),
          end: w.end_minute === null ? null : formatClock(w.end_minute!),
        }),
      ),
    };
  }

  async setSettings(actor: Actor, input: SetWorkCalendarInput): Promise<WorkCalendarSettings> {
    requireAdmin(actor);
    const timeZone = input.timeZone.trim();
    if (!IANAZone.isValidZone(timeZone)) throw badInput('timeZone', 'Not a known IANA time zone, e.g. Europe/Moscow', 'TIME_ZONE_INVALID');
    const seen = new Set<number>();
    const hours = new Map<number, DayHours | null>();
    input.week.forEach((w, i) => {
      if (seen.has(w.weekday)) throw badInput(`week.${i}.weekday`, 'Each weekday must be given once', 'DUPLICATE');
      seen.add(w.weekday);
      hours.set(w.weekday, hoursFromInput(w.start, w.end, `week.${i}.`));
    });
    if (![...hours.values()].some(Boolean)) throw badInput('week', 'At least one weekday must be working', 'NO_WORKING_DAYS');
    return withTransaction(this.db, async (tx) => {
      const before = await this.settings(tx);
      const [row] = await updateReturning<{ id: string }>(
        tx,
        `UPDATE work_calendar SET time_zone = $1, version = version + 1, updated_at = now() WHERE version = $2 RETURNING id`,
        [timeZone, input.version],
      );
      if (!row) throw conflict('The work calendar was changed by someone else; reload to see their changes', { currentVersion: before.version });
      for (const [weekday, h] of hours) {
        await tx.query(`UPDATE work_calendar_weekdays SET start_minute = $2, end_minute = $3 WHERE weekday = $1`, [weekday, h?.start ?? null, h?.end ?? null]);
      }
      const after = await this.settings(tx);
      const snap = (s: WorkCalendarSettings) => ({
        timeZone: s.timeZone,
        ...Object.fromEntries(s.week.map((w) => [WEEKDAY_NAMES[w.weekday - 1], w.working ? `${w.start}–${w.end}` : null])),
      });
      await this.audit.record(tx, actor, { entityType: 'WorkCalendar', entityId: after.id, entityLabel: 'Work calendar', action: AuditAction.UPDATE, changes: diffSnapshots(snap(before), snap(after)) });
      return after;
    });
  }

  /** Exceptions by date; `from`/`to` bound the dates (inclusive). */
  async exceptions(first: number, after: string | null | undefined, from?: string | null, to?: string | null) {
    if (from) requireLocalDate(from, 'from');
    if (to) requireLocalDate(to, 'to');
    const cursor = decodeCursor(after, 1, ([d]) => isLocalDate(d)) as [string] | null;
    const where = [`($1::date IS NULL OR day >= $1::date)`, `($2::date IS NULL OR day <= $2::date)`];
    const params: unknown[] = [from ?? null, to ?? null];
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM work_calendar_exceptions WHERE ${where.join(' AND ')}`, params);
    const rows: ExceptionRow[] = await this.db.query(
      `SELECT ${EXCEPTION_COLUMNS} FROM work_calendar_exceptions WHERE ${where.join(' AND ')} AND ($3::date IS NULL OR day > $3::date) ORDER BY day LIMIT $4`,
      [...params, cursor?.[0] ?? null, first + 1],
    );
    return toConnection(rows.map(toException), first, n, (e) => [e.date]);
  }

  /** Sets what a date is (replacing an earlier exception of that date). */
  async setException(actor: Actor, input: SetWorkCalendarExceptionInput): Promise<WorkCalendarException> {
    requireAdmin(actor);
    const date = requireLocalDate(input.date, 'date');
    let hours: DayHours | null = null;
    if (input.kind === WorkCalendarExceptionKind.HOLIDAY) {
      if (input.start || input.end) throw badInput(input.start ? 'start' : 'end', 'A holiday has no working hours', 'NOT_ALLOWED');
    } else {
      hours = hoursFromInput(input.start, input.end);
      if (!hours) hours = await this.defaultHours(date, input.kind);
    }
    const name = input.name?.trim() || null;
    return withTransaction(this.db, async (tx) => {
      const [old]: ExceptionRow[] = await tx.query(`SELECT ${EXCEPTION_COLUMNS} FROM work_calendar_exceptions WHERE day = $1::date FOR UPDATE`, [date]);
      const [row]: ExceptionRow[] = await tx.query(
        `INSERT INTO work_calendar_exceptions (day, kind, start_minute, end_minute, name) VALUES ($1::date, $2, $3, $4, $5)
         ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, start_minute = EXCLUDED.start_minute, end_minute = EXCLUDED.end_minute,
                                         name = EXCLUDED.name, updated_at = now()
         RETURNING ${EXCEPTION_COLUMNS}`,
        [date, input.kind, hours?.start ?? null, hours?.end ?? null, name],
      );
      const snap = (r?: ExceptionRow) => (r ? { date: r.day, kind: r.kind, hours: span(hoursOf(r.start_minute, r.end_minute)), name: r.name } : {});
      await this.audit.record(tx, actor, {
        entityType: 'WorkCalendarException',
        entityId: row.id,
        entityLabel: `${row.day} ${row.name ?? row.kind}`,
        action: old ? AuditAction.UPDATE : AuditAction.CREATE,
        changes: diffSnapshots(snap(old), snap(row)),
      });
      return toException(row);
    });
  }

  /** The date goes back to its weekday's hours. */
  async removeException(actor: Actor, dateRaw: string): Promise<boolean> {
    requireAdmin(actor);
    const date = requireLocalDate(dateRaw, 'date');
    return withTransaction(this.db, async (tx) => {
      const [row] = await updateReturning<ExceptionRow>(tx, `DELETE FROM work_calendar_exceptions WHERE day = $1::date RETURNING ${EXCEPTION_COLUMNS}`, [date]);
      if (!row) throw notFound('Work calendar exception');
      await this.audit.record(tx, actor, {
        entityType: 'WorkCalendarException',
        entityId: row.id,
        entityLabel: `${row.day} ${row.name ?? row.kind}`,
        action: AuditAction.DELETE,
        changes: diffSnapshots({ date: row.day, kind: row.kind, hours: span(hoursOf(row.start_minute, row.end_minute)), name: row.name }, {}),
      });
      return true;
    });
  }

  /**
   * Hours a shortened or working date gets when none are given: a shortened day closes an hour earlier than its
   * weekday (the Labour Code's pre-holiday rule); a working weekend day gets the first working weekday's hours.
   */
  private async defaultHours(date: string, kind: WorkCalendarExceptionKind): Promise<DayHours> {
    const week: WeekdayRow[] = await this.db.query(`SELECT weekday, start_minute, end_minute FROM work_calendar_weekdays ORDER BY weekday`);
    const weekday = DateTime.fromISO(date).weekday;
    const own = week.find((w) => w.weekday === weekday);
    const standard = week.find((w) => w.start_minute !== null);
    if (kind === WorkCalendarExceptionKind.SHORTENED) {
      const h = own && hoursOf(own.start_minute, own.end_minute);
      if (!h) throw badInput('kind', 'The date is a day off: make it WORKING, or give its hours', 'NOT_A_WORKING_DAY');
      return { start: h.start, end: Math.max(h.start + 1, h.end - 60) };
    }
    return hoursOf(standard!.start_minute, standard!.end_minute)!;
  }
}
