import { ApiClient, PASSWORD, startTestServer, unique, type TestServer } from '../../test/harness';
import { Role, type User } from './user.entity';

const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { id email fullName role active version supervisor { id } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id email fullName role active version supervisorId } }`;
const USERS = `query($first: Int!, $after: String, $s: String) {
  users(first: $first, after: $after, filter: { search: $s }) { totalCount edges { cursor node { id fullName } } pageInfo { hasNextPage endCursor } } }`;
const COUNTERPARTY_IDS = `{ counterparties(first: 500) { totalCount edges { node { id } } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const newUserInput = (over: Record<string, unknown> = {}) => ({
  email: `${unique('new')}@test.crm`,
  password: 'a-long-initial-password',
  fullName: unique('Новый Сотрудник '),
  role: 'MANAGER',
  ...over,
});
const userRow = async (id: string) => (await t.app.db.query(`SELECT * FROM users WHERE id = $1`, [id]))[0];

describe('createUser', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const input = newUserInput();
    const r = await t.anonymous().gql(CREATE, { i: input });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('users', 'email = $1', [input.email])).toBe(0);
  });

  it('refuses a manager and writes nothing', async () => {
    const { client } = await t.as(Role.MANAGER);
    const input = newUserInput({ role: 'ADMINISTRATOR' });
    const r = await client.gql(CREATE, { i: input });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('users', 'email = $1', [input.email])).toBe(0);
  });

  it('names a malformed e-mail and writes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const input = newUserInput({ email: 'not-an-email' });
    const r = await client.gql(CREATE, { i: input });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(await t.factories.count('users', 'full_name = $1', [input.fullName])).toBe(0);
  });

  it('names an e-mail already taken (in any letter case) and writes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const existing = await t.factories.user();
    const input = newUserInput({ email: existing.email.toUpperCase() });
    const r = await client.gql(CREATE, { i: input });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', reason: 'EMAIL_TAKEN' });
    expect(await t.factories.count('users', 'email = $1', [existing.email])).toBe(1);
    expect(await t.factories.count('users', 'full_name = $1', [input.fullName])).toBe(0);
  });

  it('names a supervisor who does not exist and writes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const input = newUserInput({ supervisorId: '00000000-0000-4000-8000-000000000000' });
    const r = await client.gql(CREATE, { i: input });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supervisorId' });
    expect(await t.factories.count('users', 'email = $1', [input.email])).toBe(0);
  });

  it('creates a user who can sign in, with an audit row by the administrator', async () => {
    const { client, user: admin } = await t.as(Role.ADMINISTRATOR);
    const supervisor = await t.factories.user({ role: Role.SUPERVISOR });
    const input = newUserInput({ email: `${unique('Mixed.Case')}@Test.CRM`, supervisorId: supervisor.id });
    const created = (await client.ok(CREATE, { i: input })).createUser;
    const email = (input.email as string).toLowerCase();
    expect(created).toMatchObject({ email, fullName: input.fullName, role: 'MANAGER', active: true, version: 1, supervisor: { id: supervisor.id } });

    const row = await userRow(created.id);
    expect(row.password_hash).not.toContain(input.password);

    const audit = await t.factories.auditOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.id, action: 'CREATE', entity_type: 'User' });
    expect(audit[0].changes).toEqual(expect.arrayContaining([{ field: 'email', old: null, new: email }, { field: 'role', old: null, new: 'MANAGER' }]));
    expect(JSON.stringify(audit)).not.toContain(input.password);

    const signedIn = await new ApiClient(t.url).login(email, input.password as string);
    expect((await signedIn.ok(`{ me { id } }`)).me.id).toBe(created.id);
  });
});

describe('updateUser', () => {
  it('refuses a manager and changes nothing', async () => {
    const { client } = await t.as(Role.MANAGER);
    const target = await t.factories.user();
    const r = await client.gql(UPDATE, { id: target.id, i: { version: target.version, role: 'ADMINISTRATOR' } });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await userRow(target.id)).role).toBe('MANAGER');
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const target = await t.factories.user();
    const renamed = unique('Renamed ');
    await client.ok(UPDATE, { id: target.id, i: { version: 1, fullName: renamed } });

    const r = await client.gql(UPDATE, { id: target.id, i: { version: 1, fullName: 'Lost update', role: 'SUPERVISOR' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const row = await userRow(target.id);
    expect(row).toMatchObject({ full_name: renamed, role: 'MANAGER', version: 2 });
    expect(await t.factories.count('audit_log', `entity_id = $1 AND action = 'UPDATE'`, [target.id])).toBe(1);
  });

  it('refuses a supervisor cycle and changes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const a = await t.factories.user({ role: Role.SUPERVISOR });
    const b = await t.factories.user({ role: Role.SUPERVISOR, supervisorId: a.id });
    const c = await t.factories.user({ supervisorId: b.id });

    for (const below of [b, c]) {
      const r = await client.gql(UPDATE, { id: a.id, i: { version: a.version, supervisorId: below.id } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supervisorId', reason: 'CYCLE' });
    }
    const self = await client.gql(UPDATE, { id: a.id, i: { version: a.version, supervisorId: a.id } });
    expect(self.errors?.[0].extensions).toMatchObject({ field: 'supervisorId', reason: 'CYCLE' });
    expect(await userRow(a.id)).toMatchObject({ supervisor_id: null, version: 1 });
  });

  it('deactivating ends the user’s sessions and tokens for good', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client: their, user } = await t.as(Role.MANAGER);
    const { token } = (await their.ok(`mutation { createApiToken(input: { name: "integration" }) { token } }`)).createApiToken;
    const integrator = new ApiClient(t.url, token);
    await integrator.ok(COUNTERPARTY_IDS);

    const off = (await admin.ok(UPDATE, { id: user.id, i: { version: 1, active: false } })).updateUser;
    expect(off).toMatchObject({ active: false, version: 2 });

    expect(await t.factories.count('sessions', 'user_id = $1', [user.id])).toBe(0);
    expect((await their.ok(`{ me { id } }`)).me).toBeNull();
    expect((await their.gql(COUNTERPARTY_IDS)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await integrator.gql(COUNTERPARTY_IDS)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // Reactivated, the user signs in again, but what was ended stays ended.
    await admin.ok(UPDATE, { id: user.id, i: { version: 2, active: true } });
    expect((await their.gql(COUNTERPARTY_IDS)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await integrator.gql(COUNTERPARTY_IDS)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    await new ApiClient(t.url).login(user.email, PASSWORD);
  });

  it('audits a role change with the old and new values', async () => {
    const { client, user: admin } = await t.as(Role.ADMINISTRATOR);
    const target = await t.factories.user({ role: Role.MANAGER });
    const updated = (await client.ok(UPDATE, { id: target.id, i: { version: target.version, role: 'SUPERVISOR' } })).updateUser;
    expect(updated).toMatchObject({ role: 'SUPERVISOR', version: 2 });

    const audit = await t.factories.auditOf(target.id);
    const update = audit.filter((a: { action: string }) => a.action === 'UPDATE');
    expect(update).toHaveLength(1);
    expect(update[0]).toMatchObject({ actor_id: admin.id, entity_type: 'User', changes: [{ field: 'role', old: 'MANAGER', new: 'SUPERVISOR' }] });
  });

  it('names a malformed user id instead of failing inside the database', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const r = await client.gql(UPDATE, { id: 'not-an-id', i: { version: 1, fullName: 'X' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const byId = await client.gql(`{ user(id: "not-an-id") { id } }`);
    expect(byId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('team scope', () => {
  it("lets a supervisor see their subordinates' records, recursively, and no other team's", async () => {
    const { client, user: boss } = await t.as(Role.SUPERVISOR);
    const lead = await t.factories.user({ role: Role.SUPERVISOR, supervisorId: boss.id });
    const member = await t.factories.user({ role: Role.MANAGER, supervisorId: lead.id });
    const otherBoss = await t.factories.user({ role: Role.SUPERVISOR });
    const outsider = await t.factories.user({ role: Role.MANAGER, supervisorId: otherBoss.id });

    const own = await t.factories.counterparty(boss);
    const leads = await t.factories.counterparty(lead);
    const members = await t.factories.counterparty(member);
    const outsiders = await t.factories.counterparty(outsider);
    const otherBosses = await t.factories.counterparty(otherBoss);

    const list = (await client.ok(COUNTERPARTY_IDS)).counterparties;
    expect(list.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([own.id, leads.id, members.id].sort());
    expect(list.totalCount).toBe(3);

    for (const theirs of [outsiders, otherBosses]) {
      const r = await client.gql(`query($id: ID!) { counterparty(id: $id) { id } }`, { id: theirs.id });
      expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
    const deep = await client.ok(`query($id: ID!) { counterparty(id: $id) { id viewerCan { update } } }`, { id: members.id });
    expect(deep.counterparty).toEqual({ id: members.id, viewerCan: { update: true } });
  });
});

describe('users', () => {
  it('refuses an anonymous caller', async () => {
    const r = await t.anonymous().gql(USERS, { first: 2 });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('pages by cursor, by name, without overlap', async () => {
    const { client } = await t.as(Role.MANAGER);
    const tag = unique('Page');
    const made: User[] = [];
    for (const name of ['Charlie', 'Alpha', 'Bravo']) {
      made.push(
        await t.app.services.users.create(null, { email: `${unique('p')}@test.crm`, password: PASSWORD, fullName: `${tag} ${name}`, role: Role.MANAGER }),
      );
    }
    const byName = [made[1].id, made[2].id, made[0].id];

    const first = (await client.ok(USERS, { first: 2, s: tag })).users;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(byName.slice(0, 2));
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });

    const second = (await client.ok(USERS, { first: 2, s: tag, after: first.pageInfo.endCursor })).users;
    expect(second.totalCount).toBe(3);
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(byName.slice(2));
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
  });
});
