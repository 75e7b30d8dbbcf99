import i18n from '../../../i18n';

/**
 * Money and quantities travel as decimal strings (the API's `Decimal` scalar). The screens add and multiply them
 * for live previews (a line's amount, a column's sum after a drag) in fixed point with BigInt, never as floats:
 * the server's figures replace the preview as soon as they arrive.
 */

const DECIMAL = /^\s*(-)?(\d*)(?:[.,](\d*))?\s*$/;

/** Whether `value` is a plain decimal number as typed (comma or point), e.g. «12 345,67» is not, «12345,67» is. */
export function isDecimalInput(value: string): boolean {
  const m = DECIMAL.exec(value);
  return Boolean(m && ((m[2] ?? '') !== '' || (m[3] ?? '') !== ''));
}

/** Fixed-point value scaled by 10^scale; null for what is not a number. Extra digits are rounded half away from zero. */
export function toScaled(value: string | null | undefined, scale: number): bigint | null {
  if (value == null) return null;
  const m = DECIMAL.exec(value.replace(/[\s\u00a0]/g, ''));
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const negative = m[1] === '-';
  const whole = m[2] || '0';
  const frac = m[3] ?? '';
  const kept = (frac + '0'.repeat(scale)).slice(0, scale);
  let n = BigInt(whole + kept);
  if (frac.length > scale && Number(frac[scale]) >= 5) n += 1n;
  return negative ? -n : n;
}

/** The decimal string of a scaled value: fromScaled(123456n, 2) = "1234.56". */
export function fromScaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${frac}`;
}

/** Divides rounding half away from zero (bank-statement rounding of kopecks). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= (d < 0n ? -d : d)) return n < 0n === d < 0n ? q + 1n : q - 1n;
  return q;
}

/** Normalises typed money («1234,5») to the API's form («1234.50»); null when it is not a number. */
export function normalizeMoney(value: string): string | null {
  const n = toScaled(value, 2);
  return n === null ? null : fromScaled(n, 2);
}

/** Normalises a typed quantity to at most three decimals («3» stays «3»); null when it is not a number. */
export function normalizeQuantity(value: string): string | null {
  const n = toScaled(value, 3);
  if (n === null) return null;
  return fromScaled(n, 3).replace(/\.?0+$/, '') || '0';
}

/** quantity × price, rounded to kopecks: the amount of a product line. */
export function lineAmount(quantity: string, price: string): string | null {
  const q = toScaled(quantity, 3);
  const p = toScaled(price, 2);
  if (q === null || p === null) return null;
  return fromScaled(divRound(q * p, 1000n), 2);
}

/** Sum of money strings; unparsable ones count as zero. */
export function sumMoney(values: ReadonlyArray<string | null | undefined>): string {
  let total = 0n;
  for (const v of values) total += toScaled(v, 2) ?? 0n;
  return fromScaled(total, 2);
}

/** amount × probability %, rounded to kopecks: what the amount is "worth" at this stage. */
export function weighted(amount: string | null | undefined, probability: number | null | undefined): string {
  const a = toScaled(amount, 2) ?? 0n;
  return fromScaled(divRound(a * BigInt(Math.round(probability ?? 0)), 100n), 2);
}

/** a − b for money strings. */
export function subtractMoney(a: string, b: string): string {
  return fromScaled((toScaled(a, 2) ?? 0n) - (toScaled(b, 2) ?? 0n), 2);
}

export function compareMoney(a: string, b: string): number {
  const d = (toScaled(a, 2) ?? 0n) - (toScaled(b, 2) ?? 0n);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

const formats = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: Intl.NumberFormatOptions) {
  const lang = i18n.resolvedLanguage ?? 'ru';
  const id = `${lang}:${key}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    formats.set(id, f);
  }
  return f;
}

/** «12 345,67 ₽» in the interface language; the decimal string is formatted exactly (no float on the way). */
export function formatMoney(value: string | null | undefined, withCurrency = true): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 2);
  if (n === null) return value;
  const f = withCurrency
    ? formatter('rub', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : formatter('money', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return f.format(fromScaled(n, 2) as `${number}`);
}

/** A quantity without trailing zeros: «3», «2,5», «0,125». */
export function formatQuantity(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 3);
  if (n === null) return value;
  return formatter('qty', { maximumFractionDigits: 3 }).format(fromScaled(n, 3) as `${number}`);
}

/**
 * What is wrong with a typed amount or quantity (the server's rules: a number, not negative, at most `scale`
 * digits after the point, at most 15 digits in all); null when it is fine. Empty input is the caller's business.
 */
export function decimalInputProblem(value: string, scale: number): 'NOT_A_NUMBER' | 'NEGATIVE' | 'TOO_PRECISE' | 'TOO_LARGE' | null {
  const compact = value.replace(/[\s\u00a0]/g, '');
  const m = DECIMAL.exec(compact);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return 'NOT_A_NUMBER';
  if (m[1] === '-') return 'NEGATIVE';
  if ((m[3] ?? '').length > scale) return 'TOO_PRECISE';
  if ((m[2] ?? '').replace(/^0+/, '').length > 15 - scale) return 'TOO_LARGE';
  return null;
}

/** The API's form of a typed decimal: comma to point, spaces dropped («12 345,5» → «12345.5»). */
export function toApiDecimal(value: string): string {
  const s = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const withInt = s.startsWith('.') ? `0${s}` : s;
  return withInt.endsWith('.') ? withInt.slice(0, -1) : withInt;
}
