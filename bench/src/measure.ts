import type { ReadOp } from './scenarios/types';
import { median, summarize, throughput, type Summary } from './stats';

export interface ReadResult {
  scenario: string;
  name: string;
  role: string;
  targetP95: number;
  iterations: number;
  api: Summary;
  floor: Summary;
  /** Operations per second with `concurrency` concurrent callers (null when the throughput phase was skipped). */
  apiPerSecond: number | null;
  floorPerSecond: number | null;
  concurrency: number;
  ratioP50: number;
  ratioP95: number;
  /** Median and maximum SQL statements per GraphQL operation (`x-sql-statements`). */
  sqlPerOp: number;
  sqlMax: number;
  errors: number;
  firstError?: string;
  /** Iterations whose API answer differed from the SQL floor's. */
  mismatches: number;
  firstMismatch?: { params: string; api: string; floor: string };
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** Seconds of the throughput phase per side; 0 skips it. */
  seconds: number;
  concurrency: number;
}

const describe = (p: Record<string, unknown>) => JSON.stringify({ ...p, user: (p.user as { email: string }).email });

/** Runs an operation `n` times on both sides (parameters beyond the measured ones); returns the errors. */
export async function warmRead(op: ReadOp<any>, n: number, onError: (err: unknown) => void = () => {}): Promise<number> {
  let errors = 0;
  for (let i = 0; i < n; i++) {
    const p = op.params(1_000_000 + i);
    for (const side of [op.api, op.floor]) {
      await side(p).catch((err) => {
        errors += 1;
        onError(err);
      });
    }
  }
  return errors;
}

/**
 * Measures one read: latency with one caller (API and floor interleaved, same parameters, alternating which
 * goes first so neither always meets the other's warm cache), answers compared on every iteration, then
 * throughput of each side with `concurrency` callers.
 */
export async function measureRead(op: ReadOp<any>, o: MeasureOptions): Promise<ReadResult> {
  const apiMs: number[] = [];
  const floorMs: number[] = [];
  const sql: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let mismatches = 0;
  let firstMismatch: ReadResult['firstMismatch'];

  const fail = (err: unknown) => {
    errors += 1;
    firstError ??= (err as Error)?.message ?? String(err);
  };

  errors += await warmRead(op, o.warmup, (err) => {
    firstError ??= (err as Error)?.message ?? String(err);
  });

  for (let i = 0; i < o.iterations; i++) {
    const p = op.params(i);
    let apiAnswer: unknown;
    let floorAnswer: unknown;
    const runApi = async () => {
      const t0 = performance.now();
      try {
        const r = await op.api(p);
        apiMs.push(performance.now() - t0);
        sql.push(r.sql);
        apiAnswer = r.answer;
      } catch (err) {
        fail(err);
      }
    };
    const runFloor = async () => {
      const t0 = performance.now();
      try {
        floorAnswer = await op.floor(p);
        floorMs.push(performance.now() - t0);
      } catch (err) {
        fail(err);
      }
    };
    if (i % 2 === 0) {
      await runApi();
      await runFloor();
    } else {
      await runFloor();
      await runApi();
    }
    if (apiAnswer !== undefined && floorAnswer !== undefined) {
      const a = JSON.stringify(apiAnswer);
      const f = JSON.stringify(floorAnswer);
      if (a !== f) {
        mismatches += 1;
        firstMismatch ??= { params: describe(p), api: a.slice(0, 2000), floor: f.slice(0, 2000) };
      }
    }
  }

  let apiPerSecond: number | null = null;
  let floorPerSecond: number | null = null;
  if (o.seconds > 0) {
    const offset = o.iterations;
    apiPerSecond = (await throughput(o.concurrency, o.seconds, (i) => op.api(op.params(offset + i)).catch(fail))).perSecond;
    floorPerSecond = (await throughput(o.concurrency, o.seconds, (i) => op.floor(op.params(offset + i)).catch(fail))).perSecond;
  }

  const api = summarize(apiMs);
  const floor = summarize(floorMs);
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    scenario: op.scenario,
    name: op.name,
    role: op.role,
    targetP95: op.targetP95,
    iterations: o.iterations,
    api,
    floor,
    apiPerSecond,
    floorPerSecond,
    concurrency: o.concurrency,
    ratioP50: ratio(api.p50, floor.p50),
    ratioP95: ratio(api.p95, floor.p95),
    sqlPerOp: median(sql),
    sqlMax: Math.max(0, ...sql),
    errors,
    firstError,
    mismatches,
    firstMismatch,
  };
}
