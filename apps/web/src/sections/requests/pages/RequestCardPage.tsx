import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Rating from '@mui/material/Rating';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import AddTaskOutlined from '@mui/icons-material/AddTaskOutlined';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import DoneAllOutlined from '@mui/icons-material/DoneAllOutlined';
import DoneOutlined from '@mui/icons-material/DoneOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import GppGoodOutlined from '@mui/icons-material/GppGoodOutlined';
import LibraryAddOutlined from '@mui/icons-material/LibraryAddOutlined';
import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlineOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import StarBorderOutlined from '@mui/icons-material/StarBorderOutlined';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { EntityHistory } from '../../../components/history/EntityHistory';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { refreshActive } from '../../../lib/live-refresh';
import { AFTER_MY_REQUEST_CHANGE } from '../../../app/live/request-queries';
import { renderCounterpartyId } from '../../contact-persons/components/CounterpartyName';
import { ProductChips } from '../../knowledge/components/ProductChips';
import { readAppliedSolution, storeAppliedSolution, type AppliedSolution } from '../components/applied-solution';
import { DeadlineChip } from '../components/deadline';
import { RateDialog } from '../components/RateDialog';
import { RejectDialog } from '../components/RejectDialog';
import { requestErrorTexts } from '../components/request-errors';
import { renderRequestValue } from '../components/request-history';
import { CriticalChip, OPEN_STATES, PriorityChip, RequestKindIcon, RequestStateChip } from '../components/request-meta';
import { RequestEvents } from '../components/RequestEvents';
import { ResolveDialog } from '../components/ResolveDialog';
import { SolutionSuggestionsPanel } from '../components/SolutionSuggestionsPanel';
import {
  ClientRequestHistoryQuery,
  ClientRequestQuery,
  CloseClientRequestMutation,
  ConfirmClientRequestClosureMutation,
  ReopenClientRequestMutation,
  ResumeClientRequestMutation,
  SaveClientRequestAsSolutionMutation,
  SuspendClientRequestMutation,
  TakeClientRequestIntoWorkMutation,
} from '../graphql/requests.graphql';

const TABS = ['main', 'events', 'history'] as const;
type CardTab = (typeof TABS)[number];
type Dialog = 'resolve' | 'reject' | 'rate' | null;

/**
 * «Обращение клиента»: what the client asked, its deadlines counting down (red once breached, amber when about
 * to be), the actions its state allows for me (the server's `viewerCan`), the events based on it and its history.
 */
export default function RequestCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const tab: CardTab = TABS.find((x) => x === params.get('tab')) ?? 'main';
  const [dialog, setDialog] = useState<Dialog>(null);
  const [applied, setAppliedState] = useState<AppliedSolution | null>(() => readAppliedSolution(id));
  const [actionErrors, setActionErrors] = useState<string[]>([]);
  const { data, loading, error } = useQuery(ClientRequestQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [take, takeState] = useMutation(TakeClientRequestIntoWorkMutation);
  const [suspend, suspendState] = useMutation(SuspendClientRequestMutation);
  const [resume, resumeState] = useMutation(ResumeClientRequestMutation);
  const [confirm, confirmState] = useMutation(ConfirmClientRequestClosureMutation);
  const [close, closeState] = useMutation(CloseClientRequestMutation);
  const [reopen, reopenState] = useMutation(ReopenClientRequestMutation);
  const [saveAsSolution, saveState] = useMutation(SaveClientRequestAsSolutionMutation, { update: evictList('knowledgeArticles') });
  const r = data?.clientRequest;

  if (loading && !r) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('request.notFound')} />;
  if (!r) return <ErrorAlert error={error} />;

  const busy = [takeState, suspendState, resumeState, confirmState, closeState, reopenState, saveState].some((s) => s.loading);
  const can = r.viewerCan;
  const open = OPEN_STATES.includes(r.state);
  const setApplied = (value: AppliedSolution | null) => {
    storeAppliedSolution(r.id, value);
    setAppliedState(value);
  };
  const changed = () => void refreshActive(client, AFTER_MY_REQUEST_CHANGE);
  const act = (action: () => Promise<unknown>) => {
    setActionErrors([]);
    action()
      .then(changed)
      .catch((e: unknown) => setActionErrors(requestErrorTexts(t, e)));
  };
  const eventParams = new URLSearchParams({
    basedOnType: 'CLIENT_REQUEST',
    basedOnId: r.id,
    subject: r.subject,
    returnTo: `/requests/${r.id}?tab=events`,
    ...(r.counterpartyId ? { counterpartyId: r.counterpartyId } : {}),
    ...(r.contactPersonId ? { contactPersonId: r.contactPersonId } : {}),
  });
  const newEventPath = r.state === 'REJECTED' ? null : `/events/new?${eventParams.toString()}`;

  return (
    <>
      <PageHeader
        title={r.subject}
        titleTestId="request-title"
        before={<RequestKindIcon kind={r.kind} color={r.critical ? 'error' : 'action'} />}
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <span data-testid="request-number">
              {t(`requestKind.${r.kind}`)} · {r.number} · {formatDateTime(r.registeredAt)} · {t(`requestChannel.${r.channel}`)}
            </span>
            <RequestStateChip state={r.state} testId="request-state" />
            <CriticalChip critical={r.critical} />
            <PriorityChip priority={r.priority} />
          </Stack>
        }
        actions={
          <>
            {can.takeIntoWork && (
              <Button variant="contained" startIcon={<PlayArrowOutlined />} disabled={busy} onClick={() => act(() => take({ variables: { id: r.id } }))} data-testid="request-take">
                {t('request.take')}
              </Button>
            )}
            {can.resume && (
              <Button variant="contained" startIcon={<PlayArrowOutlined />} disabled={busy} onClick={() => act(() => resume({ variables: { id: r.id } }))} data-testid="request-resume">
                {t('request.resume')}
              </Button>
            )}
            {can.resolve && (
              <Button variant="contained" color="success" startIcon={<DoneOutlined />} disabled={busy} onClick={() => setDialog('resolve')} data-testid="request-resolve">
                {t('request.resolveAction')}
              </Button>
            )}
            {can.waitForClient && (
              <Button variant="outlined" startIcon={<PauseCircleOutline />} disabled={busy} onClick={() => act(() => suspend({ variables: { id: r.id } }))} data-testid="request-wait">
                {t('request.wait')}
              </Button>
            )}
            {can.confirmClosure && (
              <Button variant="contained" color="secondary" startIcon={<GppGoodOutlined />} disabled={busy} onClick={() => act(() => confirm({ variables: { id: r.id } }))} data-testid="request-confirm-closure">
                {t('request.confirmClosure')}
              </Button>
            )}
            {can.close && (
              <Button variant="contained" startIcon={<DoneAllOutlined />} disabled={busy} onClick={() => act(() => close({ variables: { id: r.id } }))} data-testid="request-close">
                {t('request.close')}
              </Button>
            )}
            {can.reopen && (
              <Button startIcon={<ReplayOutlined />} disabled={busy} onClick={() => act(() => reopen({ variables: { id: r.id } }))} data-testid="request-reopen">
                {t('request.reopen')}
              </Button>
            )}
            {can.rate && (
              <Button startIcon={<StarBorderOutlined />} disabled={busy} onClick={() => setDialog('rate')} data-testid="request-rate">
                {t('request.rate')}
              </Button>
            )}
            {can.saveAsSolution && (
              <Button
                startIcon={<LibraryAddOutlined />}
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    const result = await saveAsSolution({ variables: { id: r.id } });
                    const articleId = result.data?.saveClientRequestAsSolution.id;
                    if (articleId) void navigate(`/knowledge/${articleId}/edit`);
                  })
                }
                data-testid="request-save-solution"
              >
                {t('request.saveAsSolution')}
              </Button>
            )}
            {newEventPath && (
              <Button component={RouterLink} to={newEventPath} startIcon={<AddTaskOutlined />} data-testid="request-new-event">
                {t('request.newEvent')}
              </Button>
            )}
            {can.update && (
              <Button component={RouterLink} to="edit" startIcon={<EditOutlined />} data-testid="request-edit">
                {t('common.edit')}
              </Button>
            )}
            {can.reject && (
              <Button color="error" startIcon={<BlockOutlined />} disabled={busy} onClick={() => setDialog('reject')} data-testid="request-reject">
                {t('request.reject')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert messages={actionErrors} />
      {r.critical && r.state === 'RESOLVED' && (
        <Alert severity={r.closureConfirmedAt ? 'success' : 'warning'} sx={{ mb: 2 }} data-testid="request-control">
          {r.closureConfirmedAt
            ? t('request.closureConfirmed', { who: r.closureConfirmedBy?.fullName ?? '', at: formatDateTime(r.closureConfirmedAt) })
            : t('request.closureAwaitsConfirmation')}
        </Alert>
      )}

      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, v: CardTab) => setParams(v === 'main' ? {} : { tab: v }, { replace: true })} variant="scrollable" allowScrollButtonsMobile>
          <Tab value="main" label={t('card.tabMain')} data-testid="card-tab-main" />
          <Tab value="events" label={t('request.tabEvents')} data-testid="card-tab-events" />
          <Tab value="history" label={t('card.tabHistory')} data-testid="card-tab-history" />
        </Tabs>
      </Box>

      {tab === 'main' && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <FormSection title={t('request.sectionMain')}>
              <DetailsList
                items={[
                  {
                    label: t('request.counterparty'),
                    value: r.counterparty ? (
                      <Link component={RouterLink} to={`/counterparties/${r.counterparty.id}`}>
                        {r.counterparty.name}
                      </Link>
                    ) : null,
                  },
                  {
                    label: t('request.contactPerson'),
                    value: r.contactPerson ? (
                      <Link component={RouterLink} to={`/contact-persons/${r.contactPerson.id}`}>
                        {r.contactPerson.fullName}
                      </Link>
                    ) : null,
                  },
                  { label: t('request.product'), value: r.product ? <ProductChips products={[r.product]} /> : null },
                  { label: t('request.responsible'), value: r.responsible?.fullName },
                  { label: t('request.priority'), value: t(`requestPriority.${r.priority}`) },
                  { label: t('request.description'), value: r.description, testId: 'request-description-value' },
                  { label: t('common.createdAt'), value: formatDateTime(r.createdAt) },
                  { label: t('common.updatedAt'), value: formatDateTime(r.updatedAt) },
                ]}
              />
            </FormSection>
            {(r.solution || r.rejectReason || r.satisfaction) && (
              <FormSection title={r.state === 'REJECTED' ? t('request.sectionRejected') : t('request.sectionSolution')}>
                <DetailsList
                  items={[
                    { label: t('request.solution'), value: r.solution, testId: 'request-solution' },
                    {
                      label: t('request.article'),
                      value: r.knowledgeArticle ? (
                        <Link component={RouterLink} to={`/knowledge/${r.knowledgeArticle.id}`} data-testid="request-article">
                          {r.knowledgeArticle.title}
                        </Link>
                      ) : null,
                    },
                    { label: t('request.resolvedAt'), value: formatDateTime(r.resolvedAt) },
                    { label: t('request.closedAt'), value: formatDateTime(r.closedAt) },
                    { label: t('request.rejectReason'), value: r.rejectReason },
                    {
                      label: t('request.satisfaction'),
                      value: r.satisfaction ? (
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="request-satisfaction">
                          <Rating value={r.satisfaction} readOnly size="small" />
                          <span>{t(`satisfaction.${r.satisfaction}`)}</span>
                        </Stack>
                      ) : null,
                    },
                  ]}
                />
              </FormSection>
            )}
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <FormSection title={t('request.sectionSla')} testId="request-sla">
              <Stack spacing={1.5}>
                <Box>
                  <Typography variant="body2" color="text.secondary">
                    {t('request.reactionDeadline')}: {formatDateTime(r.reactionDeadline)}
                  </Typography>
                  {(r.reactedAt || r.state === 'REGISTERED') && (
                    <DeadlineChip
                      deadline={r.reactionDeadline}
                      metAt={r.reactedAt}
                      breached={r.reactionBreached}
                      soon={r.state === 'REGISTERED' && r.aboutToBreach}
                      testId="request-reaction-deadline"
                    />
                  )}
                </Box>
                <Box>
                  <Typography variant="body2" color="text.secondary">
                    {t('request.resolutionDeadline')}: {formatDateTime(r.resolutionDeadline)}
                  </Typography>
                  {r.state !== 'REJECTED' && (
                    <DeadlineChip
                      deadline={r.resolutionDeadline}
                      metAt={r.resolvedAt ?? (r.state === 'CLOSED' ? r.closedAt : null)}
                      paused={r.slaPaused}
                      breached={r.resolutionBreached}
                      soon={open && r.state !== 'REGISTERED' && r.aboutToBreach}
                      testId="request-resolution-deadline"
                    />
                  )}
                </Box>
                <DetailsList
                  items={[
                    { label: t('request.reactedAt'), value: formatDateTime(r.reactedAt) },
                    { label: t('request.pausedSince'), value: r.slaPaused ? formatDateTime(r.pausedAt) : null },
                    { label: t('request.pausedMinutes'), value: r.pausedMinutes > 0 ? t('request.minutes', { count: r.pausedMinutes }) : null },
                    { label: t('request.reactionEscalated'), value: formatDateTime(r.reactionEscalatedAt) },
                    { label: t('request.resolutionEscalated'), value: formatDateTime(r.resolutionEscalatedAt) },
                  ]}
                />
              </Stack>
            </FormSection>
            {open && (can.resolve || can.takeIntoWork || can.resume) && (
              <SolutionSuggestionsPanel text={`${r.subject} ${r.description ?? ''}`} applied={applied} onApply={setApplied} />
            )}
          </Grid>
        </Grid>
      )}
      {tab === 'events' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <RequestEvents id={r.id} newEventPath={newEventPath} />
        </Paper>
      )}
      {tab === 'history' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <EntityHistory
            query={ClientRequestHistoryQuery}
            id={r.id}
            selectPage={(d) => d.clientRequest.history}
            renderValue={(field, value) => renderRequestValue(t, field, value) ?? renderCounterpartyId(field, value)}
          />
        </Paper>
      )}

      <ResolveDialog
        request={dialog === 'resolve' ? r : null}
        applied={applied}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          setAppliedState(null);
          changed();
        }}
      />
      <RejectDialog
        request={dialog === 'reject' ? r : null}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          changed();
        }}
      />
      <RateDialog
        request={dialog === 'rate' ? r : null}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          changed();
        }}
      />
    </>
  );
}
