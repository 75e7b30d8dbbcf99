import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { validateInn } from '@crm/contact-info';
import type { DuplicateCheckInput, DuplicateMatchFieldsFragment } from '../../../graphql/graphql';
import { duplicateProbe, type ContactInfoRow } from '../../../components/contact-info/rows';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { CounterpartyDuplicatesQuery } from '../graphql/counterparty.graphql';

/**
 * Likely duplicates of what is being typed (INN, phones, e-mails), asked for once typing pauses.
 * Only complete values are sent: half a phone number matches nothing useful and only costs a request.
 */
export function useCounterpartyDuplicates(
  inn: string,
  rows: readonly ContactInfoRow[],
  excludeId?: string,
): DuplicateMatchFieldsFragment[] {
  const probe = useMemo(() => {
    const input: DuplicateCheckInput = {};
    if (validateInn(inn).ok) input.inn = inn.trim();
    const contactInfo = duplicateProbe(rows);
    if (contactInfo.length) input.contactInfo = contactInfo;
    if (excludeId) input.excludeId = excludeId;
    return JSON.stringify(input);
  }, [inn, rows, excludeId]);
  const debounced = useDebouncedValue(probe, 400);
  const input = useMemo(() => JSON.parse(debounced) as DuplicateCheckInput, [debounced]);
  const skip = !input.inn && !input.contactInfo?.length;

  const { data, previousData } = useQuery(CounterpartyDuplicatesQuery, {
    variables: { input },
    skip,
    fetchPolicy: 'network-only',
  });
  // A failed check is not worth a message: the warning is advisory and the save itself is unaffected.
  return skip ? [] : ((data ?? previousData)?.counterpartyDuplicates ?? []);
}
