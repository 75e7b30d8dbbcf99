import DataLoader from 'dataloader';
import type { Services } from '../../../core/services';
import type { Product, ProductGroup, VatRateRow } from './product.entity';
import type { BankAccount, Organization } from './organization.entity';
import type { VatRate } from './catalog.enums';

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Per-request loaders of the catalog. The catalog and our organizations are readable by every user: no row scope. */
export function createCatalogLoaders(services: Services) {
  return {
    product: new DataLoader<string, Product | null>(async (ids) => byKey(ids, await services.products.byIds(ids), (p) => p.id)),
    productGroup: new DataLoader<string, ProductGroup | null>(async (ids) => byKey(ids, await services.products.groupsByIds(ids), (g) => g.id)),
    vatRate: new DataLoader<VatRate, VatRateRow | null>(async (codes) => byKey(codes, await services.products.vatRates(), (r) => r.code)),
    organization: new DataLoader<string, Organization | null>(async (ids) => byKey(ids, await services.organizations.byIds(ids), (o) => o.id)),
    bankAccount: new DataLoader<string, BankAccount | null>(async (ids) => byKey(ids, await services.organizations.accountsByIds(ids), (a) => a.id)),
    bankAccountsOfOrganization: new DataLoader<string, BankAccount[]>(async (ids) => {
      const rows = await services.organizations.accountsOf(ids);
      return ids.map((id) => rows.filter((a) => a.organizationId === id));
    }),
  };
}
