import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { ReminderFieldsFragment } from '../../graphql/graphql';
import { REMINDER_DEPENDENT_QUERIES, refreshActive } from '../../lib/live-refresh';
import { NotificationsProvider } from './NotificationsProvider';
import { DismissReminderMutation, DueRemindersQuery, ReminderDueSubscription, SnoozeReminderMutation } from './reminders.graphql';

/** Snooze choices, as in 1C: from 5 minutes to a week. */
export const SNOOZE_MINUTES = [5, 15, 60, 1440, 10080] as const;

interface RemindersValue {
  /** My DUE reminders, oldest first. */
  due: readonly ReminderFieldsFragment[];
  dueCount: number;
  /** Reminders pushed while the app is open, waiting for a decision in the pop-up; the first is shown. */
  popups: readonly ReminderFieldsFragment[];
  /** How many were already due when the app opened (the "while you were away" summary); 0 once closed. */
  awayCount: number;
  closeAway: () => void;
  /** Hides a pop-up without deciding: the reminder stays due in the bell. */
  hidePopup: (id: string) => void;
  snooze: (id: string, minutes: number) => Promise<void>;
  dismiss: (id: string) => Promise<void>;
  centerOpen: boolean;
  setCenterOpen: (open: boolean) => void;
  /** The last failed snooze/dismiss, for the pop-up or centre to show. */
  actionError: unknown;
}

const RemindersContext = createContext<RemindersValue | null>(null);

export function useReminders(): RemindersValue {
  const value = useContext(RemindersContext);
  if (!value) throw new Error('useReminders outside RemindersProvider');
  return value;
}

const CHANNEL = 'crm-reminders';

/**
 * Reminders for the signed-in user: the list of due ones, pushes from `reminderDue` (to every open tab of the
 * user), and snooze/dismiss. Another tab acting on a reminder tells this one through a BroadcastChannel, so a
 * pop-up dismissed in one tab does not linger in the others.
 */
export function RemindersProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const { data } = useQuery(DueRemindersQuery, { fetchPolicy: 'cache-and-network' });
  const [popups, setPopups] = useState<ReminderFieldsFragment[]>([]);
  const [awayCount, setAwayCount] = useState(0);
  const [centerOpen, setCenterOpen] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [snoozeMutation] = useMutation(SnoozeReminderMutation);
  const [dismissMutation] = useMutation(DismissReminderMutation);
  const channel = useRef<BroadcastChannel | null>(null);

  // A snoozed or dismissed reminder changes state in the cache at once; the list query catches up on refetch.
  const due = useMemo(
    () => (data?.reminders.edges ?? []).map((e) => e.node).filter((r) => r.state === 'DUE'),
    [data],
  );

  // The first answer tells what came due while the user was away: one summary pop-up, not one per reminder.
  const summarised = useRef(false);
  useEffect(() => {
    if (summarised.current || !data) return;
    summarised.current = true;
    if (due.length > 0) setAwayCount(due.length);
  }, [data, due.length]);

  const closeAway = useCallback(() => setAwayCount(0), []);
  const forget = useCallback((id: string) => setPopups((list) => list.filter((r) => r.id !== id)), []);

  useSubscription(ReminderDueSubscription, {
    onData: ({ data: result }) => {
      const reminder = result.data?.reminderDue;
      if (!reminder) return;
      setPopups((list) => [...list.filter((r) => r.id !== reminder.id), reminder]);
      setAwayCount(0); // what is happening now matters more than the summary of what happened before
      summarised.current = true;
      void refreshActive(client, REMINDER_DEPENDENT_QUERIES);
    },
  });

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(CHANNEL);
    bc.onmessage = (message: MessageEvent<{ handled?: string }>) => {
      if (typeof message.data?.handled !== 'string') return;
      forget(message.data.handled);
      void refreshActive(client, REMINDER_DEPENDENT_QUERIES);
    };
    channel.current = bc;
    return () => {
      bc.close();
      channel.current = null;
    };
  }, [client, forget]);

  const handled = useCallback(
    (id: string) => {
      forget(id);
      channel.current?.postMessage({ handled: id });
      void refreshActive(client, REMINDER_DEPENDENT_QUERIES);
    },
    [client, forget],
  );

  const snooze = useCallback(
    async (id: string, minutes: number) => {
      setActionError(null);
      try {
        await snoozeMutation({ variables: { id, minutes } });
        handled(id);
      } catch (error) {
        setActionError(error);
        throw error;
      }
    },
    [snoozeMutation, handled],
  );

  const dismiss = useCallback(
    async (id: string) => {
      setActionError(null);
      try {
        await dismissMutation({ variables: { id } });
        handled(id);
      } catch (error) {
        setActionError(error);
        throw error;
      }
    },
    [dismissMutation, handled],
  );

  const value = useMemo<RemindersValue>(
    () => ({
      due,
      dueCount: due.length,
      // A pop-up for a reminder already decided elsewhere (another tab, the Tasks tab) is dropped.
      popups: popups.filter((p) => !data || due.some((d) => d.id === p.id) || !data.reminders.edges.some((e) => e.node.id === p.id)),
      awayCount,
      closeAway,
      hidePopup: forget,
      snooze,
      dismiss,
      centerOpen,
      setCenterOpen,
      actionError,
    }),
    [due, popups, data, awayCount, closeAway, forget, snooze, dismiss, centerOpen, actionError],
  );

  // Notifications (critical requests, escalations) share the bell and the centre with the reminders.
  return (
    <RemindersContext.Provider value={value}>
      <NotificationsProvider>{children}</NotificationsProvider>
    </RemindersContext.Provider>
  );
}
