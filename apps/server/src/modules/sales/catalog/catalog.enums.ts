import { registerEnumType } from 'type-graphql';

/**
 * VAT rate codes. The codes are fixed here (they are the API), but each rate's percent lives in the `vat_rates`
 * table and is read from there: a change of the law is a data change.
 */
export enum VatRate {
  VAT_22 = 'VAT_22',
  VAT_20 = 'VAT_20',
  VAT_10 = 'VAT_10',
  VAT_7 = 'VAT_7',
  VAT_5 = 'VAT_5',
  VAT_0 = 'VAT_0',
  NO_VAT = 'NO_VAT',
}
registerEnumType(VatRate, {
  name: 'VatRate',
  description: 'A VAT rate; its percent is catalog data (query `vatRates`).',
  valuesConfig: {
    VAT_22: { description: 'The general rate from 2026 (22%).' },
    VAT_20: { description: 'The general rate until 2025 (20%).' },
    VAT_10: { description: 'The reduced rate for certain food, children\'s and medical goods (10%).' },
    VAT_7: { description: 'The simplified-regime (УСН) rate of 7%.' },
    VAT_5: { description: 'The simplified-regime (УСН) rate of 5%.' },
    VAT_0: { description: 'Zero rate (exports and the like): VAT is charged at 0%.' },
    NO_VAT: { description: 'Without VAT («Без НДС»): the operation is not subject to VAT.' },
  },
});

export enum ProductKind {
  GOODS = 'GOODS',
  SERVICE = 'SERVICE',
}
registerEnumType(ProductKind, {
  name: 'ProductKind',
  description: 'Whether a catalog item is goods or a service.',
  valuesConfig: {
    GOODS: { description: 'Goods («Товар»): shipped, may carry serial numbers and a warranty.' },
    SERVICE: { description: 'A service («Услуга»): rendered, not stocked.' },
  },
});
