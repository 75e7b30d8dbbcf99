import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import type { PickedCounterparty } from '../../contact-persons/components/CounterpartyPicker';
import { CompetitorPickerQuery } from '../graphql/interest.graphql';

interface Props {
  value: PickedCounterparty[];
  onChange: (value: PickedCounterparty[]) => void;
  error?: string;
  testId?: string;
}

/** Competitors of a deal: counterparties marked with the «competitor» relation, several at once. */
export function CompetitorsPicker({ value, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(CompetitorPickerQuery, { variables: { search: search || null } });
  const options: PickedCounterparty[] = ((data ?? previousData)?.counterparties.edges ?? []).map((e) => e.node);
  return (
    <Autocomplete<PickedCounterparty, true, false, false>
      multiple
      options={options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      filterSelectedOptions
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={t('interests.form.noCompetitors')}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option.name} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('interests.competitors')}
          error={Boolean(error)}
          helperText={error ?? t('interests.form.competitorsHint')}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
