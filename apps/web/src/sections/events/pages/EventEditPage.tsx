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
import { AFTER_MY_EVENT_CHANGE, refreshActive } from '../../../lib/live-refresh';
import { EventForm } from '../components/EventForm';
import { EventQuery, UpdateEventMutation } from '../graphql/event.graphql';
import { toUpdateInput } from './event-input';

export default function EventEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [conflict, setConflict] = useState(false);
  // Read the current version before editing, so the save is checked against what the user saw.
  const { data, loading, error, refetch } = useQuery(EventQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateEventMutation);
  const e = data?.event;

  if (loading && !e) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('event.notFound')} />;
  if (!e) return <ErrorAlert error={error} />;
  if (!e.viewerCan.update) return <EmptyState title={t('errors.FORBIDDEN')} />;

  return (
    <>
      <PageHeader title={t('event.editTitle', { name: e.subject })} subtitle={e.number} />
      <EventForm
        key={e.version}
        mode="edit"
        initial={{
          kind: e.kind,
          direction: e.direction,
          importance: e.importance,
          subject: e.subject,
          content: e.content,
          start: e.start,
          end: e.end,
          counterparty: e.counterparty ?? null,
          contactPerson: e.contactPerson ? { ...e.contactPerson, counterparty: e.counterparty } : null,
          responsible: e.responsible ?? null,
        }}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/events/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (output) => {
          await update({ variables: { id, input: toUpdateInput(output, e.version) } });
          void refreshActive(client, AFTER_MY_EVENT_CHANGE);
          void navigate(`/events/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('conflict.event')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
