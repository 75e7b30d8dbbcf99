/**
 * Checks of the bank and registration requisites printed on our invoices. A typo in an account number sends the
 * customer's money nowhere, so the control digits are verified, not only the length.
 */
export type Check = { ok: true; value: string } | { ok: false; reason: string; message: string };

const ok = (value: string): Check => ({ ok: true, value });
const fail = (reason: string, message: string): Check => ({ ok: false, reason, message });

/** OGRN (13 digits, companies) or OGRNIP (15 digits, sole proprietors) with its control digit. */
export function validateOgrn(raw: string): Check {
  const value = raw.trim();
  if (!/^\d{13}$|^\d{15}$/.test(value)) return fail('OGRN_FORMAT', 'OGRN must be 13 digits (OGRNIP: 15 digits)');
  const body = BigInt(value.slice(0, -1));
  const modulus = value.length === 13 ? 11n : 13n;
  const control = Number((body % modulus) % 10n);
  if (control !== Number(value[value.length - 1])) return fail('OGRN_CHECKSUM', 'OGRN control digit does not match; check the number for a typo');
  return ok(value);
}

/** BIK: 9 digits, starting with the country code 04 for Russian banks. */
export function validateBik(raw: string): Check {
  const value = raw.trim();
  if (!/^04\d{7}$/.test(value)) return fail('BIK_FORMAT', 'BIK must be 9 digits starting with 04');
  return ok(value);
}

const WEIGHTS = [7, 1, 3];

/** The Bank of Russia key check over 23 digits (3 digits of the BIK + the 20-digit account). */
function keyOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (Number(digits[i]) * WEIGHTS[i % 3]) % 10;
  return sum % 10 === 0;
}

/** A settlement account (20 digits) whose key digit matches the bank's BIK. */
export function validateAccountNumber(raw: string, bik: string): Check {
  const value = raw.replace(/\s+/g, '');
  if (!/^\d{20}$/.test(value)) return fail('ACCOUNT_FORMAT', 'The account number must be 20 digits');
  if (!keyOk(bik.slice(-3) + value)) return fail('ACCOUNT_CHECKSUM', 'The account number does not match the BIK; check both for a typo');
  return ok(value);
}

/** A correspondent account (20 digits, starting 301) whose key digit matches the BIK. */
export function validateCorrespondentAccount(raw: string, bik: string): Check {
  const value = raw.replace(/\s+/g, '');
  if (!/^301\d{17}$/.test(value)) return fail('CORRESPONDENT_ACCOUNT_FORMAT', 'The correspondent account must be 20 digits starting with 301');
  if (value.slice(-3) !== bik.slice(-3)) {
    return fail('CORRESPONDENT_ACCOUNT_MISMATCH', 'The correspondent account must end with the last three digits of the BIK');
  }
  if (!keyOk(`0${bik.slice(4, 6)}${value}`)) {
    return fail('CORRESPONDENT_ACCOUNT_CHECKSUM', 'The correspondent account does not match the BIK; check both for a typo');
  }
  return ok(value);
}
