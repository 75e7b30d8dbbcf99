import { graphql } from '../../graphql';

graphql(`
  fragment ObjectRefFields on ObjectRef {
    type
    id
    title
  }
`);

graphql(`
  fragment ReminderFields on Reminder {
    id
    text
    remindAt
    state
    firedAt
    userId
    subject {
      ...ObjectRefFields
    }
  }
`);

/** Reminders that fired and wait for me: the bell, the Tasks tab, the "while you were away" summary. */
export const DueRemindersQuery = graphql(`
  query DueReminders {
    reminders(first: 100, filter: { state: DUE }) {
      totalCount
      edges {
        node {
          ...ReminderFields
        }
      }
    }
  }
`);

export const TaskCountsQuery = graphql(`
  query TaskCounts {
    taskCounts {
      overdue
      today
      dueReminders
      total
    }
  }
`);

export const ReminderDueSubscription = graphql(`
  subscription ReminderDue {
    reminderDue {
      ...ReminderFields
    }
  }
`);

export const EventChangedSubscription = graphql(`
  subscription EventChanged {
    eventChanged {
      id
      event {
        id
        state
        start
        end
        overdue
        subject
        version
        responsibleId
      }
    }
  }
`);

export const SnoozeReminderMutation = graphql(`
  mutation SnoozeReminder($id: ID!, $minutes: Int!) {
    snoozeReminder(id: $id, minutes: $minutes) {
      ...ReminderFields
    }
  }
`);

export const DismissReminderMutation = graphql(`
  mutation DismissReminder($id: ID!) {
    dismissReminder(id: $id) {
      ...ReminderFields
    }
  }
`);
