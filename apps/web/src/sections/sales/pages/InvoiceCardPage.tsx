import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EditOutlined from '@mui/icons-material/EditOutlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import PaymentsOutlined from '@mui/icons-material/PaymentsOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
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
import { Money } from '../components/Money';
import { SendDocumentDialog } from '../components/SendDocumentDialog';
import { PaymentStateChip, PostedChip } from '../components/state-chips';
import { TotalsBlock } from '../components/TotalsBlock';
import { useDocumentAction } from '../components/useDocumentAction';
import { InvoiceQuery, PostInvoiceMutation, SendInvoiceMutation, UnpostInvoiceMutation } from '../graphql/invoice.graphql';
import { money } from '../lib/money';
import { salesPaths } from '../lib/paths';

export default function InvoiceCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading, error } = useQuery(InvoiceQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const refresh = { update: evictList('invoices'), refetchQueries: ['SalesChain', 'SalesDesk'] };
  const [post] = useMutation(PostInvoiceMutation, refresh);
  const [unpost] = useMutation(UnpostInvoiceMutation, refresh);
  const [send] = useMutation(SendInvoiceMutation, { refetchQueries: ['SalesChain'] });
  const action = useDocumentAction();
  const inv = data?.invoice;

  if (loading && !inv) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('sales.invoice.notFound')} />;
  if (!inv) return <ErrorAlert error={error} />;

  const title = t('sales.invoice.title', { number: inv.number, date: formatDate(inv.date) });
  const open = inv.posted && inv.paymentState !== 'PAID';

  return (
    <>
      <PageHeader
        title={title}
        titleTestId="invoice-title"
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <PostedChip posted={inv.posted} testId="invoice-posted" />
            <PaymentStateChip state={inv.paymentState} overdue={inv.overdue} testId="invoice-payment-state" />
            {inv.counterparty && (
              <Link component={RouterLink} to={`/counterparties/${inv.counterparty.id}`}>
                {inv.counterparty.name}
              </Link>
            )}
          </Stack>
        }
        actions={
          <>
            {!inv.posted && inv.viewerCan.update && (
              <Button component={RouterLink} to="edit" startIcon={<EditOutlined />} data-testid="invoice-edit">
                {t('common.edit')}
              </Button>
            )}
            {!inv.posted && inv.viewerCan.post && (
              <Button
                variant="contained"
                startIcon={<TaskAltOutlined />}
                disabled={Boolean(action.busy)}
                onClick={() => void action.run('post', () => post({ variables: { id: inv.id } }))}
                data-testid="invoice-post"
              >
                {t('sales.doc.post')}
              </Button>
            )}
            {inv.posted && inv.viewerCan.unpost && (
              <Button
                color="warning"
                startIcon={<LockOpenOutlined />}
                disabled={Boolean(action.busy)}
                onClick={() => void action.run('unpost', () => unpost({ variables: { id: inv.id } }))}
                data-testid="invoice-unpost"
              >
                {t('sales.doc.unpost')}
              </Button>
            )}
            <Button component="a" href={inv.pdfUrl} target="_blank" rel="noopener" startIcon={<PictureAsPdfOutlined />} data-testid="invoice-pdf">
              {t('sales.doc.pdf')}
            </Button>
            {inv.viewerCan.send && (
              <Button startIcon={<SendOutlined />} onClick={() => setSending(true)} data-testid="invoice-send">
                {t('sales.doc.send')}
              </Button>
            )}
            {inv.viewerCan.registerPayment && open && (
              <Button
                variant="contained"
                color="success"
                component={RouterLink}
                to={salesPaths.newPayment({ invoiceId: inv.id })}
                startIcon={<PaymentsOutlined />}
                data-testid="invoice-register-payment"
              >
                {t('sales.invoice.registerPayment')}
              </Button>
            )}
            {inv.viewerCan.createShipment && (
              <Button component={RouterLink} to={salesPaths.newShipment(inv.id)} startIcon={<LocalShippingOutlined />} data-testid="invoice-create-shipment">
                {t('sales.invoice.createShipment')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert messages={action.messages} />
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }} data-testid="send-result">
          {notice}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="invoice-payment-summary">
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' }, gap: 2 }}>
              <Figure label={t('sales.invoice.total')} value={inv.total} testId="invoice-total-figure" />
              <Figure label={t('sales.invoice.paid')} value={inv.paidAmount} testId="invoice-paid" />
              <Figure
                label={t('sales.invoice.remaining')}
                value={inv.amountDue}
                testId="invoice-remaining"
                tone={money.isPositive(inv.amountDue) ? (inv.overdue ? 'error.main' : 'text.primary') : 'success.main'}
              />
            </Box>
            {inv.paymentDueDate && (
              <Typography variant="body2" color={inv.overdue ? 'error' : 'text.secondary'} sx={{ mt: 1 }}>
                {t(inv.overdue ? 'sales.invoice.overdueSince' : 'sales.invoice.dueBy', { date: formatDate(inv.paymentDueDate) })}
              </Typography>
            )}
          </Paper>
          <FormSection title={t('sales.form.sectionMain')}>
            <DetailsList
              items={[
                {
                  label: t('sales.doc.counterparty'),
                  value: inv.counterparty ? (
                    <Link component={RouterLink} to={`/counterparties/${inv.counterparty.id}`}>
                      {inv.counterparty.name}
                    </Link>
                  ) : null,
                },
                {
                  label: t('sales.doc.contactPerson'),
                  value: inv.contactPerson ? (
                    <Link component={RouterLink} to={`/contact-persons/${inv.contactPerson.id}`}>
                      {inv.contactPerson.fullName}
                    </Link>
                  ) : null,
                },
                {
                  label: t('sales.doc.basedOn'),
                  value: inv.offer ? (
                    <Link component={RouterLink} to={salesPaths.offer(inv.offer.id)}>
                      {t('sales.chain.offerTitle', { number: inv.offer.number })}
                    </Link>
                  ) : inv.interest ? (
                    <Link component={RouterLink} to={salesPaths.interest(inv.interest.id)}>
                      {t('sales.chain.interestTitle', { number: inv.interest.number })}
                    </Link>
                  ) : null,
                },
                { label: t('sales.invoice.organization'), value: inv.organization?.name },
                { label: t('sales.invoice.bankAccount'), value: inv.bankAccount ? `${inv.bankAccount.bankName}, ${t('sales.invoice.accountShort')} ${inv.bankAccount.accountNumber}` : null },
                { label: t('sales.invoice.dueDate'), value: formatDate(inv.paymentDueDate) },
                { label: t('sales.vatMode.label'), value: t(`sales.vatMode.${inv.vatMode}`) },
                { label: t('sales.doc.responsible'), value: inv.responsible?.fullName },
                { label: t('sales.doc.postedAt'), value: formatDateTime(inv.postedAt) },
                { label: t('sales.doc.comment'), value: inv.comment },
              ]}
            />
          </FormSection>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <ChainPanel type="INVOICE" id={inv.id} parties={{ counterpartyId: inv.counterpartyId, contactPersonId: inv.contactPersonId }} />
        </Grid>
        <Grid size={12}>
            <FormSection title={t('sales.lines.title')}>
              <DocumentLinesTable lines={inv.lines} testId="invoice-lines" />
              <TotalsBlock amount={inv.amount} vatAmount={inv.vat} total={inv.total} vatMode={inv.vatMode} totalTestId="invoice-total" />
            </FormSection>
        </Grid>
      </Grid>
      {sending && (
        <SendDocumentDialog
          open
          documentTitle={title}
          defaultEmail={null}
          onClose={() => setSending(false)}
          onSend={async ({ email, message }) => {
            const result = await send({ variables: { id: inv.id, input: { to: email || null, comment: message || null } } });
            const sent = result.data?.sendInvoice;
            setNotice(sent?.emailed ? t('sales.send.emailed', { to: sent.to ?? email }) : t('sales.send.recorded'));
          }}
        />
      )}
    </>
  );
}

function Figure({ label, value, testId, tone }: { label: string; value: string; testId: string; tone?: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div" sx={{ color: tone }}>
        <Money value={value} testId={testId} />
      </Typography>
    </Box>
  );
}
