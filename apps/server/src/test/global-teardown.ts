import { admin } from './databases';

export default async function globalTeardown() {
  for (const db of globalThis.__crmEmbedded ?? []) await db.stop();
  const pg = globalThis.__crmPgDatabases;
  if (pg) {
    await admin(pg.url, async (c) => {
      for (const name of pg.names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  }
}
