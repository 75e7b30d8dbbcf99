import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { CounterpartyForm } from '../components/CounterpartyForm';
import { CounterpartyQuery, UpdateCounterpartyMutation } from '../graphql/counterparty.graphql';
import { toUpdateInput } from './counterparty-input';

export default function CounterpartyEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  // Always read the current version before editing, so a save is checked against what the user saw.
  const { data, loading, error, refetch } = useQuery(CounterpartyQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateCounterpartyMutation);
  const counterparty = data?.counterparty;

  if (loading && !counterparty) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('counterparty.notFound')} />;
  if (!counterparty) return <ErrorAlert error={error} />;
  if (!counterparty.viewerCan.update) return <EmptyState title={t('errors.FORBIDDEN')} />;

  return (
    <>
      <PageHeader title={t('counterparty.editTitle', { name: counterparty.name })} />
      <CounterpartyForm
        // A reload after a conflict brings a new version: start the form over from it.
        key={counterparty.version}
        initial={counterparty}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/counterparties/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (output) => {
          await update({ variables: { id, input: toUpdateInput(output, counterparty.version) } });
          void navigate(`/counterparties/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('conflict.counterparty')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
