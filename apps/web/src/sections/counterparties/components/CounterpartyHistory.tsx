import { useQuery } from '@apollo/client/react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryList } from '../../../components/history/HistoryList';
import { CounterpartyGroupsQuery, CounterpartyHistoryQuery } from '../graphql/counterparty.graphql';

export function CounterpartyHistory({ id }: { id: string }) {
  // Fresh on every visit to the tab: the point of history is the latest changes.
  const { data, loading, error, fetchMore } = useQuery(CounterpartyHistoryQuery, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const groups = useQuery(CounterpartyGroupsQuery).data?.counterpartyGroups;
  const page = data?.counterparty.history;
  return (
    <>
      <ErrorAlert error={error} />
      <HistoryList
        page={page}
        loading={loading}
        onLoadMore={() => void fetchMore({ variables: { after: page?.pageInfo.endCursor } })}
        renderValue={(field, value) =>
          field === 'groupId' && typeof value === 'string' ? (groups?.find((g) => g.id === value)?.name ?? value) : undefined
        }
      />
    </>
  );
}
