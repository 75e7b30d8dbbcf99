import { graphql } from '../../../graphql';

/** A task as a row of the Tasks tab and as pushed by `taskAssigned` / `taskUpdated`. */
export const ProcessTaskListItemFragment = graphql(`
  fragment ProcessTaskListItem on ProcessTask {
    id
    title
    pointId
    state
    deadline
    overdue
    createdAt
    results
    allowRedirect
    instanceId
    subject {
      type
      id
      title
    }
    process {
      id
      name
      templateCode
    }
    viewerCan {
      accept
      complete
      redirect
    }
  }
`);

/** The Tasks tab block: my open and accepted process tasks, by deadline. */
export const MyProcessTasksQuery = graphql(`
  query MyProcessTasks($first: Int!, $after: String) {
    myProcessTasks(first: $first, after: $after, filter: { state: OPEN }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ProcessTaskListItem
        }
      }
    }
  }
`);

export const ProcessHistoryEntryFragment = graphql(`
  fragment ProcessHistoryEntryFields on ProcessHistoryEntry {
    seq
    point
    name
    type
    kind
    result
    exit
    comment
    at
    taskId
    by {
      id
      fullName
    }
  }
`);

/** The task form: the task, its subject, and its process's path so far. */
export const ProcessTaskQuery = graphql(`
  query ProcessTask($id: ID!) {
    processTask(id: $id) {
      ...ProcessTaskListItem
      description
      acceptedAt
      completedAt
      comment
      result
      assigneeNote
      version
      performer {
        id
        fullName
      }
      completedBy {
        id
        fullName
      }
      redirectedFrom {
        id
        fullName
      }
      process {
        id
        name
        templateCode
        status
        startedAt
        responsible {
          id
          fullName
        }
        history {
          ...ProcessHistoryEntryFields
        }
      }
    }
  }
`);

export const AcceptProcessTaskMutation = graphql(`
  mutation AcceptProcessTask($id: ID!) {
    acceptProcessTask(id: $id) {
      ...ProcessTaskListItem
      acceptedAt
      version
    }
  }
`);

export const CompleteProcessTaskMutation = graphql(`
  mutation CompleteProcessTask($id: ID!, $input: CompleteProcessTaskInput!) {
    completeProcessTask(id: $id, input: $input) {
      ...ProcessTaskListItem
      result
      comment
      completedAt
      version
    }
  }
`);

export const RedirectProcessTaskMutation = graphql(`
  mutation RedirectProcessTask($id: ID!, $userId: ID!, $comment: String) {
    redirectProcessTask(id: $id, userId: $userId, comment: $comment) {
      ...ProcessTaskListItem
      version
      performer {
        id
        fullName
      }
    }
  }
`);

export const TaskAssignedSubscription = graphql(`
  subscription TaskAssigned {
    taskAssigned {
      ...ProcessTaskListItem
    }
  }
`);

export const TaskUpdatedSubscription = graphql(`
  subscription TaskUpdated {
    taskUpdated {
      ...ProcessTaskListItem
    }
  }
`);

/** Templates for the monitor's filter. */
export const ProcessTemplatesQuery = graphql(`
  query ProcessTemplates {
    processTemplates {
      id
      code
      name
      version
    }
  }
`);

/** The process monitor: one server page of processes. */
export const ProcessInstancesQuery = graphql(`
  query ProcessInstances($first: Int!, $after: String, $filter: ProcessInstanceFilter) {
    processInstances(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          templateCode
          status
          result
          overdue
          startedAt
          finishedAt
          subject {
            type
            id
            title
          }
          responsible {
            id
            fullName
          }
          activePoints {
            id
            name
            type
            waitingFor
            deadline
            task {
              id
              overdue
              performer {
                id
                fullName
              }
            }
          }
        }
      }
    }
  }
`);

/** An instance page: its route map, where it waits, and the passed path. */
export const ProcessInstanceQuery = graphql(`
  query ProcessInstance($id: ID!) {
    processInstance(id: $id) {
      id
      name
      templateCode
      status
      result
      cancelReason
      overdue
      startedAt
      finishedAt
      version
      parentInstanceId
      subject {
        type
        id
        title
      }
      responsible {
        id
        fullName
      }
      startedBy {
        id
        fullName
      }
      template {
        id
        version
        map
      }
      activePoints {
        id
        name
        type
        waitingFor
        since
        deadline
        arrived
        branches
        task {
          id
          title
          overdue
          performer {
            id
            fullName
          }
        }
        child {
          id
          name
        }
      }
      history {
        ...ProcessHistoryEntryFields
      }
      children {
        id
        name
        status
        result
      }
      viewerCan {
        cancel
      }
    }
  }
`);

export const CancelProcessMutation = graphql(`
  mutation CancelProcess($id: ID!, $reason: String) {
    cancelProcess(id: $id, reason: $reason) {
      id
      status
      result
      cancelReason
      version
    }
  }
`);

export const StartSaleProcessMutation = graphql(`
  mutation StartSaleProcess($interestId: ID!) {
    startSaleProcess(interestId: $interestId) {
      id
    }
  }
`);

/** Whether the interest already has a running Sale (the button then opens it instead). */
export const InterestProcessesQuery = graphql(`
  query InterestProcesses($subjectId: ID!) {
    processInstances(first: 5, filter: { subjectId: $subjectId, topLevel: true, status: RUNNING }) {
      totalCount
      edges {
        node {
          id
          templateCode
          name
        }
      }
    }
  }
`);
