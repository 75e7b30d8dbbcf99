import 'reflect-metadata';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../app';
import { createServices } from '../core/services';
import { createPubsub } from '../core/pubsub';
import { seedDemo } from './demo-data';

/** `pnpm seed:demo`: fills the configured database (embedded by default) with the demo data set. */
async function run() {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  try {
    const services = createServices(database.db, config, createPubsub().pubSub);
    if ((await services.users.count()) === 0) {
      console.error('Start the CRM once first (it creates the administrator), then load the demo data.');
      process.exitCode = 1;
      return;
    }
    console.log(await seedDemo(services));
  } finally {
    await database.close();
  }
}
run().catch((err) => {
  console.error(err);
  process.exit(1);
});
