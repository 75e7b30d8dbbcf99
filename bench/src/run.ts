import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { keepAliveAgent } from './client';
import { databaseName, loadDataset, readMeta, withDatabase, type DatasetMeta } from './data/load';
import { GENERATOR_VERSION, PASSWORD } from './data/generate';
import { prepareFixtures } from './fixtures';
import { measureRead, warmRead, type ReadResult } from './measure';
import { describeMachine, printTables, readMisses, writeResults, type Machine, type Results } from './report';
import { runCreate, type CreateResult } from './scenarios/create';
import { runPush, type PushResult } from './scenarios/push';
import { searchScenario } from './scenarios/search';
import { listScenario } from './scenarios/list';
import { cardScenario } from './scenarios/card';
import { tasksScenario } from './scenarios/tasks';
import { boardScenario } from './scenarios/board';
import { invoicesScenario } from './scenarios/invoices';
import type { ReadScenario } from './scenarios/types';
import { startServer } from './server';

/**
 * Read scenarios, in the order they run. A module that lands adds its scenario here (and its generator to
 * data/generate.ts): the analytics reports.
 */
export const READ_SCENARIOS: ReadScenario[] = [searchScenario, listScenario, cardScenario, tasksScenario, boardScenario, invoicesScenario];
const WRITE_SCENARIOS = ['create', 'push'];
export const ALL_SCENARIOS = [...READ_SCENARIOS.map((s) => s.name), ...WRITE_SCENARIOS];

/** What the issue asks for that has no module to measure yet. */
const PENDING = ['analytics reports'];

export interface BenchOptions {
  scale: number;
  seed: number;
  scenarios: string[];
  iterations: number;
  warmup: number;
  /** Seconds of each throughput phase (reads) and of the creation run; 0 skips throughput and creates `iterations` events. */
  duration: number;
  concurrency: number;
  createConcurrency: number;
  subscribers: number;
  pushUsers: number;
  pushRounds: number;
  databaseUrl: string;
  reuse: boolean;
  poolSize: number;
  redisUrl?: string;
  schedulerIntervalMs: number;
  /** The server's CRM_AUTH_CACHE_MS; unset keeps the server's default. */
  authCacheMs?: number;
  out: string;
  /** Only (re)load the data set, then stop. */
  loadOnly?: boolean;
  quiet?: boolean;
}

const BENCH_DIR = path.resolve(__dirname, '..');
export const DEFAULT_LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [k, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) flags.set(k, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) flags.set(k, argv[++i]);
    else flags.set(k, true);
  }
  const known = ['scale', 'seed', 'scenarios', 'iterations', 'warmup', 'duration', 'concurrency', 'create-concurrency', 'subscribers', 'push-users', 'push-rounds', 'reuse', 'pool', 'redis-url', 'scheduler-interval', 'auth-cache', 'out', 'load-only', 'help'];
  for (const k of flags.keys()) if (!known.includes(k)) throw new Error(`unknown flag --${k} (known: ${known.map((x) => `--${x}`).join(' ')})`);
  if (flags.has('help')) {
    console.log(`pnpm bench [--scale 0.01|0.1|1] [--scenarios ${ALL_SCENARIOS.join(',')}] [--iterations N] [--duration S] [--reuse] [--out DIR] …  (see bench/README.md)`);
    process.exit(0);
  }
  const str = (k: string) => (typeof flags.get(k) === 'string' ? (flags.get(k) as string) : undefined);
  const int = (k: string, d: number) => {
    const v = str(k);
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} must be a non-negative number`);
    return n;
  };
  const scale = int('scale', 0.01);
  if (!(scale > 0 && scale <= 10)) throw new Error('--scale must be in (0, 10]');
  const databaseUrl = env.DATABASE_URL || (scale <= 0.01 ? DEFAULT_LOCAL_URL : '');
  if (!databaseUrl) throw new Error(`DATABASE_URL is required for scale ${scale} (a PostgreSQL URL; the benchmark creates the database ${databaseName(scale)} on that server)`);
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL');
  const scenarios = (str('scenarios') ?? ALL_SCENARIOS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of scenarios) if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s} (known: ${ALL_SCENARIOS.join(', ')})`);
  const small = scale < 0.1;
  return {
    scale,
    seed: int('seed', 42),
    scenarios,
    iterations: int('iterations', small ? 30 : 200),
    warmup: int('warmup', small ? 3 : 20),
    duration: int('duration', small ? 2 : 5),
    concurrency: int('concurrency', 8),
    createConcurrency: int('create-concurrency', 32),
    subscribers: int('subscribers', 1000),
    pushUsers: int('push-users', 50),
    pushRounds: int('push-rounds', 5),
    databaseUrl,
    reuse: flags.has('reuse'),
    loadOnly: flags.has('load-only'),
    poolSize: int('pool', 10),
    redisUrl: str('redis-url'),
    schedulerIntervalMs: int('scheduler-interval', 1000),
    authCacheMs: str('auth-cache') === undefined ? undefined : int('auth-cache', 0),
    out: str('out') ? path.resolve(env.INIT_CWD ?? process.cwd(), str('out')!) : path.join(BENCH_DIR, 'results'),
  };
}

/** Runs the benchmark; returns the results (also written to `o.out`). Errors are collected, not thrown. */
export async function runBench(o: BenchOptions & { loadOnly: true }): Promise<{ results: null; files: null }>;
export async function runBench(o: BenchOptions): Promise<{ results: Results; files: { json: string; md: string } }>;
export async function runBench(o: BenchOptions): Promise<{ results: Results | null; files: { json: string; md: string } | null }> {
  const log = (m: string) => {
    if (!o.quiet) console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
  };
  const startedAt = new Date();
  const t0 = performance.now();
  const errors: string[] = [];

  // ---- the data set ----
  let meta: DatasetMeta | null = o.reuse ? await readMeta(o.databaseUrl, o.scale) : null;
  const reused = !!meta && meta.generatorVersion === GENERATOR_VERSION && meta.seed === o.seed;
  if (meta && !reused) log(`the existing ${databaseName(o.scale)} was made by another generator version or seed: reloading`);
  if (!reused) {
    log(`loading scale ${o.scale} into ${databaseName(o.scale)} (seed ${o.seed})`);
    meta = await loadDataset(o.databaseUrl, { scale: o.scale, seed: o.seed, log });
    log(`loaded in ${meta.loadSeconds.total} s: ${Object.entries(meta.rows).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } else {
    log(`reusing ${databaseName(o.scale)} loaded ${meta!.loadedAt}`);
  }
  const url = withDatabase(o.databaseUrl, databaseName(o.scale));
  if (o.loadOnly) return { results: null, files: null };

  // ---- the server and the floor's connections ----
  const server = await startServer({
    databaseUrl: url,
    poolSize: o.poolSize,
    redisUrl: o.redisUrl,
    schedulerIntervalMs: o.schedulerIntervalMs,
    authCacheMs: o.authCacheMs,
    logFile: path.join(BENCH_DIR, '.data', `server-scale-${o.scale}.log`),
  });
  log(`server up at ${server.url} (pid ${server.pid}, pool ${o.poolSize})`);
  const pool = new Pool({ connectionString: url, max: Math.max(o.poolSize, o.concurrency) });
  const agent = keepAliveAgent(Math.max(o.concurrency, o.createConcurrency) + 4);
  const reads: ReadResult[] = [];
  let create: CreateResult | null = null;
  let push: PushResult | null = null;
  let machine: Machine | undefined;
  try {
    machine = await describeMachine(pool);
    const fixtures = await prepareFixtures(pool, server.url, agent, PASSWORD);
    log(`signed in ${fixtures.managers.length} managers and ${fixtures.supervisors.length} supervisors`);

    const ops = READ_SCENARIOS.filter((s) => o.scenarios.includes(s.name)).flatMap((s) => s.ops(fixtures, pool));
    // Warm every read up before measuring any: the server's JIT, its caches and PostgreSQL's buffers then
    // start each measurement in the same state, whatever ran before it.
    if (ops.length && o.warmup) {
      for (const op of ops) {
        let first: unknown;
        const failed = await warmRead(op, o.warmup, (err) => (first ??= err));
        if (failed) errors.push(`${op.name} (${op.role}): ${failed} errors in the warm-up, first: ${(first as Error)?.message ?? first}`);
      }
      log(`warmed up ${ops.length} read operations (${o.warmup} iterations each)`);
    }
    {
      for (const op of ops) {
        try {
          const r = await measureRead(op, { warmup: 0, iterations: o.iterations, seconds: o.duration, concurrency: o.concurrency });
          reads.push(r);
          const misses = readMisses(r);
          log(`${r.name} as ${r.role.toLowerCase()}: API p50 ${r.api.p50} p95 ${r.api.p95} ms, SQL p50 ${r.floor.p50} p95 ${r.floor.p95} ms, ${r.sqlPerOp} stmts${misses.length ? ` — ${misses.join('; ')}` : ''}`);
          if (r.errors) errors.push(`${r.name} (${r.role}): ${r.errors} errors, first: ${r.firstError}`);
          if (r.mismatches) errors.push(`${r.name} (${r.role}): ${r.mismatches} answers differ from the SQL floor's, first: ${JSON.stringify(r.firstMismatch)}`);
        } catch (err) {
          errors.push(`${op.name} (${op.role}): ${(err as Error).stack ?? err}`);
        }
      }
    }

    if (o.scenarios.includes('create')) {
      try {
        create = await runCreate(fixtures, pool, { concurrency: o.createConcurrency, seconds: o.duration > 0 ? Math.max(o.duration, 10) : 0, count: Math.max(o.createConcurrency, o.iterations), runId: startedAt.toISOString().slice(0, 19) });
        log(`create: ${create.perSecond} events/s with ${create.concurrency} callers, p95 ${create.latency.p95} ms, ${create.sqlPerOp} stmts; SQL floor ${create.floor.perSecond} events/s`);
        if (create.errors) errors.push(`create: ${create.errors} errors, first: ${create.firstError}`);
        if (create.floor.errors) errors.push(`create (SQL floor): ${create.floor.errors} errors, first: ${create.floor.firstError}`);
        if (create.numbers.duplicates) errors.push(`create: ${create.numbers.duplicates} duplicate event numbers`);
      } catch (err) {
        errors.push(`create: ${(err as Error).stack ?? err}`);
      }
    }

    if (o.scenarios.includes('push')) {
      try {
        push = await runPush(fixtures, pool, server.url, { subscribers: o.subscribers, users: o.pushUsers, rounds: o.pushRounds, log });
        log(`push: claim→tab p50 ${push.fromClaim.p50} p95 ${push.fromClaim.p95} ms over ${push.delivered} deliveries`);
        if (push.missing) errors.push(`push: ${push.missing} of ${push.expected} reminders did not reach their tab in 20 s`);
        if (push.errors) errors.push(`push: ${push.errors} socket errors, first: ${push.firstError}`);
      } catch (err) {
        errors.push(`push: ${(err as Error).stack ?? err}`);
      }
    }
  } finally {
    if (machine) machine.loadAverage.end = Math.round(os.loadavg()[0] * 100) / 100;
    agent.destroy();
    await server.stop();
    await pool.end();
  }

  const serverLog = summarizeServerLog(server.logFile);
  const results: Results = {
    date: startedAt.toISOString().slice(0, 10),
    scale: o.scale,
    seed: o.seed,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((performance.now() - t0) / 1000),
    options: { iterations: o.iterations, warmup: o.warmup, duration: o.duration, concurrency: o.concurrency, createConcurrency: o.createConcurrency, subscribers: o.subscribers, pushUsers: o.pushUsers, pushRounds: o.pushRounds, scenarios: o.scenarios, partial: ALL_SCENARIOS.some((s) => !o.scenarios.includes(s)) },
    machine: machine!,
    server: {
      DATABASE_POOL_SIZE: o.poolSize,
      CRM_SCHEDULER_INTERVAL_MS: o.schedulerIntervalMs,
      CRM_AUTH_CACHE_MS: server.env.CRM_AUTH_CACHE_MS ?? 'default (3000)',
      NODE_ENV: server.env.NODE_ENV,
      LOG_LEVEL: server.env.LOG_LEVEL,
      pubsub: o.redisUrl ? 'Redis' : 'in-process',
    },
    serverLog,
    dataset: { ...meta!, reused },
    reads,
    create,
    push,
    pending: PENDING,
    errors,
  };
  const files = writeResults(results, o.out);
  if (!o.quiet) printTables(results);
  log(`wrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.md)}`);
  return { results, files };
}

/** What the server logged at warn level: its slow statements (over 500 ms, grouped) and other warnings. */
function summarizeServerLog(file: string): Results['serverLog'] {
  const slow = new Map<string, { count: number; maxMs: number }>();
  const warnings = new Set<string>();
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { file, slowStatements: [], warnings: [] };
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const j = JSON.parse(line) as { msg?: string; query?: string; time?: number; level?: number };
      if (j.msg === 'slow sql' && j.query) {
        const key = j.query.replace(/\s+/g, ' ').slice(0, 120);
        const e = slow.get(key) ?? { count: 0, maxMs: 0 };
        e.count += 1;
        e.maxMs = Math.max(e.maxMs, j.time ?? 0);
        slow.set(key, e);
      } else if ((j.level ?? 0) >= 40 && j.msg !== 'web app not built: only the API is served') {
        warnings.add(String(j.msg).slice(0, 200));
      }
    } catch {
      if (/Warning|Error/.test(line)) warnings.add(line.trim().slice(0, 200));
    }
  }
  return {
    file: path.relative(BENCH_DIR, file),
    slowStatements: [...slow].map(([query, v]) => ({ query, ...v })).sort((a, b) => b.count - a.count),
    warnings: [...warnings],
  };
}

if (require.main === module) {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  runBench(options).then(
    ({ results }) => {
      if (results?.errors.length) {
        console.error(`\n${results.errors.length} error(s):\n${results.errors.map((e) => `  - ${e}`).join('\n')}`);
        process.exit(1);
      }
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
