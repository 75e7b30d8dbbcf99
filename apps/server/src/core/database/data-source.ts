import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from './naming';
import { SqlCounterLogger } from './sql-counter';
import type { Logger } from '../logger';
import { entities } from '../../modules/entities';
import { migrations } from './migrations';

/** One DataSource for both PostgreSQL and the embedded database; only the pool size differs. */
export function createDataSource(url: string, opts: { poolSize: number; log: Logger }): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    installExtensions: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new SqlCounterLogger(opts.log),
    maxQueryExecutionTime: 500,
    poolSize: opts.poolSize,
    // No parallel workers: the server's statements are short OLTP reads, for which starting workers costs more
    // (10–20 ms on 2 cores, measured on the benchmark's search) than it saves. The embedded database accepts it too.
    extra: { max: opts.poolSize, connectionTimeoutMillis: 30_000, options: '-c max_parallel_workers_per_gather=0' },
  });
}
