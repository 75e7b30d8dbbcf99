import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type Extension } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// The contrib entry ships CommonJS at run time, but its typings are ESM-only; require keeps this file CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btree_gin } = require('@electric-sql/pglite/contrib/btree_gin') as { btree_gin: Extension };

export interface EmbeddedDatabase {
  url: string;
  /** The whole data directory as a tarball (tests restore a migrated template from it). */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL (PGlite) served over the PostgreSQL wire protocol on a loopback port, so the
 * application talks to it with the ordinary `pg` driver exactly as to a real server (typeorm-pglite was seen
 * to lose another client's committed write when a transaction failed). All connections share one PGlite
 * session: the pool that uses it must hold exactly one connection.
 */
export async function startEmbeddedDatabase(opts: { dataDir?: string; loadFrom?: Blob } = {}): Promise<EmbeddedDatabase> {
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pgdata');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create({ dataDir, loadDataDir: opts.loadFrom, extensions: { pg_trgm, btree_gin } });
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.split(':').pop());
  if (!port) throw new Error(`Embedded database reported no port (${conn})`);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
