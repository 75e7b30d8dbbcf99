import { useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsActiveOutlined from '@mui/icons-material/NotificationsActiveOutlined';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { useTranslation } from 'react-i18next';
import type { ReminderFieldsFragment } from '../../graphql/graphql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { objectRefPath } from '../../lib/entity-paths';
import { formatDateTime } from '../../lib/format';
import { NotificationList } from './NotificationList';
import { useNotifications } from './NotificationsProvider';
import { useReminders } from './RemindersProvider';
import { SnoozeMenu } from './SnoozeMenu';

/** The object a reminder is about, as a link to its card when the viewer may open it. */
export function ReminderSubject({ reminder, onNavigate }: { reminder: ReminderFieldsFragment; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const subject = reminder.subject;
  if (!subject) return null;
  const path = objectRefPath(subject);
  const title = subject.title ?? t('event.hiddenObject');
  return path && subject.title ? (
    <Link component={RouterLink} to={path} onClick={onNavigate} data-testid="reminder-subject" sx={{ wordBreak: 'break-word' }}>
      {t(`objectType.${subject.type}`)}: {title}
    </Link>
  ) : (
    <span>
      {t(`objectType.${subject.type}`)}: {title}
    </span>
  );
}

/**
 * The bell in the app bar: unread notifications (a critical request, an escalation) plus due reminders, and the
 * notification centre with both — notifications to open, reminders to snooze or dismiss.
 */
export function ReminderBell() {
  const { t } = useTranslation();
  const { due, dueCount, centerOpen, setCenterOpen, snooze, dismiss, actionError } = useReminders();
  const { unreadCount } = useNotifications();
  const anchor = useRef<HTMLButtonElement>(null);
  const close = () => setCenterOpen(false);
  const total = dueCount + unreadCount;

  return (
    <>
      <Tooltip title={t('notifications.centerTitle')}>
        <IconButton
          ref={anchor}
          color="inherit"
          onClick={() => setCenterOpen(!centerOpen)}
          aria-label={t('notifications.bellLabel', { count: total, reminders: dueCount, notifications: unreadCount })}
          aria-haspopup="dialog"
          data-testid="reminder-bell"
        >
          <Box sx={{ position: 'relative', display: 'inline-flex' }}>
            {total > 0 ? <NotificationsActiveOutlined /> : <NotificationsOutlined />}
            {/* Always in the DOM with the real number (0 included), hidden when there is nothing due. */}
            <Box
              component="span"
              data-testid="reminder-count"
              aria-hidden
              sx={{
                display: total > 0 ? 'flex' : 'none',
                position: 'absolute',
                top: -6,
                right: -8,
                minWidth: 18,
                height: 18,
                px: 0.5,
                borderRadius: 9,
                bgcolor: 'error.main',
                color: 'error.contrastText',
                fontSize: 11,
                fontWeight: 600,
                lineHeight: 1,
                alignItems: 'center',
                justifyContent: 'center',
              }}
            >
              {total}
            </Box>
          </Box>
        </IconButton>
      </Tooltip>
      <Popover
        open={centerOpen}
        anchorEl={anchor.current}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { sx: { width: 380, maxWidth: 'calc(100vw - 16px)', maxHeight: '70vh' }, 'data-testid': 'reminder-center' } as object }}
      >
        <NotificationList onNavigate={close} />
        <Divider />
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1.5 }}>
          <Typography variant="subtitle2" component="h3" color="text.secondary">
            {t('reminders.title')}
          </Typography>
          <Button size="small" component={RouterLink} to="/tasks" onClick={close}>
            {t('reminders.allTasks')}
          </Button>
        </Stack>
        <Divider />
        <Box sx={{ px: 2, pt: actionError ? 1.5 : 0 }}>
          <ErrorAlert error={actionError ?? undefined} />
        </Box>
        {due.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
            {t('reminders.empty')}
          </Typography>
        ) : (
          <List disablePadding>
            {due.map((r) => (
              <ListItem key={r.id} divider sx={{ display: 'block', py: 1.25 }} data-testid="reminder-item">
                <Typography sx={{ wordBreak: 'break-word', fontWeight: 500 }}>{r.text}</Typography>
                <Typography variant="body2" color="text.secondary" component="div">
                  <ReminderSubject reminder={r} onNavigate={close} />
                </Typography>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 0.5 }}>
                  <Typography variant="caption" color="text.secondary">
                    {formatDateTime(r.firedAt ?? r.remindAt)}
                  </Typography>
                  <Stack direction="row" spacing={0.5}>
                    <SnoozeMenu testId="reminder-snooze" color="primary" onSnooze={(m) => void snooze(r.id, m).catch(() => undefined)} />
                    <Button size="small" onClick={() => void dismiss(r.id).catch(() => undefined)} data-testid="reminder-dismiss">
                      {t('reminders.dismiss')}
                    </Button>
                  </Stack>
                </Stack>
              </ListItem>
            ))}
          </List>
        )}
      </Popover>
    </>
  );
}
