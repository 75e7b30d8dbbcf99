import 'reflect-metadata';
import type { GlobalConfig } from 'jest';
import { admin, envNameFor, migrate, withDatabase } from './databases';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../core/database/embedded';

declare global {
  // eslint-disable-next-line no-var
  var __crmEmbedded: EmbeddedDatabase[] | undefined;
  // eslint-disable-next-line no-var
  var __crmPgDatabases: { url: string; names: string[] } | undefined;
}

/** Runs once, outside the test VMs (PGlite cannot start inside one), before any test file. */
export default async function globalSetup(globalConfig: GlobalConfig) {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const prefix = `crm_test_${process.pid}`;
    const template = `${prefix}_tpl`;
    await admin(base, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${template}`);
      await c.query(`CREATE DATABASE ${template}`);
    });
    await migrate(withDatabase(base, template));
    const names: string[] = [];
    await admin(base, async (c) => {
      for (let w = 1; w <= workers; w++) {
        const name = `${prefix}_w${w}`;
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        names.push(name);
        process.env[envNameFor(w)] = withDatabase(base, name);
      }
    });
    globalThis.__crmPgDatabases = { url: base, names: [...names, template] };
    process.env.CRM_TEST_DB_MODE = 'postgres';
    return;
  }
  const builder = await startEmbeddedDatabase();
  await migrate(builder.url);
  const snapshot = await builder.dump();
  await builder.stop();
  globalThis.__crmEmbedded = [];
  for (let w = 1; w <= workers; w++) {
    const db = await startEmbeddedDatabase({ loadFrom: snapshot });
    globalThis.__crmEmbedded.push(db);
    process.env[envNameFor(w)] = db.url;
  }
  process.env.CRM_TEST_DB_MODE = 'embedded';
}
