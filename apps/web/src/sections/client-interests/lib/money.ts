import { DECIMAL, divRound, fromScaled, toScaled } from '../../../lib/decimal';

export { formatMoney, fromScaled, formatQuantity, normalizeMoney, normalizeQuantity, toScaled, weighted } from '../../../lib/decimal';

/**
 * Money and quantities travel as decimal strings (the API's `Decimal` scalar). The screens add and multiply them
 * for live previews (a line's amount, a column's sum after a drag) in fixed point with BigInt, never as floats:
 * the server's figures replace the preview as soon as they arrive.
 */

/** Whether `value` is a plain decimal number as typed (comma or point), e.g. «12 345,67» is not, «12345,67» is. */
export function isDecimalInput(value: string): boolean {
  const m = DECIMAL.exec(value);
  return Boolean(m && ((m[2] ?? '') !== '' || (m[3] ?? '') !== ''));
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

/** a − b for money strings. */
export function subtractMoney(a: string, b: string): string {
  return fromScaled((toScaled(a, 2) ?? 0n) - (toScaled(b, 2) ?? 0n), 2);
}

export function compareMoney(a: string, b: string): number {
  const d = (toScaled(a, 2) ?? 0n) - (toScaled(b, 2) ?? 0n);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
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
