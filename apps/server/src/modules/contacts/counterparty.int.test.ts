import crypto from 'node:crypto';
import { startTestServer, randomInn, randomMoscowPhone, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { ContactInfoType } from './contacts.enums';

const CREATE = `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) {
  id name version inn responsible { id } contactInfo { id type kind { id name } value normalized } } }`;

const UPDATE = `mutation($id: ID!, $i: UpdateCounterpartyInput!) { updateCounterparty(id: $id, input: $i) {
  id name version inn kpp legalType comment responsible { id } contactInfo { id type kind { id } value normalized } viewerCan { update delete restore } } }`;
const MARK = `mutation($id: ID!) { markCounterpartyForDeletion(id: $id) { id version deletionMark viewerCan { update delete restore } } }`;
const RESTORE = `mutation($id: ID!) { restoreCounterparty(id: $id) { id version deletionMark viewerCan { update delete restore } } }`;
const GET = `query($id: ID!) { counterparty(id: $id) { id name version deletionMark viewerCan { update delete restore } } }`;

/** Valid INN of a private person or sole proprietor (12 digits). */
function randomPersonInn(): string {
  const d = Array.from({ length: 10 }, (_, i) => (i === 0 ? 1 + crypto.randomInt(9) : crypto.randomInt(10)));
  const control = (w: number[]) => (w.reduce((s, k, i) => s + k * d[i], 0) % 11) % 10;
  d.push(control([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
  d.push(control([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]));
  return d.join('');
}

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

describe('createCounterparty: whom it may belong to', () => {
  it('a manager cannot create a counterparty for another manager', async () => {
    const { client } = await t.as(Role.MANAGER);
    const other = await t.factories.user();
    const name = unique('Подарок ');
    const r = await client.gql(CREATE, { i: { name, responsibleId: other.id } });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
  });

  it('a supervisor creates one for a subordinate; the audit row names the supervisor', async () => {
    const boss = await t.as(Role.SUPERVISOR);
    const sub = await t.factories.user({ supervisorId: boss.user.id });
    const c = (await boss.client.ok(CREATE, { i: { name: unique('Для подчинённого '), responsibleId: sub.id } })).createCounterparty;
    expect(c.responsible.id).toBe(sub.id);
    expect(await t.factories.auditOf(c.id)).toEqual([expect.objectContaining({ action: 'CREATE', actor_id: boss.user.id })]);
  });

  it('refuses a KPP for a person and an INN of the wrong length, naming the field', async () => {
    const { client } = await t.as(Role.MANAGER);
    const name = unique('Физлицо ');
    const kpp = await client.gql(CREATE, { i: { name, legalType: 'INDIVIDUAL', inn: randomPersonInn(), kpp: '773601001' } });
    expect(kpp.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kpp', reason: 'KPP_LEGAL_TYPE' });
    const inn = await client.gql(CREATE, { i: { name, legalType: 'INDIVIDUAL', inn: randomInn() } });
    expect(inn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inn', reason: 'INN_LEGAL_TYPE' });
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
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

describe('updateCounterparty', () => {
  const updatesOf = async (id: string) => (await t.factories.auditOf(id)).filter((a: { action: string }) => a.action === 'UPDATE');

  it('refuses an anonymous caller and changes nothing', async () => {
    const owner = await t.factories.user();
    const c = await t.factories.counterparty(owner);
    const r = await t.anonymous().gql(UPDATE, { id: c.id, i: { version: 1, name: 'Anon was here' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('counterparties', 'id = $1 AND name = $2 AND version = 1', [c.id, c.name])).toBe(1);
  });

  it.each([
    ['an empty name', { name: '' }, { field: 'name' }],
    ['a bad INN checksum', { inn: '7707083894' }, { field: 'inn', reason: 'INN_CHECKSUM' }],
    ['a malformed KPP', { kpp: '12' }, { field: 'kpp', reason: 'KPP_FORMAT' }],
    ['a malformed responsible id', { responsibleId: 'nobody' }, { field: 'responsibleId' }],
  ])('names the field of %s and changes nothing', async (_what, change, expected) => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const r = await client.gql(UPDATE, { id: c.id, i: { version: 1, comment: 'should not be saved', ...change } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
    expect(await t.factories.count('counterparties', 'id = $1 AND name = $2 AND version = 1 AND comment IS NULL', [c.id, c.name])).toBe(1);
    expect(await updatesOf(c.id)).toHaveLength(0);
  });

  it('names the bad contact-info row and keeps the old list', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const kindId = await t.factories.kindId('EMAIL');
    const r = await client.gql(UPDATE, { id: c.id, i: { version: 1, contactInfo: [{ type: 'EMAIL', kindId, value: 'not an e-mail' }] } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.0.value' });
    expect(await t.factories.count('contact_info', 'counterparty_id = $1 AND type = $2', [c.id, 'PHONE'])).toBe(1);
    expect(await t.factories.count('contact_info', 'counterparty_id = $1 AND type = $2', [c.id, 'EMAIL'])).toBe(0);
    expect(await updatesOf(c.id)).toHaveLength(0);
  });

  it('bumps the version and audits the old and new values of the changed fields only', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inn = randomInn();
    const c = await t.factories.counterparty(user, { inn, comment: 'old comment' });
    const name = unique('Новое имя ');
    const data = await client.ok(UPDATE, { id: c.id, i: { version: 1, name, comment: 'new comment', inn } });
    expect(data.updateCounterparty).toMatchObject({ id: c.id, name, version: 2, inn, comment: 'new comment', responsible: { id: user.id } });

    const updates = await updatesOf(c.id);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actor_id: user.id, entity_type: 'Counterparty', entity_label: name });
    expect(updates[0].changes).toEqual([
      { field: 'name', old: c.name, new: name },
      { field: 'comment', old: 'old comment', new: 'new comment' },
    ]);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    await client.ok(UPDATE, { id: c.id, i: { version: 1, comment: 'first save' } });
    const r = await client.gql(UPDATE, { id: c.id, i: { version: 1, comment: 'second save from a stale form' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await t.factories.count('counterparties', `id = $1 AND version = 2 AND comment = 'first save'`, [c.id])).toBe(1);
    expect(await updatesOf(c.id)).toHaveLength(1);
  });

  it('saving unchanged values writes no audit row and keeps the version', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const data = await client.ok(UPDATE, { id: c.id, i: { version: 1, name: c.name } });
    expect(data.updateCounterparty.version).toBe(1);
    expect(await updatesOf(c.id)).toHaveLength(0);
  });

  it('replaces contact information: keeps records by id, adds new ones, removes missing ones, and audits it', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const [phoneKind, emailKind, addressKind] = await Promise.all(['WORK_PHONE', 'EMAIL', 'LEGAL_ADDRESS'].map((k) => t.factories.kindId(k)));
    const phone = randomMoscowPhone();
    const c = await t.factories.counterparty(user, {
      contactInfo: [
        { type: ContactInfoType.PHONE, kindId: phoneKind, value: `+${phone}` },
        { type: ContactInfoType.EMAIL, kindId: emailKind, value: 'old@example.ru' },
      ],
    });
    const [phoneRow, emailRow] = await t.app.db.query(`SELECT id FROM contact_info WHERE counterparty_id = $1 ORDER BY position`, [c.id]);
    const newPhone = randomMoscowPhone();

    const data = await client.ok(UPDATE, {
      id: c.id,
      i: {
        version: 1,
        contactInfo: [
          { id: phoneRow.id, type: 'PHONE', kindId: phoneKind, value: `8 (${newPhone.slice(1, 4)}) ${newPhone.slice(4)}` },
          { type: 'ADDRESS', kindId: addressKind, value: 'Москва, ул. Новая, д. 2' },
        ],
      },
    });
    const list = data.updateCounterparty.contactInfo;
    expect(data.updateCounterparty.version).toBe(2);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ id: phoneRow.id, type: 'PHONE', normalized: `+${newPhone}` });
    expect(list[1]).toMatchObject({ type: 'ADDRESS', value: 'Москва, ул. Новая, д. 2', kind: { id: addressKind } });
    expect(list[1].id).not.toBe(emailRow.id);
    expect(await t.factories.count('contact_info', 'id = $1', [emailRow.id])).toBe(0);

    const [update] = await updatesOf(c.id);
    expect(update.changes).toHaveLength(1);
    const change = update.changes[0];
    expect(change.field).toBe('contactInfo');
    expect(change.old.map((r: { value: string }) => r.value)).toEqual([expect.stringContaining(phone.slice(-2)), 'old@example.ru']);
    expect(change.new.map((r: { type: string }) => r.type)).toEqual(['PHONE', 'ADDRESS']);
  });

  it("refuses a record id of another object's contact information", async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const phoneKind = await t.factories.kindId('WORK_PHONE');
    const mine = await t.factories.counterparty(user);
    const other = await t.factories.counterparty(user);
    const [foreign] = await t.app.db.query(`SELECT id FROM contact_info WHERE counterparty_id = $1`, [other.id]);
    const r = await client.gql(UPDATE, { id: mine.id, i: { version: 1, contactInfo: [{ id: foreign.id, type: 'PHONE', kindId: phoneKind, value: `+${randomMoscowPhone()}` }] } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.0.id' });
    expect(await t.factories.count('contact_info', 'counterparty_id = $1', [other.id])).toBe(1);
    expect(await t.factories.count('contact_info', 'counterparty_id = $1', [mine.id])).toBe(1);
  });

  it('refuses to update a counterparty marked for deletion', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const marked = await client.ok(MARK, { id: c.id });
    const r = await client.gql(UPDATE, { id: c.id, i: { version: marked.markCounterpartyForDeletion.version, name: 'Changed while deleted' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MARKED_FOR_DELETION' });
    expect(await t.factories.count('counterparties', 'id = $1 AND name = $2', [c.id, c.name])).toBe(1);
  });

  it('checks the INN length against the legal type, and allows a KPP only for a legal entity', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const personInn = randomPersonInn();

    const r1 = await client.gql(UPDATE, { id: c.id, i: { version: 1, inn: personInn } });
    expect(r1.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inn', reason: 'INN_LEGAL_TYPE' });
    const r2 = await client.gql(UPDATE, { id: c.id, i: { version: 1, legalType: 'INDIVIDUAL', inn: randomInn() } });
    expect(r2.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inn', reason: 'INN_LEGAL_TYPE' });
    const r3 = await client.gql(UPDATE, { id: c.id, i: { version: 1, legalType: 'SOLE_PROPRIETOR', inn: personInn, kpp: '773601001' } });
    expect(r3.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kpp', reason: 'KPP_LEGAL_TYPE' });
    expect(await t.factories.count('counterparties', `id = $1 AND version = 1 AND inn IS NULL AND legal_type = 'LEGAL_ENTITY'`, [c.id])).toBe(1);

    const ok = await client.ok(UPDATE, { id: c.id, i: { version: 1, legalType: 'SOLE_PROPRIETOR', inn: personInn } });
    expect(ok.updateCounterparty).toMatchObject({ legalType: 'SOLE_PROPRIETOR', inn: personInn, kpp: null, version: 2 });
    const back = await client.ok(UPDATE, { id: c.id, i: { version: 2, legalType: 'LEGAL_ENTITY', inn: randomInn(), kpp: '773601001' } });
    expect(back.updateCounterparty).toMatchObject({ legalType: 'LEGAL_ENTITY', kpp: '773601001', version: 3 });
  });

  it('a manager cannot hand a counterparty to another manager', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const colleague = await t.factories.user();
    const c = await t.factories.counterparty(user);
    const r = await client.gql(UPDATE, { id: c.id, i: { version: 1, responsibleId: colleague.id } });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('counterparties', 'id = $1 AND responsible_id = $2 AND version = 1', [c.id, user.id])).toBe(1);
    expect(await updatesOf(c.id)).toHaveLength(0);
  });

  it('a supervisor assigns within the team, not outside it', async () => {
    const boss = await t.as(Role.SUPERVISOR);
    const a = await t.factories.user({ supervisorId: boss.user.id });
    const b = await t.factories.user({ supervisorId: boss.user.id });
    const outsider = await t.factories.user();
    const c = await t.factories.counterparty(a);

    const outside = await boss.client.gql(UPDATE, { id: c.id, i: { version: 1, responsibleId: outsider.id } });
    expect(outside.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const data = await boss.client.ok(UPDATE, { id: c.id, i: { version: 1, responsibleId: b.id } });
    expect(data.updateCounterparty).toMatchObject({ version: 2, responsible: { id: b.id } });
    const [update] = await updatesOf(c.id);
    expect(update.actor_id).toBe(boss.user.id);
    expect(update.changes).toEqual([{ field: 'responsibleId', old: a.id, new: b.id }]);
  });

  it('refuses an unknown responsible user by field', async () => {
    const { client, user } = await t.as(Role.ADMINISTRATOR);
    const c = await t.factories.counterparty(user);
    const r = await client.gql(UPDATE, { id: c.id, i: { version: 1, responsibleId: crypto.randomUUID() } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibleId' });
  });
});

describe('markCounterpartyForDeletion / restoreCounterparty', () => {
  const LIST = `query($s: String, $mark: Boolean) { counterparties(first: 50, filter: { search: $s, deletionMark: $mark }) { totalCount edges { node { id deletionMark } } } }`;
  const SEARCH = `query($q: String!) { search(query: $q) { totalCount edges { node { ... on Counterparty { id } } } } }`;

  it('refuses an anonymous caller', async () => {
    const c = await t.factories.counterparty(await t.factories.user());
    for (const m of [MARK, RESTORE]) {
      const r = await t.anonymous().gql(m, { id: c.id });
      expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect(await t.factories.count('counterparties', 'id = $1 AND NOT deletion_mark AND version = 1', [c.id])).toBe(1);
  });

  it('names a malformed id', async () => {
    const { client } = await t.as(Role.MANAGER);
    for (const m of [MARK, RESTORE]) {
      const r = await client.gql(m, { id: 'not-an-id' });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
    const r = await client.gql(GET, { id: 'not-an-id' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const missing = await client.gql(GET, { id: crypto.randomUUID() });
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it("does not let a manager mark or restore another manager's counterparty", async () => {
    const { client } = await t.as(Role.MANAGER);
    const owner = await t.factories.user();
    const c = await t.factories.counterparty(owner);
    expect((await client.gql(MARK, { id: c.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    await t.app.services.counterparties.setDeletionMark(await t.factories.admin(), c.id, true);
    expect((await client.gql(RESTORE, { id: c.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('counterparties', 'id = $1 AND deletion_mark', [c.id])).toBe(1);
  });

  it('hides a marked counterparty from the list and search, lists it on request, restores it, and audits both', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const name = unique('Удаляемый ');
    const c = await t.factories.counterparty(user, { name });

    const marked = await client.ok(MARK, { id: c.id });
    expect(marked.markCounterpartyForDeletion).toEqual({ id: c.id, version: 2, deletionMark: true, viewerCan: { update: false, delete: false, restore: true } });
    expect((await client.ok(LIST, { s: name })).counterparties.totalCount).toBe(0);
    expect((await client.ok(SEARCH, { q: name })).search.totalCount).toBe(0);
    expect((await client.ok(LIST, { s: name, mark: true })).counterparties.edges).toEqual([{ node: { id: c.id, deletionMark: true } }]);
    // Still readable by id (the card shows it with a Restore button).
    expect((await client.ok(GET, { id: c.id })).counterparty.viewerCan).toEqual({ update: false, delete: false, restore: true });

    const restored = await client.ok(RESTORE, { id: c.id });
    expect(restored.restoreCounterparty).toEqual({ id: c.id, version: 3, deletionMark: false, viewerCan: { update: true, delete: true, restore: false } });
    expect((await client.ok(LIST, { s: name })).counterparties.edges).toEqual([{ node: { id: c.id, deletionMark: false } }]);
    expect((await client.ok(SEARCH, { q: name })).search.totalCount).toBe(1);
    expect((await client.ok(LIST, { s: name, mark: true })).counterparties.totalCount).toBe(0);

    const audit = await t.factories.auditOf(c.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'MARK_FOR_DELETION', 'RESTORE']);
    expect(audit[1]).toMatchObject({ actor_id: user.id, changes: [{ field: 'deletionMark', old: false, new: true }] });
    expect(audit[2]).toMatchObject({ actor_id: user.id, changes: [{ field: 'deletionMark', old: true, new: false }] });
  });

  it('marking twice is a no-op without a second audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    await client.ok(MARK, { id: c.id });
    const again = await client.ok(MARK, { id: c.id });
    expect(again.markCounterpartyForDeletion.version).toBe(2);
    expect((await t.factories.auditOf(c.id)).filter((a: { action: string }) => a.action === 'MARK_FOR_DELETION')).toHaveLength(1);
  });
});

describe('roles', () => {
  const LIST = `query($s: String) { counterparties(first: 50, filter: { search: $s }) { totalCount edges { node { id viewerCan { update } } } } }`;

  it('a marketer reads every counterparty but changes only their own', async () => {
    const marketer = await t.as(Role.MARKETER);
    const manager = await t.factories.user();
    const theirs = await t.factories.counterparty(manager, { name: unique('Чужой для маркетолога ') });

    const read = await marketer.client.ok(GET, { id: theirs.id });
    expect(read.counterparty).toMatchObject({ id: theirs.id, viewerCan: { update: false, delete: false, restore: false } });
    const list = await marketer.client.ok(LIST, { s: theirs.name });
    expect(list.counterparties.edges).toEqual([{ node: { id: theirs.id, viewerCan: { update: false } } }]);

    const update = await marketer.client.gql(UPDATE, { id: theirs.id, i: { version: 1, name: 'Marketer rename' } });
    expect(update.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const mark = await marketer.client.gql(MARK, { id: theirs.id });
    expect(mark.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('counterparties', 'id = $1 AND version = 1 AND NOT deletion_mark', [theirs.id])).toBe(1);

    const own = await t.factories.counterparty(marketer.user);
    expect((await marketer.client.ok(UPDATE, { id: own.id, i: { version: 1, comment: 'mine' } })).updateCounterparty.version).toBe(2);
  });

  it("a supervisor reads and changes subordinates' counterparties, not others'", async () => {
    const boss = await t.as(Role.SUPERVISOR);
    const sub = await t.factories.user({ supervisorId: boss.user.id });
    const subSub = await t.factories.user({ supervisorId: sub.id });
    const stranger = await t.factories.user();
    const ofSub = await t.factories.counterparty(sub);
    const ofSubSub = await t.factories.counterparty(subSub);
    const ofStranger = await t.factories.counterparty(stranger);

    for (const c of [ofSub, ofSubSub]) {
      expect((await boss.client.ok(GET, { id: c.id })).counterparty.viewerCan.update).toBe(true);
      expect((await boss.client.ok(UPDATE, { id: c.id, i: { version: 1, comment: 'checked by the boss' } })).updateCounterparty.version).toBe(2);
    }
    expect((await boss.client.gql(GET, { id: ofStranger.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await boss.client.gql(UPDATE, { id: ofStranger.id, i: { version: 1, comment: 'x' } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('counterparties', 'id = $1 AND version = 1', [ofStranger.id])).toBe(1);
  });

  it('an administrator reads and changes everything', async () => {
    const admin = await t.as(Role.ADMINISTRATOR);
    const manager = await t.factories.user();
    const c = await t.factories.counterparty(manager);
    expect((await admin.client.ok(GET, { id: c.id })).counterparty.viewerCan).toEqual({ update: true, delete: true, restore: false });
    const other = await t.factories.user();
    const data = await admin.client.ok(UPDATE, { id: c.id, i: { version: 1, responsibleId: other.id } });
    expect(data.updateCounterparty.responsible.id).toBe(other.id);
    expect((await admin.client.ok(MARK, { id: c.id })).markCounterpartyForDeletion.deletionMark).toBe(true);
  });
});

describe('concurrent saves', () => {
  it('two saves from the same version: one wins, the other gets CONFLICT', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const [r1, r2] = await Promise.all([
      client.gql(UPDATE, { id: c.id, i: { version: 1, comment: 'from tab one' } }),
      client.gql(UPDATE, { id: c.id, i: { version: 1, comment: 'from tab two' } }),
    ]);
    const results = [r1, r2];
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors?.[0].extensions.code).toBe('CONFLICT');
    const [row] = await t.app.db.query(`SELECT version, comment FROM counterparties WHERE id = $1`, [c.id]);
    expect(row).toEqual({ version: 2, comment: won[0].data!.updateCounterparty.comment });
    expect((await t.factories.auditOf(c.id)).filter((a: { action: string }) => a.action === 'UPDATE')).toHaveLength(1);
  });
});

describe('createCounterpartyGroup', () => {
  const CREATE_GROUP = `mutation($i: CreateCounterpartyGroupInput!) { createCounterpartyGroup(input: $i) { id name parentId } }`;

  it('refuses an anonymous caller, names a bad field, and audits the happy path', async () => {
    const name = unique('Группа ');
    expect((await t.anonymous().gql(CREATE_GROUP, { i: { name } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const { client, user } = await t.as(Role.MANAGER);
    expect((await client.gql(CREATE_GROUP, { i: { name: '' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await client.gql(CREATE_GROUP, { i: { name, parentId: crypto.randomUUID() } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(await t.factories.count('counterparty_groups', 'name = $1', [name])).toBe(0);

    const g = (await client.ok(CREATE_GROUP, { i: { name } })).createCounterpartyGroup;
    expect(g).toMatchObject({ name, parentId: null });
    expect(await t.factories.auditOf(g.id)).toEqual([expect.objectContaining({ action: 'CREATE', actor_id: user.id, entity_type: 'CounterpartyGroup' })]);
  });
});

describe('counterparty group tree', () => {
  const CREATE_GROUP = `mutation($i: CreateCounterpartyGroupInput!) { createCounterpartyGroup(input: $i) { id name parentId version } }`;
  const UPDATE_GROUP = `mutation($id: ID!, $i: UpdateCounterpartyGroupInput!) { updateCounterpartyGroup(id: $id, input: $i) { id name parentId version } }`;
  const MARK_GROUP = `mutation($id: ID!, $m: Boolean!) { setCounterpartyGroupDeletionMark(id: $id, deletionMark: $m) { id deletionMark version } }`;
  const DELETE_GROUP = `mutation($id: ID!) { deleteCounterpartyGroup(id: $id) }`;
  const GROUPS = `query($all: Boolean) { counterpartyGroups(includeDeleted: $all) { id name parentId deletionMark } }`;
  const code = (r: { errors?: Array<{ extensions: Record<string, unknown> }> }) => r.errors?.[0].extensions;

  it('a manager files groups but only supervisors and administrators rename, move, mark or delete them', async () => {
    const { client: manager } = await t.as(Role.MANAGER);
    const { client: supervisor, user: sup } = await t.as(Role.SUPERVISOR);
    const retail = (await manager.ok(CREATE_GROUP, { i: { name: unique('Розница ') } })).createCounterpartyGroup;
    expect(code(await manager.gql(UPDATE_GROUP, { id: retail.id, i: { version: retail.version, name: 'Опт' } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(code(await manager.gql(MARK_GROUP, { id: retail.id, m: true }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(code(await manager.gql(DELETE_GROUP, { id: retail.id }))).toMatchObject({ code: 'FORBIDDEN' });

    const name = unique('Розница, Москва ');
    const renamed = (await supervisor.ok(UPDATE_GROUP, { id: retail.id, i: { version: retail.version, name: `  ${name}  ` } })).updateCounterpartyGroup;
    expect(renamed).toMatchObject({ name, version: retail.version + 1 });
    // A stale version is refused and changes nothing.
    expect(code(await supervisor.gql(UPDATE_GROUP, { id: retail.id, i: { version: retail.version, name: 'Старое' } }))).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    expect((await manager.ok(GROUPS, {})).counterpartyGroups.find((g: { id: string }) => g.id === retail.id).name).toBe(name);
    const audit = await t.factories.auditOf(retail.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1]).toMatchObject({ actor_id: sup.id });
  });

  it('never moves a group into its own branch, and refuses a parent marked for deletion', async () => {
    const { client } = await t.as(Role.SUPERVISOR);
    const top = (await client.ok(CREATE_GROUP, { i: { name: unique('Регионы ') } })).createCounterpartyGroup;
    const mid = (await client.ok(CREATE_GROUP, { i: { name: unique('Сибирь '), parentId: top.id } })).createCounterpartyGroup;
    const leaf = (await client.ok(CREATE_GROUP, { i: { name: unique('Новосибирск '), parentId: mid.id } })).createCounterpartyGroup;
    for (const parentId of [top.id, leaf.id]) {
      expect(code(await client.gql(UPDATE_GROUP, { id: top.id, i: { version: top.version, parentId } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', reason: 'GROUP_CYCLE' });
    }
    // Moving the leaf to the top level is fine.
    expect((await client.ok(UPDATE_GROUP, { id: leaf.id, i: { version: leaf.version, parentId: null } })).updateCounterpartyGroup.parentId).toBeNull();

    const marked = (await client.ok(MARK_GROUP, { id: mid.id, m: true })).setCounterpartyGroupDeletionMark;
    expect(marked.deletionMark).toBe(true);
    expect(code(await client.gql(CREATE_GROUP, { i: { name: unique('Томск '), parentId: mid.id } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', reason: 'GROUP_DELETED' });
    const visible = (await client.ok(GROUPS, {})).counterpartyGroups.map((g: { id: string }) => g.id);
    expect(visible).not.toContain(mid.id);
    expect((await client.ok(GROUPS, { all: true })).counterpartyGroups.map((g: { id: string }) => g.id)).toContain(mid.id);
    await client.ok(MARK_GROUP, { id: mid.id, m: false });
    expect((await client.ok(GROUPS, {})).counterpartyGroups.map((g: { id: string }) => g.id)).toContain(mid.id);
  });

  it('deletes only an empty group; one that files counterparties or subgroups says how many', async () => {
    const { client, user } = await t.as(Role.SUPERVISOR);
    const group = (await client.ok(CREATE_GROUP, { i: { name: unique('Партнёры ') } })).createCounterpartyGroup;
    const child = (await client.ok(CREATE_GROUP, { i: { name: unique('Дилеры '), parentId: group.id } })).createCounterpartyGroup;
    const cp = await t.factories.counterparty(user);
    const { version } = (await client.ok(`query($id: ID!) { counterparty(id: $id) { version } }`, { id: cp.id })).counterparty;
    await client.ok(`mutation($id: ID!, $i: UpdateCounterpartyInput!) { updateCounterparty(id: $id, input: $i) { id } }`, { id: cp.id, i: { version, groupId: group.id } });

    expect(code(await client.gql(DELETE_GROUP, { id: group.id }))).toMatchObject({ code: 'CONFLICT', reason: 'GROUP_IN_USE', counterparties: 1, subgroups: 1 });
    expect(await t.factories.count('counterparty_groups', 'id = $1', [group.id])).toBe(1);
    expect((await client.ok(DELETE_GROUP, { id: child.id })).deleteCounterpartyGroup).toBe(child.id);
    expect(await t.factories.count('counterparty_groups', 'id = $1', [child.id])).toBe(0);
    expect((await t.factories.auditOf(child.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'DELETE']);
    expect(code(await client.gql(DELETE_GROUP, { id: child.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
