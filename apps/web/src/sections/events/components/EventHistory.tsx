import { EntityHistory } from '../../../components/history/EntityHistory';
import { renderCounterpartyId } from '../../contact-persons/components/CounterpartyName';
import { EventHistoryQuery } from '../graphql/event.graphql';

export function EventHistory({ id }: { id: string }) {
  return (
    <EntityHistory query={EventHistoryQuery} id={id} selectPage={(data) => data.event.history} renderValue={renderCounterpartyId} />
  );
}
