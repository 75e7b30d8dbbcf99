import { graphql } from '../../../graphql';

graphql(`
  fragment AdminUser on User {
    id
    email
    fullName
    role
    supervisorId
    supervisor {
      id
      fullName
    }
    active
    locale
    version
    createdAt
  }
`);

export const AdminUsersQuery = graphql(`
  query AdminUsers($after: String, $filter: UserFilter) {
    users(first: 50, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...AdminUser
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUser
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...AdminUser
    }
  }
`);

export const SetUserPasswordMutation = graphql(`
  mutation SetUserPassword($id: ID!, $password: String!) {
    setUserPassword(id: $id, password: $password)
  }
`);
