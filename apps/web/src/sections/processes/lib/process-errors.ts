import type { TFunction } from 'i18next';
import { apiErrors, errorText } from '../../../lib/errors';

/** Error texts for process actions: the process reasons (INVALID_RESULT, TASK_ALREADY_DONE…) translated here. */
export function processErrorMessages(t: TFunction, error: unknown): string[] {
  return apiErrors(error).map((e) =>
    e.reason ? t(`processes.reasons.${e.reason}`, { defaultValue: errorText(t, e) }) : errorText(t, e),
  );
}
