import { graphql } from '../../../graphql';

graphql(`
  fragment ClientRequestListItem on ClientRequest {
    id
    number
    registeredAt
    kind
    channel
    subject
    priority
    critical
    state
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
    reactionDeadline
    resolutionDeadline
    reactedAt
    resolvedAt
    pausedAt
    slaPaused
    overdue
    aboutToBreach
    version
  }
`);

graphql(`
  fragment ClientRequestDetails on ClientRequest {
    ...ClientRequestListItem
    description
    productId
    product {
      id
      name
    }
    solution
    knowledgeArticleId
    knowledgeArticle {
      id
      title
    }
    satisfaction
    rejectReason
    reactionMinutes
    resolutionMinutes
    pausedMinutes
    reactionBreached
    resolutionBreached
    closedAt
    reactionEscalatedAt
    resolutionEscalatedAt
    closureConfirmedAt
    closureConfirmedById
    closureConfirmedBy {
      id
      fullName
    }
    createdAt
    updatedAt
    viewerCan {
      update
      takeIntoWork
      waitForClient
      resume
      resolve
      confirmClosure
      close
      reject
      reopen
      rate
      saveAsSolution
    }
  }
`);

/** The Requests tab's control view: my open ones, critical, breached, about to breach. */
export const RequestsOverviewQuery = graphql(`
  query RequestsOverview($me: ID!, $first: Int!) {
    mine: clientRequests(first: $first, filter: { open: true, responsibleId: $me }, orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ClientRequestListItem
        }
      }
    }
    critical: clientRequests(first: $first, filter: { open: true, critical: true }, orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ClientRequestListItem
        }
      }
    }
    breached: clientRequests(first: $first, filter: { overdue: true }, orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ClientRequestListItem
        }
      }
    }
    atRisk: clientRequests(first: $first, filter: { aboutToBreach: true }, orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ClientRequestListItem
        }
      }
    }
  }
`);

export const ClientRequestsQuery = graphql(`
  query ClientRequests($first: Int!, $after: String, $filter: ClientRequestFilter, $orderBy: ClientRequestOrder) {
    clientRequests(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...ClientRequestListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

graphql(`
  fragment BoardColumn on ClientRequestConnection {
    totalCount
    edges {
      node {
        ...ClientRequestListItem
      }
    }
  }
`);

/** The board by state: one column per state, the nearest deadline first in the open ones, the newest in the rest. */
export const RequestsBoardQuery = graphql(`
  query RequestsBoard(
    $first: Int!
    $search: String
    $kind: ClientRequestKind
    $priority: ClientRequestPriority
    $critical: Boolean
    $overdue: Boolean
    $aboutToBreach: Boolean
    $responsibleId: ID
  ) {
    registered: clientRequests(
      first: $first
      filter: { state: REGISTERED, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }
    ) {
      ...BoardColumn
    }
    inProgress: clientRequests(
      first: $first
      filter: { state: IN_PROGRESS, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }
    ) {
      ...BoardColumn
    }
    waiting: clientRequests(
      first: $first
      filter: { state: WAITING_FOR_CLIENT, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }
    ) {
      ...BoardColumn
    }
    reopened: clientRequests(
      first: $first
      filter: { state: REOPENED, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: RESOLUTION_DEADLINE, direction: ASC }
    ) {
      ...BoardColumn
    }
    resolved: clientRequests(
      first: $first
      filter: { state: RESOLVED, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: REGISTERED_AT, direction: DESC }
    ) {
      ...BoardColumn
    }
    closed: clientRequests(
      first: $first
      filter: { state: CLOSED, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: REGISTERED_AT, direction: DESC }
    ) {
      ...BoardColumn
    }
    rejected: clientRequests(
      first: $first
      filter: { state: REJECTED, search: $search, kind: $kind, priority: $priority, critical: $critical, overdue: $overdue, aboutToBreach: $aboutToBreach, responsibleId: $responsibleId }
      orderBy: { field: REGISTERED_AT, direction: DESC }
    ) {
      ...BoardColumn
    }
  }
`);

export const ClientRequestQuery = graphql(`
  query ClientRequest($id: ID!) {
    clientRequest(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const ClientRequestHistoryQuery = graphql(`
  query ClientRequestHistory($id: ID!, $after: String) {
    clientRequest(id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage
      }
    }
  }
`);

/** SOLUTION articles matching what the client describes. */
export const SuggestSolutionsQuery = graphql(`
  query SuggestSolutions($text: String!) {
    suggestSolutions(text: $text) {
      id
      title
      snippet
    }
  }
`);

export const CreateClientRequestMutation = graphql(`
  mutation CreateClientRequest($input: CreateClientRequestInput!) {
    createClientRequest(input: $input) {
      ...ClientRequestDetails
    }
  }
`);

export const UpdateClientRequestMutation = graphql(`
  mutation UpdateClientRequest($id: ID!, $input: UpdateClientRequestInput!) {
    updateClientRequest(id: $id, input: $input) {
      ...ClientRequestDetails
    }
  }
`);

export const TakeClientRequestIntoWorkMutation = graphql(`
  mutation TakeClientRequestIntoWork($id: ID!) {
    takeClientRequestIntoWork(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const SuspendClientRequestMutation = graphql(`
  mutation SuspendClientRequest($id: ID!) {
    suspendClientRequest(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const ResumeClientRequestMutation = graphql(`
  mutation ResumeClientRequest($id: ID!) {
    resumeClientRequest(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const ResolveClientRequestMutation = graphql(`
  mutation ResolveClientRequest($id: ID!, $input: ResolveClientRequestInput!) {
    resolveClientRequest(id: $id, input: $input) {
      ...ClientRequestDetails
    }
  }
`);

export const ConfirmClientRequestClosureMutation = graphql(`
  mutation ConfirmClientRequestClosure($id: ID!) {
    confirmClientRequestClosure(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const CloseClientRequestMutation = graphql(`
  mutation CloseClientRequest($id: ID!) {
    closeClientRequest(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const RejectClientRequestMutation = graphql(`
  mutation RejectClientRequest($id: ID!, $reason: String!) {
    rejectClientRequest(id: $id, reason: $reason) {
      ...ClientRequestDetails
    }
  }
`);

export const ReopenClientRequestMutation = graphql(`
  mutation ReopenClientRequest($id: ID!) {
    reopenClientRequest(id: $id) {
      ...ClientRequestDetails
    }
  }
`);

export const RateClientRequestMutation = graphql(`
  mutation RateClientRequest($id: ID!, $satisfaction: Int!) {
    rateClientRequest(id: $id, satisfaction: $satisfaction) {
      ...ClientRequestDetails
    }
  }
`);

export const SaveClientRequestAsSolutionMutation = graphql(`
  mutation SaveClientRequestAsSolution($id: ID!) {
    saveClientRequestAsSolution(id: $id) {
      id
    }
  }
`);

/** Events entered based on the request (a call back, a visit), newest first. */
export const ClientRequestEventsQuery = graphql(`
  query ClientRequestEvents($id: ID!, $first: Int!) {
    clientRequest(id: $id) {
      id
      events(first: $first) {
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
  }
`);
