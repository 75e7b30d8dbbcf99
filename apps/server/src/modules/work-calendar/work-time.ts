import { DateTime } from 'luxon';

/**
 * Working-time arithmetic over a production calendar («Производственный календарь»): pure functions, no I/O.
 * SLA deadlines of client requests and, later, deadlines of business-process tasks are counted with them.
 *
 * Working hours are given per weekday in the calendar's time zone as minutes from local midnight; a date can
 * override its weekday (a holiday, a shortened pre-holiday day, a weekend day made working). All instants in and
 * out are UTC `Date`s; the local days are walked in the calendar's zone, so DST shifts (none in Moscow) are honoured.
 */

/** Working hours of one day: from `start` to `end`, in minutes after local midnight (0 ≤ start < end ≤ 1440). */
export interface DayHours {
  start: number;
  end: number;
}

export interface WorkCalendar {
  /** IANA zone the hours are in, e.g. Europe/Moscow. */
  timeZone: string;
  /** Hours for ISO weekdays 1 (Monday) … 7 (Sunday) at index weekday − 1; null is a day off. */
  week: ReadonlyArray<DayHours | null>;
  /** Dates (`YYYY-MM-DD`, local) whose hours differ from their weekday's: null is a non-working day. */
  exceptions: ReadonlyMap<string, DayHours | null>;
}

const MINUTE = 60_000;
/** Far enough to cross any real run of holidays; a calendar without working days would otherwise loop for ever. */
const MAX_DAYS_SEARCHED = 3660;

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';
export const DEFAULT_HOURS: DayHours = { start: 9 * 60, end: 18 * 60 };
/** Monday to Friday 09:00–18:00, Saturday and Sunday off. */
export const DEFAULT_WEEK: ReadonlyArray<DayHours | null> = [DEFAULT_HOURS, DEFAULT_HOURS, DEFAULT_HOURS, DEFAULT_HOURS, DEFAULT_HOURS, null, null];

export function defaultCalendar(exceptions: ReadonlyMap<string, DayHours | null> = new Map()): WorkCalendar {
  return { timeZone: DEFAULT_TIME_ZONE, week: DEFAULT_WEEK, exceptions };
}

export class NoWorkingTimeError extends Error {
  constructor() {
    super(`The work calendar has no working time within ${MAX_DAYS_SEARCHED} days`);
  }
}

/** The local date `YYYY-MM-DD` of a day. */
const isoDate = (day: DateTime) => day.toISODate() as string;

/** Working hours of a local day, as UTC milliseconds; null when it is not a working day. */
function workingSpan(cal: WorkCalendar, day: DateTime): { from: number; to: number } | null {
  const key = isoDate(day);
  const hours = cal.exceptions.has(key) ? cal.exceptions.get(key)! : cal.week[day.weekday - 1];
  if (!hours || hours.end <= hours.start) return null;
  const at = (minutes: number) => day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
  // 24:00 is the next local midnight.
  const to = hours.end >= 1440 ? day.plus({ days: 1 }).startOf('day').toMillis() : at(hours.end);
  return { from: at(hours.start), to };
}

function localDay(cal: WorkCalendar, t: number): DateTime {
  const day = DateTime.fromMillis(t, { zone: cal.timeZone }).startOf('day');
  if (!day.isValid) throw new RangeError(`Unknown time zone ${cal.timeZone}`);
  return day;
}

function assertInstant(d: Date, name: string) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid time`);
}

/**
 * The earliest moment at which `minutes` working minutes have passed since `start`. Work is counted only inside
 * working hours: a start outside them counts from the next working moment; 0 minutes returns `start` itself.
 * A span ending exactly at the close of a day ends there (18:00), not at the next opening.
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkCalendar): Date {
  assertInstant(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number ≥ 0');
  let left = Math.round(minutes * MINUTE);
  let cursor = start.getTime();
  if (left === 0) return new Date(cursor);
  let day = localDay(cal, cursor);
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plus({ days: 1 }).startOf('day')) {
    const span = workingSpan(cal, day);
    if (!span || cursor >= span.to) continue;
    const from = Math.max(cursor, span.from);
    const available = span.to - from;
    if (left <= available) return new Date(from + left);
    left -= available;
    cursor = span.to;
  }
  throw new NoWorkingTimeError();
}

/**
 * Working minutes between two instants: the working time inside [a, b). Negative when b is before a.
 * Fractional when the bounds are not on whole minutes.
 */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkCalendar): number {
  assertInstant(a, 'a');
  assertInstant(b, 'b');
  if (b.getTime() < a.getTime()) return -workingMinutesBetween(b, a, cal);
  const end = b.getTime();
  let total = 0;
  let day = localDay(cal, a.getTime());
  // Walk the local days from a's to b's; each contributes the overlap of its working hours with [a, b).
  while (day.toMillis() < end) {
    const span = workingSpan(cal, day);
    if (span) total += Math.max(0, Math.min(span.to, end) - Math.max(span.from, a.getTime()));
    day = day.plus({ days: 1 }).startOf('day');
  }
  return total / MINUTE;
}

/** True when `t` falls inside working hours. */
export function isWorkingTime(t: Date, cal: WorkCalendar): boolean {
  assertInstant(t, 't');
  const span = workingSpan(cal, localDay(cal, t.getTime()));
  return !!span && t.getTime() >= span.from && t.getTime() < span.to;
}

/** True when the local date (`YYYY-MM-DD`) has working hours. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const day = DateTime.fromISO(date, { zone: cal.timeZone });
  if (!day.isValid) throw new RangeError(`${date} is not a date`);
  return !!workingSpan(cal, day.startOf('day'));
}

/**
 * `days` working days after `start` («через N рабочих дней»), at the same local time of day: the result falls on
 * the N-th working day after the local date of `start` (a non-working start date counts from the next working
 * day). 0 returns `start`. The time of day is kept as is, even outside the hours of a shortened day: a deadline
 * "in 3 working days" of a request registered at 11:00 is 11:00 three working days later.
 */
export function addWorkingDays(start: Date, days: number, cal: WorkCalendar): Date {
  assertInstant(start, 'start');
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  if (days === 0) return new Date(start.getTime());
  const local = DateTime.fromMillis(start.getTime(), { zone: cal.timeZone });
  let day = local.startOf('day');
  let left = days;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    day = day.plus({ days: 1 }).startOf('day');
    if (workingSpan(cal, day) && --left === 0) {
      return day.set({ hour: local.hour, minute: local.minute, second: local.second, millisecond: local.millisecond }).toJSDate();
    }
  }
  throw new NoWorkingTimeError();
}

/** `HH:MM` → minutes after midnight (24:00 allowed as the end of a day); null when malformed. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** Minutes after midnight → `HH:MM`. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
