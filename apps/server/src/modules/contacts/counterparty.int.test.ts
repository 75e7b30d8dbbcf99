import { startTestServer, randomInn, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

const CREATE = `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) {
  id name version inn responsible { id } contactInfo { id type kind { id name } value normalized } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('createCounterparty', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const name = unique('Anon ');
    const r = await t.anonymous().gql(CREATE, { i: { name } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
  });

  it('names the bad field and writes nothing: INN checksum', async () => {
    const { client } = await t.as(Role.MANAGER);
    const name = unique('BadInn ');
    const r = await client.gql(CREATE, { i: { name, inn: '7707083894' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inn', reason: 'INN_CHECKSUM' });
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
  });

  it('names the bad contact-info row and writes nothing', async () => {
    const { client } = await t.as(Role.MANAGER);
    const name = unique('BadPhone ');
    const kindId = await t.factories.kindId('WORK_PHONE');
    const r = await client.gql(CREATE, {
      i: { name, contactInfo: [{ type: 'PHONE', kindId, value: '+7 495 123-45-67' }, { type: 'PHONE', kindId, value: '12' }] },
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.1.value' });
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
    expect(await t.factories.count('contact_info', `normalized = '+74951234567' AND counterparty_id IS NOT NULL AND counterparty_id NOT IN (SELECT id FROM counterparties)`)).toBe(0);
  });

  it('creates with normalised contact information and an audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const phoneKind = await t.factories.kindId('WORK_PHONE');
    const whKind = await t.factories.kindId('WAREHOUSE_ADDRESS');
    const inn = randomInn();
    const data = await client.ok(CREATE, {
      i: {
        name: 'ООО «Ромашка»',
        inn,
        contactInfo: [
          { type: 'PHONE', kindId: phoneKind, value: '8 (495) 123-45-67 доб. 12' },
          { type: 'ADDRESS', kindId: whKind, value: 'Москва, ул. Складская, д. 1' },
        ],
      },
    });
    const c = data.createCounterparty;
    expect(c).toMatchObject({ name: 'ООО «Ромашка»', version: 1, inn, responsible: { id: user.id } });
    expect(c.contactInfo[0]).toMatchObject({ type: 'PHONE', normalized: '+74951234567', kind: { id: phoneKind } });
    expect(c.contactInfo[1]).toMatchObject({ type: 'ADDRESS', value: 'Москва, ул. Складская, д. 1', kind: { id: whKind } });
    const audit = await t.factories.auditOf(c.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, action: 'CREATE', entity_type: 'Counterparty' });
    expect(audit[0].changes.map((ch: { field: string }) => ch.field)).toEqual(expect.arrayContaining(['name', 'inn', 'contactInfo']));
  });
});

describe('row scope', () => {
  it("hides manager B's counterparty from manager A on every path", async () => {
    const a = await t.as(Role.MANAGER);
    const b = await t.as(Role.MANAGER);
    const theirs = await t.factories.counterparty(b.user, { name: unique('Чужой ') });
    const person = await t.factories.contactPerson(b.user, { counterpartyId: theirs.id });
    const phone = (await t.app.services.contactInfo.byCounterparties(t.factories.actorOf(b.user), [theirs.id]))[0].normalized;

    const byId = await a.client.gql(`query($id: ID!) { counterparty(id: $id) { id name } }`, { id: theirs.id });
    expect(byId.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const list = await a.client.ok(`query($s: String) { counterparties(first: 50, filter: { search: $s }) { totalCount edges { node { id } } } }`, { s: theirs.name });
    expect(list.counterparties.totalCount).toBe(0);

    const search = await a.client.ok(`query($q: String!) { search(query: $q) { totalCount } }`, { q: phone.slice(-7) });
    expect(search.search.totalCount).toBe(0);

    const nested = await a.client.gql(`query($id: ID!) { contactPerson(id: $id) { id counterparty { id } } }`, { id: person.id });
    expect(nested.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const update = await a.client.gql(`mutation($id: ID!) { updateCounterparty(id: $id, input: { version: 1, name: "Mine now" }) { id } }`, { id: theirs.id });
    expect(update.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const mark = await a.client.gql(`mutation($id: ID!) { markCounterpartyForDeletion(id: $id) { id } }`, { id: theirs.id });
    expect(mark.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('counterparties', 'id = $1 AND name = $2 AND NOT deletion_mark', [theirs.id, theirs.name])).toBe(1);

    // B still sees it everywhere.
    const own = await b.client.ok(`query($id: ID!) { counterparty(id: $id) { id contactPersons { id } viewerCan { update delete } } }`, { id: theirs.id });
    expect(own.counterparty).toEqual({ id: theirs.id, contactPersons: [{ id: person.id }], viewerCan: { update: true, delete: true } });
  });
});
