import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import type { ReminderFieldsFragment } from '../../graphql/graphql';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/format';
import { ReminderSubject } from './ReminderBell';
import { NotificationPopup } from './NotificationPopup';
import { useNotifications } from './NotificationsProvider';
import { useReminders } from './RemindersProvider';
import { SnoozeMenu } from './SnoozeMenu';

const AWAY_SUMMARY_MS = 15_000;

/**
 * The pop-up in the corner (`reminder-popup`, one at a time): the reminder that just came due (the rest counted),
 * staying until the user snoozes, dismisses or closes it; or, once per visit, a summary of what came due while they
 * were away (a live reminder replaces it; it closes by itself after a while). Above it, a notification that just
 * arrived (`notification-popup`). Hidden while the notification centre is open, which shows the same.
 */
export function ReminderPopups() {
  const { t } = useTranslation();
  const { popups, awayCount, closeAway, centerOpen, setCenterOpen } = useReminders();
  const { toasts } = useNotifications();
  const current = popups[0];
  const shown = !centerOpen && Boolean(current || awayCount > 0 || toasts.length > 0);
  const region = useRef<HTMLDivElement>(null);

  // The page gets room below its content as tall as the pop-up, so nothing (a form's Save button at the very
  // bottom) is stuck underneath it: it can always be scrolled above.
  useEffect(() => {
    const el = region.current;
    const root = document.documentElement;
    if (!shown || !el) {
      root.style.removeProperty('--reminder-popup-space');
      return;
    }
    const update = () => root.style.setProperty('--reminder-popup-space', `${Math.ceil(el.getBoundingClientRect().height) + 16}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--reminder-popup-space');
    };
  }, [shown, current?.id, awayCount, toasts[0]?.id]);

  // The summary is for information (the bell keeps the count): it goes away by itself; a live reminder stays.
  useEffect(() => {
    if (awayCount === 0 || current) return;
    const timer = window.setTimeout(closeAway, AWAY_SUMMARY_MS);
    return () => window.clearTimeout(timer);
  }, [awayCount, current, closeAway]);

  if (!shown) return null;

  return (
    <Stack
      ref={region}
      spacing={1}
      role="region"
      aria-label={t('notifications.centerTitle')}
      sx={{
        position: 'fixed',
        // Under dialogs (their buttons stay reachable), above the page and the side drawer.
        zIndex: (theme) => theme.zIndex.modal - 1,
        bottom: { xs: 8, sm: 24 },
        right: { xs: 8, sm: 24 },
        left: { xs: 8, sm: 'auto' },
        width: { sm: 400 },
      }}
    >
      <NotificationPopup />
      {awayCount > 0 && !current && (
        <Alert
          severity="info"
          variant="filled"
          role="status"
          data-testid="reminder-popup"
          data-kind="away-summary"
          action={
            <>
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  closeAway();
                  setCenterOpen(true);
                }}
                data-testid="reminder-away-open"
              >
                {t('reminders.show')}
              </Button>
              <IconButton color="inherit" size="small" aria-label={t('common.close')} onClick={closeAway}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </>
          }
        >
          {t('reminders.whileAway', { count: awayCount })}
        </Alert>
      )}
      {current && <ReminderPopup key={current.id} reminder={current} more={popups.length - 1} />}
    </Stack>
  );
}

function ReminderPopup({ reminder, more }: { reminder: ReminderFieldsFragment; more: number }) {
  const { t } = useTranslation();
  const { hidePopup, snooze, dismiss } = useReminders();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Alert
      severity="warning"
      variant="filled"
      icon={false}
      role="alertdialog"
      aria-label={reminder.text}
      data-testid="reminder-popup"
      sx={{ boxShadow: 6, '& .MuiAlert-message': { width: '100%' } }}
    >
      <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <AlertTitle sx={{ wordBreak: 'break-word' }} data-testid="reminder-popup-text">
            {reminder.text}
          </AlertTitle>
          <Typography variant="body2" component="div" sx={{ '& a': { color: 'inherit', textDecorationColor: 'inherit' } }}>
            <ReminderSubject reminder={reminder} onNavigate={() => hidePopup(reminder.id)} />
          </Typography>
          <Typography variant="caption" component="div" sx={{ opacity: 0.85 }}>
            {formatDateTime(reminder.remindAt)}
            {more > 0 ? ` · ${t('reminders.more', { count: more })}` : ''}
          </Typography>
        </Box>
        <IconButton
          color="inherit"
          size="small"
          aria-label={t('reminders.hide')}
          title={t('reminders.hide')}
          onClick={() => hidePopup(reminder.id)}
          data-testid="reminder-popup-close"
          sx={{ mt: -0.5, mr: -1 }}
        >
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
      {Boolean(error) && (
        <Box sx={{ mt: 1 }}>
          <ErrorAlert error={error} />
        </Box>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1, justifyContent: 'flex-end' }}>
        <SnoozeMenu testId="reminder-snooze" disabled={busy} onSnooze={(m) => void act(() => snooze(reminder.id, m))} />
        <Button
          size="small"
          color="inherit"
          variant="outlined"
          disabled={busy}
          onClick={() => void act(() => dismiss(reminder.id))}
          data-testid="reminder-dismiss"
        >
          {t('reminders.dismiss')}
        </Button>
      </Stack>
    </Alert>
  );
}
