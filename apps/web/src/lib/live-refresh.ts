import type { ApolloClient } from '@apollo/client';

/**
 * Lists whose membership depends on events and reminders (what is overdue, due today, due to remind). A changed
 * event updates its own card through the normalised cache, but these lists must be asked again.
 */
export const EVENT_DEPENDENT_QUERIES = ['TaskCounts', 'TasksPage', 'DueReminders', 'CalendarItems', 'Events'] as const;

/** After my own change: also the cards that show "next planned event" / "last contact" and interactions. */
export const AFTER_MY_EVENT_CHANGE = [
  ...EVENT_DEPENDENT_QUERIES,
  'Counterparty',
  'ContactPerson',
  'CounterpartyInteractions',
  'ContactPersonInteractions',
] as const;

export const REMINDER_DEPENDENT_QUERIES = ['TaskCounts', 'TasksPage', 'DueReminders', 'CalendarItems'] as const;

/**
 * Refetches those of the named queries that are on screen now; queries not mounted are left alone (they read
 * fresh data when next shown, as every list uses cache-and-network).
 */
export function refreshActive(client: ApolloClient, names: readonly string[]): Promise<unknown> {
  const wanted = new Set(names);
  return client
    .refetchQueries({
      include: 'active',
      onQueryUpdated: (query) => wanted.has(query.queryName ?? ''),
    })
    .catch(() => undefined); // each query shows its own error
}
