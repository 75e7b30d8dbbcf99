import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
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
import { Money } from '../components/Money';
import { PaymentStateChip } from '../components/state-chips';
import { useDocumentAction } from '../components/useDocumentAction';
import { CancelPaymentMutation, PaymentQuery } from '../graphql/payment.graphql';
import { money } from '../lib/money';
import { salesPaths } from '../lib/paths';

export default function PaymentCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const { data, loading, error } = useQuery(PaymentQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [cancel] = useMutation(CancelPaymentMutation, {
    update: (cache) => {
      evictList('payments')(cache);
      evictList('invoices')(cache);
    },
    refetchQueries: ['SalesInvoice', 'SalesChain', 'SalesDesk'],
  });
  const action = useDocumentAction();
  const p = data?.payment;

  if (loading && !p) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('sales.payment.notFound')} />;
  if (!p) return <ErrorAlert error={error} />;

  const allocated = money.sum(p.allocations.map((a) => a.amount));
  const unallocated = money.sub(p.amount, allocated);

  return (
    <>
      <PageHeader
        title={t('sales.payment.title', { number: p.number, date: formatDate(p.date) })}
        titleTestId="payment-title"
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            {p.cancelled && <Chip size="small" color="default" label={t('sales.payment.cancelled')} data-testid="payment-cancelled" />}
            {p.counterparty && (
              <Link component={RouterLink} to={`/counterparties/${p.counterparty.id}`}>
                {p.counterparty.name}
              </Link>
            )}
          </Stack>
        }
        actions={
          !p.cancelled && p.viewerCan.cancel ? (
            <Button color="warning" startIcon={<BlockOutlined />} onClick={() => setCancelling(true)} data-testid="payment-cancel">
              {t('sales.payment.cancel')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert messages={action.messages} />
      {p.cancelled && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('sales.payment.cancelledText', { at: formatDateTime(p.cancelledAt), reason: p.cancelReason ?? '' })}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <FormSection title={t('sales.form.sectionMain')}>
            <DetailsList
              items={[
                { label: t('sales.payment.payer'), value: p.counterparty?.name },
                { label: t('sales.payment.date'), value: formatDate(p.date) },
                { label: t('sales.payment.amount'), value: <Money value={p.amount} strong testId="payment-amount-value" /> },
                { label: t('sales.payment.allocated'), value: <Money value={allocated} /> },
                { label: t('sales.payment.unallocated'), value: money.isZero(unallocated) ? null : <Money value={unallocated} /> },
                { label: t('sales.payment.comment'), value: p.comment },
                { label: t('sales.payment.registeredBy'), value: p.createdBy ? `${p.createdBy.fullName}, ${formatDateTime(p.createdAt)}` : formatDateTime(p.createdAt) },
              ]}
            />
          </FormSection>
          <FormSection title={t('sales.payment.allocations')}>
            {p.allocations.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('sales.payment.noAllocations')}
              </Typography>
            ) : (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('sales.chain.group.INVOICE')}</TableCell>
                    <TableCell>{t('sales.invoice.paymentState')}</TableCell>
                    <TableCell align="right">{t('sales.invoice.total')}</TableCell>
                    <TableCell align="right">{t('sales.payment.allocate')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {p.allocations.map((a) => (
                    <TableRow key={a.id} data-testid="payment-allocation">
                      <TableCell>
                        {a.invoice ? (
                          <Link component={RouterLink} to={salesPaths.invoice(a.invoice.id)}>
                            {t('sales.invoice.title', { number: a.invoice.number, date: formatDate(a.invoice.date) })}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                      <TableCell>{a.invoice && <PaymentStateChip state={a.invoice.paymentState} overdue={a.invoice.overdue} />}</TableCell>
                      <TableCell align="right">{a.invoice && <Money value={a.invoice.total} />}</TableCell>
                      <TableCell align="right">
                        <Money value={a.amount} strong />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </FormSection>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <ChainPanel type="PAYMENT" id={p.id} parties={{ counterpartyId: p.counterpartyId }} />
        </Grid>
      </Grid>
      <Dialog open={cancelling} onClose={() => setCancelling(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('sales.payment.cancelTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('sales.payment.cancelText')}
          </Typography>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            label={t('sales.payment.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'payment-cancel-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelling(false)}>{t('common.close')}</Button>
          <Button
            color="warning"
            variant="contained"
            disabled={!reason.trim() || Boolean(action.busy)}
            onClick={() =>
              void action.run('cancel', () => cancel({ variables: { id: p.id, input: { reason: reason.trim() } } })).then((ok) => ok && setCancelling(false))
            }
            data-testid="payment-cancel-save"
          >
            {t('sales.payment.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
