import crypto from 'node:crypto';
import { startTestServer, randomMoscowPhone, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const KINDS = `query($type: ContactInfoType, $all: Boolean = false) { contactInfoKinds(type: $type, includeMarkedForDeletion: $all) { id code name type position deletionMark version } }`;
const CREATE_KIND = `mutation($i: CreateContactInfoKindInput!) { createContactInfoKind(input: $i) { id code name type version deletionMark } }`;
const UPDATE_KIND = `mutation($id: ID!, $i: UpdateContactInfoKindInput!) { updateContactInfoKind(id: $id, input: $i) { id name position version } }`;
const MARK_KIND = `mutation($id: ID!) { markContactInfoKindForDeletion(id: $id) { id deletionMark version } }`;
const RESTORE_KIND = `mutation($id: ID!) { restoreContactInfoKind(id: $id) { id deletionMark version } }`;
const CREATE_COUNTERPARTY = `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`;

describe('contactInfoKinds', () => {
  it('refuses an anonymous caller', async () => {
    expect((await t.anonymous().gql(KINDS, { type: 'ADDRESS' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lists the predefined address kinds for ADDRESS, in order, and only kinds of that type', async () => {
    const { client } = await t.as(Role.MANAGER);
    const kinds = (await client.ok(KINDS, { type: 'ADDRESS' })).contactInfoKinds as Array<{ code: string | null; type: string; position: number }>;
    expect(kinds.every((k) => k.type === 'ADDRESS')).toBe(true);
    const predefined = kinds.filter((k) => k.code).map((k) => k.code);
    expect(predefined).toEqual(['LEGAL_ADDRESS', 'ACTUAL_ADDRESS', 'POSTAL_ADDRESS', 'WAREHOUSE_ADDRESS']);
    const positions = kinds.map((k) => k.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const all = (await client.ok(KINDS, {})).contactInfoKinds as Array<{ type: string }>;
    expect(new Set(all.map((k) => k.type))).toEqual(new Set(['ADDRESS', 'PHONE', 'EMAIL', 'WEB_PAGE', 'FAX', 'MESSENGER', 'OTHER']));
  });
});

describe('createContactInfoKind', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const name = unique('Anon kind ');
    expect((await t.anonymous().gql(CREATE_KIND, { i: { name, type: 'PHONE' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('contact_info_kinds', 'name = $1', [name])).toBe(0);
  });

  it('lets any user add a kind, audited, and offered in its type', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const name = unique('Телефон склада ');
    const kind = (await client.ok(CREATE_KIND, { i: { name: ` ${name} `, type: 'PHONE' } })).createContactInfoKind;
    expect(kind).toMatchObject({ name, type: 'PHONE', code: null, version: 1, deletionMark: false });
    expect(await t.factories.auditOf(kind.id)).toEqual([expect.objectContaining({ action: 'CREATE', actor_id: user.id, entity_type: 'ContactInfoKind' })]);
    expect((await client.ok(KINDS, { type: 'PHONE' })).contactInfoKinds.map((k: { id: string }) => k.id)).toContain(kind.id);
    expect((await client.ok(KINDS, { type: 'EMAIL' })).contactInfoKinds.map((k: { id: string }) => k.id)).not.toContain(kind.id);
  });

  it('names the field of a duplicate name within the type (in any case) and of an empty name', async () => {
    const { client } = await t.as(Role.MANAGER);
    const name = unique('Дубль вида ');
    await client.ok(CREATE_KIND, { i: { name, type: 'EMAIL' } });
    const dup = await client.gql(CREATE_KIND, { i: { name: name.toUpperCase(), type: 'EMAIL' } });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', reason: 'DUPLICATE' });
    const predefined = await client.gql(CREATE_KIND, { i: { name: 'legal address', type: 'ADDRESS' } });
    expect(predefined.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await client.gql(CREATE_KIND, { i: { name: '', type: 'EMAIL' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await client.gql(CREATE_KIND, { i: { name: '   ', type: 'EMAIL' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await t.factories.count('contact_info_kinds', 'lower(name) = lower($1)', [name])).toBe(1);
    // The same name in another type is another kind.
    expect((await client.ok(CREATE_KIND, { i: { name, type: 'OTHER' } })).createContactInfoKind.type).toBe('OTHER');
  });

  it('two users adding the same name at once: one kind, the other told by field', async () => {
    const a = await t.as(Role.MANAGER);
    const b = await t.as(Role.MANAGER);
    const name = unique('Гонка ');
    const results = await Promise.all([a, b].map(({ client }) => client.gql(CREATE_KIND, { i: { name, type: 'MESSENGER' } })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await t.factories.count('contact_info_kinds', 'name = $1', [name])).toBe(1);
  });
});

describe('updating and marking kinds (administrators only)', () => {
  const newKind = async () => {
    const { client } = await t.as(Role.MANAGER);
    return (await client.ok(CREATE_KIND, { i: { name: unique('Вид '), type: 'OTHER' } })).createContactInfoKind as { id: string; name: string };
  };

  it('refuses an anonymous caller', async () => {
    const kind = await newKind();
    expect((await t.anonymous().gql(UPDATE_KIND, { id: kind.id, i: { version: 1, name: 'x' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.anonymous().gql(MARK_KIND, { id: kind.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.anonymous().gql(RESTORE_KIND, { id: kind.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a manager, even for the kind they created', async () => {
    const { client } = await t.as(Role.MANAGER);
    const kind = (await client.ok(CREATE_KIND, { i: { name: unique('Мой вид '), type: 'OTHER' } })).createContactInfoKind;
    expect((await client.gql(UPDATE_KIND, { id: kind.id, i: { version: 1, name: 'Renamed' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await client.gql(MARK_KIND, { id: kind.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await client.gql(RESTORE_KIND, { id: kind.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const predefined = await t.factories.kindId('LEGAL_ADDRESS');
    expect((await client.gql(MARK_KIND, { id: predefined })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('contact_info_kinds', 'id = $1 AND version = 1 AND NOT deletion_mark AND name = $2', [kind.id, kind.name])).toBe(1);
  });

  it('an administrator renames a kind: version bump, audit; stale version, duplicate name and bad ids are refused', async () => {
    const { client, user } = await t.as(Role.ADMINISTRATOR);
    const kind = await newKind();
    const taken = await newKind();
    const name = unique('Переименован ');

    expect((await client.gql(UPDATE_KIND, { id: kind.id, i: { version: 1, name: taken.name.toLowerCase() } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await client.gql(UPDATE_KIND, { id: kind.id, i: { version: 1, name: '' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await client.gql(UPDATE_KIND, { id: 'nope', i: { version: 1, name } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await client.gql(UPDATE_KIND, { id: crypto.randomUUID(), i: { version: 1, name } })).errors?.[0].extensions.code).toBe('NOT_FOUND');

    const renamed = (await client.ok(UPDATE_KIND, { id: kind.id, i: { version: 1, name, position: 5 } })).updateContactInfoKind;
    expect(renamed).toEqual({ id: kind.id, name, position: 5, version: 2 });
    const stale = await client.gql(UPDATE_KIND, { id: kind.id, i: { version: 1, name: 'Stale' } });
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');

    const audit = await t.factories.auditOf(kind.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1]).toMatchObject({ actor_id: user.id, changes: [{ field: 'name', old: kind.name, new: name }, { field: 'position', old: 100, new: 5 }] });
  });

  it('an administrator marks a kind (no longer offered) and restores it, audited', async () => {
    const { client, user } = await t.as(Role.ADMINISTRATOR);
    const kind = await newKind();
    expect((await client.gql(MARK_KIND, { id: 'nope' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    expect((await client.ok(MARK_KIND, { id: kind.id })).markContactInfoKindForDeletion).toEqual({ id: kind.id, deletionMark: true, version: 2 });
    const ids = async (all: boolean) => (await client.ok(KINDS, { type: 'OTHER', all })).contactInfoKinds.map((k: { id: string }) => k.id);
    expect(await ids(false)).not.toContain(kind.id);
    expect(await ids(true)).toContain(kind.id);

    expect((await client.ok(RESTORE_KIND, { id: kind.id })).restoreContactInfoKind).toEqual({ id: kind.id, deletionMark: false, version: 3 });
    expect(await ids(false)).toContain(kind.id);
    const audit = await t.factories.auditOf(kind.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'MARK_FOR_DELETION', 'RESTORE']);
    expect(audit[1].actor_id).toBe(user.id);
  });
});

describe('kinds on contact information', () => {
  it('refuses an ADDRESS kind for a PHONE record, naming the row', async () => {
    const { client } = await t.as(Role.MANAGER);
    const name = unique('Несовпадение ');
    const addressKind = await t.factories.kindId('LEGAL_ADDRESS');
    const r = await client.gql(CREATE_COUNTERPARTY, { i: { name, contactInfo: [{ type: 'PHONE', kindId: addressKind, value: `+${randomMoscowPhone()}` }] } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.0.kindId', reason: 'KIND_TYPE_MISMATCH' });
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
  });

  it('refuses an unknown or malformed kind, naming the row', async () => {
    const { client } = await t.as(Role.MANAGER);
    const phoneKind = await t.factories.kindId('WORK_PHONE');
    const name = unique('Без вида ');
    const unknown = await client.gql(CREATE_COUNTERPARTY, {
      i: { name, contactInfo: [{ type: 'PHONE', kindId: phoneKind, value: `+${randomMoscowPhone()}` }, { type: 'PHONE', kindId: crypto.randomUUID(), value: `+${randomMoscowPhone()}` }] },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.1.kindId', reason: 'KIND_NOT_FOUND' });
    const malformed = await client.gql(CREATE_COUNTERPARTY, { i: { name, contactInfo: [{ type: 'PHONE', kindId: 'phone', value: `+${randomMoscowPhone()}` }] } });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.0.kindId' });
    expect(await t.factories.count('counterparties', 'name = $1', [name])).toBe(0);
  });

  it('a user-defined kind can be used right away', async () => {
    const { client } = await t.as(Role.MANAGER);
    const kind = (await client.ok(CREATE_KIND, { i: { name: unique('Телефон охраны '), type: 'PHONE' } })).createContactInfoKind;
    const data = await client.ok(`mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { contactInfo { kind { id name } } } }`, {
      i: { name: unique('С новым видом '), contactInfo: [{ type: 'PHONE', kindId: kind.id, value: `+${randomMoscowPhone()}` }] },
    });
    expect(data.createCounterparty.contactInfo).toEqual([{ kind: { id: kind.id, name: kind.name } }]);
  });

  it('a kind marked for deletion is refused for new records but existing records keep it', async () => {
    const admin = await t.as(Role.ADMINISTRATOR);
    const { client } = await t.as(Role.MANAGER);
    const kind = (await client.ok(CREATE_KIND, { i: { name: unique('Старый вид '), type: 'PHONE' } })).createContactInfoKind;
    const phone = `+${randomMoscowPhone()}`;
    const created = (
      await client.ok(`mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id version contactInfo { id kindId } } }`, {
        i: { name: unique('Со старым видом '), contactInfo: [{ type: 'PHONE', kindId: kind.id, value: phone }] },
      })
    ).createCounterparty;
    await admin.client.ok(MARK_KIND, { id: kind.id });

    const fresh = await client.gql(CREATE_COUNTERPARTY, { i: { name: unique('Новый '), contactInfo: [{ type: 'PHONE', kindId: kind.id, value: `+${randomMoscowPhone()}` }] } });
    expect(fresh.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.0.kindId', reason: 'KIND_MARKED_FOR_DELETION' });

    const kept = await client.ok(`mutation($id: ID!, $i: UpdateCounterpartyInput!) { updateCounterparty(id: $id, input: $i) { version contactInfo { id kindId comment } } }`, {
      id: created.id,
      i: { version: created.version, contactInfo: [{ id: created.contactInfo[0].id, type: 'PHONE', kindId: kind.id, value: phone, comment: 'still here' }] },
    });
    expect(kept.updateCounterparty.contactInfo).toEqual([{ id: created.contactInfo[0].id, kindId: kind.id, comment: 'still here' }]);
  });

  it('refuses the same record listed twice in one save, changing nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const [ci] = await t.app.services.contactInfo.byCounterparties(t.factories.actorOf(user), [c.id]);
    const r = await client.gql(`mutation($id: ID!, $i: UpdateCounterpartyInput!) { updateCounterparty(id: $id, input: $i) { version } }`, {
      id: c.id,
      i: {
        version: c.version,
        contactInfo: [
          { id: ci.id, type: 'PHONE', kindId: ci.kindId, value: ci.value },
          { id: ci.id, type: 'PHONE', kindId: ci.kindId, value: `+${randomMoscowPhone()}` },
        ],
      },
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactInfo.1.id', reason: 'DUPLICATE' });
    expect(await t.factories.count('contact_info', 'counterparty_id = $1 AND normalized = $2', [c.id, ci.normalized])).toBe(1);
    expect(await t.factories.count('counterparties', 'id = $1 AND version = $2', [c.id, c.version])).toBe(1);
  });
});
