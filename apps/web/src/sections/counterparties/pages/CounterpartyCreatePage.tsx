import { useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { evictList } from '../../../lib/cache';
import { PageHeader } from '../../../components/PageHeader';
import { CounterpartyForm } from '../components/CounterpartyForm';
import { CreateCounterpartyMutation } from '../graphql/counterparty.graphql';
import { toCreateInput } from './counterparty-input';

export default function CounterpartyCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Lists cached before are now missing a row; drop them so the grid asks again.
  const [create] = useMutation(CreateCounterpartyMutation, { update: evictList('counterparties') });

  return (
    <>
      <PageHeader title={t('counterparty.newTitle')} />
      <CounterpartyForm
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (output) => {
          const result = await create({ variables: { input: toCreateInput(output) } });
          const id = result.data?.createCounterparty.id;
          if (id) void navigate(`/counterparties/${id}`, { replace: true });
        }}
      />
    </>
  );
}
