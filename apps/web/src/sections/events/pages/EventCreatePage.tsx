import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Link from '@mui/material/Link';
import { useTranslation } from 'react-i18next';
import type { EventDirection, ObjectRefInput, ObjectType } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { evictList } from '../../../lib/cache';
import { objectRefPath } from '../../../lib/entity-paths';
import { AFTER_MY_EVENT_CHANGE, refreshActive } from '../../../lib/live-refresh';
import { EventForm, type EventFormInitial } from '../components/EventForm';
import { isEventKind } from '../components/event-meta';
import { CreateEventMutation, EventPrefillQuery } from '../graphql/event.graphql';
import { toCreateInput } from './event-input';

const OBJECT_TYPES: readonly ObjectType[] = ['EVENT', 'COUNTERPARTY', 'CONTACT_PERSON', 'CLIENT_INTEREST', 'COMMERCIAL_OFFER', 'INVOICE', 'PAYMENT', 'SHIPMENT', 'CLIENT_REQUEST', 'TASK'];

/** Only paths inside the app: `returnTo` comes from the URL. */
const safeReturn = (v: string | null) => (v && v.startsWith('/') && !v.startsWith('//') ? v : null);

/**
 * A new event. The URL says what it starts from: `kind` (quick launch), `start`/`end` (a calendar slot),
 * `counterpartyId`/`contactPersonId` and `basedOnType`/`basedOnId` (a card's «Создать событие», an event's
 * follow-up), `responsibleId` (a colleague's calendar), `returnTo` (where to go after saving).
 */
export default function EventCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const kindParam = params.get('kind');
  const directionParam = params.get('direction');
  const basedOnType = OBJECT_TYPES.find((x) => x === params.get('basedOnType'));
  const basedOnId = params.get('basedOnId');
  const basedOn: ObjectRefInput | null = basedOnType && basedOnId ? { type: basedOnType, id: basedOnId } : null;
  const sourceEventId = basedOn?.type === 'EVENT' ? basedOn.id : null;
  const counterpartyId = params.get('counterpartyId');
  const contactPersonId = params.get('contactPersonId');
  const responsibleId = params.get('responsibleId');
  const returnTo = safeReturn(params.get('returnTo'));

  const needsPrefill = Boolean(counterpartyId || contactPersonId || responsibleId || sourceEventId);
  const { data, loading, error } = useQuery(EventPrefillQuery, {
    variables: {
      counterpartyId: counterpartyId ?? '',
      withCounterparty: Boolean(counterpartyId),
      contactPersonId: contactPersonId ?? '',
      withContactPerson: Boolean(contactPersonId),
      userId: responsibleId ?? '',
      withUser: Boolean(responsibleId),
      eventId: sourceEventId ?? '',
      withEvent: Boolean(sourceEventId),
    },
    skip: !needsPrefill,
  });
  const [create] = useMutation(CreateEventMutation, {
    update(cache) {
      evictList('events')(cache);
    },
  });

  if (needsPrefill && loading && !data) return <LoadingBlock />;

  const source = data?.event ?? null;
  const person = data?.contactPerson ?? null;
  const kind = isEventKind(kindParam) ? kindParam : undefined;
  const direction: EventDirection | undefined =
    directionParam === 'INCOMING' || directionParam === 'OUTGOING' ? directionParam : undefined;
  // A follow-up copies the source event's party, subject and responsible (as the server's «на основании» does).
  const initial: EventFormInitial = {
    kind: kind ?? source?.kind,
    direction: direction ?? (source ? 'OUTGOING' : undefined),
    importance: source?.importance,
    subject: params.get('subject') ?? (source ? source.subject : undefined),
    start: params.get('start'),
    end: params.get('end'),
    counterparty: data?.counterparty ?? person?.counterparty ?? source?.counterparty ?? null,
    contactPerson: person ? { id: person.id, fullName: person.fullName, counterparty: person.counterparty } : source?.contactPerson ? { ...source.contactPerson, counterparty: source.counterparty } : null,
    responsible: data?.user ?? source?.responsible ?? undefined,
  };
  const basedOnTitle =
    source?.subject ?? (basedOn?.type === 'COUNTERPARTY' ? data?.counterparty?.name : basedOn?.type === 'CONTACT_PERSON' ? person?.fullName : undefined);
  const basedOnPath = objectRefPath(basedOn);

  return (
    <>
      <PageHeader
        title={kind ? t(`event.newTitleKind.${kind}`) : t('event.newTitle')}
        subtitle={
          basedOn && basedOnTitle ? (
            <span data-testid="event-based-on">
              {t('event.basedOn')}:{' '}
              {basedOnPath ? (
                <Link component={RouterLink} to={basedOnPath}>
                  {basedOnTitle}
                </Link>
              ) : (
                basedOnTitle
              )}
            </span>
          ) : undefined
        }
      />
      <ErrorAlert error={error} />
      <EventForm
        // Prefill arrives before the form's first render (the page waits for it), so its state starts from it; another
        // quick-launch click (new URL, same page) starts a fresh form.
        key={params.toString()}
        mode="create"
        initial={initial}
        submitLabel={t('common.create')}
        onCancel={() => void navigate(-1)}
        onSubmit={async (output) => {
          const result = await create({ variables: { input: toCreateInput(output, basedOn) } });
          void refreshActive(client, AFTER_MY_EVENT_CHANGE);
          const id = result.data?.createEvent.id;
          if (returnTo) void navigate(returnTo, { replace: true });
          else if (id) void navigate(`/events/${id}`, { replace: true });
        }}
      />
    </>
  );
}
