import { useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
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
import { formatDate, formatDateTime } from '../../../lib/format';
import { ContactDates, ContactPersonInteractions } from '../../events/components/Interactions';
import { ContactPersonHistory } from '../components/ContactPersonHistory';
import {
  ContactPersonQuery,
  MarkContactPersonForDeletionMutation,
  RestoreContactPersonMutation,
} from '../graphql/contact-person.graphql';

const TABS = ['main', 'interactions', 'history'] as const;
type CardTab = (typeof TABS)[number];

export default function ContactPersonCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: CardTab = TABS.find((x) => x === params.get('tab')) ?? 'main';
  const [confirm, setConfirm] = useState<'mark' | 'restore' | null>(null);
  const { data, loading, error } = useQuery(ContactPersonQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [mark, markState] = useMutation(MarkContactPersonForDeletionMutation, { update: evictList('contactPersons') });
  const [restore, restoreState] = useMutation(RestoreContactPersonMutation, { update: evictList('contactPersons') });
  const p = data?.contactPerson;

  if (loading && !p) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('contactPerson.notFound')} />;
  if (!p) return <ErrorAlert error={error} />;

  return (
    <>
      <PageHeader
        title={p.fullName}
        titleTestId="card-title"
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            {p.position && <span>{p.position}</span>}
            {p.counterparty && (
              <Link component={RouterLink} to={`/counterparties/${p.counterparty.id}`} data-testid="person-counterparty-link">
                {p.counterparty.name}
              </Link>
            )}
            {p.deletionMark && <Chip size="small" color="warning" label={t('common.markedForDeletion')} data-testid="card-deletion-mark" />}
            <ContactDates lastContactAt={p.lastContactAt} next={p.nextPlannedEvent} />
          </Stack>
        }
        actions={
          <>
            {!p.deletionMark && (
              <Button
                component={RouterLink}
                to={`/events/new?contactPersonId=${p.id}${p.counterparty ? `&counterpartyId=${p.counterparty.id}` : ''}&basedOnType=CONTACT_PERSON&basedOnId=${p.id}`}
                variant="contained"
                color="secondary"
                startIcon={<EventAvailableOutlined />}
                data-testid="card-new-event"
              >
                {t('event.createFromCard')}
              </Button>
            )}
            {p.viewerCan.update && !p.deletionMark && (
              <Button component={RouterLink} to="edit" variant="contained" startIcon={<EditOutlined />} data-testid="card-edit">
                {t('common.edit')}
              </Button>
            )}
            {p.viewerCan.delete && !p.deletionMark && (
              <Button color="warning" startIcon={<DeleteOutlined />} onClick={() => setConfirm('mark')} data-testid="card-mark-deletion">
                {t('common.markForDeletion')}
              </Button>
            )}
            {p.viewerCan.restore && p.deletionMark && (
              <Button startIcon={<RestoreFromTrashOutlined />} onClick={() => setConfirm('restore')} data-testid="card-restore">
                {t('common.restore')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={markState.error ?? restoreState.error} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={tab}
          onChange={(_e, v: CardTab) => setParams(v === 'main' ? {} : { tab: v }, { replace: true })}
          variant="scrollable"
          allowScrollButtonsMobile
        >
          <Tab value="main" label={t('card.tabMain')} data-testid="card-tab-main" />
          <Tab value="interactions" label={t('card.tabInteractions')} data-testid="card-tab-interactions" />
          <Tab value="history" label={t('card.tabHistory')} data-testid="card-tab-history" />
        </Tabs>
      </Box>
      {tab === 'interactions' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <ContactPersonInteractions id={p.id} />
        </Paper>
      )}
      {tab === 'main' && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormSection title={t('contactPerson.sectionMain')}>
              <DetailsList
                items={[
                  { label: t('contactPerson.lastName'), value: p.lastName },
                  { label: t('contactPerson.firstName'), value: p.firstName },
                  { label: t('contactPerson.middleName'), value: p.middleName },
                  { label: t('contactPerson.role'), value: p.role },
                  { label: t('contactPerson.birthday'), value: formatDate(p.birthday) },
                  { label: t('contactPerson.responsible'), value: p.responsible?.fullName },
                  { label: t('contactPerson.comment'), value: p.comment },
                  { label: t('common.createdAt'), value: formatDateTime(p.createdAt) },
                  { label: t('common.updatedAt'), value: formatDateTime(p.updatedAt) },
                ]}
              />
            </FormSection>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <FormSection title={t('contactInfo.title')}>
              <ContactInfoList items={p.contactInfo} />
            </FormSection>
          </Grid>
        </Grid>
      )}
      {tab === 'history' && (
        <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
          <ContactPersonHistory id={p.id} />
        </Paper>
      )}
      <ConfirmDialog
        open={confirm === 'mark'}
        title={t('contactPerson.markTitle')}
        text={t('contactPerson.markText', { name: p.fullName })}
        confirmLabel={t('common.markForDeletion')}
        danger
        busy={markState.loading}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          mark({ variables: { id: p.id } }).catch(() => undefined);
        }}
      />
      <ConfirmDialog
        open={confirm === 'restore'}
        title={t('contactPerson.restoreTitle')}
        text={t('contactPerson.restoreText', { name: p.fullName })}
        confirmLabel={t('common.restore')}
        busy={restoreState.loading}
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          restore({ variables: { id: p.id } }).catch(() => undefined);
        }}
      />
    </>
  );
}
