import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { ContactPersonForm } from '../components/ContactPersonForm';
import { CounterpartyNameQuery, CreateContactPersonMutation } from '../graphql/contact-person.graphql';
import { toCreateInput } from './contact-person-input';

export default function ContactPersonCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const counterpartyId = params.get('counterpartyId');
  // Opened from a counterparty's card: show that counterparty already chosen.
  const { data, loading } = useQuery(CounterpartyNameQuery, {
    variables: { id: counterpartyId ?? '' },
    skip: !counterpartyId,
  });
  const [create] = useMutation(CreateContactPersonMutation, {
    update(cache) {
      evictList('contactPersons')(cache);
      // The counterparty's card lists its persons; let it ask again.
      if (counterpartyId) cache.evict({ id: cache.identify({ __typename: 'Counterparty', id: counterpartyId }), fieldName: 'contactPersons' });
    },
  });

  if (counterpartyId && loading) return <LoadingBlock />;

  return (
    <>
      <PageHeader title={t('contactPerson.newTitle')} />
      <ContactPersonForm
        initialCounterparty={data?.counterparty ?? null}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (output) => {
          const result = await create({ variables: { input: toCreateInput(output) } });
          const id = result.data?.createContactPerson.id;
          if (id) void navigate(`/contact-persons/${id}`, { replace: true });
        }}
      />
    </>
  );
}
