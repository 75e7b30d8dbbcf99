import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { SalesProductPickerQuery } from '../graphql/catalog.graphql';
import { formatMoney } from '../lib/money';
import type { PickedProduct } from './LinesEditor';

/** A catalog item by part of its name or article; picking one fills the line's price and VAT rate. */
export function ProductPicker({ value, onPick, error, testId }: { value: PickedProduct | null; onPick: (p: PickedProduct | null) => void; error?: string; testId: string }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(SalesProductPickerQuery, { variables: { search: search && search !== value?.name ? search : null } });
  const options: PickedProduct[] = ((data ?? previousData)?.products.edges ?? []).map((e) => e.node);
  return (
    <Autocomplete<PickedProduct, false, false, false>
      options={options}
      value={value}
      onChange={(_e, v) => onPick(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={t('search.nothingFound')}
      renderOption={(props, o) => (
        <li {...props} key={o.id}>
          <span style={{ flex: 1 }}>{o.name}</span>
          {o.price && <span style={{ marginLeft: 12, opacity: 0.7 }}>{formatMoney(o.price)}</span>}
        </li>
      )}
      size="small"
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={t('sales.lines.productPlaceholder')}
          error={Boolean(error)}
          helperText={error}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId, 'aria-label': t('sales.lines.product') } }}
        />
      )}
    />
  );
}
