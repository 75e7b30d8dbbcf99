import type { EditableLine, PickedProduct } from '../components/LinesEditor';
import { newLineKey } from '../components/LinesEditor';
import { normalizeMoney, normalizePercent, normalizeQuantity, toScaled } from './money';

/** A line as the API returns it (offer, invoice, interest), to start an editable copy from. */
export interface SourceLine {
  product?: PickedProduct | null;
  productId?: string | null;
  quantity: string;
  price?: string | null;
  discountPercent?: string | null;
  vatRate?: string | null;
}

/** Editable copies of lines; quantities and prices are shown without the API's padding zeros. */
export function toEditableLines(lines: readonly SourceLine[] | null | undefined, defaultVatRate: string): EditableLine[] {
  return (lines ?? []).map((l) => ({
    key: newLineKey(),
    product: l.product ?? (l.productId ? { id: l.productId, name: '' } : null),
    quantity: normalizeQuantity(l.quantity) ?? l.quantity,
    price: l.price ?? l.product?.price ?? '',
    discountPercent: l.discountPercent && toScaled(l.discountPercent, 2) !== 0n ? (normalizePercent(l.discountPercent) ?? '') : '',
    vatRate: l.vatRate ?? l.product?.vatRate ?? defaultVatRate,
  }));
}

export interface LineInputValue {
  productId: string;
  quantity: string;
  price: string;
  discountPercent: string | null;
  vatRate: string;
}

/** The lines as the API takes them; call only after the form's checks passed. */
export function toLineInputs(lines: readonly EditableLine[]): LineInputValue[] {
  return lines.map((l) => ({
    productId: l.product!.id,
    quantity: normalizeQuantity(l.quantity)!,
    price: normalizeMoney(l.price)!,
    discountPercent: l.discountPercent.trim() ? normalizePercent(l.discountPercent) : null,
    vatRate: l.vatRate,
  }));
}
