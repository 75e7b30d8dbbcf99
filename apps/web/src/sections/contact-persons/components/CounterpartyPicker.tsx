import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { CounterpartyPickerQuery } from '../graphql/contact-person.graphql';

export interface PickedCounterparty {
  id: string;
  name: string;
}

interface Props {
  value: PickedCounterparty | null;
  onChange: (value: PickedCounterparty | null) => void;
  error?: string;
  testId?: string;
  label?: string;
  helperText?: string;
}

/** Pick the counterparty a person works for by typing part of its name, INN or phone. */
export function CounterpartyPicker({ value, onChange, error, testId, label, helperText }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(CounterpartyPickerQuery, {
    variables: { search: search && search !== value?.name ? search : null },
  });
  const options = ((data ?? previousData)?.counterparties.edges ?? []).map((e) => e.node);
  return (
    <Autocomplete<PickedCounterparty, false, false, false>
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
          label={label ?? t('contactPerson.counterparty')}
          error={Boolean(error)}
          helperText={error ?? helperText ?? t('contactPerson.counterpartyHint')}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
