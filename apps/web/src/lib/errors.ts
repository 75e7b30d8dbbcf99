import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** One error the API reported, flattened from `extensions` (see the API conventions in DESIGN.md). */
export interface ApiError {
  code: string;
  message: string;
  /** Dotted input path at fault, e.g. `inn` or `contactInfo.1.value`. */
  field?: string;
  /** Finer machine code, e.g. `INN_CHECKSUM`. */
  reason?: string;
  /** With RATE_LIMITED: how long until another attempt is accepted. */
  retryAfterSeconds?: number;
}

/** Codes and reasons the UI has texts for; anything else falls back to the server's own message. */
export const KNOWN_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;

export const KNOWN_REASONS = [
  'PHONE_INVALID',
  'EMAIL_INVALID',
  'URL_INVALID',
  'ADDRESS_EMPTY',
  'VALUE_EMPTY',
  'VALUE_TOO_LONG',
  'INN_FORMAT',
  'INN_CHECKSUM',
  'INN_LEGAL_TYPE',
  'KPP_FORMAT',
  'KPP_LEGAL_TYPE',
  'KIND_TYPE_MISMATCH',
  'EMAIL_TAKEN',
  'PASSWORD_WEAK',
  // Further reasons the server sends today; texts for them read better than its English messages.
  'BAD_CREDENTIALS',
  'KIND_NOT_FOUND',
  'DUPLICATE',
  'DATE_INVALID',
  'DATE_IN_FUTURE',
  'CYCLE',
  'MARKED_FOR_DELETION',
  'TYPE_UNKNOWN',
  // Events, reminders, calendar, time zone.
  'TIME_ZONE_INVALID',
  'OUT_OF_RANGE',
  'DISMISSED',
  'TYPE_NOT_SUPPORTED',
  'RANGE_TOO_LONG',
  'END_BEFORE_START',
  'NOT_PLANNED',
  'CANCELLED',
  'REQUIRED',
  'CONTACT_OF_OTHER_COUNTERPARTY',
  'STATE_INVALID',
] as const;

const isKnown = (list: readonly string[], value: string | undefined): value is string =>
  value !== undefined && list.includes(value);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Flattens whatever Apollo rejected with into API errors; network failures get the code `NETWORK`. */
export function apiErrors(error: unknown): ApiError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({
      code: str(e.extensions?.code) ?? 'INTERNAL_SERVER_ERROR',
      message: e.message,
      // class-validator paths may be prefixed with the argument name; the forms key fields without it.
      field: str(e.extensions?.field)?.replace(/^input\./, ''),
      reason: str(e.extensions?.reason),
      retryAfterSeconds: typeof e.extensions?.retryAfterSeconds === 'number' ? e.extensions.retryAfterSeconds : undefined,
    }));
  }
  if (ServerError.is(error) && error.statusCode === 429) {
    return [{ code: 'RATE_LIMITED', message: error.message }];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [{ code: 'NETWORK', message }];
}

export function hasErrorCode(error: unknown, code: string): boolean {
  return apiErrors(error).some((e) => e.code === code);
}

/**
 * The text a person sees for an error: the translated reason when we know it; for bad input the server's message
 * (it names what to fix); otherwise the translated code, and the server message as the last resort.
 */
export function errorText(t: TFunction, e: ApiError): string {
  if (isKnown(KNOWN_REASONS, e.reason)) return t(`reason.${e.reason}`);
  if (e.code === 'BAD_USER_INPUT' && e.message) return e.message;
  if (e.code === 'NETWORK') return t('errors.NETWORK');
  if (isKnown(KNOWN_CODES, e.code)) return t(`errors.${e.code}`);
  return e.message || t('errors.INTERNAL_SERVER_ERROR');
}

/** Field path -> text, for errors that name an input field. */
export type FieldErrors = Record<string, string>;

/**
 * Splits an error into texts shown at fields and texts shown above the form.
 * `knownFields` tells which paths the form displays; errors for other fields go to the general list.
 */
export function splitErrors(
  t: TFunction,
  error: unknown,
  knownFields: (field: string) => boolean,
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const e of apiErrors(error)) {
    const text = errorText(t, e);
    if (e.field && knownFields(e.field)) fields[e.field] = text;
    else general.push(text);
  }
  return { fields, general };
}

/** A copy without one key: clears a server error once the user edits that field. */
export function omitKey<T extends Record<string, unknown>>(record: T, key: string): T {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** A lost optimistic lock, as opposed to other CONFLICTs (e.g. editing an object marked for deletion). */
export function isStaleVersion(error: unknown): boolean {
  return apiErrors(error).some((e) => e.code === 'CONFLICT' && (!e.reason || e.reason === 'STALE_VERSION' || e.reason === 'VERSION_CONFLICT'));
}
