import { useNavigate, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { InterestForm, type InterestFormInitial } from '../components/InterestForm';
import { CreateClientInterestMutation, InterestPrefillQuery, SalesReferenceQuery } from '../graphql/interest.graphql';
import { SalesErrorAlert } from '../lib/errors';
import { toCreateInterestInput } from './interest-input';

/** Lists that gain a row with a new interest; they are read again when next shown. */
export const INTEREST_LISTS = ['clientInterests', 'clientInterestBoard', 'stalledClientInterests'] as const;

/**
 * A new client interest. The URL says what it starts from: `counterpartyId` / `contactPersonId` (the card's
 * «New interest»), nothing (quick launch or the Client interests tab).
 */
export default function InterestCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const counterpartyId = params.get('counterpartyId');
  const contactPersonId = params.get('contactPersonId');
  const reference = useQuery(SalesReferenceQuery);
  const prefill = useQuery(InterestPrefillQuery, {
    variables: {
      counterpartyId: counterpartyId ?? '',
      withCounterparty: Boolean(counterpartyId),
      contactPersonId: contactPersonId ?? '',
      withContactPerson: Boolean(contactPersonId),
    },
    skip: !counterpartyId && !contactPersonId,
  });
  const [create] = useMutation(CreateClientInterestMutation, {
    update(cache, { data }) {
      for (const fieldName of INTEREST_LISTS) cache.evict({ id: 'ROOT_QUERY', fieldName });
      const cpId = data?.createClientInterest.counterparty?.id;
      if (cpId) cache.evict({ id: cache.identify({ __typename: 'Counterparty', id: cpId }), fieldName: 'clientInterests' });
      cache.gc();
    },
  });

  if ((reference.loading && !reference.data) || (prefill.loading && !prefill.data)) return <LoadingBlock />;
  if (!reference.data) return <SalesErrorAlert error={reference.error} />;

  const person = prefill.data?.contactPerson ?? null;
  const initial: InterestFormInitial = {
    counterparty: prefill.data?.counterparty ?? person?.counterparty ?? null,
    contactPerson: person ? { id: person.id, fullName: person.fullName, counterparty: person.counterparty } : null,
  };

  return (
    <>
      <PageHeader title={t('interests.newTitle')} />
      <SalesErrorAlert error={prefill.error} />
      <InterestForm
        key={params.toString()}
        mode="create"
        initial={initial}
        scenarios={reference.data.salesScenarios}
        sources={reference.data.informationSources}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (output) => {
          const result = await create({ variables: { input: toCreateInterestInput(output) } });
          const id = result.data?.createClientInterest.id;
          client.cache.gc();
          if (id) void navigate(`/client-interests/${id}`, { replace: true });
        }}
      />
    </>
  );
}
