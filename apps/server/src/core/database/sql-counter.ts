import type { Logger as TypeOrmLogger } from 'typeorm';
import { requestStore } from '../request-store';
import type { Logger } from '../logger';

/**
 * TypeORM logger that counts every statement against the current request (for the N+1 test and the
 * benchmark) and logs slow or failed ones.
 */
export class SqlCounterLogger implements TypeOrmLogger {
  constructor(private readonly out: Logger) {}

  logQuery(query: string, parameters?: unknown[]) {
    const store = requestStore.getStore();
    if (store) store.sqlStatements += 1;
    if (this.out.isLevelEnabled('trace')) this.out.trace({ query, parameters }, 'sql');
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]) {
    this.out.debug({ err: error, query, parameters }, 'sql error');
  }
  logQuerySlow(time: number, query: string) {
    this.out.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    this.out.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.out.warn({ message }, 'typeorm');
  }
}
