import { useQuery } from '@apollo/client/react';
import { SalesDocReferenceQuery } from '../graphql/catalog.graphql';
import type { OrganizationOption } from './DocumentForm';
import type { VatRateOption } from './LinesEditor';

/** VAT rates and our organizations: small, rarely changing, read once per form. */
export function useSalesReference() {
  const { data, loading, error } = useQuery(SalesDocReferenceQuery, { fetchPolicy: 'cache-first' });
  const vatRates: VatRateOption[] = (data?.vatRates ?? []).filter((r) => r.active).map((r) => ({ code: r.code, percent: r.percent ?? null, name: r.name }));
  const organizations: OrganizationOption[] = (data?.organizations ?? []).filter((o) => !o.deletionMark);
  const defaultVatRate = vatRates.find((r) => r.code === 'VAT_20')?.code ?? vatRates[0]?.code ?? 'VAT_20';
  return { vatRates, allVatRates: data?.vatRates ?? [], organizations, defaultVatRate, loading: loading && !data, error: data ? undefined : error };
}
