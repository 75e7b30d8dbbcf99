import { Client, Pool } from 'pg';
import { createDataSource } from '@crm/server/src/core/database/data-source';
import { createLogger } from '@crm/server/src/core/logger';
import { hashPassword } from '@crm/server/src/modules/auth/password';
import { countsAt, generate, GENERATOR_VERSION, PASSWORD, type GenerateStats } from './generate';
import { InFlight, TableWriter } from './writer';
import { readSalesRefs, SALES_CHECKS, SALES_TABLES, salesWriters } from './sales';

/** The tables the generator fills; their secondary indexes are dropped for the load and built afterwards. */
const TABLES = ['users', 'counterparties', 'contact_persons', 'contact_info', 'events', 'reminders', ...SALES_TABLES];

export interface DatasetMeta {
  generatorVersion: number;
  seed: number;
  scale: number;
  anchor: string;
  loadedAt: string;
  password: string;
  loadSeconds: Record<string, number>;
  rows: Record<string, number>;
  expected: ReturnType<typeof countsAt>;
  stats: GenerateStats;
  databaseBytes: number;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** `crm_bench_<scale>`, or `BENCH_DATABASE` when set (to keep several data sets of one scale side by side). */
export const databaseName = (scale: number) => process.env.BENCH_DATABASE || `crm_bench_${String(scale).replace(/\./g, '_')}`;

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** The data set's description, when the database exists and was loaded completely; else null. */
export async function readMeta(adminUrl: string, scale: number): Promise<DatasetMeta | null> {
  const name = databaseName(scale);
  const exists = await withClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  if (!exists) return null;
  return withClient(withDatabase(adminUrl, name), async (c) => {
    const t = await c.query(`SELECT to_regclass('bench_meta') AS t`);
    if (!t.rows[0].t) return null;
    const r = await c.query('SELECT meta FROM bench_meta LIMIT 1');
    return (r.rows[0]?.meta as DatasetMeta) ?? null;
  });
}

/**
 * Creates `crm_bench_<scale>` afresh, brings it to the current schema with the server's own migrations, and
 * fills it: secondary indexes dropped, rows written in large unnest() batches with foreign-key triggers off
 * (the generator keeps references consistent; they are re-checked below), indexes rebuilt, VACUUM ANALYZE.
 */
export async function loadDataset(adminUrl: string, opts: { scale: number; seed: number; log: (msg: string) => void }): Promise<DatasetMeta> {
  const { scale, seed, log } = opts;
  const name = databaseName(scale);
  const url = withDatabase(adminUrl, name);
  const seconds: Record<string, number> = {};
  const phase = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await work();
    seconds[label] = Math.round((performance.now() - t0) / 100) / 10;
    log(`${label}: ${seconds[label]} s`);
    return r;
  };
  const started = performance.now();

  await phase('create database', () =>
    withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    }),
  );

  await phase('migrations', async () => {
    const db = createDataSource(url, { poolSize: 1, log: createLogger('warn') });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await db.destroy();
  });

  const passwordHash = await hashPassword(PASSWORD);
  const anchor = new Date();
  // Loading sessions skip foreign-key triggers (replica role) and do not wait for WAL flushes.
  const pool = new Pool({ connectionString: url, max: 3, options: '-c session_replication_role=replica -c synchronous_commit=off' });
  try {
    const kinds = await pool.query<{ code: string; id: string }>(`SELECT code, id FROM contact_info_kinds WHERE code IS NOT NULL`);
    const kindIds = Object.fromEntries(kinds.rows.map((r) => [r.code, r.id]));
    const salesRefs = await readSalesRefs(pool);

    const indexes = await pool.query<{ name: string; def: string; table: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, c.relname AS table
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
        WHERE ns.nspname = 'public' AND c.relname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [TABLES],
    );
    await phase('drop secondary indexes', async () => {
      for (const ix of indexes.rows) await pool.query(`DROP INDEX ${ix.name}`);
    });

    const inFlight = new InFlight(2);
    const batch = 5000;
    const writer = (table: string, columns: ConstructorParameters<typeof TableWriter>[2]) => new TableWriter(pool, table, columns, batch, inFlight);
    const writers = {
      ...salesWriters(writer),
      users: writer('users', [['id', 'uuid'], ['email', 'text'], ['full_name', 'text'], ['role', 'text'], ['supervisor_id', 'uuid'], ['password_hash', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']]),
      counterparties: writer('counterparties', [
        ['id', 'uuid'], ['name', 'text'], ['full_name', 'text'], ['legal_type', 'text'], ['inn', 'text'], ['kpp', 'text'], ['relation_types', 'text', 'text[]'],
        ['responsible_id', 'uuid'], ['information_source', 'text'], ['comment', 'text'], ['deletion_mark', 'bool'], ['search_text', 'text'],
        ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['created_by_id', 'uuid'],
      ]),
      contactPersons: writer('contact_persons', [
        ['id', 'uuid'], ['counterparty_id', 'uuid'], ['last_name', 'text'], ['first_name', 'text'], ['middle_name', 'text'], ['position', 'text'], ['role', 'text'],
        ['birthday', 'date'], ['comment', 'text'], ['responsible_id', 'uuid'], ['deletion_mark', 'bool'], ['search_text', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
        ['governing_responsible_id', 'uuid'],
      ]),
      contactInfo: writer('contact_info', [
        ['id', 'uuid'], ['counterparty_id', 'uuid'], ['contact_person_id', 'uuid'], ['type', 'text'], ['kind_id', 'uuid'], ['value', 'text'], ['normalized', 'text'],
        ['search_key', 'text'], ['extension', 'text'], ['parts', 'text', 'jsonb'], ['comment', 'text'], ['position', 'int'], ['governing_responsible_id', 'uuid'],
      ]),
      events: writer('events', [
        ['id', 'uuid'], ['number', 'text'], ['kind', 'text'], ['direction', 'text'], ['state', 'text'], ['subject', 'text'], ['content', 'text'], ['result', 'text'],
        ['importance', 'text'], ['start_at', 'timestamptz'], ['end_at', 'timestamptz'], ['counterparty_id', 'uuid'], ['contact_person_id', 'uuid'],
        ['responsible_id', 'uuid'], ['cancel_reason', 'text'], ['completed_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['created_by_id', 'uuid'],
      ]),
      reminders: writer('reminders', [
        ['id', 'uuid'], ['user_id', 'uuid'], ['text', 'text'], ['remind_at', 'timestamptz'], ['state', 'text'], ['fired_at', 'timestamptz'],
        ['subject_type', 'text'], ['subject_id', 'uuid'], ['offset_minutes', 'int'], ['created_at', 'timestamptz'],
      ]),
    };
    const stats = await phase('generate and insert', async () => {
      const s = await generate({ seed, scale, anchor, passwordHash, kindIds, sales: salesRefs }, writers, log);
      await inFlight.drain();
      return s;
    });
    // The numbering the server continues from: the last number of each year, as if the server had issued them.
    for (const c of stats.counters) {
      await pool.query(`INSERT INTO document_counters (prefix, year, last) VALUES ('EV', $1, $2)`, [c.year, c.last]);
    }
    // And of the sales documents: CI, CO, INV, PAY, SH.
    for (const c of stats.sales.documentCounters) {
      await pool.query(`INSERT INTO document_counters (prefix, year, last) VALUES ($1, $2, $3)`, [c.prefix, c.year, c.last]);
    }

    await phase('build indexes', async () => {
      const queue = [...indexes.rows];
      await Promise.all(
        [0, 1].map(async () => {
          const client = await pool.connect();
          try {
            await client.query(`SET maintenance_work_mem = '512MB'`);
            for (let ix = queue.shift(); ix; ix = queue.shift()) await client.query(ix.def);
          } finally {
            client.release();
          }
        }),
      );
    });

    await phase('check references', async () => {
      // Statistics first: the checks join the fresh tables, and without them the planner picks nested loops.
      for (const t of TABLES) await pool.query(`ANALYZE ${t}`);
      const orphans = await pool.query(`
        SELECT
          (SELECT count(*) FROM counterparties c LEFT JOIN users u ON u.id = c.responsible_id WHERE u.id IS NULL)
        + (SELECT count(*) FROM contact_persons p LEFT JOIN counterparties c ON c.id = p.counterparty_id WHERE p.counterparty_id IS NOT NULL AND c.id IS NULL)
        + (SELECT count(*) FROM contact_info ci LEFT JOIN counterparties c ON c.id = ci.counterparty_id WHERE ci.counterparty_id IS NOT NULL AND c.id IS NULL)
        + (SELECT count(*) FROM contact_info ci LEFT JOIN contact_persons p ON p.id = ci.contact_person_id WHERE ci.contact_person_id IS NOT NULL AND p.id IS NULL)
        -- The governing responsible the triggers would have written (the load runs without them).
        + (SELECT count(*) FROM contact_persons p LEFT JOIN counterparties c ON c.id = p.counterparty_id
            WHERE p.governing_responsible_id IS DISTINCT FROM coalesce(c.responsible_id, p.responsible_id))
        + (SELECT count(*) FROM contact_info ci LEFT JOIN counterparties c ON c.id = ci.counterparty_id LEFT JOIN contact_persons p ON p.id = ci.contact_person_id
            WHERE ci.governing_responsible_id IS DISTINCT FROM coalesce(c.responsible_id, p.governing_responsible_id))
        + (SELECT count(*) FROM events e LEFT JOIN counterparties c ON c.id = e.counterparty_id WHERE e.counterparty_id IS NOT NULL AND c.id IS NULL)
        + (SELECT count(*) FROM events e LEFT JOIN contact_persons p ON p.id = e.contact_person_id WHERE e.contact_person_id IS NOT NULL AND p.id IS NULL)
        + (SELECT count(*) FROM events e LEFT JOIN users u ON u.id = e.responsible_id WHERE u.id IS NULL)
        + (SELECT count(*) FROM reminders r LEFT JOIN users u ON u.id = r.user_id WHERE u.id IS NULL) AS n`);
      if (Number(orphans.rows[0].n)) throw new Error(`the generated data has ${orphans.rows[0].n} dangling references`);
      const sales = await pool.query(SALES_CHECKS);
      if (Number(sales.rows[0].n)) throw new Error(`the generated sales data has ${sales.rows[0].n} dangling references or inconsistent totals`);
    });

    await phase('vacuum analyze', async () => {
      for (const t of [...TABLES, 'document_counters', 'contact_info_kinds']) await pool.query(`VACUUM ANALYZE ${t}`);
    });

    const bytes = await pool.query(`SELECT pg_database_size(current_database()) AS b`);
    const meta: DatasetMeta = {
      generatorVersion: GENERATOR_VERSION,
      seed,
      scale,
      anchor: anchor.toISOString(),
      loadedAt: new Date().toISOString(),
      password: PASSWORD,
      loadSeconds: { ...seconds, total: Math.round((performance.now() - started) / 100) / 10 },
      rows: stats.rows,
      expected: countsAt(scale),
      stats,
      databaseBytes: Number(bytes.rows[0].b),
    };
    await pool.query(`CREATE TABLE bench_meta (meta jsonb NOT NULL)`);
    await pool.query(`INSERT INTO bench_meta (meta) VALUES ($1)`, [JSON.stringify(meta)]);
    return meta;
  } finally {
    await pool.end();
  }
}
