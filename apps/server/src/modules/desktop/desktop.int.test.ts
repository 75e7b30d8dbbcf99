import { startTestServer, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const RECENT = `query($first: Int) { recentObjects(first: $first) { entityType entityId label at action } }`;
const CREATE = `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id name } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCounterpartyInput!) { updateCounterparty(id: $id, input: $i) { id } }`;
const CREATE_PERSON = `mutation($i: CreateContactPersonInput!) { createContactPerson(input: $i) { id fullName } }`;
const CREATE_KIND = `mutation($i: CreateContactInfoKindInput!) { createContactInfoKind(input: $i) { id } }`;

const summary = (rows: Array<{ entityType: string; entityId: string; label: string; action: string }>) =>
  rows.map((r) => ({ entityType: r.entityType, entityId: r.entityId, label: r.label, action: r.action }));

describe('recentObjects', () => {
  it('refuses an anonymous caller', async () => {
    expect((await t.anonymous().gql(RECENT, { first: 5 })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each([0, 101])('names a page size out of range (%i)', async (first) => {
    const { client } = await t.as(Role.MANAGER);
    expect((await client.gql(RECENT, { first })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('lists what I created or changed, newest first, one row per object with its latest name', async () => {
    const me = await t.as(Role.MANAGER);
    const colleague = await t.as(Role.MANAGER);
    expect((await me.client.ok(RECENT, { first: 10 })).recentObjects).toEqual([]);

    const a = (await me.client.ok(CREATE, { i: { name: unique('Первый ') } })).createCounterparty;
    const b = (await me.client.ok(CREATE, { i: { name: unique('Второй ') } })).createCounterparty;
    const p = (await me.client.ok(CREATE_PERSON, { i: { lastName: unique('Контактов') } })).createContactPerson;
    const renamed = unique('Первый, переименован ');
    await me.client.ok(UPDATE, { id: a.id, i: { version: 1, name: renamed } });
    await colleague.client.ok(CREATE, { i: { name: unique('Чужой ') } });

    const rows = (await me.client.ok(RECENT, { first: 10 })).recentObjects;
    expect(summary(rows)).toEqual([
      { entityType: 'Counterparty', entityId: a.id, label: renamed, action: 'UPDATE' },
      { entityType: 'ContactPerson', entityId: p.id, label: p.fullName, action: 'CREATE' },
      { entityType: 'Counterparty', entityId: b.id, label: b.name, action: 'CREATE' },
    ]);
    const times = rows.map((r: { at: string }) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(summary((await me.client.ok(RECENT, { first: 2 })).recentObjects).map((r) => r.entityId)).toEqual([a.id, p.id]);
  });

  it('drops objects I can no longer see, and still fills the page with older ones', async () => {
    const me = await t.as(Role.MANAGER);
    const other = await t.factories.user();
    const admin = await t.factories.admin();
    const kept = (await me.client.ok(CREATE, { i: { name: unique('Остался ') } })).createCounterparty;
    const handedOver: string[] = [];
    for (let i = 0; i < 3; i++) handedOver.push((await me.client.ok(CREATE, { i: { name: unique('Передан ') } })).createCounterparty.id);
    for (const id of handedOver) await t.app.services.counterparties.update(admin, id, { version: 1, responsibleId: other.id });

    expect(summary((await me.client.ok(RECENT, { first: 10 })).recentObjects).map((r) => r.entityId)).toEqual([kept.id]);
    expect(summary((await me.client.ok(RECENT, { first: 1 })).recentObjects).map((r) => r.entityId)).toEqual([kept.id]);
  });

  it('leaves out catalog entries (kinds) and still fills the page with objects', async () => {
    const me = await t.as(Role.MANAGER);
    const c = (await me.client.ok(CREATE, { i: { name: unique('Объект ') } })).createCounterparty;
    for (let i = 0; i < 3; i++) await me.client.ok(CREATE_KIND, { i: { name: unique('Вид '), type: 'OTHER' } });
    expect(summary((await me.client.ok(RECENT, { first: 1 })).recentObjects)).toEqual([{ entityType: 'Counterparty', entityId: c.id, label: c.name, action: 'CREATE' }]);
  });
});
