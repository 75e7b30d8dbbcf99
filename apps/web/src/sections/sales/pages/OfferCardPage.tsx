import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import DoNotDisturbOnOutlined from '@mui/icons-material/DoNotDisturbOnOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import MarkEmailReadOutlined from '@mui/icons-material/MarkEmailReadOutlined';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
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
import { SendDocumentDialog } from '../components/SendDocumentDialog';
import { OfferStateChip } from '../components/state-chips';
import { TotalsBlock } from '../components/TotalsBlock';
import { useDocumentAction } from '../components/useDocumentAction';
import { AcceptOfferMutation, MarkOfferSentMutation, OfferQuery, RejectOfferMutation, SendOfferMutation } from '../graphql/offer.graphql';
import { salesPaths } from '../lib/paths';

export default function OfferCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, loading, error } = useQuery(OfferQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const refresh = { update: evictList('commercialOffers'), refetchQueries: ['SalesChain', 'SalesDesk'] };
  const [markSent] = useMutation(MarkOfferSentMutation, refresh);
  const [accept] = useMutation(AcceptOfferMutation, refresh);
  const [reject] = useMutation(RejectOfferMutation, refresh);
  const [send] = useMutation(SendOfferMutation, { ...refresh, refetchQueries: ['SalesOffer', 'SalesChain', 'SalesDesk'] });
  const action = useDocumentAction();
  const o = data?.commercialOffer;

  if (loading && !o) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('sales.offer.notFound')} />;
  if (!o) return <ErrorAlert error={error} />;

  const title = t('sales.offer.title', { number: o.number, date: formatDate(o.date) });
  const state = o.effectiveState;
  const canEdit = o.state === 'DRAFT' && o.viewerCan.update;

  return (
    <>
      <PageHeader
        title={title}
        titleTestId="offer-title"
        subtitle={
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 0.5 }}>
            <OfferStateChip state={state} testId="offer-state" />
            {o.counterparty && (
              <Link component={RouterLink} to={`/counterparties/${o.counterparty.id}`}>
                {o.counterparty.name}
              </Link>
            )}
          </Stack>
        }
        actions={
          <>
            {canEdit && (
              <Button component={RouterLink} to="edit" startIcon={<EditOutlined />} data-testid="offer-edit">
                {t('common.edit')}
              </Button>
            )}
            <Button component="a" href={o.pdfUrl} target="_blank" rel="noopener" startIcon={<PictureAsPdfOutlined />} data-testid="offer-pdf">
              {t('sales.doc.pdf')}
            </Button>
            {o.viewerCan.send && (
              <Button startIcon={<SendOutlined />} onClick={() => setSending(true)} data-testid="offer-send">
                {t('sales.doc.send')}
              </Button>
            )}
            {o.viewerCan.markSent && (
              <Button
                startIcon={<MarkEmailReadOutlined />}
                disabled={Boolean(action.busy)}
                onClick={() => void action.run('sent', () => markSent({ variables: { id: o.id } }))}
                data-testid="offer-mark-sent"
              >
                {t('sales.offer.markSent')}
              </Button>
            )}
            {(o.viewerCan.accept || o.viewerCan.reject) && (
              <>
                <Button
                  color="success"
                  startIcon={<CheckCircleOutline />}
                  disabled={Boolean(action.busy) || !o.viewerCan.accept}
                  onClick={() => void action.run('accept', () => accept({ variables: { id: o.id } }))}
                  data-testid="offer-accept"
                >
                  {t('sales.offer.accept')}
                </Button>
                <Button
                  color="inherit"
                  startIcon={<DoNotDisturbOnOutlined />}
                  disabled={Boolean(action.busy) || !o.viewerCan.reject}
                  onClick={() => void action.run('reject', () => reject({ variables: { id: o.id } }))}
                  data-testid="offer-reject"
                >
                  {t('sales.offer.reject')}
                </Button>
              </>
            )}
            {o.viewerCan.createInvoice && (
              <Button
                variant="contained"
                component={RouterLink}
                to={salesPaths.newInvoice({ offerId: o.id })}
                startIcon={<ReceiptLongOutlined />}
                data-testid="invoice-create"
              >
                {t('sales.offer.createInvoice')}
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
      {state === 'EXPIRED' && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="offer-expired">
          {t('sales.offer.expiredText', { date: formatDate(o.validUntil) })}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <FormSection title={t('sales.form.sectionMain')}>
            <DetailsList
              items={[
                {
                  label: t('sales.doc.counterparty'),
                  value: o.counterparty ? (
                    <Link component={RouterLink} to={`/counterparties/${o.counterparty.id}`}>
                      {o.counterparty.name}
                    </Link>
                  ) : null,
                },
                {
                  label: t('sales.doc.contactPerson'),
                  value: o.contactPerson ? (
                    <Link component={RouterLink} to={`/contact-persons/${o.contactPerson.id}`}>
                      {o.contactPerson.fullName}
                    </Link>
                  ) : null,
                },
                {
                  label: t('sales.doc.interest'),
                  value: o.interest ? (
                    <Link component={RouterLink} to={salesPaths.interest(o.interest.id)}>
                      {o.interest.number}
                    </Link>
                  ) : null,
                },
                { label: t('sales.offer.validUntil'), value: formatDate(o.validUntil), testId: 'offer-valid-until-value' },
                { label: t('sales.vatMode.label'), value: t(`sales.vatMode.${o.vatMode}`) },
                { label: t('sales.doc.organization'), value: o.organization?.name },
                { label: t('sales.doc.responsible'), value: o.responsible?.fullName },
                { label: t('sales.offer.paymentTerms'), value: o.paymentTerms },
                { label: t('sales.offer.deliveryTerms'), value: o.deliveryTerms },
                { label: t('sales.doc.comment'), value: o.comment },
                { label: t('sales.offer.sentAt'), value: formatDateTime(o.sentAt) },
                { label: t('sales.offer.answeredAt'), value: formatDateTime(o.answeredAt) },
              ]}
            />
          </FormSection>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <ChainPanel type="COMMERCIAL_OFFER" id={o.id} parties={{ counterpartyId: o.counterpartyId, contactPersonId: o.contactPersonId }} />
        </Grid>
        <Grid size={12}>
            <FormSection title={t('sales.lines.title')}>
              <DocumentLinesTable lines={o.lines} testId="offer-lines" />
              <TotalsBlock amount={o.amount} vatAmount={o.vat} total={o.total} vatMode={o.vatMode} totalTestId="offer-total" />
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
            const result = await send({ variables: { id: o.id, input: { to: email || null, comment: message || null } } });
            const sent = result.data?.sendCommercialOffer;
            setNotice(sent?.emailed ? t('sales.send.emailed', { to: sent.to ?? email }) : t('sales.send.recorded'));
          }}
        />
      )}
    </>
  );
}
