import { useEffect, useRef } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { EVENT_DEPENDENT_QUERIES, REMINDER_DEPENDENT_QUERIES, refreshActive } from '../../lib/live-refresh';
import { onSocketReconnected } from '../apollo';
import { EventChangedSubscription } from '../reminders/reminders.graphql';
import { REQUEST_DEPENDENT_QUERIES } from './request-queries';

/** A request card lists the events based on it (a call-back, the supervisor's control task). */
const ON_EVENT_CHANGE = [...EVENT_DEPENDENT_QUERIES, 'ClientRequestEvents'];
const ALL_LIVE = [...new Set([...EVENT_DEPENDENT_QUERIES, ...REMINDER_DEPENDENT_QUERIES, ...REQUEST_DEPENDENT_QUERIES])];

/**
 * Pushes instead of polling: `eventChanged` (an event I am responsible for was created or changed, by anyone)
 * refreshes the lists on screen that depend on events; the changed event itself updates its card through the
 * cache. A burst of changes (a colleague rescheduling several) is folded into one refresh. After the socket
 * reconnects, everything live is read again, since pushes sent while it was down are lost.
 */
export function LiveUpdates() {
  const client = useApolloClient();
  const timer = useRef<number | undefined>(undefined);

  const refreshSoon = (names: readonly string[]) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void refreshActive(client, names), 250);
  };

  useSubscription(EventChangedSubscription, {
    onData: () => refreshSoon(ON_EVENT_CHANGE),
  });

  useEffect(() => onSocketReconnected(() => void refreshActive(client, ALL_LIVE)), [client]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return null;
}
