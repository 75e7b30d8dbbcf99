import { useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import RestoreFromTrashOutlined from '@mui/icons-material/RestoreFromTrashOutlined';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ContactInfoList } from '../../../components/contact-info/ContactInfoList';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { hasErrorCode } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { ContactDates, CounterpartyInteractions } from '../../events/components/Interactions';
import { CounterpartyInterests } from '../../client-interests/components/CounterpartyInterests';
import { CounterpartyContactPersons } from '../components/CounterpartyContactPersons';
import { CounterpartyHistory } from '../components/CounterpartyHistory';
import { DuplicatesWarning } from '../components/DuplicatesWarning';
import {
  CounterpartyQuery,
  MarkCounterpartyForDeletionMutation,
  RestoreCounterpartyMutation,
} from '../graphql/counterparty.graphql';

const TABS = ['main', 'persons', 'interests', 'interactions', 'history'] as const;
type CardTab = (typeof TABS)[number];

export default function CounterpartyCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: CardTab = TABS.find((x) => x === params.get('tab')) ?? 'main';
  const [confirm, setConfirm] = useState<'mark' | 'restore' | null>(null);
  const { data, loading, error } = useQuery(CounterpartyQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [mark, markState] = useMutation(MarkCounterpartyForDeletionMutation, { update: evictList('counterparties') });
  const [restore, restoreState] = useMutation(RestoreCounterpartyMutation, { update: evictList('counterparties') });
  const c = data?.counterparty;

  if (loading && !c) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('counterparty.notFound')} />;
  if (!c) return <ErrorAlert error={error} />;

  const busy = markState.loading || restoreState.loading;
  const actionError = markState.error ?? restoreState.error;

  return (
    <>
      <PageHeader
        title={c.name}
        titleTestId="card-title"
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <span>{t(`legalType.${c.legalType}`)}</span>
            {c.relationTypes.map((r) => (
              <Chip key={r} size="small" label={t(`relationType.${r}`)} />
            ))}
            {c.deletionMark && (
              <Chip size="small" color="warning" label={t('common.markedForDeletion')} data-testid="card-deletion-mark" />
            )}
            <ContactDates lastContactAt={c.lastContactAt} next={c.nextPlannedEvent} />
          </Stack>
        }
        actions={
          <>
            {!c.deletionMark && (
              <Button
                component={RouterLink}
                to={`/events/new?counterpartyId=${c.id}&basedOnType=COUNTERPARTY&basedOnId=${c.id}`}
                variant="contained"
                color="secondary"
                startIcon={<EventAvailableOutlined />}
                data-testid="card-new-event"
              >
                {t('event.createFromCard')}
              </Button>
            )}
            {!c.deletionMark && (
              <Button
                component={RouterLink}
                to={`/client-interests/new?counterpartyId=${c.id}`}
                variant="outlined"
                startIcon={<HandshakeOutlined />}
                data-testid="card-new-interest"
              >
                {t('interests.createFromCard')}
              </Button>
            )}
            {c.viewerCan.update && !c.deletionMark && (
              <Button component={RouterLink} to="edit" variant="contained" startIcon={<EditOutlined />} data-testid="card-edit">
                {t('common.edit')}
              </Button>
            )}
            {c.viewerCan.delete && !c.deletionMark && (
              <Button color="warning" startIcon={<DeleteOutlined />} onClick={() => setConfirm('mark')} data-testid="card-mark-deletion">
                {t('common.markForDeletion')}
              </Button>
            )}
            {c.viewerCan.restore && c.deletionMark && (
              <Button startIcon={<RestoreFromTrashOutlined />} onClick={() => setConfirm('restore')} data-testid="card-restore">
                {t('common.restore')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={actionError} />
      <DuplicatesWarning matches={c.possibleDuplicates} />

      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={tab}
          onChange={(_e, v: CardTab) => setParams(v === 'main' ? {} : { tab: v }, { replace: true })}
          variant="scrollable"
          allowScrollButtonsMobile
        >
          <Tab value="main" label={t('card.tabMain')} data-testid="card-tab-main" />
          <Tab value="persons" label={t('card.tabContactPersons', { n: c.contactPersons.length })} data-testid="card-tab-persons" />
          <Tab value="interests" label={t('interests.cardTab')} data-testid="card-tab-interests" />
          <Tab value="interactions" label={t('card.tabInteractions')} data-testid="card-tab-interactions" />
          <Tab value="history" label={t('card.tabHistory')} data-testid="card-tab-history" />
        </Tabs>
      </Box>

      {tab === 'main' && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormSection title={t('counterparty.sectionMain')}>
              <DetailsList
                items={[
                  { label: t('counterparty.fullName'), value: c.fullName },
                  { label: t('counterparty.inn'), value: c.inn, testId: 'card-inn' },
                  { label: t('counterparty.kpp'), value: c.kpp },
                  { label: t('counterparty.group'), value: c.group?.name },
                  { label: t('counterparty.responsible'), value: c.responsible?.fullName },
                  { label: t('counterparty.informationSource'), value: c.informationSource },
                  { label: t('counterparty.comment'), value: c.comment },
                  { label: t('common.createdAt'), value: formatDateTime(c.createdAt) },
                  { label: t('common.updatedAt'), value: formatDateTime(c.updatedAt) },
                ]}
              />
            </FormSection>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormSection title={t('contactInfo.title')}>
              <ContactInfoList items={c.contactInfo} />
            </FormSection>
          </Grid>
        </Grid>
      )}
      {tab === 'persons' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <CounterpartyContactPersons
            counterpartyId={c.id}
            persons={c.contactPersons}
            canAdd={c.viewerCan.update && !c.deletionMark}
          />
        </Paper>
      )}
      {tab === 'interests' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <CounterpartyInterests counterpartyId={c.id} canCreate={!c.deletionMark} />
        </Paper>
      )}
      {tab === 'interactions' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <CounterpartyInteractions id={c.id} />
        </Paper>
      )}
      {tab === 'history' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <CounterpartyHistory id={c.id} />
        </Paper>
      )}

      <ConfirmDialog
        open={confirm === 'mark'}
        title={t('counterparty.markTitle')}
        text={t('counterparty.markText', { name: c.name })}
        confirmLabel={t('common.markForDeletion')}
        danger
        busy={busy}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          mark({ variables: { id: c.id } }).catch(() => undefined); // shown through markState.error
        }}
      />
      <ConfirmDialog
        open={confirm === 'restore'}
        title={t('counterparty.restoreTitle')}
        text={t('counterparty.restoreText', { name: c.name })}
        confirmLabel={t('common.restore')}
        busy={busy}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          restore({ variables: { id: c.id } }).catch(() => undefined);
        }}
      />
    </>
  );
}
