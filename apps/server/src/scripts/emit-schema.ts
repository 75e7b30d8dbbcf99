import 'reflect-metadata';
import { createSchema, SCHEMA_FILE } from '../core/schema';
import { createPubsub } from '../core/pubsub';

/** Writes `apps/server/schema.graphql` (committed; a test fails when it is stale). */
createSchema(createPubsub().pubSub, true)
  .then(() => console.log(`Schema written to ${SCHEMA_FILE}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
