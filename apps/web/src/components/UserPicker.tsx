import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { graphql } from '../graphql';
import { useDebouncedValue } from '../lib/useDebouncedValue';

const UserPickerQuery = graphql(`
  query UserPicker($search: String) {
    users(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          fullName
          email
        }
      }
    }
  }
`);

export interface PickedUser {
  id: string;
  fullName: string;
}

interface Props {
  label: string;
  value: PickedUser | null;
  onChange: (user: PickedUser | null) => void;
  error?: string;
  helperText?: string;
  disabled?: boolean;
  testId?: string;
}

/** Choose a colleague (responsible, supervisor) by typing part of the name or e-mail. */
export function UserPicker({ label, value, onChange, error, helperText, disabled, testId }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 200);
  const { data, previousData, loading } = useQuery(UserPickerQuery, {
    variables: { search: search && search !== value?.fullName ? search : null },
  });
  const options: PickedUser[] = ((data ?? previousData)?.users.edges ?? []).map((e) => e.node);

  return (
    <Autocomplete<PickedUser, false, false, false>
      options={options}
      value={value}
      onChange={(_e, user) => onChange(user)}
      inputValue={input}
      onInputChange={(_e, v) => setInput(v)}
      getOptionLabel={(u) => u.fullName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={t('search.nothingFound')}
      disabled={disabled}
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
