import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, type ApiClient, type TestServer } from '../test/harness';
import { Role } from '../modules/auth/user.entity';
import { MAX_DEPTH } from './limits';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** `me` is at depth 0; the deepest field (`id`) is at `depth`. */
function queryOfDepth(depth: number): string {
  let selection = 'id';
  for (let i = 1; i < depth; i++) selection = `supervisor { ${selection} }`;
  return `{ me { ${selection} } }`;
}

const EXPENSIVE = `query($n: Int!) { counterparties(first: $n) { edges { node {
  contactPersons { contactInfo { kind { name } } } history(first: $n) { edges { node { id } } } } } } }`;

/** A POST with full control of body and headers; returns the raw text too, to look for leaks. */
async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

/** The request's own SQL statements, less those of authenticating: zero means no resolver ran. */
async function baselineSql(client: ApiClient) {
  return (await client.gql(`{ __typename }`)).sql;
}

describe('page size', () => {
  it('refuses first: 501 (and 0) naming the argument', async () => {
    const { client } = await t.as(Role.MANAGER);
    for (const first of [501, 0]) {
      const r = await client.gql(`query($f: Int!) { counterparties(first: $f) { totalCount } }`, { f: first });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(r.data).toBeNull();
    }
    await client.ok(`{ counterparties(first: 500) { totalCount } }`);
  });
});

describe('depth limit', () => {
  it(`runs a query ${MAX_DEPTH} deep and refuses one level more before executing it`, async () => {
    const { client } = await t.as(Role.MANAGER);
    const base = await baselineSql(client);

    expect((await client.ok(queryOfDepth(MAX_DEPTH))).me).toEqual({ supervisor: null });

    const r = await client.gql(queryOfDepth(MAX_DEPTH + 1));
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/depth/);
    expect(r.data).toBeUndefined();
    expect(r.sql).toBe(base);
  });
});

describe('cost limit', () => {
  it('refuses a very expensive query with QUERY_TOO_COMPLEX before executing it', async () => {
    const { client } = await t.as(Role.MANAGER);
    const base = await baselineSql(client);

    const r = await client.gql(EXPENSIVE, { n: 500 });
    expect(r.status).toBe(400);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', limit: 25_000 });
    expect(r.errors?.[0].extensions.cost).toBeGreaterThan(25_000);
    expect(r.errors?.[0].extensions).not.toHaveProperty('http');
    expect(r.data).toBeUndefined();
    expect(r.sql).toBe(base);

    // The same shape with small pages is within budget.
    await client.ok(EXPENSIVE, { n: 5 });
  });

  it('answers a variable of the wrong type as bad input, not as an internal error', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(EXPENSIVE, { n: 'lots' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/\$n/);
  });
});

describe('cursors', () => {
  it('names `after` when the cursor is not one of ours', async () => {
    const { client } = await t.as(Role.MANAGER);
    const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const cases = [
      ['counterparties', 'garbage'],
      ['users', 'garbage'],
      ['users', forged(['Ann'])],
      // Well-formed JSON of the right length whose id the database would choke on.
      ['users', forged(['Ann', 'not-a-uuid'])],
      ['users', forged([{}, []])],
    ];
    for (const [list, after] of cases) {
      const r = await client.gql(`query($a: String) { ${list}(first: 2, after: $a) { totalCount } }`, { a: after });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'CURSOR_INVALID' });
    }
  });
});

describe('errors', () => {
  it('every kind of error response carries extensions.requestId and the x-request-id header, and no stack trace', async () => {
    const { client } = await t.as(Role.MANAGER);
    const cases: Array<[string, () => Promise<{ status: number; headers: Headers; errors?: Array<{ extensions: Record<string, unknown> }> }>]> = [
      ['parse', () => client.gql(`{ me { `)],
      ['validation', () => client.gql(`{ me { noSuchField } }`)],
      ['depth', () => client.gql(queryOfDepth(MAX_DEPTH + 1))],
      ['cost', () => client.gql(EXPENSIVE, { n: 500 })],
      ['variable', () => client.gql(EXPENSIVE, { n: 'lots' })],
      ['argument', () => client.gql(`{ counterparties(first: 501) { totalCount } }`)],
      ['domain', () => client.gql(`{ counterparty(id: "00000000-0000-4000-8000-000000000000") { id } }`)],
      ['unauthenticated', () => t.anonymous().gql(`{ counterparties { totalCount } }`)],
      ['bad JSON body', async () => {
        const r = await post('{"query": ');
        return { status: r.status, headers: r.headers, errors: r.json.errors };
      }],
    ];
    for (const [kind, run] of cases) {
      const r = await run();
      const header = r.headers.get('x-request-id');
      expect({ kind, header: typeof header, errors: r.errors?.length }).toEqual({ kind, header: 'string', errors: expect.any(Number) });
      for (const e of r.errors ?? []) {
        expect({ kind, requestId: e.extensions.requestId }).toEqual({ kind, requestId: header });
        expect({ kind, stacktrace: e.extensions.stacktrace }).toEqual({ kind, stacktrace: undefined });
      }
    }
  });

  it('answers a malformed JSON body as a JSON error, not an HTML page with a stack trace', async () => {
    const r = await post('{"query": ');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.json.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: r.headers.get('x-request-id') });
    expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|SyntaxError/);
  });

  it("keeps the caller's x-request-id, so a proxy's id reaches our logs and the client", async () => {
    const r = await post(JSON.stringify({ query: `{ counterparties { totalCount } }` }), { 'x-request-id': 'edge-1234' });
    expect(r.headers.get('x-request-id')).toBe('edge-1234');
    expect(r.json.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'edge-1234' });
  });

  it('shows an unexpected failure (the database gone) only as a code and the request id', async () => {
    const { client } = await t.as(Role.MANAGER);
    await t.app.db.destroy();
    try {
      const r = await post(JSON.stringify({ query: `{ counterparties { totalCount } }` }), { cookie: client.cookie! });
      const requestId = r.headers.get('x-request-id');
      expect(r.status).toBe(500);
      expect(r.json.errors).toEqual([
        { message: `Internal error; quote request id ${requestId} when reporting it`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
      ]);
      expect(r.text).not.toMatch(/\bat \S+ \(|node_modules|stacktrace/);
    } finally {
      await t.app.db.initialize();
    }
    await client.ok(`{ counterparties { totalCount } }`);
  });
});

describe('over WebSocket', () => {
  let ws: Client;
  beforeAll(async () => {
    const { client } = await t.as(Role.MANAGER);
    const { token } = (await client.ok(`mutation { createApiToken(input: { name: "socket" }) { token } }`)).createApiToken;
    ws = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  });
  afterAll(() => ws.dispose());

  /** The first result of an operation, or the errors it was refused with. */
  const run = (query: string, variables: Record<string, unknown> = {}) =>
    new Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>((resolve, reject) => {
      let first: unknown;
      ws.subscribe(
        { query, variables },
        {
          next: (value) => (first ??= value),
          error: (err) => (Array.isArray(err) ? resolve({ errors: err }) : reject(err)),
          complete: () => resolve(first as { data?: unknown }),
        },
      );
    });

  it('runs an ordinary query', async () => {
    expect(await run(`{ counterparties(first: 5) { totalCount } }`)).toEqual({ data: { counterparties: { totalCount: 0 } } });
  });

  it('applies the same depth and cost limits as HTTP', async () => {
    const deep = await run(queryOfDepth(MAX_DEPTH + 1));
    expect(deep.data).toBeUndefined();
    expect(deep.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const costly = await run(EXPENSIVE, { n: 500 });
    expect(costly.data).toBeUndefined();
    expect(costly.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    expect(costly.errors?.[0].extensions).not.toHaveProperty('http');
  });

  it('formats errors as HTTP does: coded, with a request id', async () => {
    const r = await run(`{ user(id: "not-an-id") { id } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', requestId: expect.any(String) });
    const missing = await run(`{ counterparty(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });
});
