import { fail, ok, type Result } from './result';

const INN_10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_N11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12_N12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** Official FNS control digit: weighted sum mod 11, then mod 10 (so 10 becomes 0). */
function innControlDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * digits[i], 0);
  return (sum % 11) % 10;
}

/**
 * INN of a legal entity (10 digits) or an individual / sole proprietor (12 digits).
 * Returns the trimmed digits.
 */
export function validateInn(inn: string): Result<string> {
  const value = inn.trim();
  if (!/^(\d{10}|\d{12})$/.test(value)) {
    return fail('INN_FORMAT', 'INN must be 10 digits (organisation) or 12 digits (individual or sole proprietor).');
  }
  // All zeros passes the checksum but is a placeholder people type to get past a required field.
  if (/^0+$/.test(value)) {
    return fail('INN_FORMAT', 'INN cannot be all zeros; enter the real INN or leave the field empty.');
  }
  const digits = [...value].map(Number);
  const checksumOk =
    digits.length === 10
      ? innControlDigit(digits, INN_10_WEIGHTS) === digits[9]
      : innControlDigit(digits, INN_12_N11_WEIGHTS) === digits[10] &&
        innControlDigit(digits, INN_12_N12_WEIGHTS) === digits[11];
  if (!checksumOk) {
    return fail('INN_CHECKSUM', 'INN check digits do not match; check the number for a typo.');
  }
  return ok(value);
}

/**
 * KPP: NNNNXXNNN (tax office code, reason code that may contain Latin capitals, sequence number).
 * Lower-case letters are upper-cased because the case carries no meaning.
 */
export function validateKpp(kpp: string): Result<string> {
  const value = kpp.trim().toUpperCase();
  if (!/^\d{4}[\dA-Z]{2}\d{3}$/.test(value)) {
    return fail(
      'KPP_FORMAT',
      'KPP must be 9 characters: 4 digits, 2 digits or Latin capital letters, then 3 digits (e.g. 773601001).',
    );
  }
  return ok(value);
}
