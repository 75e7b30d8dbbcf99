import crypto from 'node:crypto';
import { startTestServer, randomMoscowPhone, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { ContactInfoType } from './contacts.enums';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const PERSON_FIELDS = `id fullName lastName firstName middleName birthday version deletionMark counterparty { id } responsible { id }
  contactInfo { id type value } viewerCan { update delete restore }`;
const CREATE = `mutation($i: CreateContactPersonInput!) { createContactPerson(input: $i) { ${PERSON_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateContactPersonInput!) { updateContactPerson(id: $id, input: $i) { ${PERSON_FIELDS} } }`;
const MARK = `mutation($id: ID!) { markContactPersonForDeletion(id: $id) { id version deletionMark viewerCan { update delete restore } } }`;
const RESTORE = `mutation($id: ID!) { restoreContactPerson(id: $id) { id version deletionMark viewerCan { update delete restore } } }`;
const GET = `query($id: ID!) { contactPerson(id: $id) { ${PERSON_FIELDS} } }`;
const LIST = `query($f: ContactPersonFilter, $first: Int = 50, $after: String) { contactPersons(first: $first, after: $after, filter: $f) {
  totalCount edges { node { id fullName } } pageInfo { hasNextPage endCursor } } }`;
const SEARCH = `query($q: String!) { search(query: $q) { totalCount edges { node { ... on ContactPerson { id } } } } }`;

describe('createContactPerson', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const lastName = unique('Аноним');
    const r = await t.anonymous().gql(CREATE, { i: { lastName } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('contact_persons', 'last_name = $1', [lastName])).toBe(0);
  });

  it.each([
    ['an empty last name', { lastName: '' }, { field: 'lastName' }],
    ['a blank last name', { lastName: '   ' }, { field: 'lastName' }],
    ['a date that does not exist', { birthday: '2023-02-30' }, { field: 'birthday', reason: 'DATE_INVALID' }],
    ['a date in the wrong format', { birthday: '30.01.1990' }, { field: 'birthday' }],
    ['a birthday in the future', { birthday: '2999-01-01' }, { field: 'birthday', reason: 'DATE_IN_FUTURE' }],
    ['a malformed counterparty id', { counterpartyId: 'nope' }, { field: 'counterpartyId' }],
    ['an unknown counterparty', { counterpartyId: crypto.randomUUID() }, { field: 'counterpartyId', reason: 'NOT_FOUND' }],
  ])('names the field of %s and writes nothing', async (_what, change, expected) => {
    const { client } = await t.as(Role.MANAGER);
    const firstName = unique('Имя');
    const r = await client.gql(CREATE, { i: { lastName: 'Петров', firstName, ...change } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
    expect(await t.factories.count('contact_persons', 'first_name = $1', [firstName])).toBe(0);
  });

  it('names the bad contact-info row and writes nothing', async () => {
    const { client } = await t.as(Role.MANAGER);
    const firstName = unique('Имя');
    const addressKind = await t.factories.kindId('LEGAL_ADDRESS');
    const r = await client.gql(CREATE, { i: { lastName: 'Петров', firstName, contactInfo: [{ type: 'PHONE', kindId: addressKind, value: `+${randomMoscowPhone()}` }] } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.0.kindId', reason: 'KIND_TYPE_MISMATCH' });
    expect(await t.factories.count('contact_persons', 'first_name = $1', [firstName])).toBe(0);
  });

  it("cannot attach a person to someone else's counterparty", async () => {
    const { client } = await t.as(Role.MANAGER);
    const other = await t.factories.user();
    const theirs = await t.factories.counterparty(other);
    const r = await client.gql(CREATE, { i: { lastName: 'Шпион', counterpartyId: theirs.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartyId' });
    expect(await t.factories.count('contact_persons', 'counterparty_id = $1', [theirs.id])).toBe(0);

    // A marketer can read it, but still cannot add persons to it.
    const marketer = await t.as(Role.MARKETER);
    const m = await marketer.client.gql(CREATE, { i: { lastName: 'Маркетолог', counterpartyId: theirs.id } });
    expect(m.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartyId', reason: 'FORBIDDEN' });
    expect(await t.factories.count('contact_persons', 'counterparty_id = $1', [theirs.id])).toBe(0);
  });

  it('a manager cannot make another manager responsible for a standalone person', async () => {
    const { client } = await t.as(Role.MANAGER);
    const other = await t.factories.user();
    const lastName = unique('Чужой');
    const r = await client.gql(CREATE, { i: { lastName, responsibleId: other.id } });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('contact_persons', 'last_name = $1', [lastName])).toBe(0);
  });

  it('creates a person of a counterparty, with contact information and an audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const kindId = await t.factories.kindId('MOBILE_PHONE');
    const lastName = unique('Смирнова');
    const data = await client.ok(CREATE, {
      i: { counterpartyId: c.id, lastName: ` ${lastName} `, firstName: 'Анна', middleName: 'Сергеевна', birthday: '1990-02-28', contactInfo: [{ type: 'PHONE', kindId, value: `+${randomMoscowPhone()}` }] },
    });
    const p = data.createContactPerson;
    expect(p).toMatchObject({
      fullName: `${lastName} Анна Сергеевна`,
      lastName,
      birthday: '1990-02-28',
      version: 1,
      deletionMark: false,
      counterparty: { id: c.id },
      responsible: { id: user.id },
      viewerCan: { update: true, delete: true, restore: false },
    });
    expect(p.contactInfo).toEqual([expect.objectContaining({ type: 'PHONE' })]);
    const audit = await t.factories.auditOf(p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actor_id: user.id, entity_type: 'ContactPerson', entity_label: `${lastName} Анна Сергеевна` });
    expect(audit[0].changes.map((ch: { field: string }) => ch.field)).toEqual(expect.arrayContaining(['lastName', 'counterpartyId', 'birthday', 'contactInfo']));

    const card = await client.ok(`query($id: ID!) { counterparty(id: $id) { contactPersons { id fullName } } }`, { id: c.id });
    expect(card.counterparty.contactPersons).toEqual([{ id: p.id, fullName: `${lastName} Анна Сергеевна` }]);
  });

  it('a standalone person belongs to its responsible: me by default, or my subordinate', async () => {
    const boss = await t.as(Role.SUPERVISOR);
    const sub = await t.as(Role.MANAGER, { supervisorId: boss.user.id });
    const outsider = await t.as(Role.MANAGER);

    const mine = (await sub.client.ok(CREATE, { i: { lastName: unique('Одиночка') } })).createContactPerson;
    expect(mine).toMatchObject({ counterparty: null, responsible: { id: sub.user.id }, viewerCan: { update: true } });
    const assigned = (await boss.client.ok(CREATE, { i: { lastName: unique('Назначенный'), responsibleId: sub.user.id } })).createContactPerson;
    expect(assigned.responsible.id).toBe(sub.user.id);

    for (const id of [mine.id, assigned.id]) {
      expect((await sub.client.ok(GET, { id })).contactPerson.id).toBe(id);
      expect((await boss.client.ok(GET, { id })).contactPerson.id).toBe(id);
      expect((await outsider.client.gql(GET, { id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});

describe('updateContactPerson', () => {
  it('refuses an anonymous caller', async () => {
    const p = await t.factories.contactPerson(await t.factories.user());
    const r = await t.anonymous().gql(UPDATE, { id: p.id, i: { version: 1, firstName: 'Аноним' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('contact_persons', `id = $1 AND version = 1 AND first_name = 'Иван'`, [p.id])).toBe(1);
  });

  it.each([
    ['an empty last name', { lastName: '' }, { field: 'lastName' }],
    ['a date that does not exist', { birthday: '2023-02-30' }, { field: 'birthday', reason: 'DATE_INVALID' }],
    ['a malformed id', { __id: 'nope' }, { field: 'id' }],
  ])('names the field of %s and changes nothing', async (_what, change, expected) => {
    const { client, user } = await t.as(Role.MANAGER);
    const p = await t.factories.contactPerson(user);
    const { __id, ...input } = change as Record<string, string>;
    const r = await client.gql(UPDATE, { id: __id ?? p.id, i: { version: 1, firstName: 'Не сохранится', ...input } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
    expect(await t.factories.count('contact_persons', `id = $1 AND version = 1 AND first_name = 'Иван'`, [p.id])).toBe(1);
  });

  it("refuses someone else's person: NOT_FOUND for a manager, FORBIDDEN for a marketer", async () => {
    const owner = await t.factories.user();
    const c = await t.factories.counterparty(owner);
    const p = await t.factories.contactPerson(owner, { counterpartyId: c.id });
    const manager = await t.as(Role.MANAGER);
    expect((await manager.client.gql(UPDATE, { id: p.id, i: { version: 1, firstName: 'X' } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const marketer = await t.as(Role.MARKETER);
    expect((await marketer.client.ok(GET, { id: p.id })).contactPerson.viewerCan).toEqual({ update: false, delete: false, restore: false });
    expect((await marketer.client.gql(UPDATE, { id: p.id, i: { version: 1, firstName: 'X' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await marketer.client.gql(MARK, { id: p.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('contact_persons', `id = $1 AND version = 1 AND NOT deletion_mark`, [p.id])).toBe(1);
  });

  it('changes the person, bumps the version and audits the changed fields only', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const p = await t.factories.contactPerson(user, { firstName: 'Иван', position: 'Бухгалтер' });
    const data = await client.ok(UPDATE, { id: p.id, i: { version: 1, firstName: 'Пётр', position: 'Бухгалтер', birthday: '1985-07-01' } });
    expect(data.updateContactPerson).toMatchObject({ version: 2, firstName: 'Пётр', birthday: '1985-07-01', fullName: `${p.lastName} Пётр` });
    const updates = (await t.factories.auditOf(p.id)).filter((a: { action: string }) => a.action === 'UPDATE');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actor_id: user.id, entity_label: `${p.lastName} Пётр` });
    expect(updates[0].changes).toEqual([
      { field: 'firstName', old: 'Иван', new: 'Пётр' },
      { field: 'birthday', old: null, new: '1985-07-01' },
    ]);
  });

  it('refuses a stale version with CONFLICT and changes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const p = await t.factories.contactPerson(user);
    await client.ok(UPDATE, { id: p.id, i: { version: 1, position: 'Директор' } });
    const r = await client.gql(UPDATE, { id: p.id, i: { version: 1, position: 'Курьер' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await t.factories.count('contact_persons', `id = $1 AND version = 2 AND position = 'Директор'`, [p.id])).toBe(1);
  });

  it("moves a person between my counterparties, but not to someone else's", async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const from = await t.factories.counterparty(user);
    const to = await t.factories.counterparty(user);
    const foreign = await t.factories.counterparty(await t.factories.user());
    const p = await t.factories.contactPerson(user, { counterpartyId: from.id });
    const r = await client.gql(UPDATE, { id: p.id, i: { version: 1, counterpartyId: foreign.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartyId' });
    const moved = await client.ok(UPDATE, { id: p.id, i: { version: 1, counterpartyId: to.id } });
    expect(moved.updateContactPerson).toMatchObject({ version: 2, counterparty: { id: to.id } });
    const detached = await client.ok(UPDATE, { id: p.id, i: { version: 2, counterpartyId: null } });
    expect(detached.updateContactPerson).toMatchObject({ version: 3, counterparty: null, responsible: { id: user.id } });
  });
});

describe('markContactPersonForDeletion / restoreContactPerson', () => {
  it('refuses an anonymous caller and a malformed id', async () => {
    const p = await t.factories.contactPerson(await t.factories.user());
    const { client } = await t.as(Role.MANAGER);
    for (const m of [MARK, RESTORE]) {
      expect((await t.anonymous().gql(m, { id: p.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await client.gql(m, { id: 'nope' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect((await client.gql(m, { id: p.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    }
    expect(await t.factories.count('contact_persons', 'id = $1 AND NOT deletion_mark AND version = 1', [p.id])).toBe(1);
  });

  it('hides a marked person from lists, search and the card, lists them on request, restores them, and audits both', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const lastName = unique('Удаляемова');
    const p = await t.factories.contactPerson(user, { counterpartyId: c.id, lastName });
    const CARD = `query($id: ID!) { counterparty(id: $id) { contactPersons { id } } }`;

    const marked = await client.ok(MARK, { id: p.id });
    expect(marked.markContactPersonForDeletion).toEqual({ id: p.id, version: 2, deletionMark: true, viewerCan: { update: false, delete: false, restore: true } });
    expect((await client.ok(LIST, { f: { search: lastName } })).contactPersons.totalCount).toBe(0);
    expect((await client.ok(LIST, { f: { search: lastName, deletionMark: true } })).contactPersons.edges).toEqual([{ node: { id: p.id, fullName: `${lastName} Иван` } }]);
    expect((await client.ok(SEARCH, { q: lastName })).search.totalCount).toBe(0);
    expect((await client.ok(CARD, { id: c.id })).counterparty.contactPersons).toEqual([]);
    const stale = await client.gql(UPDATE, { id: p.id, i: { version: 2, firstName: 'Призрак' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MARKED_FOR_DELETION' });

    const restored = await client.ok(RESTORE, { id: p.id });
    expect(restored.restoreContactPerson).toEqual({ id: p.id, version: 3, deletionMark: false, viewerCan: { update: true, delete: true, restore: false } });
    expect((await client.ok(LIST, { f: { search: lastName } })).contactPersons.totalCount).toBe(1);
    expect((await client.ok(CARD, { id: c.id })).counterparty.contactPersons).toEqual([{ id: p.id }]);
    expect((await t.factories.auditOf(p.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'MARK_FOR_DELETION', 'RESTORE']);
  });
});

describe('contactPersons list and scope', () => {
  it('filters by counterparty and pages by name', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const other = await t.factories.counterparty(user);
    const ofC = await Promise.all(['Яковлев', 'Алексеев', 'Борисов'].map((lastName) => t.factories.contactPerson(user, { counterpartyId: c.id, lastName })));
    await t.factories.contactPerson(user, { counterpartyId: other.id, lastName: 'Васильев' });
    await t.factories.contactPerson(user, { lastName: 'Григорьев' });

    const names: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await client.ok(LIST, { f: { counterpartyId: c.id }, first: 2, after });
      expect(data.contactPersons.totalCount).toBe(3);
      names.push(...data.contactPersons.edges.map((e: { node: { fullName: string } }) => e.node.fullName));
      after = data.contactPersons.pageInfo.hasNextPage ? data.contactPersons.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(['Алексеев Иван', 'Борисов Иван', 'Яковлев Иван']);
    expect(ofC).toHaveLength(3);
    expect((await client.ok(LIST, {})).contactPersons.totalCount).toBe(5);
  });

  it('sorts by name, creation or change time in both directions, paging each exactly once even with equal times', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const people = await Promise.all(['Орлов', 'Антонов', 'Жуков', 'Антонов', 'Белов'].map((lastName, i) => t.factories.contactPerson(user, { counterpartyId: c.id, lastName, firstName: `Имя${i}` })));
    // Equal timestamps force the id tie-break.
    await t.app.db.query(`UPDATE contact_persons SET created_at = '2026-01-01T00:00:00.123456Z' WHERE id = ANY($1)`, [people.slice(0, 3).map((p) => p.id)]);
    const ORDERED = `query($f: ContactPersonFilter, $o: ContactPersonOrder, $after: String) { contactPersons(first: 2, after: $after, filter: $f, orderBy: $o) {
      edges { node { id lastName firstName createdAt } } pageInfo { hasNextPage endCursor } } }`;
    const walk = async (o: { field: string; direction: string }) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const data: any = await client.ok(ORDERED, { f: { counterpartyId: c.id }, o, after });
        ids.push(...data.contactPersons.edges.map((e: { node: { id: string } }) => e.node.id));
        after = data.contactPersons.pageInfo.hasNextPage ? data.contactPersons.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };
    const [rows] = await Promise.all([
      t.app.db.query(`SELECT id, last_name, first_name, created_at FROM contact_persons WHERE counterparty_id = $1`, [c.id]),
    ]);
    const byName = [...rows].sort((a: any, b: any) => (a.last_name === b.last_name ? (a.first_name < b.first_name ? -1 : 1) : a.last_name < b.last_name ? -1 : 1)).map((r: any) => r.id);
    expect(await walk({ field: 'NAME', direction: 'ASC' })).toEqual(byName);
    expect(await walk({ field: 'NAME', direction: 'DESC' })).toEqual([...byName].reverse());
    const created = await walk({ field: 'CREATED_AT', direction: 'ASC' });
    expect(new Set(created)).toEqual(new Set(people.map((p) => p.id)));
    expect(created).toHaveLength(5);
    expect(created.slice(0, 3).sort()).toEqual(people.slice(0, 3).map((p) => p.id).sort());
    expect(await walk({ field: 'CREATED_AT', direction: 'DESC' })).toEqual([...created].reverse());
    expect(await walk({ field: 'UPDATED_AT', direction: 'ASC' })).toHaveLength(5);

    const forged = Buffer.from(JSON.stringify(['not a time', people[0].id])).toString('base64url');
    const bad = await client.gql(ORDERED, { f: { counterpartyId: c.id }, o: { field: 'CREATED_AT', direction: 'ASC' }, after: forged });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("a person of B's counterparty is invisible to A by id, in lists and in search", async () => {
    const a = await t.as(Role.MANAGER);
    const b = await t.as(Role.MANAGER);
    const theirs = await t.factories.counterparty(b.user);
    const lastName = unique('Невидимкин');
    const phone = randomMoscowPhone();
    const kindId = await t.factories.kindId('MOBILE_PHONE');
    const p = await t.factories.contactPerson(b.user, { counterpartyId: theirs.id, lastName, contactInfo: [{ type: ContactInfoType.PHONE, kindId, value: `+${phone}` }] });

    expect((await a.client.gql(GET, { id: p.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await a.client.ok(LIST, { f: { search: lastName } })).contactPersons.totalCount).toBe(0);
    expect((await a.client.ok(LIST, { f: { counterpartyId: theirs.id } })).contactPersons.totalCount).toBe(0);
    expect((await a.client.ok(SEARCH, { q: lastName })).search.totalCount).toBe(0);
    expect((await a.client.ok(SEARCH, { q: phone.slice(-7) })).search.totalCount).toBe(0);

    expect((await b.client.ok(GET, { id: p.id })).contactPerson).toMatchObject({ id: p.id, counterparty: { id: theirs.id } });
    expect((await b.client.ok(SEARCH, { q: phone.slice(-7) })).search.totalCount).toBe(1);
  });

  it("access to a counterparty's persons follows the counterparty when it changes hands", async () => {
    const a = await t.as(Role.MANAGER);
    const b = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(a.user);
    const p = await t.factories.contactPerson(a.user, { counterpartyId: c.id });
    await t.app.services.counterparties.update(await t.factories.admin(), c.id, { version: 1, responsibleId: b.user.id });

    expect((await a.client.gql(GET, { id: p.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await b.client.ok(GET, { id: p.id })).contactPerson).toMatchObject({ id: p.id, viewerCan: { update: true } });
    expect((await b.client.ok(UPDATE, { id: p.id, i: { version: 1, position: 'Новый владелец' } })).updateContactPerson.version).toBe(2);
  });

  it('history lists the changes of a person, newest first, with the actor', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const created = (await client.ok(CREATE, { i: { lastName: unique('История') } })).createContactPerson;
    await client.ok(UPDATE, { id: created.id, i: { version: 1, position: 'Инженер' } });
    const data = await client.ok(`query($id: ID!) { contactPerson(id: $id) { history(first: 10) { totalCount edges { node { action actor { id } changes { field old new } } } } } }`, { id: created.id });
    const h = data.contactPerson.history;
    expect(h.totalCount).toBe(2);
    expect(h.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['UPDATE', 'CREATE']);
    expect(h.edges[0].node).toEqual({ action: 'UPDATE', actor: { id: user.id }, changes: [{ field: 'position', old: null, new: 'Инженер' }] });
  });
});
