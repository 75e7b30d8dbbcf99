import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { DocumentForm } from '../components/DocumentForm';
import { useSalesReference } from '../components/useSalesReference';
import { CreateInvoiceMutation, InvoicePrefillQuery } from '../graphql/invoice.graphql';
import { toEditableLines } from '../lib/lines';
import { salesPaths } from '../lib/paths';

/** A new invoice «на основании» a commercial offer or a client interest (or for any counterparty). */
export default function InvoiceCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const offerId = params.get('offerId');
  const interestId = offerId ? null : params.get('interestId');
  const ref = useSalesReference();
  const prefill = useQuery(InvoicePrefillQuery, {
    variables: { offerId: offerId ?? '', withOffer: Boolean(offerId), interestId: interestId ?? '', withInterest: Boolean(interestId) },
    skip: !offerId && !interestId,
  });
  const [create] = useMutation(CreateInvoiceMutation, { update: evictList('invoices') });

  if (ref.loading || ((offerId || interestId) && prefill.loading && !prefill.data)) return <LoadingBlock />;
  const offer = prefill.data?.commercialOffer ?? null;
  const interest = prefill.data?.clientInterest ?? null;
  const basis = offer ?? interest;

  return (
    <>
      <PageHeader
        title={t('sales.invoice.newTitle')}
        subtitle={
          basis ? (
            <span data-testid="invoice-based-on">
              {t('sales.doc.basedOn')}:{' '}
              <Link component={RouterLink} to={offer ? salesPaths.offer(offer.id) : salesPaths.interest(basis.id)}>
                {offer ? t('sales.chain.offerTitle', { number: offer.number }) : t('sales.chain.interestTitle', { number: basis.number })}
              </Link>
            </span>
          ) : undefined
        }
      />
      <ErrorAlert error={ref.error ?? prefill.error} />
      <DocumentForm
        key={basis?.id ?? 'none'}
        kind="invoice"
        vatRates={ref.vatRates}
        organizations={ref.organizations}
        counterpartyLocked={Boolean(basis)}
        initial={{
          counterparty: basis?.counterparty ?? null,
          contactPerson: basis?.contactPerson ? { ...basis.contactPerson, counterparty: basis.counterparty } : null,
          vatMode: offer?.vatMode ?? 'INCLUDED',
          organizationId: offer?.organizationId ?? null,
          lines: toEditableLines(offer?.lines ?? interest?.lines, ref.defaultVatRate),
        }}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (out) => {
          const result = await create({
            variables: {
              input: {
                basedOnOfferId: offer?.id ?? null,
                basedOnInterestId: interest?.id ?? null,
                counterpartyId: basis ? null : out.counterpartyId,
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
          const id = result.data?.createInvoice.id;
          if (id) void navigate(salesPaths.invoice(id), { replace: true });
        }}
      />
    </>
  );
}
