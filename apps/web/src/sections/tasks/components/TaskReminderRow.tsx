import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsActiveOutlined from '@mui/icons-material/NotificationsActiveOutlined';
import NotificationsOffOutlined from '@mui/icons-material/NotificationsOffOutlined';
import OpenInNewOutlined from '@mui/icons-material/OpenInNewOutlined';
import { useTranslation } from 'react-i18next';
import type { ReminderFieldsFragment } from '../../../graphql/graphql';
import { ReminderSubject } from '../../../app/reminders/ReminderBell';
import { useReminders } from '../../../app/reminders/RemindersProvider';
import { SnoozeMenu } from '../../../app/reminders/SnoozeMenu';
import { objectRefPath } from '../../../lib/entity-paths';
import { formatDateTime } from '../../../lib/format';

/** A due reminder on the Tasks tab, with snooze and dismiss (test ids `task-snooze` / `task-dismiss`). */
export function TaskReminderRow({ reminder: r }: { reminder: ReminderFieldsFragment }) {
  const { t } = useTranslation();
  const { snooze, dismiss } = useReminders();
  const path = r.subject?.title ? objectRefPath(r.subject) : null;
  return (
    <ListItem divider data-testid="task-row" data-reminder-id={r.id} sx={{ gap: { xs: 1, sm: 2 }, py: 1, flexWrap: { xs: 'wrap', sm: 'nowrap' } }}>
      <Typography variant="body2" sx={{ width: { xs: 'auto', sm: 130 }, flexShrink: 0, fontVariantNumeric: 'tabular-nums', fontWeight: 500 }} data-testid="task-time">
        {formatDateTime(r.firedAt ?? r.remindAt)}
      </Typography>
      <NotificationsActiveOutlined fontSize="small" color="warning" titleAccess={t('reminders.reminder')} />
      <Box sx={{ flex: 1, minWidth: { xs: 'calc(100% - 150px)', sm: 0 } }}>
        <Typography sx={{ fontWeight: 500, wordBreak: 'break-word' }} data-testid="task-subject">
          {r.text}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="div" noWrap>
          <ReminderSubject reminder={r} />
        </Typography>
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ flexShrink: 0, ml: { xs: 'auto', sm: 0 } }}>
        <SnoozeMenu compact testId="task-snooze" onSnooze={(m) => void snooze(r.id, m).catch(() => undefined)} />
        <Tooltip title={t('reminders.dismiss')}>
          <IconButton size="small" onClick={() => void dismiss(r.id).catch(() => undefined)} aria-label={t('reminders.dismiss')} data-testid="task-dismiss">
            <NotificationsOffOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        {path && (
          <Tooltip title={t('tasks.open')}>
            <IconButton size="small" component={RouterLink} to={path} aria-label={t('tasks.open')} data-testid="task-open">
              <OpenInNewOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
    </ListItem>
  );
}
