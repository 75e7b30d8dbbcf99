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
import { OfferQuery, UpdateOfferMutation } from '../graphql/offer.graphql';
import { toEditableLines } from '../lib/lines';
import { salesPaths } from '../lib/paths';

/** Changing a draft offer; once sent it is a record of what the client was offered and stays as it is. */
export default function OfferEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const ref = useSalesReference();
  const { data, loading, error } = useQuery(OfferQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateOfferMutation, { refetchQueries: ['SalesChain'] });
  const o = data?.commercialOffer;

  if (ref.loading || (loading && !o)) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('sales.offer.notFound')} />;
  if (!o) return <ErrorAlert error={error ?? ref.error} />;

  return (
    <>
      <PageHeader title={t('sales.offer.editTitle', { number: o.number })} />
      <DocumentForm
        kind="offer"
        vatRates={ref.vatRates}
        organizations={ref.organizations}
        counterpartyLocked
        initial={{
          counterparty: o.counterparty ?? { id: o.counterpartyId, name: '' },
          contactPerson: o.contactPerson ? { ...o.contactPerson, counterparty: o.counterparty } : null,
          date: o.date,
          untilDate: o.validUntil ?? '',
          vatMode: o.vatMode,
          lines: toEditableLines(o.lines, ref.defaultVatRate),
          paymentTerms: o.paymentTerms,
          deliveryTerms: o.deliveryTerms,
          comment: o.comment,
        }}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (out) => {
          await update({
            variables: {
              id: o.id,
              input: {
                version: o.version,
                contactPersonId: out.contactPersonId,
                date: out.date,
                validUntil: out.untilDate,
                vatMode: out.vatMode,
                lines: out.lines,
                paymentTerms: out.paymentTerms,
                deliveryTerms: out.deliveryTerms,
                comment: out.comment,
              },
            },
          });
          void navigate(salesPaths.offer(o.id), { replace: true });
        }}
      />
    </>
  );
}
