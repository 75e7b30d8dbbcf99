import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ProductKind, VatRate } from '../../../graphql/graphql';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { formatMoney } from '../../client-interests/lib/money';
import { ProductPickerQuery } from '../graphql/catalog.graphql';

export interface PickedProduct {
  id: string;
  name: string;
  article?: string | null;
  unit: string;
  price: string;
  vatRate?: VatRate;
  kind?: ProductKind;
}

interface Props {
  value: PickedProduct | null;
  onChange: (value: PickedProduct | null) => void;
  label?: string;
  error?: string;
  testId?: string;
  size?: 'small' | 'medium';
}

/** Pick a catalog item by typing part of its name or article; the price and unit come along as the line's defaults. */
export function ProductPicker({ value, onChange, label, error, testId, size }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(ProductPickerQuery, {
    variables: { search: search && search !== value?.name ? search : null },
  });
  const options: PickedProduct[] = ((data ?? previousData)?.products.edges ?? []).map((e) => e.node);
  return (
    <Autocomplete<PickedProduct, false, false, false>
      options={options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={t('search.nothingFound')}
      size={size}
      renderOption={({ key, ...props }, o) => (
        <Box component="li" key={key} {...props} data-testid="product-option">
          <Box sx={{ minWidth: 0, flex: 1 }}>
            <Typography noWrap>{o.name}</Typography>
            <Typography variant="caption" color="text.secondary" component="div" noWrap>
              {[o.article, `${formatMoney(o.price)} / ${o.unit}`].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label ?? t('catalog.product.title')}
          error={Boolean(error)}
          helperText={error}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
