import type { EntityManager } from 'typeorm';

/**
 * The next document number for a prefix and year, e.g. `EV-2026-000123`. Must run in the transaction that
 * creates the document: the counter row stays locked until commit, and a rollback gives the number back,
 * so numbers have neither gaps nor duplicates under any concurrency.
 */
export async function nextDocumentNumber(tx: EntityManager, prefix: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const [row] = await tx.query(
    `INSERT INTO document_counters (prefix, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = document_counters.last + 1
     RETURNING last`,
    [prefix, year],
  );
  return `${prefix}-${year}-${String(row.last).padStart(6, '0')}`;
}
