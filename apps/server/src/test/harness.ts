import crypto from 'node:crypto';
import { createApp, type App } from '../app';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { createDataSource } from '../core/database/data-source';
import { envNameFor } from './databases';
import { Role, type Actor, type User } from '../modules/auth/user.entity';
import { ContactInfoType } from '../modules/contacts/contacts.enums';
import type { CreateCounterpartyInput, CreateContactPersonInput } from '../modules/contacts/contacts.inputs';
import type { CreateEventInput } from '../modules/activities/activities.inputs';
import { EventKind } from '../modules/activities/activities.enums';

export const PASSWORD = 'correct-horse-battery';

export interface GqlResult<T = Record<string, any>> {
  data: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; field?: string; reason?: string; [k: string]: unknown } }>;
  status: number;
  headers: Headers;
  /** SQL statements the server ran for this request. */
  sql: number;
}

/** A caller of the API: anonymous, a browser session (cookie) or an integrator (bearer token). */
export class ApiClient {
  cookie?: string;
  constructor(
    readonly url: string,
    public token?: string,
  ) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const body = (await res.json()) as { data: T | null; errors?: GqlResult['errors'] };
    return { ...body, status: res.status, headers: res.headers, sql: Number(res.headers.get('x-sql-statements') ?? NaN) };
  }

  /** Like `gql` but fails the test on any error; returns data. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(r.errors)}`);
    return r.data as T;
  }

  async login(email: string, password = PASSWORD) {
    const r = await this.gql(`mutation($i: LoginInput!) { login(input: $i) { user { id } } }`, { i: { email, password } });
    if (r.errors) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    return this;
  }
}

export interface TestServer {
  app: App;
  url: string;
  /** A client signed in as a new user of this role (and supervisor). */
  as(role: Role, opts?: { supervisorId?: string }): Promise<{ client: ApiClient; user: User; actor: Actor }>;
  anonymous(): ApiClient;
  factories: Factories;
  close(): Promise<void>;
}

/**
 * The real server, in this process, listening on a free port, on this worker's own database. The actor cache
 * is off unless `env` turns it on (CRM_AUTH_CACHE_MS), so statement counts do not depend on timing.
 */
export async function startTestServer(opts: { env?: Record<string, string> } = {}): Promise<TestServer> {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  const url = process.env[envNameFor(worker)];
  if (!url) throw new Error(`No test database for worker ${worker}: is the global setup configured?`);
  const embedded = process.env.CRM_TEST_DB_MODE === 'embedded';
  const config = { ...loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', SESSION_SECRET: 'x'.repeat(40), CRM_WEB_DIR: '/nonexistent', CRM_AUTH_CACHE_MS: '0', ...opts.env }), databaseUrl: url };
  const log = createLogger(config.logLevel);
  const db = createDataSource(url, { poolSize: embedded ? 1 : 4, log });
  await db.initialize();
  const app = await createApp(config, log, { db, mode: embedded ? 'embedded' : 'postgres', close: () => db.destroy() });
  const factories = new Factories(app);
  return {
    app,
    url: app.url,
    anonymous: () => new ApiClient(app.url),
    factories,
    async as(role, opts = {}) {
      const user = await factories.user({ role, supervisorId: opts.supervisorId });
      const client = await new ApiClient(app.url).login(user.email);
      return { client, user, actor: factories.actorOf(user) };
    },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

export const unique = (prefix = '') => `${prefix}${crypto.randomBytes(5).toString('hex')}`;

/** Valid INN of a legal entity built from a random base (each test makes its own data). */
export function randomInn(): string {
  const base = Array.from({ length: 9 }, (_, i) => (i === 0 ? 1 + crypto.randomInt(9) : crypto.randomInt(10)));
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  return base.join('') + ((w.reduce((s, k, i) => s + k * base[i], 0) % 11) % 10);
}

/** A random valid Moscow number, in E.164 digits without the plus. */
export const randomMoscowPhone = () => `7495${String(crypto.randomInt(1_000_000, 9_999_999))}`;

/** Test data built through the services (setup only; what is tested goes over HTTP). */
export class Factories {
  private root?: Actor;
  constructor(private readonly app: App) {}

  actorOf(u: User): Actor {
    return { id: u.id, email: u.email, fullName: u.fullName, role: u.role, timeZone: u.timeZone, via: 'session', teamIds: [u.id] };
  }

  async user(opts: { role?: Role; supervisorId?: string; email?: string } = {}): Promise<User> {
    return this.app.services.users.create(null, {
      email: opts.email ?? `${unique('u')}@test.crm`,
      password: PASSWORD,
      fullName: `Test ${unique()}`,
      role: opts.role ?? Role.MANAGER,
      supervisorId: opts.supervisorId ?? null,
    });
  }

  /** An administrator actor for setup calls that need one. */
  async admin(): Promise<Actor> {
    this.root ??= this.actorOf(await this.user({ role: Role.ADMINISTRATOR }));
    return this.root;
  }

  async kindId(code: string): Promise<string> {
    const kinds = await this.app.services.contactInfo.listKinds();
    const kind = kinds.find((k) => k.code === code);
    if (!kind) throw new Error(`no kind ${code}`);
    return kind.id;
  }

  async counterparty(responsible: User, input: Partial<CreateCounterpartyInput> = {}) {
    const phone = input.contactInfo ? undefined : randomMoscowPhone();
    return this.app.services.counterparties.create(await this.admin(), {
      name: `ООО «${unique('Тест ')}»`,
      responsibleId: responsible.id,
      contactInfo: phone ? [{ type: ContactInfoType.PHONE, kindId: await this.kindId('WORK_PHONE'), value: `+${phone}` }] : [],
      ...input,
    });
  }

  async contactPerson(responsible: User, input: Partial<CreateContactPersonInput> = {}) {
    return this.app.services.contactPersons.create(await this.admin(), {
      lastName: unique('Петров'),
      firstName: 'Иван',
      responsibleId: responsible.id,
      ...input,
    });
  }

  /** An event of `responsible`, created by them: a planned call tomorrow unless told otherwise. */
  async event(responsible: User, input: Partial<CreateEventInput> = {}) {
    return this.app.services.events.create(this.actorOf(responsible), {
      kind: EventKind.CALL,
      subject: unique('Call '),
      start: new Date(Math.floor(Date.now() / 1000) * 1000 + 86400_000),
      ...input,
    });
  }

  /** Rows of a table matching a condition: proves what was (or was not) written. */
  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const [row] = await this.app.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return row.n;
  }

  async auditOf(entityId: string) {
    return this.app.db.query(`SELECT * FROM audit_log WHERE entity_id = $1 ORDER BY at`, [entityId]);
  }
}

/** One message of a subscription: its data, and the errors the server sent with it (if any). */
export interface SubscriptionMessage<T> {
  data: T | null;
  errors?: GqlResult['errors'];
}

/**
 * A GraphQL subscription over WebSocket (graphql-ws) as the given client: the session cookie or bearer token
 * goes along as the browser's would. `next()` waits for the next message, failing after `timeoutMs`.
 * A connection the server refuses (no session) rejects instead of waiting for an acknowledgement forever.
 */
export async function subscribe<T = Record<string, any>>(client: ApiClient, query: string, variables: Record<string, unknown> = {}) {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  class AuthedSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  type Message = SubscriptionMessage<T>;
  const received: Message[] = [];
  const waiters: Array<{ wanted: (m: Message) => boolean; take: (m: Message) => void }> = [];
  // Late answers to `live()` probes: dropped, so they never look like real pushes.
  const discard: Array<(m: Message) => boolean> = [];
  let acknowledged!: () => void;
  let refused!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    acknowledged = resolve;
    refused = reject;
  });
  const ws = createClient({
    url: `${client.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: AuthedSocket,
    connectionParams: client.token ? { authorization: `Bearer ${client.token}` } : undefined,
    lazy: false,
    retryAttempts: 0,
    // A refused or dropped socket is reported through `closed` (rejecting `subscribe`), not printed.
    onNonLazyError: () => undefined,
    on: {
      connected: () => acknowledged(),
      closed: (event) => {
        const { code, reason } = event as { code?: number; reason?: string };
        refused(Object.assign(new Error(`socket closed before it was acknowledged: ${code} ${reason ?? ''}`), { code }));
      },
    },
  });
  const errors: unknown[] = [];
  const dispose = ws.subscribe<T>(
    { query, variables },
    {
      next: (msg) => {
        const m: Message = { data: (msg.data ?? null) as T | null, errors: msg.errors as Message['errors'] };
        const i = waiters.findIndex((w) => w.wanted(m));
        if (i >= 0) waiters.splice(i, 1)[0].take(m);
        else if (!discard.some((d) => d(m))) received.push(m);
      },
      error: (err) => errors.push(err),
      complete: () => undefined,
    },
  );
  await ready;

  /** The first message (queued or to come) that `wanted` accepts; the others stay queued. */
  const take = (wanted: (m: Message) => boolean, timeoutMs: number): Promise<Message> => {
    const i = received.findIndex(wanted);
    if (i >= 0) return Promise.resolve(received.splice(i, 1)[0]);
    return new Promise<Message>((resolve, reject) => {
      const waiter = {
        wanted,
        take: (m: Message) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`no subscription message within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.push(waiter);
    });
  };
  const dataOf = (m: Message): T => {
    if (m.errors?.length) throw new Error(`subscription message with errors: ${JSON.stringify(m.errors)}`);
    return m.data as T;
  };

  return {
    errors,
    /** The next message's data (failing on a message with errors), or a rejection after `timeoutMs`. */
    async next(timeoutMs = 10_000): Promise<T> {
      return dataOf(await take(() => true, timeoutMs));
    },
    /** The next message whose data `wanted` accepts; messages before it stay queued. */
    async nextWhere(wanted: (data: T) => boolean, timeoutMs = 10_000): Promise<T> {
      return dataOf(await take((m) => !!m.data && wanted(m.data), timeoutMs));
    },
    /** The next message as sent, errors included. */
    nextMessage(timeoutMs = 10_000): Promise<Message> {
      return take(() => true, timeoutMs);
    },
    /**
     * graphql-ws acknowledges the socket before the server has registered the subscription, so a push right
     * after `subscribe()` can be missed. This fires a probe (`trigger` does something that must be pushed and
     * returns how to recognise it) until one arrives; probe messages never show up in `next()`.
     */
    async live(trigger: () => Promise<(data: T) => boolean>, attempts = 5, timeoutMs = 3_000): Promise<void> {
      for (let i = 0; i < attempts; i++) {
        const isProbe = await trigger();
        const probe = (m: Message) => !!m.data && isProbe(m.data);
        discard.push(probe);
        for (let j = received.length - 1; j >= 0; j--) if (discard.some((d) => d(received[j]))) received.splice(j, 1);
        try {
          await take(probe, timeoutMs);
          return;
        } catch {
          // not live yet: probe again
        }
      }
      throw new Error(`the subscription did not become live after ${attempts} probes`);
    },
    /** Messages received and not yet taken. */
    pending: () => received.length,
    async close() {
      dispose();
      await ws.dispose();
    },
  };
}

export type Subscription<T = Record<string, any>> = Awaited<ReturnType<typeof subscribe<T>>>;
