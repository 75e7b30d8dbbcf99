import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one transaction. Everything a service writes, its audit row included, goes through `tx`;
 * a query on the DataSource inside the callback would wait for a second connection (and on the embedded
 * database, whose pool has one, wait forever).
 */
export function withTransaction<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction('READ COMMITTED', work);
}

/**
 * Runs an `UPDATE ... RETURNING` (or `DELETE ... RETURNING`) and gives back the returned rows.
 * TypeORM hands these back as `[rows, rowCount]` rather than plain rows as for SELECT.
 */
export async function updateReturning<T = Record<string, unknown>>(tx: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = await tx.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
