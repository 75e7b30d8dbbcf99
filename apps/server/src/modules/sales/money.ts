import DecimalJs from 'decimal.js';

/**
 * Line and document arithmetic of the sales documents (offer, invoice, shipment), pure and exact.
 *
 * The rules a Russian accountant expects:
 * - a line's amount is quantity × price less the discount, rounded to kopecks (half up);
 * - VAT is computed and rounded per line, either INCLUDED in the amount (amount × rate / (100 + rate)) or ADDED
 *   on top (amount × rate / 100, the line total being amount + VAT); a line without VAT has none;
 * - document totals are the sums of the rounded lines, never recomputed from the grand total, so the
 *   printed table always adds up.
 */

/** Enough significant digits for numeric(15,3) × numeric(15,2) without any intermediate rounding. */
export const Dec = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;
type DecValue = string | number | DecimalJs | Dec;

export type VatModeValue = 'INCLUDED' | 'ADDED';

export interface LineInput {
  quantity: DecValue;
  price: DecValue;
  /** Discount in percent, 0 to 100. */
  discountPercent?: DecValue | null;
  /** VAT rate in percent; null means "without VAT" (не облагается). */
  vatPercent: DecValue | null;
}

export interface LineAmounts {
  /** quantity × price before the discount, in kopecks. */
  gross: Dec;
  /** What the discount took off: gross − amount. */
  discountAmount: Dec;
  /** The line's sum at its prices: quantity × price × (1 − discount%), in kopecks. */
  amount: Dec;
  /** The line's VAT in kopecks (0 without VAT). */
  vat: Dec;
  /** What the buyer pays for the line: the amount (INCLUDED) or amount + VAT (ADDED). */
  total: Dec;
  /** The line's revenue without VAT: total − VAT. */
  totalWithoutVat: Dec;
}

export interface VatBreakdown {
  /** The rate in percent; null for lines without VAT. */
  vatPercent: Dec | null;
  /** Sum of the line amounts at this rate. */
  amount: Dec;
  /** Sum of the line VATs at this rate. */
  vat: Dec;
}

export interface DocumentTotals<L> {
  lines: Array<L & LineAmounts>;
  /** Σ line amounts (the «Итого» of the table). */
  amount: Dec;
  /** Σ line discounts. */
  discountAmount: Dec;
  /** Σ line VATs. */
  vat: Dec;
  /** Σ line totals: what is to be paid. */
  total: Dec;
  /** total − vat. */
  totalWithoutVat: Dec;
  /** VAT per rate, in the order rates first appear in the lines. */
  vatByRate: VatBreakdown[];
}

export const ZERO = new Dec(0);
const HUNDRED = new Dec(100);

/** Rounds to kopecks, half up (0.005 → 0.01). */
export function kopecks(value: DecValue): Dec {
  return new Dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** A decimal as the API and the database want it: a plain string with exactly `places` decimals. */
export function money(value: DecValue, places = 2): string {
  return new Dec(value).toFixed(places, Dec.ROUND_HALF_UP);
}

/** The amounts of one line. */
export function lineAmounts(line: LineInput, mode: VatModeValue): LineAmounts {
  const quantity = new Dec(line.quantity);
  const price = new Dec(line.price);
  const discount = new Dec(line.discountPercent ?? 0);
  const gross = kopecks(quantity.times(price));
  const amount = kopecks(quantity.times(price).times(HUNDRED.minus(discount)).dividedBy(HUNDRED));
  const rate = line.vatPercent === null || line.vatPercent === undefined ? null : new Dec(line.vatPercent);
  let vat = ZERO;
  if (rate && !rate.isZero()) {
    vat = mode === 'INCLUDED' ? kopecks(amount.times(rate).dividedBy(HUNDRED.plus(rate))) : kopecks(amount.times(rate).dividedBy(HUNDRED));
  }
  const total = mode === 'ADDED' ? amount.plus(vat) : amount;
  return { gross, discountAmount: gross.minus(amount), amount, vat, total, totalWithoutVat: total.minus(vat) };
}

/** Every line's amounts and the document's totals, each total exactly the sum of its column. */
export function documentTotals<L extends LineInput>(lines: readonly L[], mode: VatModeValue): DocumentTotals<L> {
  const computed = lines.map((l) => ({ ...l, ...lineAmounts(l, mode) }));
  const sum = (pick: (l: LineAmounts) => Dec) => computed.reduce((s, l) => s.plus(pick(l)), ZERO);
  const byRate = new Map<string, VatBreakdown>();
  for (const l of computed) {
    const rate = l.vatPercent === null || l.vatPercent === undefined ? null : new Dec(l.vatPercent);
    const key = rate ? rate.toString() : 'none';
    const entry = byRate.get(key) ?? { vatPercent: rate, amount: ZERO, vat: ZERO };
    byRate.set(key, { ...entry, amount: entry.amount.plus(l.amount), vat: entry.vat.plus(l.vat) });
  }
  const total = sum((l) => l.total);
  const vat = sum((l) => l.vat);
  return {
    lines: computed,
    amount: sum((l) => l.amount),
    discountAmount: sum((l) => l.discountAmount),
    vat,
    total,
    totalWithoutVat: total.minus(vat),
    vatByRate: [...byRate.values()],
  };
}
