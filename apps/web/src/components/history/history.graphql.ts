import { graphql } from '../../graphql';

graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    at
    action
    actorId
    actor {
      id
      fullName
    }
    changes {
      field
      old
      new
    }
  }
`);

graphql(`
  fragment HistoryPage on AuditEntryConnection {
    totalCount
    edges {
      cursor
      node {
        ...AuditEntryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);
