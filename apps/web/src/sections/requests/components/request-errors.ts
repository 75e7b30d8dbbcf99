import type { TFunction } from 'i18next';
import { apiErrors, errorText, splitErrors, type FieldErrors } from '../../../lib/errors';

/** `extensions.reason` codes of request actions the interface has words for (in `requestReason.*`). */
const REQUEST_REASONS = [
  'ILLEGAL_TRANSITION',
  'CONFIRMATION_REQUIRED',
  'SOLUTION_REQUIRED',
  'NOT_SUPERVISOR',
  'ALREADY_CONFIRMED',
  'ALREADY_SAVED',
] as const;

const isRequestReason = (reason: string | undefined): reason is (typeof REQUEST_REASONS)[number] =>
  (REQUEST_REASONS as readonly (string | undefined)[]).includes(reason);

/** Texts for a failed request action: ours for the request-specific reasons, the shared ones otherwise. */
export function requestErrorTexts(t: TFunction, error: unknown): string[] {
  return [...new Set(apiErrors(error).map((e) => (isRequestReason(e.reason) ? t(`requestReason.${e.reason}`) : errorText(t, e))))];
}

/** As `splitErrors`, with the request-specific reasons worded. */
export function splitRequestErrors(t: TFunction, error: unknown, known: (field: string) => boolean): { fields: FieldErrors; general: string[] } {
  const split = splitErrors(t, error, known);
  const own = apiErrors(error).filter((e) => isRequestReason(e.reason) && !(e.field && known(e.field)));
  if (!own.length) return split;
  const general = split.general.filter((text) => !own.some((e) => errorText(t, e) === text));
  return { fields: split.fields, general: [...new Set([...general, ...own.map((e) => t(`requestReason.${e.reason}`))])] };
}
