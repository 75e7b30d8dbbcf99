import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { flattenGroups } from '../../../lib/group-tree';
import { CounterpartyGroupsQuery } from '../graphql/counterparty.graphql';

interface Props {
  value: string;
  onChange: (id: string) => void;
  error?: string;
  /** Defaults to «Group» / «No group» / `cp-group`: the counterparty form's field. */
  label?: string;
  emptyLabel?: string;
  testId?: string;
  /** Groups that may not be chosen (a group and its subgroups, when choosing its parent). */
  exclude?: ReadonlySet<string>;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
}

/**
 * The counterparty groups as an indented tree (the 1C catalogue hierarchy) in one native select. Groups marked for
 * deletion are offered only when already chosen, so a counterparty filed in one still shows where it is.
 */
export function GroupSelect({ value, onChange, error, label, emptyLabel, testId = 'cp-group', exclude, fullWidth = true, size }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(CounterpartyGroupsQuery, { variables: { includeDeleted: true } });
  const options = useMemo(() => flattenGroups(data?.counterpartyGroups ?? []), [data]);
  return (
    <TextField
      select
      fullWidth={fullWidth}
      size={size}
      label={label ?? t('counterparty.group')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      sx={fullWidth ? undefined : { minWidth: 200, flex: { xs: '1 1 160px', sm: '0 0 auto' } }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    >
      <option value="">{emptyLabel ?? t('counterparty.noGroup')}</option>
      {options
        .filter(({ group }) => (!group.deletionMark || group.id === value) && !exclude?.has(group.id))
        .map(({ group, depth }) => (
          <option key={group.id} value={group.id}>
            {'\u00a0\u00a0\u00a0'.repeat(depth)}
            {group.name}
            {group.deletionMark ? ` (${t('common.markedForDeletion')})` : ''}
          </option>
        ))}
    </TextField>
  );
}
