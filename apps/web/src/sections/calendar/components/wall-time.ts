import { DateTime } from 'luxon';

/**
 * FullCalendar understands named time zones only with an extra plugin, which we do not ship. It runs in 'UTC'
 * mode instead, and is fed "wall-clock" times: the user's local time of an instant written as if it were UTC.
 * Whatever it hands back (a drop, a resize, a selected slot) is read the same way in reverse. One code path
 * works whether or not the browser's zone matches the profile's (a manager travelling, a shared PC), and days
 * have no DST gaps inside the grid.
 */
export function toWall(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).setZone('utc', { keepLocalTime: true }).toISO()!;
}

/** A FullCalendar date (UTC mode, wall-clock) → the real UTC instant in `zone`. */
export function fromWall(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone: 'utc' }).setZone(zone, { keepLocalTime: true }).toUTC().toISO()!;
}

/** "Now" on the calendar's wall clock, for the now-indicator and "today". */
export function wallNow(zone: string): string {
  return toWall(new Date().toISOString(), zone);
}

/** A FullCalendar date (UTC mode) as the day it shows, "2026-12-01", for the URL. */
export function wallDay(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'utc' }).toISODate()!;
}

/** The wall-clock date plus a time of day ("09:00") as a real UTC instant (an all-day selection in month view). */
export function wallDayAt(date: Date, hour: number, zone: string): string {
  return DateTime.fromJSDate(date, { zone: 'utc' }).setZone(zone, { keepLocalTime: true }).set({ hour, minute: 0 }).toUTC().toISO()!;
}
