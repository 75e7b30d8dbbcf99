import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import i18n from '../../../i18n';
import { apiErrors, errorText, type ApiError, type FieldErrors } from '../../../lib/errors';

/**
 * Errors of the sales screens. The catalog and interests add their own `extensions.reason` codes (a move the
 * scenario does not allow, a VAT rate no longer used, a BIK that does not match the account…); their texts live
 * under `salesReason.*` and win over the generic ones, so every refusal reads as a sentence a manager can act on.
 */
export function salesErrorText(t: TFunction, e: ApiError): string {
  if (e.reason && i18n.exists(`salesReason.${e.reason}`)) return t(`salesReason.${e.reason}`);
  return errorText(t, e);
}

export function salesErrorTexts(t: TFunction, error: unknown): string[] {
  return [...new Set(apiErrors(error).map((e) => salesErrorText(t, e)))];
}

/** Splits a refused save into texts at the form's fields and texts above it. */
export function splitSalesErrors(
  t: TFunction,
  error: unknown,
  knownField: (field: string) => boolean,
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const e of apiErrors(error)) {
    const text = salesErrorText(t, e);
    if (e.field && knownField(e.field)) fields[e.field] = text;
    else general.push(text);
  }
  return { fields, general: [...new Set(general)] };
}

/** A lost optimistic lock (the catalog and interests report it as `VERSION_CONFLICT`, older modules without a reason). */
export function isVersionConflict(error: unknown): boolean {
  return apiErrors(error).some(
    (e) => e.code === 'CONFLICT' && (!e.reason || e.reason === 'STALE_VERSION' || e.reason === 'VERSION_CONFLICT'),
  );
}

/** Like the shared ErrorAlert, with the sales reasons translated. */
export function SalesErrorAlert({ error, messages }: { error?: unknown; messages?: readonly string[] }) {
  const { t } = useTranslation();
  const texts = [...new Set([...(messages ?? []), ...salesErrorTexts(t, error)])];
  if (texts.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} role="alert">
      {texts.map((text) => (
        <Alert key={text} severity="error">
          {text}
        </Alert>
      ))}
    </Stack>
  );
}
