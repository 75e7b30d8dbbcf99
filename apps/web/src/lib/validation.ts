import { validateInn, validateKpp } from '@crm/contact-info';

/** Mirrors the server's rule for new passwords so the form can say so before submitting. */
export const MIN_PASSWORD_LENGTH = 10;

export type LegalTypeValue = 'LEGAL_ENTITY' | 'INDIVIDUAL' | 'SOLE_PROPRIETOR';

/**
 * Reason code for an INN as typed, or null when it is acceptable (empty is allowed: INN is optional).
 * A company has 10 digits; a person or sole proprietor 12 — the same rule the server applies.
 */
export function innReason(inn: string, legalType: LegalTypeValue): string | null {
  const value = inn.trim();
  if (!value) return null;
  if (!/^\d*$/.test(value)) return 'INN_FORMAT';
  const result = validateInn(value);
  if (!result.ok) return result.code;
  const expected = legalType === 'LEGAL_ENTITY' ? 10 : 12;
  return value.length === expected ? null : 'INN_LEGAL_TYPE';
}

/** KPP exists only for organisations. */
export function kppReason(kpp: string, legalType: LegalTypeValue): string | null {
  const value = kpp.trim();
  if (!value) return null;
  if (legalType !== 'LEGAL_ENTITY') return 'KPP_LEGAL_TYPE';
  const result = validateKpp(value);
  return result.ok ? null : result.code;
}
