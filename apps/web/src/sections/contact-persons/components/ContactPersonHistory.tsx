import { EntityHistory } from '../../../components/history/EntityHistory';
import { ContactPersonHistoryQuery } from '../graphql/contact-person.graphql';
import { renderCounterpartyId } from './CounterpartyName';

export function ContactPersonHistory({ id }: { id: string }) {
  return (
    <EntityHistory
      query={ContactPersonHistoryQuery}
      id={id}
      selectPage={(data) => data.contactPerson.history}
      renderValue={renderCounterpartyId}
    />
  );
}
