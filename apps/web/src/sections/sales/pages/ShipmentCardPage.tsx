import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import { useTranslation } from 'react-i18next';
import { DetailsList } from '../../../components/DetailsList';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { hasErrorCode } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ChainPanel } from '../components/ChainPanel';
import { DocumentLinesTable } from '../components/DocumentLinesTable';
import { PostedChip } from '../components/state-chips';
import { TotalsBlock } from '../components/TotalsBlock';
import { useDocumentAction } from '../components/useDocumentAction';
import { PostShipmentMutation, ShipmentQuery, UnpostShipmentMutation } from '../graphql/shipment.graphql';
import { salesPaths } from '../lib/paths';

export default function ShipmentCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ShipmentQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const refresh = { update: evictList('shipments'), refetchQueries: ['SalesChain', 'SalesDesk'] };
  const [post] = useMutation(PostShipmentMutation, refresh);
  const [unpost] = useMutation(UnpostShipmentMutation, refresh);
  const action = useDocumentAction();
  const s = data?.shipment;

  if (loading && !s) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('sales.shipment.notFound')} />;
  if (!s) return <ErrorAlert error={error} />;

  return (
    <>
      <PageHeader
        title={t('sales.shipment.title', { number: s.number, date: formatDate(s.date) })}
        titleTestId="shipment-title"
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <PostedChip posted={s.posted} testId="shipment-posted" />
            {s.counterparty && (
              <Link component={RouterLink} to={`/counterparties/${s.counterparty.id}`}>
                {s.counterparty.name}
              </Link>
            )}
          </Stack>
        }
        actions={
          <>
            {!s.posted && s.viewerCan.post && (
              <Button variant="contained" startIcon={<TaskAltOutlined />} disabled={Boolean(action.busy)} onClick={() => void action.run('post', () => post({ variables: { id: s.id } }))} data-testid="shipment-post">
                {t('sales.doc.post')}
              </Button>
            )}
            {s.posted && s.viewerCan.unpost && (
              <Button color="warning" startIcon={<LockOpenOutlined />} disabled={Boolean(action.busy)} onClick={() => void action.run('unpost', () => unpost({ variables: { id: s.id } }))} data-testid="shipment-unpost">
                {t('sales.doc.unpost')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert messages={action.messages} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <FormSection title={t('sales.form.sectionMain')}>
            <DetailsList
              items={[
                { label: t('sales.doc.counterparty'), value: s.counterparty?.name },
                {
                  label: t('sales.doc.basedOn'),
                  value: s.invoice ? (
                    <Link component={RouterLink} to={salesPaths.invoice(s.invoice.id)}>
                      {t('sales.chain.invoiceTitle', { number: s.invoice.number })}
                    </Link>
                  ) : null,
                },
                { label: t('sales.doc.organization'), value: s.organization?.name },
                { label: t('sales.doc.responsible'), value: s.responsible?.fullName },
                { label: t('sales.vatMode.label'), value: t(`sales.vatMode.${s.vatMode}`) },
                { label: t('sales.doc.postedAt'), value: formatDateTime(s.postedAt) },
                { label: t('sales.doc.comment'), value: s.comment },
              ]}
            />
          </FormSection>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <ChainPanel type="SHIPMENT" id={s.id} parties={{ counterpartyId: s.counterpartyId }} />
        </Grid>
        <Grid size={12}>
            <FormSection title={t('sales.lines.title')}>
              <DocumentLinesTable lines={s.lines} testId="shipment-lines" />
              <TotalsBlock amount={s.amount} vatAmount={s.vat} total={s.total} vatMode={s.vatMode} totalTestId="shipment-total" />
            </FormSection>
        </Grid>
      </Grid>
    </>
  );
}
