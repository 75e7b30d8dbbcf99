import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery, useSubscription } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import OpenInNewOutlined from '@mui/icons-material/OpenInNewOutlined';
import { useTranslation } from 'react-i18next';
import type { ProcessTaskListItemFragment } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { objectRefPath } from '../../../lib/entity-paths';
import { formatDateTime } from '../../../lib/format';
import { MyProcessTasksQuery, TaskAssignedSubscription, TaskUpdatedSubscription } from '../../processes/graphql/processes.graphql';
import { TaskStateChip, pointLabel, templateLabel } from '../../processes/lib/process-meta';

const PAGE = 50;

/** One process task: deadline (red when overdue), what to do, on what, in which process and at which point. */
export function ProcessTaskRow({ task }: { task: ProcessTaskListItemFragment }) {
  const { t } = useTranslation();
  const path = `/process-tasks/${task.id}`;
  const subjectPath = objectRefPath(task.subject);
  return (
    <ListItem divider data-testid="process-task-row" data-task-id={task.id} data-overdue={task.overdue ? 'true' : 'false'} sx={{ gap: { xs: 1, sm: 2 }, py: 1, flexWrap: { xs: 'wrap', sm: 'nowrap' } }}>
      <Typography
        variant="body2"
        sx={{ width: { xs: 'auto', sm: 130 }, flexShrink: 0, fontVariantNumeric: 'tabular-nums', color: task.overdue ? 'error.main' : 'text.primary', fontWeight: 500 }}
        data-testid="process-task-deadline"
      >
        {task.deadline ? formatDateTime(task.deadline) : t('processes.noDeadline')}
      </Typography>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Link component={RouterLink} to={path} underline="hover" color={task.overdue ? 'error' : 'primary'} sx={{ fontWeight: 500, wordBreak: 'break-word' }} data-testid="process-task-title">
          {task.title}
        </Link>
        <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
          {task.process && templateLabel(t, task.process.templateCode, task.process.name)}
          {' · '}
          {pointLabel(t, task.pointId, task.title)}
          {task.subject && (
            <>
              {' · '}
              {subjectPath ? (
                <Link component={RouterLink} to={subjectPath} underline="hover" color="inherit" data-testid="process-task-subject">
                  {task.subject.title ?? t('processes.subjectHidden')}
                </Link>
              ) : (
                task.subject.title
              )}
            </>
          )}
        </Typography>
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexShrink: 0, ml: { xs: 'auto', sm: 0 } }}>
        {task.overdue && <Chip size="small" color="error" label={t('processes.overdue')} />}
        <TaskStateChip state={task.state} />
        <Tooltip title={t('tasks.open')}>
          <IconButton component={RouterLink} to={path} aria-label={t('tasks.open')} data-testid="process-task-open">
            <OpenInNewOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
    </ListItem>
  );
}

/**
 * The Tasks tab's block of business-process tasks given to me. Live: a task handed to me (`taskAssigned`) or a
 * change to one of mine (`taskUpdated`) reads the list again, so a new task appears without a reload.
 */
export function ProcessTasksBlock() {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const { data, previousData, error, refetch } = useQuery(MyProcessTasksQuery, {
    variables: { first: limit },
    fetchPolicy: 'cache-and-network',
  });
  const reread = () => void refetch().catch(() => undefined);
  useSubscription(TaskAssignedSubscription, { onData: reread });
  useSubscription(TaskUpdatedSubscription, { onData: reread });

  const shown = data ?? previousData;
  // A task I just completed leaves the list at once (its state changes in the cache); the refetch confirms it.
  const tasks = (shown?.myProcessTasks.edges ?? []).map((e) => e.node).filter((n) => n.state === 'OPEN' || n.state === 'ACCEPTED');
  const overdue = tasks.filter((n) => n.overdue).length;
  const count = shown?.myProcessTasks.totalCount ?? 0;

  return (
    <Paper
      variant="outlined"
      component="section"
      data-testid="process-tasks"
      aria-label={t('processes.myTasks')}
      sx={{ mb: 2, overflow: 'hidden', borderLeft: 4, borderLeftColor: overdue > 0 ? 'error.main' : tasks.length > 0 ? 'secondary.main' : 'divider' }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: { xs: 1.5, sm: 2 }, pt: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {t('processes.myTasks')}
        </Typography>
        <Chip size="small" label={count} color={overdue > 0 ? 'error' : count > 0 ? 'secondary' : 'default'} data-testid="process-tasks-count" />
        <Box sx={{ flex: 1 }} />
        <Button size="small" component={RouterLink} to="/processes" data-testid="process-tasks-monitor">
          {t('processes.monitor')}
        </Button>
      </Stack>
      <ErrorAlert error={shown ? undefined : error} />
      {tasks.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: { xs: 1.5, sm: 2 }, pb: 1.5 }}>
          {shown ? t('processes.noTasks') : t('common.loading')}
        </Typography>
      ) : (
        <List disablePadding>
          {tasks.map((task) => (
            <ProcessTaskRow key={task.id} task={task} />
          ))}
        </List>
      )}
      {shown?.myProcessTasks.pageInfo.hasNextPage && (
        <Box sx={{ px: 2, py: 1 }}>
          <Button size="small" onClick={() => setLimit((n) => n + PAGE)}>
            {t('common.loadMore')}
          </Button>
        </Box>
      )}
    </Paper>
  );
}
