import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../graphql';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';

const CompetitorPickerQuery = graphql(`
  query CompetitorPicker($search: String) {
    counterparties(first: 20, filter: { search: $search, relationType: COMPETITOR }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export interface PickedRef {
  id: string;
  name: string;
}

interface Props {
  value: readonly PickedRef[];
  onChange: (value: PickedRef[]) => void;
  error?: string;
  testId?: string;
}

/** Competitors an article is about: counterparties marked with the COMPETITOR relation. */
export function CompetitorsPicker({ value, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(CompetitorPickerQuery, { variables: { search: search || null } });
  const options = ((data ?? previousData)?.counterparties.edges ?? []).map((e) => e.node);
  return (
    <Autocomplete<PickedRef, true, false, false>
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
      noOptionsText={t('article.noCompetitors')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('article.competitors')}
          error={Boolean(error)}
          helperText={error ?? t('article.competitorsHint')}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
