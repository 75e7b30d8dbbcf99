import { useEffect, useRef } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { EVENT_DEPENDENT_QUERIES, REMINDER_DEPENDENT_QUERIES, refreshActive } from '../../lib/live-refresh';
import { onSocketReconnected } from '../apollo';
import { EventChangedSubscription } from '../reminders/reminders.graphql';
import { REQUEST_DEPENDENT_QUERIES } from './request-queries';
import { ClientInterestChangedSubscription } from '../../sections/client-interests/graphql/interest.graphql';

/** A request card lists the events based on it (a call-back, the supervisor's control task). */
const ON_EVENT_CHANGE = [...EVENT_DEPENDENT_QUERIES, 'ClientRequestEvents'];
/** What shows client interests: the board, the lists, the card and its history, the counterparty's tab, the Sales tab. */
const INTEREST_DEPENDENT_QUERIES = [
  'ClientInterestBoard',
  'ClientInterests',
  'StalledClientInterests',
  'ClientInterest',
  'ClientInterestStageHistory',
  'ClientInterestHistory',
  'CounterpartyInterests',
  'SalesDesk',
];
const ALL_LIVE = [...new Set([...EVENT_DEPENDENT_QUERIES, ...REMINDER_DEPENDENT_QUERIES, ...REQUEST_DEPENDENT_QUERIES, ...INTEREST_DEPENDENT_QUERIES])];

/**
 * Pushes instead of polling: `eventChanged` (an event I am responsible for was created or changed, by anyone)
 * refreshes the lists on screen that depend on events; the changed event itself updates its card through the
 * cache. A burst of changes (a colleague rescheduling several) is folded into one refresh. After the socket
 * reconnects, everything live is read again, since pushes sent while it was down are lost. `clientInterestChanged`
 * (an interest of mine or my team's was moved or changed by a colleague) refreshes the board and lists on screen.
 */
export function LiveUpdates() {
  const client = useApolloClient();
  const timer = useRef<number | undefined>(undefined);
  const due = useRef(new Set<string>());

  // Pushes of different kinds within the window are folded together: each kind's queries are read once.
  const refreshSoon = (names: readonly string[]) => {
    for (const n of names) due.current.add(n);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const wanted = [...due.current];
      due.current.clear();
      void refreshActive(client, wanted);
    }, 250);
  };

  useSubscription(EventChangedSubscription, {
    onData: () => refreshSoon(ON_EVENT_CHANGE),
  });

  useSubscription(ClientInterestChangedSubscription, {
    onData: () => refreshSoon(INTEREST_DEPENDENT_QUERIES),
  });

  useEffect(() => onSocketReconnected(() => void refreshActive(client, ALL_LIVE)), [client]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return null;
}
