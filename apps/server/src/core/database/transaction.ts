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

/**
 * Runs start-up work (migrations, the first administrator) under a PostgreSQL advisory lock, so several
 * instances starting at once on an empty database take turns instead of colliding. The embedded database
 * serves one process only (and its pool has a single connection the lock would take), so it runs the work as is.
 */
export async function withStartupLock<T>(db: DataSource, shared: boolean, work: () => Promise<T>): Promise<T> {
  if (!shared) return work();
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('crm-startup'))`);
    return await work();
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('crm-startup'))`).catch(() => undefined);
    await runner.release();
  }
}
