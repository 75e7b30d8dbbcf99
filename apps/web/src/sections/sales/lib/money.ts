import { divRound, fromScaled, numberFormat, toScaled } from '../../../lib/decimal';

export { formatMoney, divRound, fromScaled, formatQuantity, normalizeMoney, normalizeQuantity, toScaled, weighted as weightedAmount } from '../../../lib/decimal';

/**
 * Money, quantities and percents travel as decimal strings (the API's `Decimal` scalar). The document forms
 * recompute a line's amount, VAT and the totals while one types, as a preview only: the server computes the same
 * figures with decimal.js and its answer replaces the preview. The arithmetic here is fixed point over BigInt, so a
 * preview never shows a float artefact (0.1 + 0.2) and agrees with the server to the kopeck.
 */

/** Whether a typed value is a number (comma or point as the separator). */
export function isDecimal(value: string): boolean {
  return toScaled(value, 6) !== null;
}

/** Typed percent («5», «12,5») in the API's form; null when it is not a number. */
export function normalizePercent(value: string): string | null {
  const n = toScaled(value, 2);
  if (n === null) return null;
  return fromScaled(n, 2).replace(/\.?0+$/, '') || '0';
}

export const money = {
  add: (a: string, b: string) => fromScaled((toScaled(a, 2) ?? 0n) + (toScaled(b, 2) ?? 0n), 2),
  sub: (a: string, b: string) => fromScaled((toScaled(a, 2) ?? 0n) - (toScaled(b, 2) ?? 0n), 2),
  sum: (values: ReadonlyArray<string | null | undefined>) => fromScaled(values.reduce((acc, v) => acc + (toScaled(v, 2) ?? 0n), 0n), 2),
  /** -1, 0 or 1. */
  cmp: (a: string, b: string) => {
    const d = (toScaled(a, 2) ?? 0n) - (toScaled(b, 2) ?? 0n);
    return d === 0n ? 0 : d < 0n ? -1 : 1;
  },
  min: (a: string, b: string) => (money.cmp(a, b) <= 0 ? a : b),
  isPositive: (a: string) => (toScaled(a, 2) ?? 0n) > 0n,
  isZero: (a: string) => (toScaled(a, 2) ?? 0n) === 0n,
};

/** How VAT relates to the prices of a document: included in them, or added on top. */
export type VatMode = 'INCLUDED' | 'ADDED';

export interface LineInput {
  quantity: string;
  price: string;
  /** Percent, "" or null for none. */
  discountPercent?: string | null;
  /** Percent of the line's VAT rate; null for "without VAT". */
  vatPercent: string | null;
}

export interface LineFigures {
  /** quantity × price − discount, rounded to kopecks: what the line costs at the document's prices. */
  amount: string;
  discountAmount: string;
  /** VAT of the line, rounded per line to kopecks. */
  vatAmount: string;
  /** What the client pays for the line: the amount (VAT included) or the amount plus VAT (VAT added). */
  total: string;
}

/**
 * One line of an offer or invoice: amount = round(qty × price × (100 − discount%) / 100, 2); VAT per line, to
 * kopecks: included → amount × r / (100 + r); added → amount × r / 100. Null when a field is not a number.
 */
export function lineFigures(line: LineInput, vatMode: VatMode): LineFigures | null {
  const q = toScaled(line.quantity, 3);
  const p = toScaled(line.price, 2);
  const d = line.discountPercent ? toScaled(line.discountPercent, 2) : 0n;
  const r = line.vatPercent == null || line.vatPercent === '' ? 0n : toScaled(line.vatPercent, 2);
  if (q === null || p === null || d === null || r === null) return null;
  // Kopecks, each rounded once from the exact product, as the server does: the discount is what it took off.
  const gross = divRound(q * p, 1000n);
  const amount = divRound(q * p * (10000n - d), 10_000_000n);
  const discount = gross - amount;
  const vat = vatMode === 'INCLUDED' ? divRound(amount * r, 10000n + r) : divRound(amount * r, 10000n);
  const total = vatMode === 'INCLUDED' ? amount : amount + vat;
  return { amount: fromScaled(amount, 2), discountAmount: fromScaled(discount, 2), vatAmount: fromScaled(vat, 2), total: fromScaled(total, 2) };
}

export interface DocumentFigures {
  /** Sum of the lines' amounts. */
  amount: string;
  vatAmount: string;
  /** Sum of the lines' totals: what the client pays. */
  total: string;
  /** False when a line has a field that is not a number (its figures are left out). */
  complete: boolean;
}

/** Totals are the sums of the lines, never recomputed from the sums (so they always add up on paper). */
export function documentFigures(lines: readonly LineInput[], vatMode: VatMode): DocumentFigures {
  let amount = 0n;
  let vat = 0n;
  let total = 0n;
  let complete = true;
  for (const line of lines) {
    const f = lineFigures(line, vatMode);
    if (!f) {
      complete = false;
      continue;
    }
    amount += toScaled(f.amount, 2)!;
    vat += toScaled(f.vatAmount, 2)!;
    total += toScaled(f.total, 2)!;
  }
  return { amount: fromScaled(amount, 2), vatAmount: fromScaled(vat, 2), total: fromScaled(total, 2), complete };
}

/**
 * Spreads an amount over invoices in the order given, each getting at most what remains to be paid on it: the
 * usual pre-fill of a payment's allocations (oldest invoice first). Returns the amount per invoice id; what does not
 * fit any invoice stays unallocated.
 */
export function allocateGreedy(amount: string, invoices: ReadonlyArray<{ id: string; remaining: string }>): Record<string, string> {
  let left = toScaled(amount, 2) ?? 0n;
  const out: Record<string, string> = {};
  for (const inv of invoices) {
    const remaining = toScaled(inv.remaining, 2) ?? 0n;
    const take = left <= 0n || remaining <= 0n ? 0n : left < remaining ? left : remaining;
    out[inv.id] = fromScaled(take, 2);
    left -= take;
  }
  return out;
}


/** A percent as typed by people: «20 %», «12,5 %». */
export function formatPercent(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 2);
  if (n === null) return value;
  return `${numberFormat('pct', { maximumFractionDigits: 2 }).format(fromScaled(n, 2) as `${number}`)} %`;
}
