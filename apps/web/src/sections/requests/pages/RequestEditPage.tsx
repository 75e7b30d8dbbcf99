import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { refreshActive } from '../../../lib/live-refresh';
import { AFTER_MY_REQUEST_CHANGE } from '../../../app/live/request-queries';
import { readAppliedSolution, storeAppliedSolution, type AppliedSolution } from '../components/applied-solution';
import { RequestForm } from '../components/RequestForm';
import { ClientRequestQuery, UpdateClientRequestMutation } from '../graphql/requests.graphql';

export default function RequestEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [conflict, setConflict] = useState(false);
  const [applied, setAppliedState] = useState<AppliedSolution | null>(() => readAppliedSolution(id));
  const { data, loading, error, refetch } = useQuery(ClientRequestQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateClientRequestMutation);
  const r = data?.clientRequest;

  if (loading && !r) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('request.notFound')} />;
  if (!r) return <ErrorAlert error={error} />;
  if (!r.viewerCan.update) return <EmptyState title={t('errors.FORBIDDEN')} />;
  const resolvable = r.state !== 'RESOLVED';

  return (
    <>
      <PageHeader title={t('request.editTitle', { number: r.number })} subtitle={r.subject} />
      <RequestForm
        key={r.version}
        mode="edit"
        initial={{
          kind: r.kind,
          channel: r.channel,
          subject: r.subject,
          description: r.description,
          counterparty: r.counterparty ?? null,
          contactPerson: r.contactPerson ? { ...r.contactPerson, counterparty: r.counterparty } : null,
          product: r.product ? { id: r.product.id, name: r.product.name } : null,
          responsible: r.responsible ?? null,
          priority: r.priority,
          critical: r.critical,
        }}
        applied={resolvable ? applied : null}
        onApply={
          resolvable
            ? (value) => {
                storeAppliedSolution(r.id, value);
                setAppliedState(value);
              }
            : undefined
        }
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/requests/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (output) => {
          await update({
            variables: {
              id,
              input: {
                version: r.version,
                kind: output.kind,
                channel: output.channel,
                subject: output.subject,
                description: output.description || null,
                counterpartyId: output.counterpartyId,
                contactPersonId: output.contactPersonId,
                productId: output.productId,
                responsibleId: output.responsibleId,
                priority: output.priority,
                critical: output.critical,
              },
            },
          });
          void refreshActive(client, AFTER_MY_REQUEST_CHANGE);
          void navigate(`/requests/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('request.conflictWhat')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
