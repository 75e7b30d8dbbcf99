import { graphql } from '../../graphql';

graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    createdAt
    readAt
    read
    object {
      ...ObjectRefFields
    }
  }
`);

/** The notification centre: my latest notifications (read ones too, dimmed) and how many are unread. */
export const NotificationsQuery = graphql(`
  query Notifications {
    unreadNotificationCount
    notifications(first: 30) {
      totalCount
      edges {
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

export const NotificationReceivedSubscription = graphql(`
  subscription NotificationReceived {
    notificationReceived {
      ...NotificationFields
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      read
      readAt
    }
  }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);
