import i18n from '../i18n';

/**
 * Money and quantities travel as decimal strings (the API's `Decimal` scalar). Screens add and multiply them for
 * live previews in fixed point over BigInt, never as floats; the server's figures replace a preview when they arrive.
 */

export const DECIMAL = /^\s*(-)?(\d*)(?:[.,](\d*))?\s*$/;

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
export function divRound(n: bigint, d: bigint): bigint {
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

/** amount × probability %, rounded to kopecks: what the amount is "worth" at this stage. */
export function weighted(amount: string | null | undefined, probability: number | null | undefined): string {
  const a = toScaled(amount, 2) ?? 0n;
  return fromScaled(divRound(a * BigInt(Math.round(probability ?? 0)), 100n), 2);
}

const formats = new Map<string, Intl.NumberFormat>();
export function numberFormat(key: string, options: Intl.NumberFormatOptions) {
  const lang = i18n.resolvedLanguage ?? 'ru';
  const id = `${lang}:${key}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    formats.set(id, f);
  }
  return f;
}

/** A quantity without trailing zeros: «3», «2,5», «0,125». */
export function formatQuantity(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 3);
  if (n === null) return value;
  return numberFormat('qty', { maximumFractionDigits: 3 }).format(fromScaled(n, 3) as `${number}`);
}

/**
 * «12 345,67 ₽» (ru) or «₽12,345.67» (en) from a decimal string, the same on every screen. Intl formats the string
 * itself (`format("12345.67")`), so no float ever stands between the server's figure and the screen.
 */
export function formatMoney(value: string | null | undefined, withCurrency = true): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 2);
  if (n === null) return value;
  const f = withCurrency
    ? numberFormat('rub', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : numberFormat('money', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return f.format(fromScaled(n, 2) as `${number}`);
}
