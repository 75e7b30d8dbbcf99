import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import AddIcCallOutlined from '@mui/icons-material/AddIcCallOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import { useTranslation } from 'react-i18next';
import type { EventListItemFragment } from '../../../graphql/graphql';
import { useAuth } from '../../../app/auth';
import { useReminders } from '../../../app/reminders/RemindersProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDay } from '../../../lib/format';
import { CompleteEventDialog } from '../../events/components/CompleteEventDialog';
import { RescheduleEventDialog } from '../../events/components/RescheduleEventDialog';
import { TaskEventRow } from '../components/TaskEventRow';
import { TaskReminderRow } from '../components/TaskReminderRow';
import { ProcessTasksBlock } from '../components/ProcessTasksBlock';
import { TasksPageQuery } from '../graphql/tasks.graphql';

function Section({ title, count, tone, testId, empty, children }: { title: string; count: number; tone: 'error' | 'primary' | 'warning'; testId: string; empty: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" data-testid={testId} aria-label={title} sx={{ mb: 2, overflow: 'hidden', borderLeft: 4, borderLeftColor: count > 0 ? `${tone}.main` : 'divider' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: { xs: 1.5, sm: 2 }, pt: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Chip size="small" label={count} color={count > 0 ? tone : 'default'} data-testid={`${testId}-count`} />
      </Stack>
      {count === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ px: { xs: 1.5, sm: 2 }, pb: 1.5 }}>
          {empty}
        </Typography>
      ) : (
        <List disablePadding>{children}</List>
      )}
    </Paper>
  );
}

/**
 * «Дела», the manager's first screen: what is overdue (red), what is planned for today, and the reminders that
 * came due, each with its actions in place. Live: pushes about events and reminders refresh it (no polling).
 */
export default function TasksPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const theme = useTheme();
  const compact = useMediaQuery(theme.breakpoints.down('md'));
  const { actionError } = useReminders();
  const [completing, setCompleting] = useState<EventListItemFragment | null>(null);
  const [rescheduling, setRescheduling] = useState<EventListItemFragment | null>(null);
  const { data, previousData, loading, error } = useQuery(TasksPageQuery, {
    variables: { me: user.id },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;

  // A completed or moved event leaves these lists at once (its state and times change in the cache); the refetch
  // that follows confirms membership.
  const overdue = (shown?.overdue.edges ?? []).map((e) => e.node).filter((e) => e.state === 'PLANNED' && e.overdue);
  const overdueIds = new Set(overdue.map((e) => e.id));
  const today = (shown?.today.edges ?? []).map((e) => e.node).filter((e) => e.state === 'PLANNED' && !overdueIds.has(e.id));
  const reminders = (shown?.reminders.edges ?? []).map((e) => e.node).filter((r) => r.state === 'DUE');

  return (
    <>
      <PageHeader
        title={t('sections.tasks')}
        subtitle={formatDay(new Date().toISOString())}
        actions={
          <>
            <Button component={RouterLink} to="/events/new?kind=CALL" variant="contained" startIcon={<AddIcCallOutlined />} data-testid="tasks-new-call">
              {t('quickLaunch.newCall')}
            </Button>
            <Button component={RouterLink} to="/calendar" startIcon={<CalendarMonthOutlined />} data-testid="tasks-calendar">
              {t('calendar.title')}
            </Button>
            <Button component={RouterLink} to="/events" startIcon={<ListAltOutlined />} data-testid="tasks-all-events">
              {t('events.title')}
            </Button>
          </>
        }
      />
      <Box sx={{ height: 4, mb: 1 }}>{loading && shown && <LinearProgress aria-label={t('common.loading')} />}</Box>
      <ErrorAlert error={shown ? undefined : error} />
      <ErrorAlert error={actionError ?? undefined} />
      {!shown && loading ? (
        <LinearProgress aria-label={t('common.loading')} />
      ) : (
        <>
          <ProcessTasksBlock />
          <Section title={t('tasks.overdue')} count={overdue.length} tone="error" testId="tasks-overdue" empty={t('tasks.noOverdue')}>
            {overdue.map((e) => (
              <TaskEventRow key={e.id} event={e} overdue compact={compact} onComplete={() => setCompleting(e)} onReschedule={() => setRescheduling(e)} />
            ))}
          </Section>
          <Section title={t('tasks.today')} count={today.length} tone="primary" testId="tasks-today" empty={t('tasks.noToday')}>
            {today.map((e) => (
              <TaskEventRow key={e.id} event={e} compact={compact} onComplete={() => setCompleting(e)} onReschedule={() => setRescheduling(e)} />
            ))}
          </Section>
          <Section title={t('tasks.reminders')} count={reminders.length} tone="warning" testId="tasks-reminders" empty={t('tasks.noReminders')}>
            {reminders.map((r) => (
              <TaskReminderRow key={r.id} reminder={r} />
            ))}
          </Section>
        </>
      )}
      <CompleteEventDialog event={completing} onClose={() => setCompleting(null)} />
      <RescheduleEventDialog event={rescheduling} onClose={() => setRescheduling(null)} />
    </>
  );
}
