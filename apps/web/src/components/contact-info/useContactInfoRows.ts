import { useState } from 'react';
import type { ContactInfoFieldsFragment } from '../../graphql/graphql';
import { rowsFromServer, type ContactInfoRow, type RowErrors } from './rows';

/** Editor rows plus the server's errors per row; editing a row clears its errors, the others keep theirs. */
export function useContactInfoRows(initial: readonly ContactInfoFieldsFragment[] | undefined) {
  const [rows, setRows] = useState<ContactInfoRow[]>(() => rowsFromServer(initial ?? []));
  const [serverErrors, setServerErrors] = useState<Record<string, RowErrors>>({});

  const onChange = (next: ContactInfoRow[]) => {
    const changed = new Set(next.filter((r) => !rows.includes(r)).map((r) => r.key));
    setRows(next);
    if (changed.size) setServerErrors((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !changed.has(k))));
  };

  return { rows, onChange, serverErrors, setServerErrors };
}
