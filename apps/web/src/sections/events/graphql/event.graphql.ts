import { graphql } from '../../../graphql';

graphql(`
  fragment EventListItem on Event {
    id
    number
    kind
    direction
    state
    subject
    importance
    start
    end
    overdue
    counterpartyId
    counterparty {
      id
      name
    }
    contactPersonId
    contactPerson {
      id
      fullName
    }
    responsibleId
    responsible {
      id
      fullName
    }
    result
    version
    createdAt
    viewerCan {
      update
      complete
      cancel
      reschedule
    }
  }
`);

graphql(`
  fragment EventDetails on Event {
    ...EventListItem
    content
    cancelReason
    completedAt
    createdAt
    updatedAt
    basedOn {
      ...ObjectRefFields
    }
    reminders {
      ...ReminderFields
    }
  }
`);

export const EventsQuery = graphql(`
  query Events($first: Int!, $after: String, $filter: EventFilter, $orderBy: EventOrder) {
    events(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...EventListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const EventQuery = graphql(`
  query Event($id: ID!) {
    event(id: $id) {
      ...EventDetails
    }
  }
`);

export const EventHistoryQuery = graphql(`
  query EventHistory($id: ID!, $after: String) {
    event(id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage
      }
    }
  }
`);

/** What a new event's form starts from: the counterparty, contact, responsible or event it is entered from. */
export const EventPrefillQuery = graphql(`
  query EventPrefill(
    $counterpartyId: ID!
    $withCounterparty: Boolean!
    $contactPersonId: ID!
    $withContactPerson: Boolean!
    $userId: ID!
    $withUser: Boolean!
    $eventId: ID!
    $withEvent: Boolean!
  ) {
    counterparty(id: $counterpartyId) @include(if: $withCounterparty) {
      id
      name
    }
    contactPerson(id: $contactPersonId) @include(if: $withContactPerson) {
      id
      fullName
      counterparty {
        id
        name
      }
    }
    user(id: $userId) @include(if: $withUser) {
      id
      fullName
    }
    event(id: $eventId) @include(if: $withEvent) {
      ...EventDetails
    }
  }
`);

export const ContactPersonPickerQuery = graphql(`
  query ContactPersonPicker($search: String, $counterpartyId: ID) {
    contactPersons(first: 20, filter: { search: $search, counterpartyId: $counterpartyId }) {
      edges {
        node {
          id
          fullName
          position
          counterparty {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreateEventMutation = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      ...EventDetails
    }
  }
`);

export const UpdateEventMutation = graphql(`
  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {
    updateEvent(id: $id, input: $input) {
      ...EventDetails
    }
  }
`);

export const CompleteEventMutation = graphql(`
  mutation CompleteEvent($id: ID!, $input: CompleteEventInput!) {
    completeEvent(id: $id, input: $input) {
      ...EventDetails
    }
  }
`);

export const CancelEventMutation = graphql(`
  mutation CancelEvent($id: ID!, $input: CancelEventInput!) {
    cancelEvent(id: $id, input: $input) {
      ...EventDetails
    }
  }
`);

export const RescheduleEventMutation = graphql(`
  mutation RescheduleEvent($id: ID!, $input: RescheduleEventInput!) {
    rescheduleEvent(id: $id, input: $input) {
      ...EventDetails
    }
  }
`);

/** Completed events with a counterparty, newest first: the card's interaction history ("show more" asks for more). */
export const CounterpartyInteractionsQuery = graphql(`
  query CounterpartyInteractions($id: ID!, $first: Int!) {
    events(first: $first, filter: { counterpartyId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {
      totalCount
      edges {
        node {
          ...EventListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ContactPersonInteractionsQuery = graphql(`
  query ContactPersonInteractions($id: ID!, $first: Int!) {
    events(first: $first, filter: { contactPersonId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {
      totalCount
      edges {
        node {
          ...EventListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
