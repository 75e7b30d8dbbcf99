import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../graphql';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

export const ProductOptionsQuery = graphql(`
  query ProductOptions($search: String) {
    products(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export interface PickedProduct {
  id: string;
  name: string;
}

function useProductOptions(input: string, chosenName?: string) {
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(ProductOptionsQuery, {
    variables: { search: search && search !== chosenName ? search : null },
  });
  return { options: ((data ?? previousData)?.products.edges ?? []).map((e) => e.node), loading };
}

interface MultiProps {
  label: string;
  value: readonly PickedProduct[];
  onChange: (value: PickedProduct[]) => void;
  error?: string;
  helperText?: string;
  testId?: string;
}

/** Catalog items an article is about, typed by part of the name or article. */
export function ProductsPicker({ label, value, onChange, error, helperText, testId }: MultiProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const { options, loading } = useProductOptions(input);
  return (
    <Autocomplete<PickedProduct, true, false, false>
      multiple
      options={options}
      value={[...value]}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      filterSelectedOptions
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={t('search.nothingFound')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error ?? helperText}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}

interface SingleProps {
  label: string;
  value: PickedProduct | null;
  onChange: (value: PickedProduct | null) => void;
  error?: string;
  testId?: string;
}

/** The one catalog item a request concerns. */
export function ProductPicker({ label, value, onChange, error, testId }: SingleProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const { options, loading } = useProductOptions(input, value?.name);
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
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
