import { DateTime } from 'luxon';

/** Today as YYYY-MM-DD in the user's zone: a document's date is the day the user sees, not UTC's. */
export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? DateTime.now().toISODate()!;
}

/** A calendar date plus whole days (YYYY-MM-DD in, out); the input itself when it is not a date. */
export function addDays(isoDate: string, days: number): string {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' });
  return d.isValid ? d.plus({ days }).toISODate()! : isoDate;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}
