import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import { objectRefPath } from '../../lib/entity-paths';
import { notificationSeverity } from './notification-meta';
import { useNotifications } from './NotificationsProvider';

/**
 * A notification that just arrived (`notification-popup`), in the same corner as the reminder pop-ups: it stays
 * until opened, marked read or hidden (hiding keeps it unread in the bell). Several arrivals show the newest and
 * count the rest.
 */
export function NotificationPopup() {
  const { t } = useTranslation();
  const { toasts, hideToast, open, markRead } = useNotifications();
  const current = toasts[0];
  if (!current) return null;
  const more = toasts.length - 1;
  const canOpen = Boolean(objectRefPath(current.object) && current.object?.title);
  return (
    <Alert
      key={current.id}
      severity={notificationSeverity(current.kind)}
      variant="filled"
      role="alert"
      data-testid="notification-popup"
      data-kind={current.kind}
      sx={{ boxShadow: 6, '& .MuiAlert-message': { width: '100%', minWidth: 0 } }}
      action={
        <IconButton
          color="inherit"
          size="small"
          aria-label={t('notifications.hide')}
          title={t('notifications.hide')}
          onClick={() => hideToast(current.id)}
          data-testid="notification-popup-close"
        >
          <CloseIcon fontSize="small" />
        </IconButton>
      }
    >
      <AlertTitle sx={{ wordBreak: 'break-word' }}>{current.title}</AlertTitle>
      {current.body && (
        <Typography variant="body2" sx={{ wordBreak: 'break-word', whiteSpace: 'pre-line' }}>
          {current.body}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', justifyContent: 'flex-end' }}>
        {more > 0 && (
          <Typography variant="caption" sx={{ mr: 'auto', opacity: 0.85 }}>
            {t('reminders.more', { count: more })}
          </Typography>
        )}
        <Button size="small" color="inherit" onClick={() => void markRead([current.id]).catch(() => undefined)} data-testid="notification-popup-read">
          {t('notifications.markRead')}
        </Button>
        {canOpen && (
          <Button size="small" color="inherit" variant="outlined" onClick={() => open(current)} data-testid="notification-popup-open">
            {t('notifications.open')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
