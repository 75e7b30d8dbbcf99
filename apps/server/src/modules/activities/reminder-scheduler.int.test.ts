import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { ApiClient, PASSWORD, subscribe, type Subscription } from '../../test/harness';
import { admin, withDatabase } from '../../test/databases';
import { REMINDER_DUE } from './reminder.service';

/**
 * The scheduler's promise across instances: two real server processes on one PostgreSQL, sharing events through
 * Redis, fire each reminder once, and a reminder that came due while every instance was down is delivered once
 * when one comes back. The embedded database is one process's, so this needs PostgreSQL.
 */
const PG = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
if (!PG) console.log('skipped: needs PostgreSQL (set TEST_DATABASE_URL): two server processes cannot share the embedded database');
const describeWithPostgres = PG ? describe : describe.skip;

const SERVER_DIR = path.resolve(__dirname, '../../..');
const ADMIN_EMAIL = 'scheduler-admin@test.crm';
const SESSION_SECRET = crypto.randomBytes(32).toString('hex');
const DUE = `subscription { reminderDue { id userId state } }`;
const CREATE = `mutation($i: CreateReminderInput!) { createReminder(input: $i) { id } }`;
type Due = { reminderDue: { id: string; userId: string; state: string } };

interface ServerProcess {
  name: string;
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describeWithPostgres('reminders with two server processes on one PostgreSQL', () => {
  const database = `crm_sched_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabase(PG || 'postgres://unused', database);
  const running = new Set<ChildProcess>();
  const tabs: Array<Subscription<Due>> = [];
  let redis: Redis;

  /** `node -r @swc-node/register src/main.ts`, as `pnpm dev` runs it: no build needed. Resolves once it says it is up. */
  async function startServer(name: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        CRM_ADMIN_EMAIL: ADMIN_EMAIL,
        CRM_ADMIN_PASSWORD: PASSWORD,
        SESSION_SECRET,
        REDIS_URL,
        CRM_SCHEDULER_INTERVAL_MS: '200',
        LOG_LEVEL: 'warn',
        CRM_WEB_DIR: '/nonexistent',
        CRM_DATA_DIR: path.join(os.tmpdir(), database),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    exited.then(() => running.delete(child));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not come up within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('CRM is up at')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code} before it was up:\n${output}`));
      });
    });
    return {
      name,
      url: `http://127.0.0.1:${port}`,
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      },
    };
  }

  async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
    return admin(databaseUrl, async (c) => (await c.query(text, params)).rows as T[]);
  }

  /** The signed-in session, talking to `server` (sessions live in the shared database). */
  function sessionOn(server: ServerProcess) {
    const client = new ApiClient(server.url);
    client.cookie = session.cookie;
    return client;
  }

  /** A tab of the signed-in user, open on `server`. */
  async function openTab(server: ServerProcess) {
    const tab = await subscribe<Due>(sessionOn(server), DUE);
    tabs.push(tab);
    return tab;
  }

  /**
   * Proves tabs are subscribed through Redis: a push of a reminder that is not due (published as the scheduler
   * would) must reach each of them. Returns the probe's id, to be left out of what is counted.
   */
  async function makeLive(via: ApiClient, ...live: Array<Subscription<Due>>) {
    const probe = (await via.ok(CREATE, { i: { text: 'probe', remindAt: new Date(Date.now() + 86400_000).toISOString() } })).createReminder.id as string;
    for (const tab of live) {
      await tab.live(async () => {
        await redis.publish(`${REMINDER_DUE}:${adminId}`, JSON.stringify({ id: probe, userId: adminId }));
        return (m) => m.reminderDue.id === probe;
      });
    }
    return probe;
  }

  /** Every push a tab gets up to and including `last`, in order. */
  async function pushesUntil(tab: Subscription<Due>, last: string, timeoutMs = 20_000) {
    const ids: string[] = [];
    while (ids.at(-1) !== last) ids.push((await tab.next(timeoutMs)).reminderDue.id);
    return ids;
  }

  const occurrences = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect().catch((err) => {
      throw new Error(`these tests need Redis at ${REDIS_URL} (TEST_REDIS_URL) to share events between the instances: ${err}`);
    });
    await admin(PG!, (c) => c.query(`CREATE DATABASE ${database}`));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.close()));
    await Promise.all(
      [...running].map(
        (child) =>
          new Promise<void>((resolve) => {
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(killer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    redis?.disconnect();
    await admin(PG!, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }, 60_000);

  let a: ServerProcess;
  let b: ServerProcess;
  let session: ApiClient;
  let adminId: string;

  beforeAll(async () => {
    // Both first starts at once on the empty database: the start-up lock makes them take turns at the
    // migrations and the first administrator.
    [a, b] = await Promise.all([startServer('A'), startServer('B')]);
    session = await new ApiClient(a.url).login(ADMIN_EMAIL);
    adminId = (await session.ok(`{ me { id } }`)).me.id;
  }, 120_000);

  it('fires each of 30 reminders exactly once, to both tabs, whichever instance claims it', async () => {
    const onB = sessionOn(b);
    const tabB = await openTab(b);
    const tabA = await openTab(a);
    const probe = await makeLive(session, tabA, tabB);

    // Due in 1 to 2 seconds, created through both instances.
    const base = Date.now() + 1000;
    const batch: string[] = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const via = i % 2 ? onB : session;
        return (await via.ok(CREATE, { i: { text: `Batch ${i}`, remindAt: new Date(base + i * 33).toISOString() } })).createReminder.id;
      }),
    );
    // Due well after the batch (several scheduler ticks later): when it arrives, every push of the batch has.
    const sentinel = (await session.ok(CREATE, { i: { text: 'Sentinel', remindAt: new Date(base + 3000).toISOString() } })).createReminder.id;

    for (const tab of [tabA, tabB]) {
      const counts = occurrences((await pushesUntil(tab, sentinel)).filter((id) => id !== probe));
      expect([...counts.keys()].sort()).toEqual([...batch, sentinel].sort());
      expect([...counts].filter(([, n]) => n !== 1)).toEqual([]); // none twice
      expect(tab.pending()).toBe(0);
    }

    const rows = await sql<{ id: string; state: string; fired_at: Date | null; remind_at: Date }>(`SELECT id, state, fired_at, remind_at FROM reminders WHERE id = ANY($1)`, [batch]);
    expect(rows).toHaveLength(30);
    for (const r of rows) {
      expect(r.state).toBe('DUE');
      expect(r.fired_at).toBeInstanceOf(Date);
      expect(r.fired_at!.getTime()).toBeGreaterThanOrEqual(r.remind_at.getTime());
    }
  }, 120_000);

  it('delivers once a reminder that came due while every instance was down', async () => {
    const whileDown = (await session.ok(CREATE, { i: { text: 'Came due while down', remindAt: new Date(Date.now() + 3600_000).toISOString() } })).createReminder.id as string;
    await Promise.all(tabs.splice(0).map((tab) => tab.close()));
    await Promise.all([a.stop(), b.stop()]);
    // Its time passes while nothing runs.
    await sql(`UPDATE reminders SET remind_at = now() - interval '5 seconds' WHERE id = $1`, [whileDown]);
    expect(await sql(`SELECT state FROM reminders WHERE id = $1`, [whileDown])).toEqual([{ state: 'PENDING' }]);

    // B comes back without a scheduler, so a tab is open before A comes back and claims the reminder at its start.
    const b2 = await startServer('B again', { CRM_SCHEDULER_INTERVAL_MS: '0' });
    const tab = await openTab(b2);
    const probe = await makeLive(sessionOn(b2), tab);
    const a2 = await startServer('A again');

    const first = await tab.next(30_000);
    expect(first.reminderDue).toMatchObject({ id: whileDown, userId: adminId, state: 'DUE' });
    const onA2 = sessionOn(a2);
    const sentinel = (await onA2.ok(CREATE, { i: { text: 'Sentinel after restart', remindAt: new Date(Date.now() + 1000).toISOString() } })).createReminder.id;
    const after = (await pushesUntil(tab, sentinel)).filter((id) => id !== probe);
    expect(after).toEqual([sentinel]);

    const [row] = await sql<{ state: string; fired_at: Date | null }>(`SELECT state, fired_at FROM reminders WHERE id = $1`, [whileDown]);
    expect(row.state).toBe('DUE');
    expect(row.fired_at).toBeInstanceOf(Date);
    const due = (await onA2.ok(`{ reminders(first: 500, filter: { state: DUE }) { edges { node { id } } } }`)).reminders.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(due.filter((id: string) => id === whileDown)).toHaveLength(1);
  }, 120_000);
});
