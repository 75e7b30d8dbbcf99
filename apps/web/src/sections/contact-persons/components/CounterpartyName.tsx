import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import { CounterpartyNameQuery } from '../graphql/contact-person.graphql';

/** Audit values keep the counterparty's id; show its current name where the user may still see it. */
export function CounterpartyName({ id }: { id: string }) {
  const { data } = useQuery(CounterpartyNameQuery, { variables: { id } });
  if (!data) return <>{id}</>;
  return (
    <Link component={RouterLink} to={`/counterparties/${id}`}>
      {data.counterparty.name}
    </Link>
  );
}

/** `renderValue` for a history list whose entries may carry a `counterpartyId`. */
export function renderCounterpartyId(field: string, value: unknown): ReactNode | undefined {
  return field === 'counterpartyId' && typeof value === 'string' ? <CounterpartyName id={value} /> : undefined;
}
