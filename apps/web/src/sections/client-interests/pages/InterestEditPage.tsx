import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { EmptyState } from '../../../components/EmptyState';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { InterestForm } from '../components/InterestForm';
import { ClientInterestQuery, SalesReferenceQuery, UpdateClientInterestMutation } from '../graphql/interest.graphql';
import { SalesErrorAlert } from '../lib/errors';
import { normalizeQuantity } from '../lib/money';
import { toUpdateInterestInput as toUpdate } from './interest-input';

export default function InterestEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  // The current version, so the save is checked against what the manager saw.
  const { data, loading, error, refetch } = useQuery(ClientInterestQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const reference = useQuery(SalesReferenceQuery);
  const [update] = useMutation(UpdateClientInterestMutation, {
    update(cache) {
      for (const fieldName of ['clientInterests', 'clientInterestBoard', 'stalledClientInterests']) cache.evict({ id: 'ROOT_QUERY', fieldName });
      cache.gc();
    },
  });
  const ci = data?.clientInterest;

  if ((loading && !ci) || (reference.loading && !reference.data)) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('interests.notFound')} />;
  if (!ci || !reference.data) return <SalesErrorAlert error={error ?? reference.error} />;
  if (!ci.viewerCan.update) return <EmptyState title={t('interests.cannotEdit')} description={t(`interests.cannotEditState.${ci.state}`)} />;

  return (
    <>
      <PageHeader title={t('interests.editTitle', { number: ci.number })} />
      <InterestForm
        key={ci.version}
        mode="edit"
        initial={{
          counterparty: ci.counterparty,
          contactPerson: ci.contactPerson,
          need: ci.need,
          lines: ci.lines.map((l) => ({
            product: l.product ?? { id: l.productId, name: '…', unit: '', price: l.price },
            quantity: normalizeQuantity(l.quantity) ?? l.quantity,
            price: l.price,
          })),
          plannedAmount: ci.plannedAmount,
          plannedCloseDate: ci.plannedCloseDate,
          probability: ci.probability,
          scenarioId: ci.scenario.id,
          stageId: ci.stage.id,
          stageName: ci.stage.name,
          informationSourceId: ci.informationSource?.id ?? null,
          competitors: ci.competitors,
          responsible: ci.responsible,
        }}
        scenarios={reference.data.salesScenarios}
        sources={reference.data.informationSources}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/client-interests/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (output) => {
          await update({ variables: { id, input: { ...toUpdate(output, ci.version) } } });
          void navigate(`/client-interests/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('interests.conflictWhat')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
