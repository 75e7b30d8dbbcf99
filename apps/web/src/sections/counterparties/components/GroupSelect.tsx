import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { CounterpartyGroupsQuery } from '../graphql/counterparty.graphql';

interface GroupNode {
  id: string;
  name: string;
  parentId?: string | null;
  deletionMark: boolean;
}

/** Groups as an indented tree (the 1C catalogue hierarchy), in one native select. */
function flatten(groups: readonly GroupNode[]): Array<{ group: GroupNode; depth: number }> {
  const children = new Map<string | null, GroupNode[]>();
  const ids = new Set(groups.map((g) => g.id));
  for (const g of groups) {
    const parent = g.parentId && ids.has(g.parentId) ? g.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), g]);
  }
  const out: Array<{ group: GroupNode; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const g of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ group: g, depth });
      if (depth < 10) walk(g.id, depth + 1); // guards against a cycle in bad data
    }
  };
  walk(null, 0);
  return out;
}

export function GroupSelect({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(CounterpartyGroupsQuery);
  const options = useMemo(() => flatten(data?.counterpartyGroups ?? []), [data]);
  return (
    <TextField
      select
      fullWidth
      label={t('counterparty.group')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'cp-group' } }}
    >
      <option value="">{t('counterparty.noGroup')}</option>
      {options
        .filter(({ group }) => !group.deletionMark || group.id === value)
        .map(({ group, depth }) => (
          <option key={group.id} value={group.id}>
            {'\u00a0\u00a0'.repeat(depth)}
            {group.name}
          </option>
        ))}
    </TextField>
  );
}
