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

/**
 * `nextDocumentNumber` as part of the statement that writes the document: a CTE (name it, e.g. `n`) taking
 * the number, to be used as `FROM n` by the document's INSERT with `documentNumberSql('n')` for its number.
 * The counter row is then locked only while that statement and its transaction commit, not through the
 * document's other writes: documents of one kind are created one after another at the speed of that lock.
 * `prefix` and `year` are SQL expressions (usually parameters).
 */
export const nextNumberCte = (prefix: string, year: string) =>
  `INSERT INTO document_counters (prefix, year, last) VALUES (${prefix}, ${year}, 1)
   ON CONFLICT (prefix, year) DO UPDATE SET last = document_counters.last + 1
   RETURNING prefix, year, last`;

/** The number a `nextNumberCte` named `n` took, formatted as `nextDocumentNumber` formats it. */
export const documentNumberSql = (n: string) => `${n}.prefix || '-' || ${n}.year || '-' || lpad(${n}.last::text, greatest(6, length(${n}.last::text)), '0')`;
