import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { DatasetMeta } from './data/load';
import type { ReadResult } from './measure';
import type { CreateResult } from './scenarios/create';
import type { PushResult } from './scenarios/push';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  /** 1-minute load average when the run started and ended: other work on the machine skews the numbers. */
  loadAverage: { start: number; end?: number };
}

export async function describeMachine(pool: Pool): Promise<Machine> {
  const v = await pool.query(`SELECT version() AS v`);
  const settings = await pool.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
      WHERE name IN ('shared_buffers','work_mem','effective_cache_size','max_connections','synchronous_commit','random_page_cost','jit','max_parallel_workers_per_gather')`,
  );
  const pretty = (s: { setting: string; unit: string | null }) => (s.unit === '8kB' ? `${(Number(s.setting) * 8) / 1024} MB` : s.unit === 'kB' ? `${Number(s.setting) / 1024} MB` : `${s.setting}${s.unit ? ` ${s.unit}` : ''}`);
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: String(v.rows[0].v).split(',')[0],
    postgresSettings: Object.fromEntries(settings.rows.map((s) => [s.name, pretty(s)])),
    loadAverage: { start: Math.round(os.loadavg()[0] * 100) / 100 },
  };
}

export interface Results {
  date: string;
  scale: number;
  seed: number;
  startedAt: string;
  durationSeconds: number;
  options: Record<string, unknown>;
  machine: Machine;
  server: Record<string, string | number>;
  /** The server's own log over the run (warn level): slow statements (> 500 ms) and warnings. */
  serverLog: { file: string; slowStatements: Array<{ query: string; count: number; maxMs: number }>; warnings: string[] };
  dataset: DatasetMeta & { reused: boolean };
  reads: ReadResult[];
  create: CreateResult | null;
  push: PushResult | null;
  /** Scenarios the issue lists for modules that do not exist yet. */
  pending: string[];
  errors: string[];
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '—');
const num = (x: number | null) => (x === null ? '—' : x < 100 ? x.toFixed(1) : x.toFixed(0));
const role = (r: string) => (r === 'MANAGER' ? 'manager' : r === 'SUPERVISOR' ? 'supervisor' : r);

/** Which of the issue's targets a read misses; empty when it meets them all. */
export function readMisses(r: ReadResult): string[] {
  const misses: string[] = [];
  if (!(r.api.p95 <= r.targetP95)) misses.push(`p95 ${ms(r.api.p95)} > ${r.targetP95} ms`);
  if (!(r.ratioP95 <= 2)) misses.push(`${r.ratioP95}× floor`);
  if (!(r.sqlPerOp <= 5)) misses.push(`${r.sqlPerOp} statements`);
  if (r.errors) misses.push(`${r.errors} errors`);
  if (r.mismatches) misses.push(`${r.mismatches} answers differ from SQL`);
  return misses;
}

export function readRows(results: Results): string[][] {
  return results.reads.map((r) => [
    r.name,
    role(r.role),
    ms(r.api.p50),
    ms(r.api.p95),
    num(r.apiPerSecond),
    ms(r.floor.p50),
    ms(r.floor.p95),
    num(r.floorPerSecond),
    `${r.ratioP95}×`,
    String(r.sqlPerOp),
    `≤ ${r.targetP95} ms`,
    readMisses(r).length ? `✗ ${readMisses(r).join('; ')}` : '✓',
  ]);
}

const READ_HEADER = ['operation', 'as', 'API p50', 'API p95', 'API op/s', 'SQL p50', 'SQL p95', 'SQL op/s', 'API/SQL p95', 'SQL stmts', 'target p95', 'meets targets'];

function otherRows(results: Results): string[][] {
  const rows: string[][] = [];
  const c = results.create;
  if (c) {
    const misses = [...(c.perSecond < c.targetPerSecond ? [`${c.perSecond}/s < ${c.targetPerSecond}/s`] : []), ...(c.errors ? [`${c.errors} errors`] : [])];
    rows.push([c.name, `${c.concurrency} managers' tabs`, `${c.perSecond} events/s (${c.created} in ${c.seconds} s); SQL floor ${c.floor.perSecond}/s`, `p50 ${ms(c.latency.p50)} / p95 ${ms(c.latency.p95)} ms (SQL p95 ${ms(c.floor.latency.p95)})`, String(c.sqlPerOp), `≥ ${c.targetPerSecond}/s`, misses.length ? `✗ ${misses.join('; ')}` : '✓']);
  }
  const p = results.push;
  if (p) {
    const misses = [...(p.fromClaim.p95 > p.targetP95 ? [`p95 ${ms(p.fromClaim.p95)} > ${p.targetP95} ms`] : []), ...(p.missing ? [`${p.missing} not delivered`] : []), ...(p.errors ? [`${p.errors} errors`] : [])];
    rows.push([p.name, `${p.subscribers} subscriptions, ${p.users} users`, `${p.delivered}/${p.expected} delivered in ${p.rounds} rounds`, `claim→tab p50 ${ms(p.fromClaim.p50)} / p95 ${ms(p.fromClaim.p95)} ms (due→tab p95 ${ms(p.fromDue.p95)})`, '—', `p95 ≤ ${p.targetP95} ms`, misses.length ? `✗ ${misses.join('; ')}` : '✓']);
  }
  return rows;
}
const OTHER_HEADER = ['operation', 'load', 'throughput / delivery', 'latency', 'SQL stmts', 'target', 'meets target'];

function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(header: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export function printTables(results: Results) {
  if (results.reads.length) console.log(`\n${textTable(READ_HEADER, readRows(results))}`);
  const other = otherRows(results);
  if (other.length) console.log(`\n${textTable(OTHER_HEADER, other)}`);
  console.log('\nTimes in ms. API = end to end over HTTP (one caller); SQL = the same answer from one hand-written statement via pg.');
  console.log(`Throughput (op/s) with ${results.options.concurrency} concurrent callers. SQL stmts = median x-sql-statements per GraphQL operation.`);
}

export function markdown(results: Results): string {
  const m = results.machine;
  const d = results.dataset;
  const rows = Object.entries(d.rows).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
  const out: string[] = [];
  out.push(`# Benchmark, scale ${results.scale}, ${results.date}`);
  out.push('');
  out.push(`Generated by \`pnpm bench\` (bench/README.md explains the scenarios and the targets). Run started ${results.startedAt}, took ${Math.round(results.durationSeconds)} s.`);
  out.push('');
  out.push('## Machine');
  out.push('');
  out.push(`- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}`);
  out.push(`- Node.js ${m.node}; ${m.postgres}`);
  out.push(`- PostgreSQL settings: ${Object.entries(m.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out.push(`- Server: ${Object.entries(results.server).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  out.push(`- Server, PostgreSQL and the benchmark client share the machine; 1-minute load average ${m.loadAverage.start} at the start of the measurements, ${m.loadAverage.end ?? '?'} at the end.`);
  out.push('');
  out.push('## Data set');
  out.push('');
  out.push(`- Seed ${d.seed}, generator v${d.generatorVersion}, anchored at ${d.anchor} (events span the 3 years before it and 30 days after)${d.reused ? `; reused (loaded ${d.loadedAt})` : ''}.`);
  out.push(`- Rows: ${rows}.`);
  out.push(`- Events: ${Object.entries(d.stats.eventStates).map(([k, v]) => `${k.toLowerCase()} ${v.toLocaleString('en-US')}`).join(', ')} (overdue = planned and past).`);
  const s = d.stats.sales;
  if (s) {
    const list = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k.toLowerCase()} ${v.toLocaleString('en-US')}`).join(', ');
    out.push(`- Client interests: ${list(s.interestStates)}. Invoices: ${list(s.invoicePaymentStates)}; ${s.overdueInvoices.toLocaleString('en-US')} overdue (posted, not fully paid, past due).`);
    out.push(`- Open business-process tasks: ${s.openProcessTasks.managers.toLocaleString('en-US')} of managers (Sale), ${s.openProcessTasks.supervisors.toLocaleString('en-US')} of supervisors (approvals of offers).`);
  }
  out.push(`- Load: ${d.loadSeconds.total} s (${Object.entries(d.loadSeconds).filter(([k]) => k !== 'total').map(([k, v]) => `${k} ${v} s`).join(', ')}); database size ${(d.databaseBytes / 2 ** 20).toFixed(0)} MiB.`);
  out.push('');
  out.push('## Results');
  out.push('');
  if (results.reads.length) {
    out.push(`Reads: ${results.reads[0]?.iterations ?? 0} iterations each after warm-up, one caller; throughput with ${results.options.concurrency} concurrent callers for ${results.options.duration} s. Times in ms.`);
    out.push('');
    out.push(mdTable(READ_HEADER, readRows(results)));
    out.push('');
  }
  const other = otherRows(results);
  if (other.length) {
    out.push(mdTable(OTHER_HEADER, other));
    out.push('');
  }
  const misses = results.reads.filter((r) => readMisses(r).length);
  out.push('## Targets');
  out.push('');
  out.push(`- Reads meeting every target (p95, within 2× of the SQL floor, ≤ 5 SQL statements): ${results.reads.length - misses.length} of ${results.reads.length}.`);
  if (results.create) out.push(`- Event creation: ${results.create.perSecond}/s (target ≥ ${results.create.targetPerSecond}/s); the same writes as one SQL statement: ${results.create.floor.perSecond}/s.`);
  if (results.push) out.push(`- Push: p95 ${ms(results.push.fromClaim.p95)} ms from the scheduler's claim to the tab with ${results.push.subscribers} subscriptions (target ≤ ${results.push.targetP95} ms).`);
  out.push(`- Not measured yet (the modules do not exist): ${results.pending.join('; ')}.`);
  const log = results.serverLog;
  if (log.slowStatements.length || log.warnings.length) {
    out.push('');
    out.push('## What the server logged');
    out.push('');
    for (const s of log.slowStatements) out.push(`- slow statement (> 500 ms) ×${s.count}, up to ${s.maxMs} ms: \`${s.query}\``);
    for (const w of log.warnings) out.push(`- warning: ${w}`);
  }
  if (results.errors.length) {
    out.push('');
    out.push('## Errors');
    out.push('');
    for (const e of results.errors) out.push(`- ${e}`);
  }
  out.push('');
  return out.join('\n');
}

export function writeResults(results: Results, dir: string): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  // A run of some scenarios only gets its own file rather than overwriting the day's full run.
  const partial = results.options.partial === true;
  const base = path.join(dir, `${results.date}-scale-${results.scale}${partial ? `-${(results.options.scenarios as string[]).join('+')}` : ''}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(results));
  return { json: `${base}.json`, md: `${base}.md` };
}
