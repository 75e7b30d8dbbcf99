import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import EventBusyOutlined from '@mui/icons-material/EventBusyOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import KeyboardArrowDownOutlined from '@mui/icons-material/KeyboardArrowDownOutlined';
import PauseCircleOutline from '@mui/icons-material/PauseCircleOutlineOutlined';
import PlayCircleOutline from '@mui/icons-material/PlayArrowOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import { useTranslation } from 'react-i18next';
import type { InterestDetailsFragment } from '../../../graphql/graphql';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { CounterpartyInteractions } from '../../events/components/Interactions';
import { InterestDocumentsSlot } from '../components/InterestDocumentsSlot';
import { InterestHistory } from '../components/InterestHistory';
import { StartSaleProcessButton } from '../../processes/components/StartSaleProcessButton';
import { MarkLostDialog } from '../components/MarkLostDialog';
import { StageHistory } from '../components/StageHistory';
import { StageStepper } from '../components/StageStepper';
import {
  ClientInterestQuery,
  MarkClientInterestWonMutation,
  MoveClientInterestToStageMutation,
  ReopenClientInterestMutation,
  ResumeClientInterestMutation,
  SetClientInterestDeletionMarkMutation,
  SuspendClientInterestMutation,
} from '../graphql/interest.graphql';
import { SalesErrorAlert } from '../lib/errors';
import { InterestStateChip, isCloseOverdue, useToday } from '../lib/interest-meta';
import { formatMoney, formatQuantity, sumMoney } from '../lib/money';

const TABS = ['main', 'stages', 'events', 'history'] as const;
type CardTab = (typeof TABS)[number];
type Confirm = 'won' | 'reopen' | 'suspend' | 'mark' | 'restore' | null;

/** Lists an action on the interest changes; they are asked again when next shown. */
const REFRESH = ['ClientInterestBoard', 'ClientInterests', 'StalledClientInterests', 'CounterpartyInterests', 'ClientInterestStageHistory'];

export default function InterestCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: CardTab = TABS.find((x) => x === params.get('tab')) ?? 'main';
  const today = useToday();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [losing, setLosing] = useState(false);
  const [moveAnchor, setMoveAnchor] = useState<HTMLElement | null>(null);
  const { data, loading, error } = useQuery(ClientInterestQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const options = { refetchQueries: REFRESH };
  const [move, moveState] = useMutation(MoveClientInterestToStageMutation, options);
  const [won, wonState] = useMutation(MarkClientInterestWonMutation, options);
  const [suspend, suspendState] = useMutation(SuspendClientInterestMutation, options);
  const [resume, resumeState] = useMutation(ResumeClientInterestMutation, options);
  const [reopen, reopenState] = useMutation(ReopenClientInterestMutation, options);
  const [setMark, markState] = useMutation(SetClientInterestDeletionMarkMutation, options);
  const ci = data?.clientInterest;

  if (loading && !ci) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('interests.notFound')} />;
  if (!ci) return <SalesErrorAlert error={error} />;

  const states = [moveState, wonState, suspendState, resumeState, reopenState, markState];
  const busy = states.some((s) => s.loading);
  const actionError = states.find((s) => s.error)?.error;
  const can = ci.viewerCan;
  const overdue = isCloseOverdue(ci, today);
  const stages = [...ci.scenario.stages].sort((a, b) => a.sort - b.sort);
  const ignore = () => undefined; // errors show through the mutation's state
  const newEvent = `/events/new?${new URLSearchParams({
    basedOnType: 'CLIENT_INTEREST',
    basedOnId: ci.id,
    ...(ci.counterparty ? { counterpartyId: ci.counterparty.id } : {}),
    ...(ci.contactPerson ? { contactPersonId: ci.contactPerson.id } : {}),
    returnTo: `/client-interests/${ci.id}?tab=events`,
  }).toString()}`;

  const moveTo = (stage: (typeof stages)[number]) => {
    setMoveAnchor(null);
    if (stage.semantic === 'FAILURE') setLosing(true);
    else move({ variables: { id: ci.id, stageId: stage.id, version: ci.version } }).catch(ignore);
  };

  return (
    <>
      <PageHeader
        title={ci.number}
        titleTestId="interest-title"
        before={<HandshakeOutlined color="action" />}
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            {ci.counterparty ? (
              <Link component={RouterLink} to={`/counterparties/${ci.counterparty.id}`} data-testid="interest-counterparty-link">
                {ci.counterparty.name}
              </Link>
            ) : (
              <span>{t('interests.noCounterparty')}</span>
            )}
            <InterestStateChip state={ci.state} testId="interest-state" />
            <Chip size="small" variant="outlined" label={ci.stage.name} data-testid="interest-stage" data-stage-id={ci.stage.id} />
            {ci.deletionMark && <Chip size="small" color="warning" label={t('common.markedForDeletion')} data-testid="card-deletion-mark" />}
          </Stack>
        }
        actions={
          <>
            {can.move && (
              <Button
                variant="contained"
                endIcon={<KeyboardArrowDownOutlined />}
                onClick={(e) => setMoveAnchor(e.currentTarget)}
                disabled={busy}
                aria-haspopup="menu"
                data-testid="interest-move-menu"
              >
                {t('interests.actions.moveToStage')}
              </Button>
            )}
            {can.markWon && (
              <Button color="success" variant="outlined" startIcon={<EmojiEventsOutlined />} onClick={() => setConfirm('won')} disabled={busy} data-testid="interest-won">
                {t('interests.actions.won')}
              </Button>
            )}
            {can.markLost && (
              <Button color="error" variant="outlined" startIcon={<CancelOutlined />} onClick={() => setLosing(true)} disabled={busy} data-testid="interest-lost">
                {t('interests.actions.lost')}
              </Button>
            )}
            {can.suspend && (
              <Button startIcon={<PauseCircleOutline />} onClick={() => setConfirm('suspend')} disabled={busy} data-testid="interest-suspend">
                {t('interests.actions.suspend')}
              </Button>
            )}
            {can.resume && (
              <Button startIcon={<PlayCircleOutline />} onClick={() => resume({ variables: { id: ci.id } }).catch(ignore)} disabled={busy} data-testid="interest-resume">
                {t('interests.actions.resume')}
              </Button>
            )}
            {can.reopen && (
              <Button startIcon={<ReplayOutlined />} onClick={() => setConfirm('reopen')} disabled={busy} data-testid="interest-reopen">
                {t('interests.actions.reopen')}
              </Button>
            )}
            <Button component={RouterLink} to={newEvent} color="secondary" variant="outlined" startIcon={<EventAvailableOutlined />} data-testid="interest-new-event">
              {t('interests.actions.newEvent')}
            </Button>
            {can.move && <StartSaleProcessButton interestId={ci.id} />}
            {can.update && (
              <Button component={RouterLink} to="edit" startIcon={<EditOutlined />} data-testid="interest-edit">
                {t('common.edit')}
              </Button>
            )}
            {can.delete && !ci.deletionMark && (
              <Button color="warning" startIcon={<DeleteOutlined />} onClick={() => setConfirm('mark')} disabled={busy} data-testid="card-mark-deletion">
                {t('common.markForDeletion')}
              </Button>
            )}
            {can.delete && ci.deletionMark && (
              <Button startIcon={<RestoreFromTrashOutlined />} onClick={() => setConfirm('restore')} disabled={busy} data-testid="card-restore">
                {t('common.restore')}
              </Button>
            )}
          </>
        }
      />
      <Menu anchorEl={moveAnchor} open={Boolean(moveAnchor)} onClose={() => setMoveAnchor(null)}>
        {stages.map((s) => (
          <MenuItem key={s.id} disabled={s.id === ci.stage.id} selected={s.id === ci.stage.id} onClick={() => moveTo(s)} data-testid="move-to-stage" data-stage-id={s.id}>
            <ListItemIcon>
              {s.semantic === 'SUCCESS' ? (
                <EmojiEventsOutlined fontSize="small" color="success" />
              ) : s.semantic === 'FAILURE' ? (
                <CancelOutlined fontSize="small" color="error" />
              ) : (
                <ArrowForwardOutlined fontSize="small" />
              )}
            </ListItemIcon>
            <ListItemText primary={s.name} secondary={s.semantic === 'IN_PROGRESS' ? `${s.probability}%` : t(`stageSemantic.${s.semantic}`)} />
          </MenuItem>
        ))}
      </Menu>
      <SalesErrorAlert error={actionError} />
      {ci.state === 'LOST' && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="interest-loss">
          {t('interests.card.lostBecause', { reason: ci.lossReason?.name ?? '—' })}
          {ci.lossComment ? ` — ${ci.lossComment}` : ''}
        </Alert>
      )}
      {ci.state === 'SUSPENDED' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('interests.card.suspendedHint')}
        </Alert>
      )}

      <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 }, mb: 2 }}>
        <StageStepper stages={stages} currentId={ci.stage.id} state={ci.state} />
        <Box
          sx={{ display: 'grid', gap: 2, mt: 1, gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' } }}
          data-testid="interest-amounts"
        >
          <Figure label={t('interests.plannedAmount')} value={formatMoney(ci.plannedAmount)} testId="interest-planned-amount-value" />
          <Figure label={t('interests.probability')} value={`${ci.probability}%`} testId="interest-probability-value" />
          <Figure label={t('interests.weightedAmount')} value={formatMoney(ci.weightedAmount)} />
          <Figure
            label={ci.actualCloseDate ? t('interests.actualCloseDate') : t('interests.plannedCloseDate')}
            value={
              <Box component="span" sx={{ color: overdue ? 'error.main' : undefined, display: 'block' }} data-overdue={overdue ? 'true' : 'false'}>
                <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                  {overdue && <EventBusyOutlined fontSize="small" />}
                  {formatDate(ci.actualCloseDate ?? ci.plannedCloseDate) || '—'}
                </Box>
                {overdue && (
                  <Typography component="span" variant="caption" sx={{ display: 'block' }}>
                    {t('interests.closeOverdue')}
                  </Typography>
                )}
              </Box>
            }
          />
        </Box>
      </Paper>

      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={tab} onChange={(_e, v: CardTab) => setParams(v === 'main' ? {} : { tab: v }, { replace: true })} variant="scrollable" allowScrollButtonsMobile>
          <Tab value="main" label={t('card.tabMain')} data-testid="card-tab-main" />
          <Tab value="stages" label={t('interests.card.tabStages')} data-testid="interest-tab-stages" />
          <Tab value="events" label={t('interests.card.tabEvents')} data-testid="interest-tab-events" />
          <Tab value="history" label={t('card.tabHistory')} data-testid="card-tab-history" />
        </Tabs>
      </Box>

      {tab === 'main' && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 7 }}>
            <FormSection title={t('interests.card.sectionMain')}>
              <DetailsList
                items={[
                  { label: t('interests.need'), value: ci.need, testId: 'interest-need-value' },
                  {
                    label: t('interests.contactPerson'),
                    value: ci.contactPerson ? (
                      <Link component={RouterLink} to={`/contact-persons/${ci.contactPerson.id}`}>
                        {ci.contactPerson.fullName}
                      </Link>
                    ) : null,
                  },
                  { label: t('interests.responsible'), value: ci.responsible?.fullName },
                  { label: t('interests.scenario'), value: ci.scenario.name },
                  { label: t('interests.informationSource'), value: ci.informationSource?.name },
                  {
                    label: t('interests.competitors'),
                    value: ci.competitors.length ? (
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} component="span">
                        {ci.competitors.map((c) => (
                          <Chip key={c.id} size="small" label={c.name} component={RouterLink} to={`/counterparties/${c.id}`} clickable />
                        ))}
                      </Stack>
                    ) : null,
                  },
                  { label: t('interests.lastActivity'), value: ci.lastActivityAt ? formatDateTime(ci.lastActivityAt) : t('interactions.never') },
                  { label: t('interests.date'), value: formatDate(ci.date) },
                  { label: t('common.createdAt'), value: formatDateTime(ci.createdAt) },
                  { label: t('common.updatedAt'), value: formatDateTime(ci.updatedAt) },
                ]}
              />
            </FormSection>
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <InterestDocumentsSlot
              interest={{
                id: ci.id,
                number: ci.number,
                state: ci.state,
                counterpartyId: ci.counterparty?.id ?? null,
                contactPersonId: ci.contactPerson?.id ?? null,
                canCreateDocuments: !ci.deletionMark && (ci.state === 'ACTIVE' || ci.state === 'SUSPENDED' || ci.state === 'WON'),
              }}
            />
          </Grid>
          <Grid size={12}>
            <FormSection title={t('interests.card.sectionProducts')} testId="interest-lines-section">
              <InterestLines ci={ci} />
            </FormSection>
          </Grid>
        </Grid>
      )}
      {tab === 'stages' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <StageHistory id={ci.id} />
        </Paper>
      )}
      {tab === 'events' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1, flexWrap: 'wrap', gap: 1 }}>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              {t('interests.card.clientInteractions')}
            </Typography>
            <Button component={RouterLink} to={newEvent} startIcon={<EventAvailableOutlined />} size="small">
              {t('interests.actions.newEvent')}
            </Button>
          </Stack>
          {ci.counterparty ? <CounterpartyInteractions id={ci.counterparty.id} /> : null}
        </Paper>
      )}
      {tab === 'history' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <InterestHistory
            id={ci.id}
            productNames={new Map(ci.lines.flatMap((l) => (l.product ? [[l.product.id, l.product.name] as const] : [])))}
            partyNames={
              new Map([
                ...(ci.counterparty ? [[ci.counterparty.id, ci.counterparty.name] as const] : []),
                ...(ci.contactPerson ? [[ci.contactPerson.id, ci.contactPerson.fullName] as const] : []),
                ...ci.competitors.map((c) => [c.id, c.name] as const),
              ])
            }
          />
        </Paper>
      )}

      <MarkLostDialog interest={losing ? { id: ci.id, number: ci.number, version: ci.version } : null} onClose={() => setLosing(false)} />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(`interests.confirm.${confirm}.title`, { number: ci.number }) : ''}
        text={confirm ? t(`interests.confirm.${confirm}.text`) : undefined}
        confirmLabel={confirm ? t(`interests.confirm.${confirm}.ok`) : ''}
        danger={confirm === 'mark'}
        busy={busy}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          const action = confirm;
          setConfirm(null);
          const variables = { id: ci.id };
          if (action === 'won') won({ variables }).catch(ignore);
          else if (action === 'suspend') suspend({ variables }).catch(ignore);
          else if (action === 'reopen') reopen({ variables }).catch(ignore);
          else if (action === 'mark' || action === 'restore') setMark({ variables: { id: ci.id, deletionMark: action === 'mark' } }).catch(ignore);
        }}
      />
    </>
  );
}

function Figure({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div" sx={{ fontVariantNumeric: 'tabular-nums', fontSize: { xs: 16, sm: 20 } }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

function InterestLines({ ci }: { ci: InterestDetailsFragment }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const total = formatMoney(sumMoney(ci.lines.map((l) => l.amount)));
  if (ci.lines.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('interests.card.noLines')}
      </Typography>
    );
  }
  if (phone) {
    // A table of five columns does not fit a phone: one block per line instead.
    return (
      <Box data-testid="interest-lines-table">
        {ci.lines.map((l) => (
          <Box key={l.id} data-testid="interest-line-row" sx={{ py: 1, borderBottom: 1, borderColor: 'divider' }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {l.lineNo}.{' '}
              {l.product ? (
                <Link component={RouterLink} to={`/catalog/products/${l.product.id}`}>
                  {l.product.name}
                </Link>
              ) : (
                '—'
              )}
            </Typography>
            <Stack direction="row" sx={{ justifyContent: 'space-between', fontVariantNumeric: 'tabular-nums' }}>
              <Typography variant="body2" color="text.secondary">
                {formatQuantity(l.quantity)} {l.product?.unit} × {formatMoney(l.price)}
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {formatMoney(l.amount)}
              </Typography>
            </Stack>
          </Box>
        ))}
        <Typography sx={{ textAlign: 'right', fontWeight: 600, mt: 1 }}>
          {t('interests.form.linesTotal')}: {total}
        </Typography>
      </Box>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="interest-lines-table">
        <TableHead>
          <TableRow>
            <TableCell>№</TableCell>
            <TableCell>{t('interests.form.product')}</TableCell>
            <TableCell align="right">{t('interests.form.quantity')}</TableCell>
            <TableCell align="right">{t('interests.form.price')}</TableCell>
            <TableCell align="right">{t('interests.form.amount')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ci.lines.map((l) => (
            <TableRow key={l.id} data-testid="interest-line-row">
              <TableCell>{l.lineNo}</TableCell>
              <TableCell>
                {l.product ? (
                  <Link component={RouterLink} to={`/catalog/products/${l.product.id}`}>
                    {l.product.name}
                  </Link>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatQuantity(l.quantity)} {l.product?.unit}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatMoney(l.price)}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatMoney(l.amount)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell colSpan={4} align="right" sx={{ fontWeight: 600 }}>
              {t('interests.form.linesTotal')}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
              {total}
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </Box>
  );
}
