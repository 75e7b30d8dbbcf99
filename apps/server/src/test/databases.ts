import { Client } from 'pg';
import { createDataSource } from '../core/database/data-source';
import { createLogger } from '../core/logger';

/**
 * Test databases: one per Jest worker, so files in different workers never see each other's writes.
 * On PostgreSQL (TEST_DATABASE_URL) each is cloned from a migrated template; without it, each worker gets
 * its own embedded PGlite restored from a migrated snapshot.
 */
export const envNameFor = (worker: number) => `CRM_TEST_DB_${worker}`;

export async function migrate(url: string) {
  const db = createDataSource(url, { poolSize: 1, log: createLogger('warn') });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
