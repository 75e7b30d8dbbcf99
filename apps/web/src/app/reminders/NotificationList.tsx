import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DoneOutlined from '@mui/icons-material/DoneOutlined';
import { useTranslation } from 'react-i18next';
import type { NotificationFieldsFragment } from '../../graphql/graphql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { NotificationKindIcon } from './notification-meta';
import { useNotifications } from './NotificationsProvider';

/**
 * The notifications part of the notification centre: newest first, unread ones marked; a click opens what the
 * notification is about and marks it read.
 */
export function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { items, unreadCount, open, markRead, markAllRead, actionError } = useNotifications();
  return (
    <Box component="section" aria-label={t('notifications.title')} data-testid="notification-center">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, pt: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle2" component="h3" color="text.secondary">
          {t('notifications.title')}
          {unreadCount > 0 && (
            <Box component="span" data-testid="notification-count" sx={{ ml: 0.75, color: 'error.main', fontWeight: 600 }}>
              {unreadCount}
            </Box>
          )}
        </Typography>
        {unreadCount > 0 && (
          <Button size="small" onClick={() => void markAllRead().catch(() => undefined)} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Stack>
      <Box sx={{ px: 2 }}>
        <ErrorAlert error={actionError ?? undefined} />
      </Box>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
          {t('notifications.empty')}
        </Typography>
      ) : (
        <List disablePadding dense>
          {items.map((n) => (
            <NotificationRow
              key={n.id}
              n={n}
              onOpen={() => {
                onNavigate();
                open(n);
              }}
              onRead={() => void markRead([n.id]).catch(() => undefined)}
            />
          ))}
        </List>
      )}
    </Box>
  );
}

function NotificationRow({ n, onOpen, onRead }: { n: NotificationFieldsFragment; onOpen: () => void; onRead: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" sx={{ alignItems: 'stretch', borderBottom: 1, borderColor: 'divider' }}>
      <ListItemButton
        onClick={onOpen}
        data-testid="notification-item"
        data-read={n.read ? 'true' : 'false'}
        data-kind={n.kind}
        sx={{ alignItems: 'flex-start', gap: 1.25, py: 1, opacity: n.read ? 0.7 : 1 }}
      >
        <Box sx={{ pt: 0.25 }}>
          <NotificationKindIcon kind={n.kind} fontSize="small" />
        </Box>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: n.read ? 400 : 600, wordBreak: 'break-word' }} data-testid="notification-title">
            {n.title}
          </Typography>
          {n.body && (
            <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word', whiteSpace: 'pre-line' }}>
              {n.body}
            </Typography>
          )}
          <Typography variant="caption" color="text.secondary">
            {t(`notificationKind.${n.kind}`)} · {formatDateTime(n.createdAt)}
          </Typography>
        </Box>
      </ListItemButton>
      {!n.read && (
        <Tooltip title={t('notifications.markRead')}>
          <IconButton size="small" onClick={onRead} aria-label={t('notifications.markRead')} data-testid="notification-read" sx={{ alignSelf: 'center', mx: 0.5 }}>
            <DoneOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </Stack>
  );
}
