import { graphql } from '../../../graphql';

export const UpdateContactInfoKindMutation = graphql(`
  mutation UpdateContactInfoKind($id: ID!, $input: UpdateContactInfoKindInput!) {
    updateContactInfoKind(id: $id, input: $input) {
      ...ContactInfoKindFields
    }
  }
`);

export const MarkContactInfoKindForDeletionMutation = graphql(`
  mutation MarkContactInfoKindForDeletion($id: ID!) {
    markContactInfoKindForDeletion(id: $id) {
      ...ContactInfoKindFields
    }
  }
`);

export const RestoreContactInfoKindMutation = graphql(`
  mutation RestoreContactInfoKind($id: ID!) {
    restoreContactInfoKind(id: $id) {
      ...ContactInfoKindFields
    }
  }
`);
