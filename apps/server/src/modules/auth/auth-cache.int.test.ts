import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApiClient, PASSWORD, startTestServer, type TestServer } from '../../test/harness';
import { admin as pgAdmin, withDatabase } from '../../test/databases';
import { Role } from './user.entity';

/**
 * The in-process actor cache (CRM_AUTH_CACHE_MS) must never let a change wait for its expiry. The lifetime here
 * is a minute, far longer than any test, so a request refused or answered with the new rights right after a
 * change proves the change dropped the cached actor, not that it aged out.
 */
const CACHE_MS = '60000';
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id version } }`;
const IDS = `{ counterparties(first: 500) { totalCount edges { node { id } } } }`;
const ME = `{ me { id } }`;

const code = (r: { errors?: Array<{ extensions: { code: string } }> }) => r.errors?.[0]?.extensions.code;
const ids = (r: { counterparties: { edges: Array<{ node: { id: string } }> } }) => r.counterparties.edges.map((e) => e.node.id);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ env: { CRM_AUTH_CACHE_MS: CACHE_MS } });
});
afterAll(() => t.close());

/** A second browser of the same session: the cookie as it was before any sign-out. */
const sameSession = (client: ApiClient) => Object.assign(new ApiClient(t.url), { cookie: client.cookie });

describe('the actor cache', () => {
  it('authenticates a repeated request without a statement, and a cold one with one', async () => {
    const { client } = await t.as(Role.SUPERVISOR);
    const first = await client.gql(`{ __typename }`);
    const second = await client.gql(`{ __typename }`);
    expect(first.sql).toBe(1);
    expect(second.sql).toBe(0);
    // An unknown cookie is looked up each time (a miss is not cached) and refused.
    const stranger = Object.assign(new ApiClient(t.url), { cookie: 'crm_session=not-a-session' });
    for (let i = 0; i < 2; i++) expect(code(await stranger.gql(IDS))).toBe('UNAUTHENTICATED');
  });

  it('refuses the very next request after logout', async () => {
    const { client } = await t.as(Role.MANAGER);
    const copy = sameSession(client);
    await copy.ok(IDS);
    await client.ok(`mutation { logout }`);
    expect(code(await copy.gql(IDS))).toBe('UNAUTHENTICATED');
    expect((await copy.ok(ME)).me).toBeNull();
  });

  it('refuses the very next request of a deactivated user, by session and by API token', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client, user } = await t.as(Role.MANAGER);
    const { token } = (await client.ok(`mutation { createApiToken(input: { name: "cached" }) { token } }`)).createApiToken;
    const integrator = new ApiClient(t.url, token);
    await client.ok(IDS);
    await integrator.ok(IDS);
    await admin.ok(UPDATE, { id: user.id, i: { version: user.version, active: false } });
    expect(code(await client.gql(IDS))).toBe('UNAUTHENTICATED');
    expect(code(await integrator.gql(IDS))).toBe('UNAUTHENTICATED');
  });

  it('applies a role change on the very next request, taking rights away as well as giving them', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client, user } = await t.as(Role.ADMINISTRATOR);
    const other = await t.factories.user();
    const theirs = await t.factories.counterparty(other);
    expect(ids(await client.ok(IDS))).toContain(theirs.id);

    await admin.ok(UPDATE, { id: user.id, i: { version: user.version, role: 'MANAGER' } });
    expect(ids(await client.ok(IDS))).not.toContain(theirs.id);
    const createUser = await client.gql(`mutation { createUser(input: { email: "x${crypto.randomInt(1e9)}@test.crm", password: "${PASSWORD}", fullName: "X", role: MANAGER }) { id } }`);
    expect(code(createUser)).toBe('FORBIDDEN');

    await admin.ok(UPDATE, { id: user.id, i: { version: user.version + 1, role: 'ADMINISTRATOR' } });
    expect(ids(await client.ok(IDS))).toContain(theirs.id);
  });

  it('widens a supervisor’s team on the very next request when a manager is put under them', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client: boss } = await t.as(Role.SUPERVISOR);
    const bossId = (await boss.ok(ME)).me.id;
    const manager = await t.factories.user();
    const theirs = await t.factories.counterparty(manager);
    expect(ids(await boss.ok(IDS))).not.toContain(theirs.id);
    await admin.ok(UPDATE, { id: manager.id, i: { version: manager.version, supervisorId: bossId } });
    expect(ids(await boss.ok(IDS))).toContain(theirs.id);
  });

  it('refuses the other sessions on the very next request after a password change, keeps this one', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const other = await new ApiClient(t.url).login(user.email);
    await other.ok(IDS);
    await client.ok(IDS);
    await client.ok(`mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`, { i: { currentPassword: PASSWORD, newPassword: 'another-long-password' } });
    expect(code(await other.gql(IDS))).toBe('UNAUTHENTICATED');
    await client.ok(IDS);
  });

  it('refuses every session on the very next request after an administrator sets the password', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client, user } = await t.as(Role.MANAGER);
    await client.ok(IDS);
    await admin.ok(`mutation($id: ID!) { setUserPassword(id: $id, password: "another-long-password") }`, { id: user.id });
    expect(code(await client.gql(IDS))).toBe('UNAUTHENTICATED');
  });

  it('refuses a revoked API token on the very next request', async () => {
    const { client } = await t.as(Role.MANAGER);
    const created = (await client.ok(`mutation { createApiToken(input: { name: "to revoke" }) { token apiToken { id } } }`)).createApiToken;
    const integrator = new ApiClient(t.url, created.token);
    await integrator.ok(IDS);
    await client.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: created.apiToken.id });
    expect(code(await integrator.gql(IDS))).toBe('UNAUTHENTICATED');
  });

  it('shows a renamed responsible at once (the user directory is cached too)', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const before = (await client.ok(CARD, { id: c.id })).counterparty.responsible.fullName;
    expect(before).toBe(user.fullName);
    await admin.ok(UPDATE, { id: user.id, i: { version: user.version, fullName: 'Renamed Manager' } });
    expect((await client.ok(CARD, { id: c.id })).counterparty.responsible.fullName).toBe('Renamed Manager');
  });

  it('reads the user directory whole: another user’s first card names its responsible without a statement more', async () => {
    const a = await t.as(Role.MANAGER);
    const b = await t.as(Role.MANAGER);
    const [ca, cb] = [await t.factories.counterparty(a.user), await t.factories.counterparty(b.user)];
    for (const { client } of [a, b]) await client.ok(`{ __typename }`); // both actors cached
    expect((await a.client.ok(CARD, { id: ca.id })).counterparty.responsible.fullName).toBe(a.user.fullName);

    const first = await b.client.gql(CARD, { id: cb.id });
    const second = await b.client.gql(CARD, { id: cb.id });
    expect(first.data!.counterparty.responsible).toEqual({ id: b.user.id, fullName: b.user.fullName });
    expect(first.sql).toBe(second.sql);

    // A user added since is read on their first mention, then cached too.
    const c = await t.as(Role.MANAGER);
    const cc = await t.factories.counterparty(c.user);
    await c.client.ok(`{ __typename }`);
    const late = await c.client.gql(CARD, { id: cc.id });
    expect(late.data!.counterparty.responsible).toEqual({ id: c.user.id, fullName: c.user.fullName });
    expect(late.sql).toBe(second.sql + 1);
    expect((await c.client.gql(CARD, { id: cc.id })).sql).toBe(second.sql);
  });
});

const CARD = `query($id: ID!) { counterparty(id: $id) { id responsible { id fullName } } }`;

/**
 * Across instances the drop travels by Redis: a change made through one server reaches a session cached on the
 * other well before the cache's minute is up. Two real processes on one PostgreSQL, as in production.
 */
const PG = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
if (!PG) console.log('skipped: the two-process actor-cache test needs PostgreSQL (set TEST_DATABASE_URL): two server processes cannot share the embedded database');
const describeWithPostgres = PG ? describe : describe.skip;

describeWithPostgres('the actor cache with two server processes and Redis', () => {
  const database = `crm_authcache_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabase(PG || 'postgres://unused', database);
  const ADMIN_EMAIL = 'cache-admin@test.crm';
  const SESSION_SECRET = crypto.randomBytes(32).toString('hex');
  const running = new Set<ChildProcess>();

  const freePort = () =>
    new Promise<number>((resolve, reject) => {
      const probe = net.createServer();
      probe.on('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });

  async function startServer(name: string): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: path.resolve(__dirname, '../../..'),
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
        CRM_AUTH_CACHE_MS: CACHE_MS,
        CRM_SCHEDULER_INTERVAL_MS: '0',
        LOG_LEVEL: 'warn',
        CRM_WEB_DIR: '/nonexistent',
        CRM_DATA_DIR: path.join(os.tmpdir(), database),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let output = '';
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
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${exitCode} before it was up:\n${output}`));
      });
    });
    return `http://127.0.0.1:${port}`;
  }

  /** Asks until the answer comes, for at most `ms` (a tenth of the cache's lifetime): no fixed sleep. */
  async function eventually(ask: () => Promise<boolean>, ms = 6000) {
    const deadline = Date.now() + ms;
    while (!(await ask())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  let a: string;
  let b: string;
  beforeAll(async () => {
    await pgAdmin(PG!, (c) => c.query(`CREATE DATABASE ${database}`));
    a = await startServer('A');
    b = await startServer('B');
  }, 120_000);

  afterAll(async () => {
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
    await pgAdmin(PG!, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }, 60_000);

  it('refuses on instance B a session deactivated through instance A, long before the cache would expire', async () => {
    const adminOnA = await new ApiClient(a).login(ADMIN_EMAIL);
    const email = `cached-${crypto.randomBytes(4).toString('hex')}@test.crm`;
    const user = (await adminOnA.ok(`mutation($i: CreateUserInput!) { createUser(input: $i) { id version } }`, {
      i: { email, password: PASSWORD, fullName: 'Cached Manager', role: 'MANAGER' },
    })).createUser;
    const onB = await new ApiClient(b).login(email);
    await onB.ok(IDS);
    expect((await onB.gql(`{ __typename }`)).sql).toBe(0); // cached on B

    const started = Date.now();
    await adminOnA.ok(UPDATE, { id: user.id, i: { version: user.version, active: false } });
    await eventually(async () => code(await onB.gql(IDS)) === 'UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(Number(CACHE_MS) / 2);
  }, 60_000);

  it('shows on instance B a user renamed through instance A, long before the directory would expire', async () => {
    const adminOnA = await new ApiClient(a).login(ADMIN_EMAIL);
    const create = `mutation($i: CreateUserInput!) { createUser(input: $i) { id version fullName } }`;
    const tag = crypto.randomBytes(4).toString('hex');
    const boss = (await adminOnA.ok(create, { i: { email: `boss-${tag}@test.crm`, password: PASSWORD, fullName: 'Old Name', role: 'SUPERVISOR' } })).createUser;
    const email = `named-${tag}@test.crm`;
    await adminOnA.ok(create, { i: { email, password: PASSWORD, fullName: 'Named Manager', role: 'MANAGER', supervisorId: boss.id } });
    const onB = await new ApiClient(b).login(email);
    const SUPERVISOR = `{ me { supervisor { id fullName } } }`;
    expect((await onB.ok(SUPERVISOR)).me.supervisor).toEqual({ id: boss.id, fullName: 'Old Name' });
    const cached = await onB.gql(SUPERVISOR);
    expect(cached.data!.me.supervisor.fullName).toBe('Old Name');

    const started = Date.now();
    await adminOnA.ok(UPDATE, { id: boss.id, i: { version: boss.version, fullName: 'New Name' } });
    await eventually(async () => (await onB.ok(SUPERVISOR)).me.supervisor.fullName === 'New Name');
    expect(Date.now() - started).toBeLessThan(Number(CACHE_MS) / 2);
  }, 60_000);
});
