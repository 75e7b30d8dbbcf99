import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import { graphql } from '../../../graphql';
import { CounterpartyPicker } from '../../contact-persons/components/CounterpartyPicker';

const SalesCounterpartyNameQuery = graphql(`
  query SalesCounterpartyName($id: ID!) {
    counterparty(id: $id) {
      id
      name
    }
  }
`);

/** A counterparty picker driven by an id kept in the URL (list filters); the name is looked up once. */
export function CounterpartyFilter({ label, counterpartyId, onChange, testId, width = 280 }: { label: string; counterpartyId: string | null; onChange: (id: string | null) => void; testId?: string; width?: number }) {
  const { data } = useQuery(SalesCounterpartyNameQuery, { variables: { id: counterpartyId ?? '' }, skip: !counterpartyId });
  const value = counterpartyId ? (data?.counterparty ?? { id: counterpartyId, name: '…' }) : null;
  return (
    <Box sx={{ width: { xs: '100%', sm: width } }}>
      <CounterpartyPicker label={label} helperText="" value={value} onChange={(c) => onChange(c?.id ?? null)} testId={testId} />
    </Box>
  );
}
