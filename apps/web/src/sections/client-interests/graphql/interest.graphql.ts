import { graphql } from '../../../graphql';

graphql(`
  fragment InterestCardFields on ClientInterest {
    id
    number
    state
    need
    plannedAmount
    probability
    plannedCloseDate
    counterparty {
      id
      name
    }
    responsible {
      id
      fullName
    }
    viewerCan {
      move
    }
  }
`);

graphql(`
  fragment InterestListItem on ClientInterest {
    id
    number
    date
    state
    need
    plannedAmount
    weightedAmount
    probability
    plannedCloseDate
    lastActivityAt
    deletionMark
    counterparty {
      id
      name
    }
    responsible {
      id
      fullName
    }
    stage {
      id
      name
      semantic
    }
  }
`);

graphql(`
  fragment SalesStageFields on SalesStage {
    id
    name
    probability
    semantic
    sort
  }
`);

graphql(`
  fragment InterestDetails on ClientInterest {
    id
    number
    date
    state
    need
    plannedAmount
    weightedAmount
    probability
    plannedCloseDate
    actualCloseDate
    lossComment
    deletionMark
    version
    createdAt
    updatedAt
    lastActivityAt
    counterparty {
      id
      name
    }
    contactPerson {
      id
      fullName
      counterparty {
        id
        name
      }
    }
    responsible {
      id
      fullName
    }
    scenario {
      id
      name
      stages {
        ...SalesStageFields
      }
    }
    stage {
      ...SalesStageFields
    }
    lossReason {
      id
      name
    }
    informationSource {
      id
      name
    }
    competitors {
      id
      name
    }
    lines {
      id
      lineNo
      productId
      quantity
      price
      amount
      product {
        id
        name
        article
        unit
        price
        vatRate
        kind
      }
    }
    viewerCan {
      update
      move
      markWon
      markLost
      suspend
      resume
      reopen
      delete
    }
  }
`);

/** The reference data of the interest screens: scenarios with stages, loss reasons, information sources. */
export const SalesReferenceQuery = graphql(`
  query SalesReference {
    salesScenarios {
      id
      name
      isDefault
      deletionMark
      stages {
        ...SalesStageFields
      }
    }
    lossReasons {
      id
      name
      active
    }
    informationSources {
      id
      name
      active
    }
  }
`);

export const ClientInterestBoardQuery = graphql(`
  query ClientInterestBoard($scenarioId: ID, $filter: ClientInterestBoardFilter, $cardsPerColumn: Int!) {
    clientInterestBoard(scenarioId: $scenarioId, filter: $filter, cardsPerColumn: $cardsPerColumn) {
      totalCount
      plannedAmount
      weightedAmount
      scenario {
        id
        name
      }
      columns {
        count
        plannedAmount
        weightedAmount
        stage {
          ...SalesStageFields
        }
        cards {
          edges {
            node {
              ...InterestCardFields
            }
          }
        }
      }
    }
  }
`);

export const ClientInterestsQuery = graphql(`
  query ClientInterests($first: Int!, $after: String, $filter: ClientInterestFilter, $orderBy: ClientInterestOrder) {
    clientInterests(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...InterestListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const StalledClientInterestsQuery = graphql(`
  query StalledClientInterests($days: Int!, $first: Int!, $after: String, $responsibleId: ID) {
    stalledClientInterests(days: $days, first: $first, after: $after, responsibleId: $responsibleId) {
      totalCount
      edges {
        cursor
        node {
          ...InterestListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ClientInterestQuery = graphql(`
  query ClientInterest($id: ID!) {
    clientInterest(id: $id) {
      ...InterestDetails
    }
  }
`);

export const ClientInterestStageHistoryQuery = graphql(`
  query ClientInterestStageHistory($id: ID!, $first: Int!) {
    clientInterestStageHistory(id: $id, first: $first) {
      totalCount
      edges {
        node {
          id
          at
          fromState
          toState
          amount
          probability
          user {
            id
            fullName
          }
          fromStage {
            id
            name
          }
          toStage {
            id
            name
            semantic
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ClientInterestHistoryQuery = graphql(`
  query ClientInterestHistory($id: ID!, $after: String) {
    clientInterest(id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage
      }
    }
  }
`);

export const CounterpartyInterestsQuery = graphql(`
  query CounterpartyInterests($id: ID!, $first: Int!) {
    counterparty(id: $id) {
      id
      clientInterests(first: $first) {
        totalCount
        edges {
          node {
            ...InterestListItem
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

/** What a new interest from a counterparty card (or a contact person) starts with. */
export const InterestPrefillQuery = graphql(`
  query InterestPrefill($counterpartyId: ID!, $withCounterparty: Boolean!, $contactPersonId: ID!, $withContactPerson: Boolean!) {
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
  }
`);

export const CompetitorPickerQuery = graphql(`
  query CompetitorPicker($search: String) {
    counterparties(first: 20, filter: { search: $search, relationType: COMPETITOR }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateClientInterestMutation = graphql(`
  mutation CreateClientInterest($input: CreateClientInterestInput!) {
    createClientInterest(input: $input) {
      ...InterestDetails
    }
  }
`);

export const UpdateClientInterestMutation = graphql(`
  mutation UpdateClientInterest($id: ID!, $input: UpdateClientInterestInput!) {
    updateClientInterest(id: $id, input: $input) {
      ...InterestDetails
    }
  }
`);

export const MoveClientInterestToStageMutation = graphql(`
  mutation MoveClientInterestToStage($id: ID!, $stageId: ID!, $version: Int) {
    moveClientInterestToStage(id: $id, stageId: $stageId, version: $version) {
      ...InterestDetails
    }
  }
`);

export const MarkClientInterestLostMutation = graphql(`
  mutation MarkClientInterestLost($id: ID!, $input: MarkClientInterestLostInput!) {
    markClientInterestLost(id: $id, input: $input) {
      ...InterestDetails
    }
  }
`);

export const MarkClientInterestWonMutation = graphql(`
  mutation MarkClientInterestWon($id: ID!) {
    markClientInterestWon(id: $id) {
      ...InterestDetails
    }
  }
`);

export const SuspendClientInterestMutation = graphql(`
  mutation SuspendClientInterest($id: ID!) {
    suspendClientInterest(id: $id) {
      ...InterestDetails
    }
  }
`);

export const ResumeClientInterestMutation = graphql(`
  mutation ResumeClientInterest($id: ID!) {
    resumeClientInterest(id: $id) {
      ...InterestDetails
    }
  }
`);

export const ReopenClientInterestMutation = graphql(`
  mutation ReopenClientInterest($id: ID!) {
    reopenClientInterest(id: $id) {
      ...InterestDetails
    }
  }
`);

export const SetClientInterestDeletionMarkMutation = graphql(`
  mutation SetClientInterestDeletionMark($id: ID!, $deletionMark: Boolean!) {
    setClientInterestDeletionMark(id: $id, deletionMark: $deletionMark) {
      ...InterestDetails
    }
  }
`);

/** An interest on my board (mine or my team's) changed, by anyone: the open board, lists and its card refresh. */
export const ClientInterestChangedSubscription = graphql(`
  subscription ClientInterestChanged {
    clientInterestChanged {
      id
      interest {
        id
        version
        state
        probability
        plannedAmount
        stage {
          id
        }
      }
    }
  }
`);
