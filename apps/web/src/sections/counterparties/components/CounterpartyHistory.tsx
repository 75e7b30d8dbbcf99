import { useQuery } from '@apollo/client/react';
import { EntityHistory } from '../../../components/history/EntityHistory';
import { CounterpartyGroupsQuery, CounterpartyHistoryQuery } from '../graphql/counterparty.graphql';

/** A marked group still names itself in old entries, so the history reads the groups marked for deletion too. */
export function CounterpartyHistory({ id }: { id: string }) {
  const groups = useQuery(CounterpartyGroupsQuery, { variables: { includeDeleted: true } }).data?.counterpartyGroups;
  return (
    <EntityHistory
      query={CounterpartyHistoryQuery}
      id={id}
      selectPage={(data) => data.counterparty.history}
      renderValue={(field, value) =>
        field === 'groupId' && typeof value === 'string' ? (groups?.find((g) => g.id === value)?.name ?? value) : undefined
      }
    />
  );
}
