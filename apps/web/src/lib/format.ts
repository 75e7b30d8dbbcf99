import i18n from '../i18n';

/**
 * The IANA zone times are shown in: the signed-in user's `timeZone` (set by the auth gate), else the browser's.
 * Module state rather than a prop so every formatter (grids, history, recent objects) agrees without plumbing.
 */
let displayTimeZone: string | undefined;

/** Called by the auth gate with `me.timeZone`; an unknown zone falls back to the browser's. */
export function setDisplayTimeZone(zone: string | null | undefined): void {
  displayTimeZone = zone && isValidTimeZone(zone) ? zone : undefined;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function format(iso: string | null | undefined, options: Intl.DateTimeFormatOptions): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.resolvedLanguage, { ...options, timeZone: displayTimeZone }).format(date);
}

/** Date and time in the interface language and the user's time zone, e.g. «28.11.2025, 14:05». */
export function formatDateTime(iso: string | null | undefined): string {
  return format(iso, { dateStyle: 'short', timeStyle: 'short' });
}

/** Only the time of day in the user's time zone, e.g. «14:05». */
export function formatTime(iso: string | null | undefined): string {
  return format(iso, { timeStyle: 'short' });
}

/** The day of a moment in the user's time zone, e.g. «28 нояб. 2025 г.». */
export function formatDay(iso: string | null | undefined): string {
  return format(iso, { dateStyle: 'medium' });
}

/** A time span: «28.11.2025, 14:05 – 14:35», or with both dates when it spans days. */
export function formatRange(start: string, end: string | null | undefined): string {
  if (!end) return formatDateTime(start);
  const sameDay = formatDay(start) === formatDay(end);
  return `${formatDateTime(start)} – ${sameDay ? formatTime(end) : formatDateTime(end)}`;
}

/** A calendar date stored as YYYY-MM-DD, shown without shifting through time zones. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
