import { graphql } from '../../../graphql';

graphql(`
  fragment ContactPersonListItem on ContactPerson {
    id
    fullName
    position
    mainPhone
    mainEmail
    deletionMark
    counterparty {
      id
      name
    }
  }
`);

graphql(`
  fragment ContactPersonDetails on ContactPerson {
    id
    counterpartyId
    counterparty {
      id
      name
    }
    lastName
    firstName
    middleName
    fullName
    position
    role
    birthday
    comment
    responsibleId
    responsible {
      id
      fullName
    }
    deletionMark
    version
    createdAt
    updatedAt
    mainPhone
    mainEmail
    contactInfo {
      ...ContactInfoFields
    }
    viewerCan {
      update
      delete
      restore
    }
  }
`);

export const ContactPersonsQuery = graphql(`
  query ContactPersons($first: Int!, $after: String, $filter: ContactPersonFilter) {
    contactPersons(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node {
          ...ContactPersonListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ContactPersonQuery = graphql(`
  query ContactPerson($id: ID!) {
    contactPerson(id: $id) {
      ...ContactPersonDetails
      lastContactAt
      nextPlannedEvent {
        id
        subject
        start
        kind
      }
    }
  }
`);

export const ContactPersonHistoryQuery = graphql(`
  query ContactPersonHistory($id: ID!, $after: String) {
    contactPerson(id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage
      }
    }
  }
`);

export const CounterpartyPickerQuery = graphql(`
  query CounterpartyPicker($search: String) {
    counterparties(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateContactPersonMutation = graphql(`
  mutation CreateContactPerson($input: CreateContactPersonInput!) {
    createContactPerson(input: $input) {
      ...ContactPersonDetails
    }
  }
`);

export const UpdateContactPersonMutation = graphql(`
  mutation UpdateContactPerson($id: ID!, $input: UpdateContactPersonInput!) {
    updateContactPerson(id: $id, input: $input) {
      ...ContactPersonDetails
    }
  }
`);

export const MarkContactPersonForDeletionMutation = graphql(`
  mutation MarkContactPersonForDeletion($id: ID!) {
    markContactPersonForDeletion(id: $id) {
      ...ContactPersonDetails
    }
  }
`);

export const RestoreContactPersonMutation = graphql(`
  mutation RestoreContactPerson($id: ID!) {
    restoreContactPerson(id: $id) {
      ...ContactPersonDetails
    }
  }
`);

export const CounterpartyNameQuery = graphql(`
  query CounterpartyName($id: ID!) {
    counterparty(id: $id) {
      id
      name
    }
  }
`);
