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
import { CreateOfferMutation, OfferPrefillQuery } from '../graphql/offer.graphql';
import { toEditableLines } from '../lib/lines';
import { salesPaths } from '../lib/paths';

/** A new commercial offer, usually «на основании» a client interest: its client and product lines are copied. */
export default function OfferCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const interestId = params.get('interestId');
  const ref = useSalesReference();
  const prefill = useQuery(OfferPrefillQuery, { variables: { interestId: interestId ?? '' }, skip: !interestId });
  const [create] = useMutation(CreateOfferMutation, { update: evictList('commercialOffers') });

  if (ref.loading || (interestId && prefill.loading && !prefill.data)) return <LoadingBlock />;
  const interest = prefill.data?.clientInterest ?? null;

  return (
    <>
      <PageHeader
        title={t('sales.offer.newTitle')}
        subtitle={
          interest ? (
            <span data-testid="offer-based-on">
              {t('sales.doc.basedOn')}:{' '}
              <Link component={RouterLink} to={salesPaths.interest(interest.id)}>
                {t('sales.chain.interestTitle', { number: interest.number })}
              </Link>
            </span>
          ) : undefined
        }
      />
      <ErrorAlert error={ref.error ?? prefill.error} />
      <DocumentForm
        key={interest?.id ?? 'none'}
        kind="offer"
        vatRates={ref.vatRates}
        organizations={ref.organizations}
        counterpartyLocked={Boolean(interest)}
        initial={{
          counterparty: interest?.counterparty ?? null,
          contactPerson: interest?.contactPerson ? { ...interest.contactPerson, counterparty: interest.counterparty } : null,
          vatMode: 'INCLUDED',
          lines: toEditableLines(interest?.lines, ref.defaultVatRate),
        }}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (out) => {
          const result = await create({
            variables: {
              input: {
                basedOnInterestId: interest?.id ?? null,
                counterpartyId: interest ? null : out.counterpartyId,
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
          const id = result.data?.createCommercialOffer.id;
          if (id) void navigate(salesPaths.offer(id), { replace: true });
        }}
      />
    </>
  );
}
