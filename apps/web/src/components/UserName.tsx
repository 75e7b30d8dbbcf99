import { useQuery } from '@apollo/client/react';
import { graphql } from '../graphql';

const UserNameQuery = graphql(`
  query UserName($id: ID!) {
    user(id: $id) {
      id
      fullName
    }
  }
`);

/** A user's name where the API gives only an id (audit values, token owners); the id only if it cannot be read. */
export function UserName({ id }: { id: string }) {
  const { data, error } = useQuery(UserNameQuery, { variables: { id } });
  return <>{data?.user.fullName ?? (error ? id : '…')}</>;
}
