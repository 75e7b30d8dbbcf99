import type { TFunction } from 'i18next';
import type { ProductKind, VatRate } from '../../../graphql/graphql';
import { useAuth } from '../../../app/auth';

export const PRODUCT_KINDS: readonly ProductKind[] = ['GOODS', 'SERVICE'];

/** Units offered as suggestions; any unit may be typed. */
export const UNIT_SUGGESTIONS = ['шт', 'усл', 'час', 'кг', 'м', 'м²', 'л', 'компл', 'упак', 'мес'];

/** The heads of sales keep the price list: administrators and supervisors edit the catalog (the server checks too). */
export function useCanEditCatalog(): boolean {
  const { user } = useAuth();
  return user.role === 'ADMINISTRATOR' || user.role === 'SUPERVISOR';
}

/** A VAT rate's name in the interface language; unknown codes fall back to the name stored with the rate. */
export function vatRateLabel(t: TFunction, code: VatRate | string, storedName?: string | null): string {
  return t(`vatRate.${code}`, { defaultValue: storedName ?? code });
}
