import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { TFunction } from 'i18next';
import i18n from '../../../i18n';
import { apiErrors, errorText, type ApiError, type FieldErrors } from '../../../lib/errors';

/** The documents a refusal names (`extensions.documents`, e.g. the payments that block unposting), per error. */
function documentsOf(error: unknown): Array<string | undefined> {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.map((e) => {
    const docs = e.extensions?.documents;
    return Array.isArray(docs) ? docs.filter((d): d is string => typeof d === 'string').join(', ') : undefined;
  });
}

/**
 * The text for an error from a sales mutation. The documents refuse with specific reasons (posted, paid, has
 * payments…): a person must read why, not a generic "conflict". Our own texts for the reasons we know (with the
 * documents in the way, when the server names them); else the server's message, which names the cause; the generic
 * texts last. A CONFLICT without a reason is a lost optimistic lock: the generic text says what to do.
 */
export function salesErrorText(t: TFunction, e: ApiError, documents?: string): string {
  if (e.reason && i18n.exists(`sales.reason.${e.reason}`)) {
    const text = t(`sales.reason.${e.reason}`);
    return documents ? `${text} (${documents})` : text;
  }
  if (e.code === 'CONFLICT' && e.reason && e.reason !== 'STALE_VERSION' && e.message) return e.message;
  return errorText(t, e);
}

/** Field errors and general errors of a failed save, with the sales texts. `fieldMap` renames server fields. */
export function salesErrors(
  t: TFunction,
  error: unknown,
  knownField: (field: string) => boolean,
  fieldMap: Record<string, string> = {},
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  const docs = documentsOf(error);
  apiErrors(error).forEach((e, i) => {
    const text = salesErrorText(t, e, docs[i]);
    const field = e.field ? (fieldMap[e.field] ?? e.field) : undefined;
    if (field && knownField(field)) fields[field] = text;
    else general.push(text);
  });
  return { fields, general: [...new Set(general)] };
}

/** All the texts of an error, for an action's alert (post, unpost, state changes). */
export function salesErrorMessages(t: TFunction, error: unknown): string[] {
  const docs = documentsOf(error);
  return [...new Set(apiErrors(error).map((e, i) => salesErrorText(t, e, docs[i])))];
}
