import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ProductGroupsQuery } from '../graphql/catalog.graphql';
import { flattenGroups } from '../../../lib/group-tree';

interface Props {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  testId?: string;
  /** Text of the empty choice: «no group» in a form, «all» in a filter. */
  emptyLabel: string;
  /** Groups that may not be chosen (a group and its subgroups, when choosing its parent). */
  exclude?: ReadonlySet<string>;
  fullWidth?: boolean;
  size?: 'small' | 'medium';
}

/** The catalog groups as an indented tree in one native select. */
export function ProductGroupSelect({ label, value, onChange, error, testId, emptyLabel, exclude, fullWidth = true, size }: Props) {
  const { t } = useTranslation();
  const { data } = useQuery(ProductGroupsQuery);
  const options = useMemo(() => flattenGroups(data?.productGroups ?? []), [data]);
  return (
    <TextField
      select
      fullWidth={fullWidth}
      size={size}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      sx={fullWidth ? undefined : { minWidth: 200, flex: { xs: '1 1 160px', sm: '0 0 auto' } }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    >
      <option value="">{emptyLabel}</option>
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
