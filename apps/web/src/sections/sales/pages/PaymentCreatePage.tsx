import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { PaymentForm } from '../components/PaymentForm';
import { CreatePaymentMutation, PaymentPrefillQuery } from '../graphql/payment.graphql';
import { salesPaths } from '../lib/paths';

/** Registering money received; from an invoice card it starts with that invoice's buyer and unpaid remainder. */
export default function PaymentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const invoiceId = params.get('invoiceId');
  const counterpartyId = invoiceId ? null : params.get('counterpartyId');
  const prefill = useQuery(PaymentPrefillQuery, {
    variables: { invoiceId: invoiceId ?? '', withInvoice: Boolean(invoiceId), counterpartyId: counterpartyId ?? '', withCounterparty: Boolean(counterpartyId) },
    skip: !invoiceId && !counterpartyId,
    fetchPolicy: 'network-only',
  });
  const [create] = useMutation(CreatePaymentMutation, {
    update: (cache) => {
      evictList('payments')(cache);
      evictList('invoices')(cache);
    },
    refetchQueries: ['SalesInvoice', 'SalesChain', 'SalesDesk'],
  });

  if ((invoiceId || counterpartyId) && prefill.loading && !prefill.data) return <LoadingBlock />;
  const invoice = prefill.data?.invoice ?? null;

  return (
    <>
      <PageHeader
        title={t('sales.payment.newTitle')}
        subtitle={
          invoice ? (
            <span data-testid="payment-based-on">
              {t('sales.payment.forInvoice')}:{' '}
              <Link component={RouterLink} to={salesPaths.invoice(invoice.id)}>
                {invoice.number}
              </Link>
            </span>
          ) : undefined
        }
      />
      <ErrorAlert error={prefill.error} />
      <PaymentForm
        key={invoice?.id ?? prefill.data?.counterparty?.id ?? 'none'}
        initial={{
          counterparty: invoice?.counterparty ?? prefill.data?.counterparty ?? null,
          amount: invoice?.amountDue ?? null,
          firstInvoiceId: invoice?.id ?? null,
        }}
        onCancel={() => void navigate(-1)}
        onSubmit={async (out) => {
          const result = await create({ variables: { input: out } });
          const id = result.data?.createPayment.id;
          // Back to the invoice it was registered from: the bookkeeper sees it paid; otherwise the payment's card.
          if (invoice) void navigate(salesPaths.invoice(invoice.id), { replace: true });
          else if (id) void navigate(salesPaths.payment(id), { replace: true });
        }}
      />
    </>
  );
}
