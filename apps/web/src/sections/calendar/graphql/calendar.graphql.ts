import { graphql } from '../../../graphql';

/** Everything in one user's work calendar for the visible range (62 days at most). */
export const CalendarItemsQuery = graphql(`
  query CalendarItems($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {
    calendar(from: $from, to: $to, userId: $userId) {
      __typename
      start
      end
      title
      ... on CalendarEvent {
        event {
          ...EventListItem
        }
      }
      ... on CalendarReminder {
        reminder {
          ...ReminderFields
        }
      }
    }
  }
`);
