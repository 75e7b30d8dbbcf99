import { useQuery } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { VatRate } from '../../../graphql/graphql';
import { VatRatesQuery } from '../graphql/catalog.graphql';
import { vatRateLabel } from './catalog-meta';

interface Props {
  value: VatRate | '';
  onChange: (value: VatRate) => void;
  error?: string;
  testId?: string;
}

/** The VAT rates in use (from the rates table, in its order); a retired rate stays shown while it is the value. */
export function VatRateSelect({ value, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(VatRatesQuery);
  const rates = (data?.vatRates ?? []).filter((r) => r.active || r.code === value);
  return (
    <TextField
      select
      fullWidth
      required
      label={t('catalog.product.vatRate')}
      value={value}
      onChange={(e) => onChange(e.target.value as VatRate)}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    >
      {!value && <option value="" />}
      {rates.map((r) => (
        <option key={r.code} value={r.code}>
          {vatRateLabel(t, r.code, r.name)}
          {r.active ? '' : ` (${t('catalog.product.vatRetired')})`}
        </option>
      ))}
    </TextField>
  );
}
