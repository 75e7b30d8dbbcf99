import { useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import DoneOutlined from '@mui/icons-material/DoneOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import ScheduleOutlined from '@mui/icons-material/ScheduleOutlined';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { objectRefPath } from '../../../lib/entity-paths';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime, formatRange } from '../../../lib/format';
import { CancelEventDialog } from '../components/CancelEventDialog';
import { CompleteEventDialog } from '../components/CompleteEventDialog';
import { DirectionIcon, EventKindIcon, EventStateChip, ImportanceChip } from '../components/event-meta';
import { EventHistory } from '../components/EventHistory';
import { RescheduleEventDialog } from '../components/RescheduleEventDialog';
import { EventQuery } from '../graphql/event.graphql';

type CardTab = 'main' | 'history';
type Dialog = 'complete' | 'reschedule' | 'cancel' | null;

export default function EventCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: CardTab = params.get('tab') === 'history' ? 'history' : 'main';
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data, loading, error } = useQuery(EventQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const e = data?.event;

  if (loading && !e) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('event.notFound')} />;
  if (!e) return <ErrorAlert error={error} />;

  const planned = e.state === 'PLANNED';
  const basedOnPath = objectRefPath(e.basedOn);
  const followUp = `/events/new?basedOnType=EVENT&basedOnId=${e.id}`;

  return (
    <>
      <PageHeader
        title={e.subject}
        titleTestId="event-card-title"
        before={<EventKindIcon kind={e.kind} color="action" />}
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <span>
              {t(`eventKind.${e.kind}`)} · {e.number}
            </span>
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
              <DirectionIcon direction={e.direction} fontSize="small" />
              <span>{t(`eventDirection.${e.direction}`)}</span>
            </Stack>
            <EventStateChip state={e.state} overdue={e.overdue} testId="event-state" />
            <ImportanceChip importance={e.importance} />
          </Stack>
        }
        actions={
          <>
            {planned && e.viewerCan.complete && (
              <Button variant="contained" color="success" startIcon={<DoneOutlined />} onClick={() => setDialog('complete')} data-testid="event-complete">
                {t('event.completeAction')}
              </Button>
            )}
            {planned && e.viewerCan.reschedule && (
              <Button variant="outlined" startIcon={<ScheduleOutlined />} onClick={() => setDialog('reschedule')} data-testid="event-reschedule">
                {t('event.reschedule')}
              </Button>
            )}
            {e.viewerCan.update && (
              <Button component={RouterLink} to="edit" startIcon={<EditOutlined />} data-testid="event-edit">
                {t('common.edit')}
              </Button>
            )}
            <Button component={RouterLink} to={followUp} startIcon={<AddTaskOutlined />} data-testid="event-follow-up">
              {t('event.followUp')}
            </Button>
            {planned && e.viewerCan.cancel && (
              <Button color="error" startIcon={<CancelOutlined />} onClick={() => setDialog('cancel')} data-testid="event-cancel">
                {t('event.cancelEvent')}
              </Button>
            )}
          </>
        }
      />

      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, v: CardTab) => setParams(v === 'main' ? {} : { tab: v }, { replace: true })}>
          <Tab value="main" label={t('card.tabMain')} data-testid="card-tab-main" />
          <Tab value="history" label={t('card.tabHistory')} data-testid="card-tab-history" />
        </Tabs>
      </Box>

      {tab === 'main' ? (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <FormSection title={t('event.sectionMain')}>
              <DetailsList
                items={[
                  { label: t('event.when'), value: formatRange(e.start, e.end), testId: 'event-when' },
                  {
                    label: t('event.counterparty'),
                    value: e.counterparty ? (
                      <Link component={RouterLink} to={`/counterparties/${e.counterparty.id}`}>
                        {e.counterparty.name}
                      </Link>
                    ) : null,
                  },
                  {
                    label: t('event.contactPerson'),
                    value: e.contactPerson ? (
                      <Link component={RouterLink} to={`/contact-persons/${e.contactPerson.id}`}>
                        {e.contactPerson.fullName}
                      </Link>
                    ) : null,
                  },
                  { label: t('event.responsible'), value: e.responsible?.fullName },
                  { label: t('event.importance'), value: t(`importance.${e.importance}`) },
                  {
                    label: t('event.basedOn'),
                    value: e.basedOn ? (
                      basedOnPath && e.basedOn.title ? (
                        <Link component={RouterLink} to={basedOnPath}>
                          {e.basedOn.title}
                        </Link>
                      ) : (
                        (e.basedOn.title ?? t('event.hiddenObject'))
                      )
                    ) : null,
                  },
                  { label: t('event.content'), value: e.content },
                  { label: t('event.result'), value: e.result, testId: 'event-result-value' },
                  { label: t('event.completedAt'), value: formatDateTime(e.completedAt) },
                  { label: t('event.cancelReason'), value: e.cancelReason },
                  { label: t('common.createdAt'), value: formatDateTime(e.createdAt) },
                  { label: t('common.updatedAt'), value: formatDateTime(e.updatedAt) },
                ]}
              />
            </FormSection>
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <FormSection title={t('reminders.title')}>
              {e.reminders.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('reminders.noneForEvent')}
                </Typography>
              ) : (
                <List dense disablePadding data-testid="event-reminders">
                  {e.reminders.map((r) => (
                    <ListItem key={r.id} disableGutters>
                      <ListItemIcon sx={{ minWidth: 36 }}>
                        <NotificationsOutlined fontSize="small" color={r.state === 'DUE' ? 'warning' : 'action'} />
                      </ListItemIcon>
                      <ListItemText primary={formatDateTime(r.remindAt)} secondary={r.text} />
                      <Chip size="small" label={t(`reminderState.${r.state}`)} variant="outlined" />
                    </ListItem>
                  ))}
                </List>
              )}
            </FormSection>
          </Grid>
        </Grid>
      ) : (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <EventHistory id={e.id} />
        </Paper>
      )}

      <CompleteEventDialog event={dialog === 'complete' ? e : null} onClose={() => setDialog(null)} />
      <RescheduleEventDialog event={dialog === 'reschedule' ? e : null} onClose={() => setDialog(null)} />
      <CancelEventDialog event={dialog === 'cancel' ? e : null} onClose={() => setDialog(null)} />
    </>
  );
}
