import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import { graphql } from '../graphql';
import { UserPicker } from './UserPicker';

const UserFilterNameQuery = graphql(`
  query UserFilterName($id: ID!) {
    user(id: $id) {
      id
      fullName
    }
  }
`);

interface Props {
  label: string;
  /** The chosen user's id (kept in the URL by the page). */
  userId: string | null;
  onChange: (userId: string | null) => void;
  testId?: string;
  helperText?: string;
  width?: number | string;
}

/** A user picker driven by an id, for list filters and the calendar: the name is looked up once. */
export function UserFilter({ label, userId, onChange, testId, helperText, width = 260 }: Props) {
  const { data } = useQuery(UserFilterNameQuery, { variables: { id: userId ?? '' }, skip: !userId });
  const value = userId ? (data?.user ?? { id: userId, fullName: '…' }) : null;
  return (
    <Box sx={{ width: { xs: '100%', sm: width } }}>
      <UserPicker label={label} value={value} onChange={(u) => onChange(u?.id ?? null)} testId={testId} helperText={helperText} />
    </Box>
  );
}
