import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { DocumentForm } from '../components/DocumentForm';
import { useSalesReference } from '../components/useSalesReference';
import { InvoiceQuery, UpdateInvoiceMutation } from '../graphql/invoice.graphql';
import { toEditableLines } from '../lib/lines';
import { salesPaths } from '../lib/paths';

/** Changing an unposted invoice; a posted one must be unposted first (the card says why when it cannot be). */
export default function InvoiceEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const ref = useSalesReference();
  const { data, loading, error } = useQuery(InvoiceQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateInvoiceMutation, { refetchQueries: ['SalesChain'] });
  const inv = data?.invoice;

  if (ref.loading || (loading && !inv)) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('sales.invoice.notFound')} />;
  if (!inv) return <ErrorAlert error={error ?? ref.error} />;

  return (
    <>
      <PageHeader title={t('sales.invoice.editTitle', { number: inv.number })} />
      <DocumentForm
        kind="invoice"
        vatRates={ref.vatRates}
        organizations={ref.organizations}
        counterpartyLocked
        initial={{
          counterparty: inv.counterparty ?? { id: inv.counterpartyId, name: '' },
          contactPerson: inv.contactPerson ? { ...inv.contactPerson, counterparty: inv.counterparty } : null,
          date: inv.date,
          untilDate: inv.paymentDueDate ?? '',
          vatMode: inv.vatMode,
          organizationId: inv.organizationId,
          bankAccountId: inv.bankAccountId,
          lines: toEditableLines(inv.lines, ref.defaultVatRate),
          comment: inv.comment,
        }}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (out) => {
          await update({
            variables: {
              id: inv.id,
              input: {
                version: inv.version,
                contactPersonId: out.contactPersonId,
                date: out.date,
                paymentDueDate: out.untilDate,
                vatMode: out.vatMode,
                organizationId: out.organizationId,
                bankAccountId: out.bankAccountId,
                lines: out.lines,
                comment: out.comment,
              },
            },
          });
          void navigate(salesPaths.invoice(inv.id), { replace: true });
        }}
      />
    </>
  );
}
