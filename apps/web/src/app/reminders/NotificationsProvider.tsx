import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { NotificationFieldsFragment } from '../../graphql/graphql';
import { objectRefPath } from '../../lib/entity-paths';
import { refreshActive } from '../../lib/live-refresh';
import { NOTIFICATION_DEPENDENT_QUERIES } from '../live/request-queries';
import { onSocketReconnected } from '../apollo';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationsReadMutation,
  NotificationReceivedSubscription,
  NotificationsQuery,
} from './notifications.graphql';

interface NotificationsValue {
  /** My latest notifications, newest first (read ones included). */
  items: readonly NotificationFieldsFragment[];
  unreadCount: number;
  /** Notifications pushed while the app is open and not yet looked at: the pop-up shows the newest. */
  toasts: readonly NotificationFieldsFragment[];
  hideToast: (id: string) => void;
  /** Opens the object a notification is about (when the viewer may) and marks it read. */
  open: (n: NotificationFieldsFragment) => void;
  markRead: (ids: string[]) => Promise<void>;
  markAllRead: () => Promise<void>;
  /** The last failed mark-read, for the centre to show. */
  actionError: unknown;
}

const NotificationsContext = createContext<NotificationsValue | null>(null);

export function useNotifications(): NotificationsValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error('useNotifications outside NotificationsProvider');
  return value;
}

const CHANNEL = 'crm-notifications';

/**
 * The notification centre's data: my notifications and the unread count, pushes from `notificationReceived`
 * (critical requests, escalations, later process tasks) that pop up and refresh what they concern on screen,
 * and marking read. Another tab marking something read tells this one through a BroadcastChannel.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const { data, refetch } = useQuery(NotificationsQuery, { fetchPolicy: 'cache-and-network' });
  const [toasts, setToasts] = useState<NotificationFieldsFragment[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [markMutation] = useMutation(MarkNotificationsReadMutation);
  const [markAllMutation] = useMutation(MarkAllNotificationsReadMutation);
  const channel = useRef<BroadcastChannel | null>(null);

  const reread = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);

  useSubscription(NotificationReceivedSubscription, {
    onData: ({ data: result }) => {
      const n = result.data?.notificationReceived;
      if (!n) return;
      setToasts((list) => [n, ...list.filter((x) => x.id !== n.id)].slice(0, 20));
      reread();
      // What the notification is about changed: the Requests tab, its badge and an open card read it again.
      void refreshActive(client, NOTIFICATION_DEPENDENT_QUERIES);
    },
  });

  useEffect(() => onSocketReconnected(reread), [reread]);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const bc = new BroadcastChannel(CHANNEL);
    bc.onmessage = (message: MessageEvent<{ read?: string[] | 'all' }>) => {
      const read = message.data?.read;
      if (!read) return;
      setToasts((list) => (read === 'all' ? [] : list.filter((x) => !read.includes(x.id))));
      reread();
    };
    channel.current = bc;
    return () => {
      bc.close();
      channel.current = null;
    };
  }, [reread]);

  const hideToast = useCallback((id: string) => setToasts((list) => list.filter((x) => x.id !== id)), []);

  const markRead = useCallback(
    async (ids: string[]) => {
      if (!ids.length) return;
      setActionError(null);
      try {
        await markMutation({ variables: { ids } });
        setToasts((list) => list.filter((x) => !ids.includes(x.id)));
        channel.current?.postMessage({ read: ids });
        reread();
      } catch (error) {
        setActionError(error);
        throw error;
      }
    },
    [markMutation, reread],
  );

  const markAllRead = useCallback(async () => {
    setActionError(null);
    try {
      await markAllMutation();
      setToasts([]);
      channel.current?.postMessage({ read: 'all' });
      reread();
    } catch (error) {
      setActionError(error);
      throw error;
    }
  }, [markAllMutation, reread]);

  const items = useMemo(() => (data?.notifications.edges ?? []).map((e) => e.node), [data]);

  const open = useCallback(
    (n: NotificationFieldsFragment) => {
      const path = objectRefPath(n.object);
      // Opening the object answers every unread notification about it (critical, then "confirm the closure").
      const same = (x: NotificationFieldsFragment) => x.id === n.id || (!!n.object && x.object?.type === n.object.type && x.object.id === n.object.id);
      const unread = [...new Set([n, ...items, ...toasts].filter((x) => !x.read && same(x)).map((x) => x.id))];
      if (unread.length) void markRead(unread).catch(() => undefined);
      else hideToast(n.id);
      if (path) void navigate(path);
    },
    [items, toasts, markRead, hideToast, navigate],
  );

  const value = useMemo<NotificationsValue>(
    () => ({
      items,
      unreadCount: data?.unreadNotificationCount ?? 0,
      // A pushed notification read meanwhile (here, in another tab) no longer pops up.
      toasts: toasts.filter((x) => !items.some((i) => i.id === x.id && i.read)),
      hideToast,
      open,
      markRead,
      markAllRead,
      actionError,
    }),
    [items, data, toasts, hideToast, open, markRead, markAllRead, actionError],
  );

  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}
