import crypto from 'node:crypto';
import { startTestServer, randomInn, randomMoscowPhone, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { ContactInfoType } from './contacts.enums';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const DUPLICATES = `query($i: DuplicateCheckInput!) { counterpartyDuplicates(input: $i) {
  matchedOn value counterparty { id name } responsible { id fullName } } }`;
const CREATE = `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`;
const CARD = `query($id: ID!) { counterparty(id: $id) { id possibleDuplicates { matchedOn value counterparty { id } responsible { id } } } }`;

/** "74951234567" as people type it with the trunk prefix: "8 (495) 123-45-67". */
const typedWithTrunk = (digits: string) => `8 (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;

describe('counterpartyDuplicates', () => {
  it('refuses an anonymous caller', async () => {
    const r = await t.anonymous().gql(DUPLICATES, { i: { inn: randomInn() } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('names a bad field', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(DUPLICATES, { i: { excludeId: 'not-an-id' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'excludeId' });
  });

  it("matches on INN, phone in any format and e-mail in any case, and hides another manager's counterparty but names its responsible", async () => {
    const owner = await t.as(Role.MANAGER);
    const asker = await t.as(Role.MANAGER);
    const [phoneKind, emailKind] = await Promise.all(['WORK_PHONE', 'EMAIL'].map((k) => t.factories.kindId(k)));
    const inn = randomInn();
    const phone = randomMoscowPhone();
    const email = `${unique('sales')}@example.ru`;
    const existing = await t.factories.counterparty(owner.user, {
      inn,
      contactInfo: [
        { type: ContactInfoType.PHONE, kindId: phoneKind, value: `+${phone}` },
        { type: ContactInfoType.EMAIL, kindId: emailKind, value: email },
      ],
    });

    const byInn = await asker.client.ok(DUPLICATES, { i: { inn } });
    expect(byInn.counterpartyDuplicates).toEqual([{ matchedOn: 'INN', value: inn, counterparty: null, responsible: { id: owner.user.id, fullName: owner.user.fullName } }]);

    for (const typed of [typedWithTrunk(phone), `+${phone}`, `8${phone.slice(1)}`, `+7 ${phone.slice(1, 4)} ${phone.slice(4)}`]) {
      const byPhone = await asker.client.ok(DUPLICATES, { i: { contactInfo: [{ type: 'PHONE', kindId: phoneKind, value: typed }] } });
      expect({ typed, matches: byPhone.counterpartyDuplicates }).toEqual({
        typed,
        matches: [{ matchedOn: 'PHONE', value: expect.any(String), counterparty: null, responsible: expect.objectContaining({ id: owner.user.id }) }],
      });
    }

    const byEmail = await asker.client.ok(DUPLICATES, { i: { contactInfo: [{ type: 'EMAIL', kindId: emailKind, value: `  ${email.toUpperCase()} ` }] } });
    expect(byEmail.counterpartyDuplicates).toEqual([{ matchedOn: 'EMAIL', value: email, counterparty: null, responsible: expect.objectContaining({ id: owner.user.id }) }]);

    // The owner sees the same matches with the counterparty itself.
    const own = await owner.client.ok(DUPLICATES, { i: { inn, contactInfo: [{ type: 'EMAIL', kindId: emailKind, value: email }] } });
    expect(own.counterpartyDuplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ matchedOn: 'INN', counterparty: { id: existing.id, name: existing.name } }),
        expect.objectContaining({ matchedOn: 'EMAIL', counterparty: { id: existing.id, name: existing.name } }),
      ]),
    );
    // ...and leaves it out when it is the one being edited.
    expect((await owner.client.ok(DUPLICATES, { i: { inn, excludeId: existing.id } })).counterpartyDuplicates).toEqual([]);
  });

  it('finds nothing for unknown values, unparsable values, or a counterparty marked for deletion', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const phoneKind = await t.factories.kindId('WORK_PHONE');
    const inn = randomInn();
    const c = await t.factories.counterparty(user, { inn });
    expect((await client.ok(DUPLICATES, { i: { inn: randomInn(), contactInfo: [{ type: 'PHONE', kindId: phoneKind, value: `+${randomMoscowPhone()}` }] } })).counterpartyDuplicates).toEqual([]);
    expect((await client.ok(DUPLICATES, { i: { contactInfo: [{ type: 'PHONE', kindId: phoneKind, value: '12' }] } })).counterpartyDuplicates).toEqual([]);
    await t.app.services.counterparties.setDeletionMark(await t.factories.admin(), c.id, true);
    expect((await client.ok(DUPLICATES, { i: { inn } })).counterpartyDuplicates).toEqual([]);
  });
});

describe('duplicates never block, and show on the card', () => {
  it('creating a duplicate succeeds, and each card lists the other as a possible duplicate', async () => {
    const first = await t.as(Role.MANAGER);
    const second = await t.as(Role.MANAGER);
    const phoneKind = await t.factories.kindId('WORK_PHONE');
    const inn = randomInn();
    const phone = randomMoscowPhone();
    const original = await t.factories.counterparty(first.user, { inn, contactInfo: [{ type: ContactInfoType.PHONE, kindId: phoneKind, value: `+${phone}` }] });

    const created = await second.client.gql(CREATE, { i: { name: unique('Дубль '), inn, contactInfo: [{ type: 'PHONE', kindId: phoneKind, value: typedWithTrunk(phone) }] } });
    expect(created.errors).toBeUndefined();
    const copyId = created.data!.createCounterparty.id;
    expect(await t.factories.count('counterparties', 'inn = $1', [inn])).toBe(2);

    const card = await second.client.ok(CARD, { id: copyId });
    expect(card.counterparty.possibleDuplicates).toEqual(
      expect.arrayContaining([
        { matchedOn: 'INN', value: inn, counterparty: null, responsible: { id: first.user.id } },
        { matchedOn: 'PHONE', value: expect.any(String), counterparty: null, responsible: { id: first.user.id } },
      ]),
    );
    expect(card.counterparty.possibleDuplicates).toHaveLength(2);
    const originalCard = await first.client.ok(CARD, { id: original.id });
    expect(originalCard.counterparty.possibleDuplicates.map((d: { matchedOn: string }) => d.matchedOn).sort()).toEqual(['INN', 'PHONE']);
    expect(originalCard.counterparty.possibleDuplicates.every((d: { responsible: { id: string } }) => d.responsible.id === second.user.id)).toBe(true);

    // An administrator sees the other counterparty itself.
    const admin = await t.as(Role.ADMINISTRATOR);
    const adminCard = await admin.client.ok(CARD, { id: copyId });
    expect(adminCard.counterparty.possibleDuplicates.every((d: { counterparty: { id: string } }) => d.counterparty?.id === original.id)).toBe(true);
  });

  it('a card without shared values has no possible duplicates', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user, { inn: randomInn() });
    expect((await client.ok(CARD, { id: c.id })).counterparty.possibleDuplicates).toEqual([]);
    expect((await client.gql(CARD, { id: crypto.randomUUID() })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});
