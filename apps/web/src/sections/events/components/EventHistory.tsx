import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryList } from '../../../components/history/HistoryList';
import { CounterpartyNameQuery } from '../../contact-persons/graphql/contact-person.graphql';
import { EventHistoryQuery } from '../graphql/event.graphql';

function CounterpartyName({ id }: { id: string }) {
  const { data } = useQuery(CounterpartyNameQuery, { variables: { id } });
  if (!data) return <>{id}</>;
  return (
    <Link component={RouterLink} to={`/counterparties/${id}`}>
      {data.counterparty.name}
    </Link>
  );
}

export function EventHistory({ id }: { id: string }) {
  const { data, loading, error, fetchMore } = useQuery(EventHistoryQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const page = data?.event.history;
  return (
    <>
      <ErrorAlert error={error} />
      <HistoryList
        page={page}
        loading={loading}
        onLoadMore={() => void fetchMore({ variables: { after: page?.pageInfo.endCursor } })}
        renderValue={(field, value) =>
          field === 'counterpartyId' && typeof value === 'string' ? <CounterpartyName id={value} /> : undefined
        }
      />
    </>
  );
}
