/**
 * Search keys are computed the same way for stored values and for user queries,
 * so a fragment typed in any case or with "ё"/"е" finds the record.
 */

/** Lower-cases, trims, collapses whitespace, replaces ё with е. */
export function textSearchKey(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Like textSearchKey, but punctuation is collapsed too: "ул. Ленина, д. 5" and
 * "ул Ленина д 5" are the same address to a person searching for it.
 * Apply it to address queries as well as stored addresses.
 */
export function addressSearchKey(s: string): string {
  return textSearchKey(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const PHONE_LIKE = /^[\d\s+\-().]+$/;
const MIN_PHONE_QUERY_DIGITS = 3;

/**
 * Digits to match against phone search keys, or null when the query is not
 * phone-like (so the caller searches names instead).
 */
export function phoneQueryDigits(query: string): string | null {
  const trimmed = query.trim();
  if (!PHONE_LIKE.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_QUERY_DIGITS) return null;
  // Stored keys are E.164 digits, where a Russian number starts with 7; people
  // habitually dial the trunk prefix 8 instead. A leading "+" means the digits are
  // already a country code ("+81…" is Japan), so those are left alone.
  if (digits.length === 11 && digits.startsWith('8') && !trimmed.startsWith('+')) {
    return '7' + digits.slice(1);
  }
  return digits;
}
