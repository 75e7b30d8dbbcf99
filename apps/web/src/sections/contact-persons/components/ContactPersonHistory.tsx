import { useQuery } from '@apollo/client/react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryList } from '../../../components/history/HistoryList';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import { ContactPersonHistoryQuery, CounterpartyNameQuery } from '../graphql/contact-person.graphql';

/** Audit values keep the counterparty's id; show its current name where the user may still see it. */
function CounterpartyName({ id }: { id: string }) {
  const { data } = useQuery(CounterpartyNameQuery, { variables: { id } });
  if (!data) return <>{id}</>;
  return (
    <Link component={RouterLink} to={`/counterparties/${id}`}>
      {data.counterparty.name}
    </Link>
  );
}

export function ContactPersonHistory({ id }: { id: string }) {
  const { data, loading, error, fetchMore } = useQuery(ContactPersonHistoryQuery, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.contactPerson.history;
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
