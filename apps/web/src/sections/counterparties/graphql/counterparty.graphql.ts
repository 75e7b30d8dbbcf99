import { graphql } from '../../../graphql';

graphql(`
  fragment CounterpartyListItem on Counterparty {
    id
    name
    inn
    mainPhone
    relationTypes
    deletionMark
    updatedAt
    createdAt
    responsible {
      id
      fullName
    }
  }
`);

graphql(`
  fragment DuplicateMatchFields on DuplicateMatch {
    matchedOn
    value
    counterparty {
      id
      name
    }
    responsible {
      id
      fullName
    }
  }
`);

graphql(`
  fragment CounterpartyDetails on Counterparty {
    id
    name
    fullName
    legalType
    inn
    kpp
    groupId
    group {
      id
      name
    }
    relationTypes
    responsibleId
    responsible {
      id
      fullName
    }
    informationSource
    comment
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

export const CounterpartiesQuery = graphql(`
  query Counterparties($first: Int!, $after: String, $filter: CounterpartyFilter, $orderBy: CounterpartyOrder) {
    counterparties(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...CounterpartyListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CounterpartyQuery = graphql(`
  query Counterparty($id: ID!) {
    counterparty(id: $id) {
      ...CounterpartyDetails
      lastContactAt
      nextPlannedEvent {
        id
        subject
        start
        kind
      }
      possibleDuplicates {
        ...DuplicateMatchFields
      }
      contactPersons {
        id
        fullName
        position
        mainPhone
        mainEmail
        deletionMark
      }
    }
  }
`);

export const CounterpartyHistoryQuery = graphql(`
  query CounterpartyHistory($id: ID!, $after: String) {
    counterparty(id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage
      }
    }
  }
`);

export const CounterpartyDuplicatesQuery = graphql(`
  query CounterpartyDuplicates($input: DuplicateCheckInput!) {
    counterpartyDuplicates(input: $input) {
      ...DuplicateMatchFields
    }
  }
`);

export const CounterpartyGroupsQuery = graphql(`
  query CounterpartyGroups($includeDeleted: Boolean! = false) {
    counterpartyGroups(includeDeleted: $includeDeleted) {
      id
      name
      parentId
      deletionMark
      version
    }
  }
`);

export const CreateCounterpartyGroupMutation = graphql(`
  mutation CreateCounterpartyGroup($input: CreateCounterpartyGroupInput!) {
    createCounterpartyGroup(input: $input) {
      id
      name
      parentId
      deletionMark
      version
    }
  }
`);

export const UpdateCounterpartyGroupMutation = graphql(`
  mutation UpdateCounterpartyGroup($id: ID!, $input: UpdateCounterpartyGroupInput!) {
    updateCounterpartyGroup(id: $id, input: $input) {
      id
      name
      parentId
      deletionMark
      version
    }
  }
`);

export const SetCounterpartyGroupDeletionMarkMutation = graphql(`
  mutation SetCounterpartyGroupDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setCounterpartyGroupDeletionMark(id: $id, deletionMark: $deletionMark) {
      id
      deletionMark
      version
    }
  }
`);

export const DeleteCounterpartyGroupMutation = graphql(`
  mutation DeleteCounterpartyGroup($id: ID!) {
    deleteCounterpartyGroup(id: $id)
  }
`);

export const CreateCounterpartyMutation = graphql(`
  mutation CreateCounterparty($input: CreateCounterpartyInput!) {
    createCounterparty(input: $input) {
      ...CounterpartyDetails
    }
  }
`);

export const UpdateCounterpartyMutation = graphql(`
  mutation UpdateCounterparty($id: ID!, $input: UpdateCounterpartyInput!) {
    updateCounterparty(id: $id, input: $input) {
      ...CounterpartyDetails
    }
  }
`);

export const MarkCounterpartyForDeletionMutation = graphql(`
  mutation MarkCounterpartyForDeletion($id: ID!) {
    markCounterpartyForDeletion(id: $id) {
      ...CounterpartyDetails
    }
  }
`);

export const RestoreCounterpartyMutation = graphql(`
  mutation RestoreCounterparty($id: ID!) {
    restoreCounterparty(id: $id) {
      ...CounterpartyDetails
    }
  }
`);
