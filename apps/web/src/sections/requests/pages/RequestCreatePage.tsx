import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { refreshActive } from '../../../lib/live-refresh';
import { AFTER_MY_REQUEST_CHANGE } from '../../../app/live/request-queries';
import { EventPrefillQuery } from '../../events/graphql/event.graphql';
import { storeAppliedSolution, type AppliedSolution } from '../components/applied-solution';
import { RequestForm } from '../components/RequestForm';
import { isOneOf, REQUEST_CHANNELS, REQUEST_KINDS } from '../components/request-meta';
import { CreateClientRequestMutation } from '../graphql/requests.graphql';

/**
 * A new request, registered as the client talks. The URL may preset the client (`counterpartyId`,
 * `contactPersonId`: from their card), `kind` and `channel`.
 */
export default function RequestCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const counterpartyId = params.get('counterpartyId');
  const contactPersonId = params.get('contactPersonId');
  const kind = params.get('kind');
  const channel = params.get('channel');
  const [applied, setApplied] = useState<AppliedSolution | null>(null);
  const needsPrefill = Boolean(counterpartyId || contactPersonId);
  // The event form's prefill reads exactly what this form needs: a counterparty and a person by id.
  const { data, loading, error } = useQuery(EventPrefillQuery, {
    variables: {
      counterpartyId: counterpartyId ?? '',
      withCounterparty: Boolean(counterpartyId),
      contactPersonId: contactPersonId ?? '',
      withContactPerson: Boolean(contactPersonId),
      userId: '',
      withUser: false,
      eventId: '',
      withEvent: false,
    },
    skip: !needsPrefill,
  });
  const [create] = useMutation(CreateClientRequestMutation, { update: evictList('clientRequests') });

  if (needsPrefill && loading && !data) return <LoadingBlock />;
  const person = data?.contactPerson ?? null;

  return (
    <>
      <PageHeader title={t('request.newTitle')} />
      <ErrorAlert error={error} />
      <RequestForm
        key={params.toString()}
        mode="create"
        initial={{
          kind: isOneOf(REQUEST_KINDS, kind) ? kind : undefined,
          channel: isOneOf(REQUEST_CHANNELS, channel) ? channel : undefined,
          counterparty: data?.counterparty ?? person?.counterparty ?? null,
          contactPerson: person ? { id: person.id, fullName: person.fullName, counterparty: person.counterparty } : null,
        }}
        applied={applied}
        onApply={setApplied}
        submitLabel={t('request.register')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (output) => {
          const result = await create({
            variables: {
              input: {
                kind: output.kind,
                channel: output.channel,
                subject: output.subject,
                description: output.description || undefined,
                counterpartyId: output.counterpartyId ?? undefined,
                contactPersonId: output.contactPersonId ?? undefined,
                productId: output.productId ?? undefined,
                responsibleId: output.responsibleId,
                priority: output.priority,
                critical: output.critical,
              },
            },
          });
          void refreshActive(client, AFTER_MY_REQUEST_CHANGE);
          const id = result.data?.createClientRequest.id;
          if (!id) return;
          // The applied article goes with the request to its card, where it is used on resolving.
          if (applied) storeAppliedSolution(id, applied);
          void navigate(`/requests/${id}`, { replace: true });
        }}
      />
    </>
  );
}
