import crypto from 'node:crypto';
import { ApiClient, PASSWORD, startTestServer, unique, type TestServer } from '../../test/harness';
import { Role } from './user.entity';

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { user { id email } } }`;
const ME = `{ me { id email role } }`;
const LOGOUT = `mutation { logout }`;
const CHANGE_PASSWORD = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) }`;
const CREATE_TOKEN = `mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token apiToken { id name tokenPrefix userId revokedAt } } }`;
const TOKENS = `{ apiTokens { id name tokenPrefix userId createdAt lastUsedAt revokedAt } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
/** A protected query: refused without a valid credential. */
const COUNTERPARTIES = `{ counterparties(first: 50) { totalCount edges { node { id } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/**
 * Every failing sign-in here comes from its own made-up address: the server trusts X-Forwarded-For from
 * loopback (as behind a local proxy), so these failures never count against 127.0.0.1, which every other
 * test file signs in from.
 */
const randomIp = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;

async function loginFrom(ip: string, email: string, password: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: LOGIN, variables: { i: { email, password } } }),
  });
  const body = (await res.json()) as { data: { login: { user: { id: string } } } | null; errors?: Array<{ extensions: Record<string, unknown> }> };
  return { ...body, setCookie: res.headers.get('set-cookie') };
}

const sessionsOf = (userId: string) => t.factories.count('sessions', 'user_id = $1', [userId]);
const bearer = (token: string) => new ApiClient(t.url, token);

describe('login', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and `me` returns the user', async () => {
    const user = await t.factories.user({ role: Role.MANAGER });
    const client = t.anonymous();
    const r = await client.gql(LOGIN, { i: { email: user.email.toUpperCase(), password: PASSWORD } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.login.user).toEqual({ id: user.id, email: user.email });

    const setCookie = r.headers.get('set-cookie') ?? '';
    const [pair, ...attributes] = setCookie.split(';').map((s) => s.trim());
    expect(pair).toMatch(/^crm_session=[\w-]{20,}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(Number(attributes.find((a) => a.startsWith('Max-Age='))?.slice(8))).toBeGreaterThan(0);

    // The table keeps only a digest of the cookie's token.
    const token = pair.split('=')[1];
    expect(await t.factories.count('sessions', 'user_id = $1', [user.id])).toBe(1);
    expect(await t.factories.count('sessions', 'token_hash = $1', [token])).toBe(0);

    const me = await client.ok(ME);
    expect(me.me).toEqual({ id: user.id, email: user.email, role: 'MANAGER' });
  });

  it('refuses a wrong password: UNAUTHENTICATED, no cookie, no session', async () => {
    const user = await t.factories.user();
    const r = await loginFrom(randomIp(), user.email, 'wrong-password-123');
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' });
    expect(r.data).toBeNull();
    expect(r.setCookie).toBeNull();
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const user = await t.factories.user();
    const ip = randomIp();
    const wrong = await loginFrom(ip, user.email, 'wrong-password-123');
    const unknown = await loginFrom(ip, `${unique('nobody')}@test.crm`, 'wrong-password-123');
    expect(unknown.errors).toEqual(wrong.errors?.map((e) => ({ ...e, extensions: { ...e.extensions, requestId: expect.any(String) } })));
  });

  it('refuses a deactivated user even with the right password', async () => {
    const user = await t.factories.user();
    await t.app.services.users.update(await t.factories.admin(), user.id, { version: user.version, active: false });
    const r = await loginFrom(randomIp(), user.email, PASSWORD);
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.setCookie).toBeNull();
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it('locks an account after 5 failures: then even the right password, from any address, is RATE_LIMITED', async () => {
    const user = await t.factories.user();
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      const r = await loginFrom(ip, user.email, `wrong-password-${i}`);
      expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await t.factories.count('login_attempts', 'email = $1 AND ip = $2 AND NOT success', [user.email, ip])).toBe(5);

    for (const from of [ip, randomIp()]) {
      const r = await loginFrom(from, user.email, PASSWORD);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 900 });
      expect(r.setCookie).toBeNull();
    }
    expect(await sessionsOf(user.id)).toBe(0);

    // The lock is on that account: another one signs in from the same address.
    const other = await t.factories.user();
    const ok = await loginFrom(ip, other.email, PASSWORD);
    expect(ok.data?.login.user.id).toBe(other.id);
  });

  it('locks an address after 30 failures across different e-mails, leaving other addresses alone', async () => {
    const user = await t.factories.user();
    const ip = randomIp();
    for (let i = 0; i < 30; i++) {
      const r = await loginFrom(ip, `${unique('spray')}@test.crm`, 'wrong-password-123');
      expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await loginFrom(ip, user.email, PASSWORD);
    expect(blocked.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(await sessionsOf(user.id)).toBe(0);

    const elsewhere = await loginFrom(randomIp(), user.email, PASSWORD);
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.login.user.id).toBe(user.id);
    expect(await sessionsOf(user.id)).toBe(1);
  });
});

describe('logout', () => {
  it('ends the session: the cookie is cleared and the old cookie no longer works', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const oldCookie = client.cookie!;
    expect(await sessionsOf(user.id)).toBe(1);

    const r = await client.gql(LOGOUT);
    expect(r.data).toEqual({ logout: true });
    expect(r.headers.get('set-cookie')).toMatch(/^crm_session=;.*Max-Age=0/);
    expect(await sessionsOf(user.id)).toBe(0);

    const replay = t.anonymous();
    replay.cookie = oldCookie;
    expect((await replay.ok(ME)).me).toBeNull();
    const refused = await replay.gql(COUNTERPARTIES);
    expect(refused.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('leaves the same user’s other sessions alone', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const laptop = await t.anonymous().login(user.email);
    await client.ok(LOGOUT);
    expect((await laptop.ok(ME)).me.id).toBe(user.id);
  });
});

describe('changePassword', () => {
  const hashOf = async (userId: string): Promise<string> => (await t.app.db.query(`SELECT password_hash FROM users WHERE id = $1`, [userId]))[0].password_hash;

  it('refuses an anonymous caller', async () => {
    const r = await t.anonymous().gql(CHANGE_PASSWORD, { i: { currentPassword: PASSWORD, newPassword: 'a-new-long-password' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('names currentPassword when it is wrong and changes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const other = await t.anonymous().login(user.email);
    const before = await hashOf(user.id);
    const r = await client.gql(CHANGE_PASSWORD, { i: { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect(await hashOf(user.id)).toBe(before);
    expect((await other.ok(ME)).me.id).toBe(user.id);
    expect(await t.factories.count('audit_log', `entity_id = $1 AND action = 'UPDATE'`, [user.id])).toBe(0);
  });

  it('names newPassword when it is too short and changes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const other = await t.anonymous().login(user.email);
    const before = await hashOf(user.id);
    const r = await client.gql(CHANGE_PASSWORD, { i: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(await hashOf(user.id)).toBe(before);
    expect((await other.ok(ME)).me.id).toBe(user.id);
  });

  it('changes it, ends the other sessions, keeps this one, and audits without the password', async () => {
    const { client: here, user } = await t.as(Role.MANAGER);
    const elsewhere = await t.anonymous().login(user.email);
    const newPassword = `new-${unique()}-password`;

    expect(await here.ok(CHANGE_PASSWORD, { i: { currentPassword: PASSWORD, newPassword } })).toEqual({ changePassword: true });

    expect((await here.ok(ME)).me.id).toBe(user.id);
    expect((await elsewhere.ok(ME)).me).toBeNull();
    expect(await sessionsOf(user.id)).toBe(1);

    const old = await loginFrom(randomIp(), user.email, PASSWORD);
    expect(old.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const fresh = await loginFrom(randomIp(), user.email, newPassword);
    expect(fresh.data?.login.user.id).toBe(user.id);

    const audit = await t.factories.auditOf(user.id);
    const row = audit.find((a: { action: string }) => a.action === 'UPDATE');
    expect(row).toMatchObject({ actor_id: user.id, entity_type: 'User', changes: [{ field: 'password', old: '***', new: '***' }] });
    expect(JSON.stringify(audit)).not.toContain(newPassword);
  });
});

describe('API tokens', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const name = unique('anon-token-');
    const r = await t.anonymous().gql(CREATE_TOKEN, { i: { name } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('api_tokens', 'name = $1', [name])).toBe(0);
  });

  it('names an empty name and writes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    for (const name of ['', '   ']) {
      const r = await client.gql(CREATE_TOKEN, { i: { name } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    }
    expect(await t.factories.count('api_tokens', 'user_id = $1', [user.id])).toBe(0);
  });

  it('returns the token once; it works as a Bearer credential; only its digest is stored', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const mine = await t.factories.counterparty(user);
    const name = unique('1C exchange ');

    const created = (await client.ok(CREATE_TOKEN, { i: { name } })).createApiToken;
    const { token, apiToken } = created;
    expect(token).toMatch(/^crm_[\w-]{30,}$/);
    expect(apiToken).toMatchObject({ name, userId: user.id, revokedAt: null, tokenPrefix: token.slice(0, apiToken.tokenPrefix.length) });
    expect(apiToken.tokenPrefix.length).toBeLessThan(token.length / 2);

    const integrator = bearer(token);
    expect((await integrator.ok(ME)).me).toEqual({ id: user.id, email: user.email, role: 'MANAGER' });
    const list = await integrator.ok(COUNTERPARTIES);
    expect(list.counterparties.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([mine.id]);

    const listed = (await client.ok(TOKENS)).apiTokens;
    expect(listed).toEqual([expect.objectContaining({ id: apiToken.id, name, tokenPrefix: apiToken.tokenPrefix, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const [row] = await t.app.db.query(`SELECT token_hash FROM api_tokens WHERE id = $1`, [apiToken.id]);
    expect(row.token_hash).not.toBe(token);
    expect(row.token_hash).not.toContain(token.slice(4));
    expect(await t.factories.count('api_tokens', 'token_hash = $1', [token])).toBe(0);

    const audit = await t.factories.auditOf(apiToken.id);
    expect(audit).toEqual([expect.objectContaining({ actor_id: user.id, action: 'CREATE', entity_type: 'ApiToken' })]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses a revoked token at once', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { token, apiToken } = (await client.ok(CREATE_TOKEN, { i: { name: unique('revoke-me-') } })).createApiToken;
    const integrator = bearer(token);
    await integrator.ok(COUNTERPARTIES);

    const revoked = (await client.ok(REVOKE, { id: apiToken.id })).revokeApiToken;
    expect(revoked.id).toBe(apiToken.id);
    expect(revoked.revokedAt).not.toBeNull();

    const r = await integrator.gql(COUNTERPARTIES);
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await integrator.ok(ME)).me).toBeNull();
    expect((await client.ok(TOKENS)).apiTokens).toEqual([expect.objectContaining({ id: apiToken.id, revokedAt: expect.any(String) })]);
    const audit = await t.factories.auditOf(apiToken.id);
    expect(audit.map((a: { action: string; actor_id: string }) => [a.action, a.actor_id])).toEqual([['CREATE', user.id], ['DELETE', user.id]]);
  });

  it("does not let a manager see or revoke another user's token", async () => {
    const owner = await t.as(Role.MANAGER);
    const stranger = await t.as(Role.MANAGER);
    const { token, apiToken } = (await owner.client.ok(CREATE_TOKEN, { i: { name: unique('not-yours-') } })).createApiToken;

    expect((await stranger.client.ok(TOKENS)).apiTokens).toEqual([]);
    const r = await stranger.client.gql(REVOKE, { id: apiToken.id });
    expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');

    expect(await t.factories.count('api_tokens', 'id = $1 AND revoked_at IS NULL', [apiToken.id])).toBe(1);
    await bearer(token).ok(COUNTERPARTIES);
  });

  it('names a malformed token id instead of failing inside the database', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(REVOKE, { id: 'not-an-id' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses an unknown Bearer token without falling back to anything', async () => {
    const r = await bearer(`crm_${crypto.randomBytes(30).toString('base64url')}`).gql(COUNTERPARTIES);
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
