import 'reflect-metadata';
import crypto from 'node:crypto';
import { ConfigError, loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { createApp } from './app';
import { Role } from './modules/auth/user.entity';
import { seedDemo } from './scripts/demo-data';
import { withStartupLock } from './core/database/transaction';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const started = Date.now();
  const app = await createApp(config, log).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      console.error(`Port ${config.port} is already in use: stop what runs there, or start the CRM on another port (PORT=4001 npm start).`);
      process.exit(1);
    }
    throw err;
  });

  // The first start on an empty database creates the administrator (once, however many instances start).
  await withStartupLock(app.db, app.databaseMode === 'postgres', async () => {
    if ((await app.services.users.count()) > 0) return;
    const email = config.adminEmail ?? 'admin@crm.local';
    const generated = !config.adminPassword;
    const password = config.adminPassword ?? crypto.randomBytes(12).toString('base64url');
    await app.services.users.create(null, { email, password, fullName: 'Administrator', role: Role.ADMINISTRATOR });
    console.log(`\nCreated the first administrator: ${email}` + (generated ? `\n  password: ${password}\n  (shown once; set CRM_ADMIN_PASSWORD to choose it)` : ''));
  });
  if (process.argv.includes('--demo')) {
    const summary = await seedDemo(app.services);
    console.log(summary);
  }

  log.info({ ms: Date.now() - started, database: app.databaseMode, port: app.port }, 'started');
  console.log(`\nCRM is up at http://localhost:${app.port}  (database: ${app.databaseMode === 'embedded' ? `embedded, in ${config.dataDir}` : 'PostgreSQL'})\n`);

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
