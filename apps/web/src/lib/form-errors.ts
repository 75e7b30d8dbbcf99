import type { TFunction } from 'i18next';
import { rowErrorsFromServer, type RowErrors } from '../components/contact-info/rows';
import { splitErrors, type FieldErrors } from './errors';

/**
 * Places a failed save's errors: at the form's own fields, at contact-information lines (by the index they were
 * sent at), and the rest above the form so nothing the server said is lost.
 */
export function placeServerErrors(
  t: TFunction,
  error: unknown,
  formFields: ReadonlySet<string>,
  sentRowKeys: readonly string[],
): { fields: FieldErrors; rows: Record<string, RowErrors>; general: string[] } {
  const split = splitErrors(t, error, (f) => formFields.has(f) || /^contactInfo\.\d+/.test(f));
  const fields: FieldErrors = {};
  const rowFields: FieldErrors = {};
  for (const [field, text] of Object.entries(split.fields)) {
    if (formFields.has(field)) fields[field] = text;
    else rowFields[field] = text;
  }
  return { fields, rows: rowErrorsFromServer(rowFields, sentRowKeys), general: split.general };
}
