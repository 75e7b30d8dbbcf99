import type { EntityManager } from 'typeorm';
import { badInput } from '../../../core/errors';
import { requireDecimal, requireMoney, requireQuantity, toMoneyString, toQuantityString } from '../../../core/decimal';
import type { ProductService } from '../catalog/product.service';
import type { Product } from '../catalog/product.entity';
import { VatRate } from '../catalog/catalog.enums';
import { Dec, documentTotals, money } from '../money';
import type { VatMode } from './documents.enums';
import type { DocumentLineInput } from './documents.inputs';

/** Largest amount numeric(15,2) holds. */
const MONEY_LIMIT = new Dec('10000000000000');

/** A line as given or copied, before its amounts are computed. */
export interface LineDraft {
  productId: string;
  quantity: string;
  price: string;
  discountPercent: string;
  vatRate: VatRate;
}

/** A line ready to be written: its VAT percent fixed and its amounts computed (decimal strings). */
export interface PricedLine extends LineDraft {
  vatPercent: string | null;
  amount: string;
  vat: string;
  total: string;
}

export interface PricedDocument {
  lines: PricedLine[];
  amount: string;
  vat: string;
  total: string;
}

/**
 * Checks lines given in an input against the catalog and fills the defaults (the product's price and VAT rate).
 * Every error names the line's field, e.g. `lines.2.quantity`.
 */
export async function draftsFromInput(products: ProductService, input: readonly DocumentLineInput[], field = 'lines'): Promise<LineDraft[]> {
  const found = new Map((await products.byIds(input.map((l) => l.productId))).map((p) => [p.id, p]));
  return input.map((l, i) => {
    const at = `${field}.${i}`;
    const product = found.get(l.productId);
    if (!product) throw badInput(`${at}.productId`, 'The product does not exist', 'NOT_FOUND');
    if (product.deletionMark) throw badInput(`${at}.productId`, `«${product.name}» is marked for deletion`, 'PRODUCT_DELETED');
    const discount = l.discountPercent == null ? new Dec(0) : requireDecimal(l.discountPercent, `${at}.discountPercent`, { scale: 2, precision: 5 });
    if (discount.gt(100)) throw badInput(`${at}.discountPercent`, 'A discount is 0 to 100 percent', 'DISCOUNT_OUT_OF_RANGE');
    return {
      productId: product.id,
      quantity: toQuantityString(requireQuantity(l.quantity, `${at}.quantity`)),
      price: l.price == null ? product.price : toMoneyString(requireMoney(l.price, `${at}.price`)),
      discountPercent: discount.toFixed(2),
      vatRate: l.vatRate ?? product.vatRate,
    };
  });
}

/** Drafts from stored lines of another document (an interest, an offer): what «based on» copies. */
export function draftsFromProducts(lines: ReadonlyArray<{ productId: string; quantity: string; price: string; discountPercent?: string | null; vatRate?: VatRate | null }>, products: Map<string, Product>): LineDraft[] {
  return lines.map((l) => ({
    productId: l.productId,
    quantity: toQuantityString(l.quantity),
    price: toMoneyString(l.price),
    discountPercent: new Dec(l.discountPercent ?? 0).toFixed(2),
    vatRate: l.vatRate ?? products.get(l.productId)?.vatRate ?? VatRate.NO_VAT,
  }));
}

/**
 * Computes every line and the totals with money.ts. A seller that pays no VAT (УСН) sells without it whatever the
 * products say; rates are read from the table (data, not code).
 */
export function priceLines(drafts: readonly LineDraft[], vatMode: VatMode, vatPercents: Map<VatRate, string | null>, vatPayer: boolean, field = 'lines'): PricedDocument {
  if (!drafts.length) throw badInput(field, 'Add at least one line', 'REQUIRED');
  const withRates = drafts.map((d) => {
    const vatRate = vatPayer ? d.vatRate : VatRate.NO_VAT;
    const percent = vatPercents.get(vatRate);
    return { ...d, vatRate, vatPercent: percent === undefined ? null : percent };
  });
  const t = documentTotals(withRates, vatMode);
  if (t.total.gte(MONEY_LIMIT) || t.amount.gte(MONEY_LIMIT)) {
    throw badInput(field, 'The document total is too large (at most 13 digits before the decimal point)', 'TOTAL_TOO_LARGE');
  }
  return {
    lines: t.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      price: l.price,
      discountPercent: l.discountPercent,
      vatRate: l.vatRate,
      vatPercent: l.vatPercent === null ? null : new Dec(l.vatPercent).toFixed(2),
      amount: money(l.amount),
      vat: money(l.vat),
      total: money(l.total),
    })),
    amount: money(t.amount),
    vat: money(t.vat),
    total: money(t.total),
  };
}

/** Replaces a document's lines with priced ones (inside its transaction). */
export async function writeLines(tx: EntityManager, table: 'commercial_offer_lines' | 'invoice_lines', ownerColumn: 'offer_id' | 'invoice_id', ownerId: string, lines: readonly PricedLine[]) {
  await tx.query(`DELETE FROM ${table} WHERE ${ownerColumn} = $1`, [ownerId]);
  if (!lines.length) return;
  await tx.query(
    `INSERT INTO ${table} (${ownerColumn}, line_no, product_id, quantity, price, discount_percent, vat_rate, vat_percent, amount, vat, total)
     SELECT $1, t.line_no, t.product_id, t.quantity, t.price, t.discount_percent, t.vat_rate, t.vat_percent, t.amount, t.vat, t.total
       FROM unnest($2::int[], $3::uuid[], $4::numeric[], $5::numeric[], $6::numeric[], $7::text[], $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[])
         AS t(line_no, product_id, quantity, price, discount_percent, vat_rate, vat_percent, amount, vat, total)`,
    [
      ownerId,
      lines.map((_, i) => i + 1),
      lines.map((l) => l.productId),
      lines.map((l) => l.quantity),
      lines.map((l) => l.price),
      lines.map((l) => l.discountPercent),
      lines.map((l) => l.vatRate),
      lines.map((l) => l.vatPercent),
      lines.map((l) => l.amount),
      lines.map((l) => l.vat),
      lines.map((l) => l.total),
    ],
  );
}

/** A compact picture of lines for the audit row. */
export const linesSnapshot = (lines: ReadonlyArray<Pick<PricedLine, 'productId' | 'quantity' | 'price' | 'discountPercent' | 'vatRate' | 'total'>>) =>
  lines.map((l) => `${l.productId} × ${new Dec(l.quantity).toFixed()} @ ${l.price}${new Dec(l.discountPercent).isZero() ? '' : ` −${new Dec(l.discountPercent).toFixed()}%`} ${l.vatRate} = ${l.total}`);
