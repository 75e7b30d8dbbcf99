import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { ContactPersonPickerQuery } from '../graphql/event.graphql';

export interface PickedContactPerson {
  id: string;
  fullName: string;
  counterparty?: { id: string; name: string } | null;
}

interface Props {
  value: PickedContactPerson | null;
  onChange: (value: PickedContactPerson | null) => void;
  /** With a counterparty chosen, only its people are offered. */
  counterpartyId?: string | null;
  error?: string;
  testId?: string;
}

/** Pick the person the event is with, among the chosen counterparty's people (or anyone when none is chosen). */
export function ContactPersonPicker({ value, onChange, counterpartyId, error, testId }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 250);
  const { data, previousData, loading } = useQuery(ContactPersonPickerQuery, {
    variables: { search: search && search !== value?.fullName ? search : null, counterpartyId: counterpartyId ?? null },
  });
  const options = ((data ?? previousData)?.contactPersons.edges ?? []).map((e) => e.node);
  return (
    <Autocomplete<PickedContactPerson, false, false, false>
      options={options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={(o) => o.fullName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={counterpartyId ? t('event.noPersonsOfCounterparty') : t('search.nothingFound')}
      renderOption={({ key, ...props }, o) => (
        <Box component="li" key={key} {...props}>
          <Box sx={{ minWidth: 0 }}>
            <Typography noWrap>{o.fullName}</Typography>
            {!counterpartyId && o.counterparty && (
              <Typography variant="caption" color="text.secondary" noWrap component="div">
                {o.counterparty.name}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('event.contactPerson')}
          error={Boolean(error)}
          helperText={error}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
