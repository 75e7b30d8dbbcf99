import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DoneOutlined from '@mui/icons-material/DoneOutlined';
import OpenInNewOutlined from '@mui/icons-material/OpenInNewOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import { useTranslation } from 'react-i18next';
import type { EventListItemFragment } from '../../../graphql/graphql';
import { formatDateTime, formatTime } from '../../../lib/format';
import { DirectionIcon, EventKindIcon, ImportanceChip } from '../../events/components/event-meta';

interface Props {
  event: EventListItemFragment;
  /** Overdue rows show the date too (it may be days ago) and read red. */
  overdue?: boolean;
  compact: boolean;
  onComplete: () => void;
  onReschedule: () => void;
}

/** One planned event on the Tasks tab: when, what, with whom, and the actions a manager takes right there. */
export function TaskEventRow({ event: e, overdue, compact, onComplete, onReschedule }: Props) {
  const { t } = useTranslation();
  const when = overdue ? formatDateTime(e.start) : `${formatTime(e.start)}${e.end ? `–${formatTime(e.end)}` : ''}`;
  const party = [e.counterparty?.name, e.contactPerson?.fullName].filter(Boolean).join(' · ');
  const path = `/events/${e.id}`;

  return (
    <ListItem
      divider
      data-testid="task-row"
      data-event-id={e.id}
      sx={{ gap: { xs: 1, sm: 2 }, alignItems: 'center', py: 1, flexWrap: { xs: 'wrap', sm: 'nowrap' } }}
    >
      <Typography
        variant="body2"
        sx={{ width: { xs: 'auto', sm: 130 }, flexShrink: 0, fontVariantNumeric: 'tabular-nums', color: overdue ? 'error.main' : 'text.primary', fontWeight: 500 }}
        data-testid="task-time"
      >
        {when}
      </Typography>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexShrink: 0 }}>
        <EventKindIcon kind={e.kind} fontSize="small" color={overdue ? 'error' : 'action'} />
        <DirectionIcon direction={e.direction} fontSize="small" />
      </Stack>
      <Box sx={{ flex: 1, minWidth: { xs: 'calc(100% - 150px)', sm: 0 } }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Link component={RouterLink} to={path} underline="hover" color={overdue ? 'error' : 'primary'} sx={{ fontWeight: 500, wordBreak: 'break-word' }} data-testid="task-subject">
            {e.subject}
          </Link>
          <ImportanceChip importance={e.importance} />
        </Stack>
        {party && (
          <Typography variant="body2" color="text.secondary" noWrap>
            {party}
          </Typography>
        )}
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ flexShrink: 0, ml: { xs: 'auto', sm: 0 } }}>
        {e.viewerCan.complete &&
          (compact ? (
            <Tooltip title={t('event.completeAction')}>
              <IconButton color="success" onClick={onComplete} aria-label={t('event.completeAction')} data-testid="task-complete">
                <DoneOutlined />
              </IconButton>
            </Tooltip>
          ) : (
            <Button size="small" color="success" startIcon={<DoneOutlined />} onClick={onComplete} data-testid="task-complete">
              {t('event.completeAction')}
            </Button>
          ))}
        {e.viewerCan.reschedule &&
          (compact ? (
            <Tooltip title={t('event.reschedule')}>
              <IconButton onClick={onReschedule} aria-label={t('event.reschedule')} data-testid="task-reschedule">
                <ScheduleOutlined />
              </IconButton>
            </Tooltip>
          ) : (
            <Button size="small" startIcon={<ScheduleOutlined />} onClick={onReschedule} data-testid="task-reschedule">
              {t('event.reschedule')}
            </Button>
          ))}
        <Tooltip title={t('tasks.open')}>
          <IconButton component={RouterLink} to={path} aria-label={t('tasks.open')} data-testid="task-open">
            <OpenInNewOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
    </ListItem>
  );
}
