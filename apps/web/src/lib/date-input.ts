import { DateTime } from 'luxon';

/**
 * Native `<input type="datetime-local">` values ("2026-12-01T10:00") are wall-clock times without a zone.
 * The API speaks UTC instants, and the user thinks in their profile's time zone (not necessarily the browser's),
 * so every conversion goes through that zone explicitly. Luxon is only loaded with the pages that edit times.
 */
export const LOCAL_INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** UTC ISO instant → the input's value in `zone`; empty for no value. */
export function isoToInput(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const dt = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return dt.isValid ? dt.toFormat(LOCAL_INPUT_FORMAT) : '';
}

/** The input's value, read as wall-clock time in `zone` → UTC ISO instant; null when empty or not a time. */
export function inputToIso(value: string, zone: string): string | null {
  if (!value) return null;
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.toUTC().toISO() : null;
}

/** The next whole `step` minutes from now in `zone`, as an input value: a sensible default start. */
export function nextSlotInput(zone: string, stepMinutes = 30, from: DateTime = DateTime.now()): string {
  const now = from.setZone(zone).startOf('minute');
  const rounded = now.plus({ minutes: stepMinutes - (now.minute % stepMinutes) });
  return rounded.toFormat(LOCAL_INPUT_FORMAT);
}

/** Adds minutes to an input value (keeps wall-clock arithmetic in `zone`). */
export function addMinutesToInput(value: string, minutes: number, zone: string): string {
  const dt = DateTime.fromISO(value, { zone });
  return dt.isValid ? dt.plus({ minutes }).toFormat(LOCAL_INPUT_FORMAT) : value;
}

/** Minutes from one input value to another; null when either is missing or invalid. */
export function minutesBetweenInputs(from: string, to: string, zone: string): number | null {
  const a = DateTime.fromISO(from, { zone });
  const b = DateTime.fromISO(to, { zone });
  if (!from || !to || !a.isValid || !b.isValid) return null;
  return Math.round(b.diff(a, 'minutes').minutes);
}

/** A date input's value ("2026-12-01") as the UTC instant its day starts at in `zone`. */
export function dayStartIso(day: string, zone: string, plusDays = 0): string | null {
  if (!day) return null;
  const dt = DateTime.fromISO(day, { zone });
  return dt.isValid ? dt.startOf('day').plus({ days: plusDays }).toUTC().toISO() : null;
}
