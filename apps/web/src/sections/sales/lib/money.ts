import i18n from '../../../i18n';

/**
 * Money, quantities and percents travel as decimal strings (the API's `Decimal` scalar). The document forms
 * recompute a line's amount, VAT and the totals while one types, as a preview only: the server computes the same
 * figures with decimal.js and its answer replaces the preview. The arithmetic here is fixed point over BigInt, so a
 * preview never shows a float artefact (0.1 + 0.2) and agrees with the server to the kopeck.
 */

const DECIMAL = /^(-)?(\d*)(?:[.,](\d*))?$/;

/** Scaled integer: value × 10^scale, rounded half away from zero; null when the text is not a number. */
export function toScaled(value: string | null | undefined, scale: number): bigint | null {
  if (value == null) return null;
  const m = DECIMAL.exec(value.replace(/[\s\u00a0]/g, ''));
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + (frac + '0'.repeat(scale)).slice(0, scale));
  if (frac.length > scale && Number(frac[scale]) >= 5) n += 1n;
  return m[1] === '-' ? -n : n;
}

/** The decimal string of a scaled integer: fromScaled(123456n, 2) = "1234.56". */
export function fromScaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${digits.slice(digits.length - scale)}` : ''}`;
}

/** n / d rounded half away from zero (the rounding of kopecks on Russian documents). */
export function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (abs(r) * 2n >= abs(d)) return (n < 0n) === (d < 0n) ? q + 1n : q - 1n;
  return q;
}

/** Whether a typed value is a number (comma or point as the separator). */
export function isDecimal(value: string): boolean {
  return toScaled(value, 6) !== null;
}

/** Typed money («1234,5») in the API's form («1234.50»); null when it is not a number. */
export function normalizeMoney(value: string): string | null {
  const n = toScaled(value, 2);
  return n === null ? null : fromScaled(n, 2);
}

/** Typed quantity in the API's form, without trailing zeros («3», «2.5»); null when it is not a number. */
export function normalizeQuantity(value: string): string | null {
  const n = toScaled(value, 3);
  if (n === null) return null;
  const s = fromScaled(n, 3);
  return s.replace(/\.?0+$/, '') || '0';
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

/** amount × probability %, to kopecks: what an interest is "worth" at its stage. */
export function weightedAmount(amount: string | null | undefined, probability: number | null | undefined): string {
  return fromScaled(divRound((toScaled(amount, 2) ?? 0n) * BigInt(Math.round(probability ?? 0)), 100n), 2);
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

const formats = new Map<string, Intl.NumberFormat>();
function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${i18n.resolvedLanguage ?? 'ru'}:${key}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'ru', options);
    formats.set(id, f);
  }
  return f;
}

/**
 * «12 345,67 ₽» (ru) or «RUB 12,345.67» (en) from a decimal string. Intl formats the string itself
 * (`format("12345.67")`), so no float ever stands between the server's figure and the screen.
 */
export function formatMoney(value: string | null | undefined, withCurrency = true): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 2);
  if (n === null) return value;
  const f = withCurrency
    ? formatter('rub', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : formatter('num2', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return f.format(fromScaled(n, 2) as `${number}`);
}

/** A quantity without trailing zeros in the interface language: «3», «2,5». */
export function formatQuantity(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 3);
  if (n === null) return value;
  return formatter('qty', { maximumFractionDigits: 3 }).format(fromScaled(n, 3) as `${number}`);
}

/** A percent as typed by people: «20 %», «12,5 %». */
export function formatPercent(value: string | null | undefined): string {
  if (value == null || value === '') return '';
  const n = toScaled(value, 2);
  if (n === null) return value;
  return `${formatter('pct', { maximumFractionDigits: 2 }).format(fromScaled(n, 2) as `${number}`)} %`;
}
