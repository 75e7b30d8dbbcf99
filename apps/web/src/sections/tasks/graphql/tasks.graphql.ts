import { graphql } from '../../../graphql';

/** «Дела»: my overdue and today's planned events, and my due reminders, in one round trip. */
export const TasksPageQuery = graphql(`
  query TasksPage($me: ID!) {
    overdue: events(
      first: 200
      filter: { responsibleId: $me, state: PLANNED, overdue: true }
      orderBy: { field: START, direction: ASC }
    ) {
      totalCount
      edges {
        node {
          ...EventListItem
        }
      }
    }
    today: events(
      first: 200
      filter: { responsibleId: $me, state: PLANNED, dueToday: true }
      orderBy: { field: START, direction: ASC }
    ) {
      totalCount
      edges {
        node {
          ...EventListItem
        }
      }
    }
    reminders(first: 200, filter: { state: DUE }) {
      totalCount
      edges {
        node {
          ...ReminderFields
        }
      }
    }
  }
`);
