import { startTestServer, randomInn, randomMoscowPhone, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { ContactInfoType } from './contacts.enums';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const SEARCH = `query($q: String!, $first: Int = 20, $after: String) { search(query: $q, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor matchedField matchedValue node { __typename ... on Counterparty { id name } ... on ContactPerson { id fullName } } } } }`;

interface Hit {
  matchedField: string;
  matchedValue: string;
  node: { __typename: string; id: string };
}

async function hits(client: ApiClient, q: string): Promise<Hit[]> {
  const data = await client.ok(SEARCH, { q, first: 50 });
  return data.search.edges.map(({ cursor: _cursor, ...hit }: Hit & { cursor: string }) => hit);
}

describe('search', () => {
  it('refuses an anonymous caller', async () => {
    const r = await t.anonymous().gql(SEARCH, { q: 'Ромашка' });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each(['', 'a', ' я '])('refuses a query shorter than 2 characters (%j) naming the field', async (q) => {
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(SEARCH, { q });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('refuses a page size out of range naming the field', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(SEARCH, { q: 'Ромашка', first: 0 });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('finds a counterparty by its phone typed in any format, and by a prefix with the trunk 8', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const phone = randomMoscowPhone(); // 7495NNNNNNN
    const local = phone.slice(4);
    const kindId = await t.factories.kindId('WORK_PHONE');
    const c = await t.factories.counterparty(user, { contactInfo: [{ type: ContactInfoType.PHONE, kindId, value: `+${phone}` }] });
    const [{ value: stored }] = await t.app.db.query(`SELECT value FROM contact_info WHERE counterparty_id = $1`, [c.id]);

    const typings = [
      `+7 (495) ${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`,
      `8 495 ${local}`,
      `8495${local}`,
      `${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`,
      `495 ${local.slice(0, 3)}`,
      `8 495 ${local.slice(0, 2)}`,
    ];
    for (const q of typings) {
      expect({ q, hits: await hits(client, q) }).toEqual({
        q,
        hits: [{ matchedField: 'phone', matchedValue: stored, node: { __typename: 'Counterparty', id: c.id, name: c.name } }],
      });
    }
  });

  it('finds by a name fragment in any case and with ё or е', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const token = unique();
    const c = await t.factories.counterparty(user, { name: `ООО «Зелёная Роща ${token}»` });
    for (const q of ['зелёная', 'ЗЕЛЕНАЯ РОЩА', 'леная ро', `роща ${token.toUpperCase()}`]) {
      expect({ q, hits: await hits(client, q) }).toEqual({ q, hits: [{ matchedField: 'name', matchedValue: c.name, node: expect.objectContaining({ id: c.id }) }] });
    }
    expect(await hits(client, 'Зелёный луг')).toEqual([]);
  });

  it('finds by an INN fragment', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inn = randomInn();
    const c = await t.factories.counterparty(user, { inn });
    expect(await hits(client, inn.slice(2, 8))).toEqual([{ matchedField: 'inn', matchedValue: inn, node: expect.objectContaining({ id: c.id }) }]);
    expect(await hits(client, inn)).toEqual([{ matchedField: 'inn', matchedValue: inn, node: expect.objectContaining({ id: c.id }) }]);
  });

  it('reports a name match as the name even when the query has digits that are also in the INN', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const inn = randomInn();
    const name = `Альфа-Групп ${inn.slice(3, 6)}`;
    const c = await t.factories.counterparty(user, { name, inn });
    expect(await hits(client, name)).toEqual([{ matchedField: 'name', matchedValue: name, node: expect.objectContaining({ id: c.id }) }]);
    expect(await hits(client, inn.slice(0, 8))).toEqual([{ matchedField: 'inn', matchedValue: inn, node: expect.objectContaining({ id: c.id }) }]);
  });

  it('reports a match on the full legal name as such', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const fullName = `Общество с ограниченной ответственностью «Бета ${unique()}»`;
    const c = await t.factories.counterparty(user, { name: 'Бета', fullName });
    expect(await hits(client, 'ограниченной ОТВЕТСТВЕННОСТЬЮ')).toEqual([{ matchedField: 'fullName', matchedValue: fullName, node: expect.objectContaining({ id: c.id }) }]);
  });

  it('finds by an e-mail fragment and by an address fragment', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const [emailKind, addressKind] = await Promise.all(['EMAIL', 'WAREHOUSE_ADDRESS'].map((k) => t.factories.kindId(k)));
    const box = unique('orders.');
    const street = `Складская-${unique()}`;
    const c = await t.factories.counterparty(user, {
      contactInfo: [
        { type: ContactInfoType.EMAIL, kindId: emailKind, value: `${box}@romashka.ru` },
        { type: ContactInfoType.ADDRESS, kindId: addressKind, value: `Москва, ул. ${street}, д. 7` },
      ],
    });
    expect(await hits(client, `${box}@roma`)).toEqual([{ matchedField: 'email', matchedValue: `${box}@romashka.ru`, node: expect.objectContaining({ id: c.id }) }]);
    expect(await hits(client, box.toUpperCase())).toEqual([{ matchedField: 'email', matchedValue: `${box}@romashka.ru`, node: expect.objectContaining({ id: c.id }) }]);
    expect(await hits(client, `ул ${street.toLowerCase()}`)).toEqual([
      { matchedField: 'address', matchedValue: `Москва, ул. ${street}, д. 7`, node: expect.objectContaining({ id: c.id }) },
    ]);
  });

  it('finds contact persons by name and by their phone', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const kindId = await t.factories.kindId('MOBILE_PHONE');
    const phone = randomMoscowPhone();
    const lastName = unique('Сидорова');
    const c = await t.factories.counterparty(user);
    const p = await t.factories.contactPerson(user, {
      counterpartyId: c.id,
      lastName,
      firstName: 'Алёна',
      contactInfo: [{ type: ContactInfoType.PHONE, kindId, value: `+${phone}` }],
    });
    const fullName = `${lastName} Алёна`;

    expect(await hits(client, `${lastName.toUpperCase()} алена`)).toEqual([{ matchedField: 'name', matchedValue: fullName, node: { __typename: 'ContactPerson', id: p.id, fullName } }]);
    const byPhone = await hits(client, `8 ${phone.slice(1, 4)} ${phone.slice(4)}`);
    expect(byPhone).toEqual([{ matchedField: 'phone', matchedValue: expect.stringContaining(phone.slice(-2)), node: { __typename: 'ContactPerson', id: p.id, fullName } }]);
  });

  it('pages by cursor without overlap, with a stable total', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const token = unique('Пагинация');
    const created = await Promise.all(Array.from({ length: 5 }, (_, i) => t.factories.counterparty(user, { name: `${token} ${i}` })));
    await t.factories.contactPerson(user, { lastName: `${token} Персона` });

    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let pages = 0;
    do {
      const data: any = await client.ok(SEARCH, { q: token, first: 2, after });
      totals.add(data.search.totalCount);
      expect(data.search.edges.length).toBeLessThanOrEqual(2);
      seen.push(...data.search.edges.map((e: Hit) => e.node.id));
      after = data.search.pageInfo.hasNextPage ? data.search.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(totals).toEqual(new Set([6]));
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen).toEqual(expect.arrayContaining(created.map((c) => c.id)));
  });

  it('pages correctly through names whose lower case differs between JavaScript and the database', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const token = unique('stanbul');
    const created = await Promise.all(['İ', 'Σ', 'I'].map((first, i) => t.factories.counterparty(user, { name: `${first}${token} ${i}` })));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await client.ok(SEARCH, { q: token, first: 1, after });
      seen.push(...data.search.edges.map((e: Hit) => e.node.id));
      after = data.search.pageInfo.hasNextPage ? data.search.pageInfo.endCursor : null;
    } while (after && seen.length < 10);
    expect(seen.sort()).toEqual(created.map((c) => c.id).sort());
  });

  it('ranks a name that starts with the query before one that contains it', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const token = unique('Ранг');
    const inner = await t.factories.counterparty(user, { name: `ООО ${token}` });
    const prefix = await t.factories.counterparty(user, { name: `${token} и партнёры` });
    expect((await hits(client, token)).map((h) => h.node.id)).toEqual([prefix.id, inner.id]);
  });

  it("does not find another manager's counterparties or persons", async () => {
    const { client } = await t.as(Role.MANAGER);
    const other = await t.factories.user();
    const token = unique('Чужие');
    const c = await t.factories.counterparty(other, { name: `${token} ООО` });
    await t.factories.contactPerson(other, { counterpartyId: c.id, lastName: `${token} Иванов` });
    await t.factories.contactPerson(other, { lastName: `${token} Петров` });
    const data = await client.ok(SEARCH, { q: token });
    expect(data.search).toMatchObject({ totalCount: 0, edges: [] });
    const marketer = await t.as(Role.MARKETER);
    expect((await marketer.client.ok(SEARCH, { q: token })).search.totalCount).toBe(3);
  });

  it("scopes a person by their counterparty's responsible, and a person on their own by theirs", async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const other = await t.factories.user();
    const token = unique('Люди');
    const mine = await t.factories.counterparty(user);
    const theirs = await t.factories.counterparty(other);
    // Of my counterparty though another user is named on the person: mine.
    const ofMine = await t.factories.contactPerson(other, { counterpartyId: mine.id, lastName: `${token} Первый` });
    // Of their counterparty though I am named on the person: not mine.
    await t.factories.contactPerson(user, { counterpartyId: theirs.id, lastName: `${token} Второй` });
    const alone = await t.factories.contactPerson(user, { lastName: `${token} Третий` });
    await t.factories.contactPerson(other, { lastName: `${token} Четвёртый` });
    expect((await hits(client, token)).map((h) => h.node.id).sort()).toEqual([ofMine.id, alone.id].sort());
  });

  it('answers in one SQL statement with whole objects, whatever kinds the page holds', async () => {
    const { client, user } = await t.as(Role.SUPERVISOR);
    const token = unique('Целиком');
    const inn = randomInn();
    const c = await t.factories.counterparty(user, { name: `${token} ООО`, inn });
    await t.factories.contactPerson(user, { counterpartyId: c.id, lastName: `${token} Сидоров`, firstName: 'Пётр', position: 'Директор' });
    const FULL = `query($q: String!) { search(query: $q, first: 10) { totalCount edges { matchedField node { __typename
      ... on Counterparty { id name inn legalType relationTypes createdAt version responsible { id } }
      ... on ContactPerson { id fullName position counterparty { id name } } } } } }`;
    const base = (await client.gql(`{ __typename }`)).sql; // authenticating
    const r = await client.gql(FULL, { q: token });
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.search.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(nodes).toEqual([
      { __typename: 'Counterparty', id: c.id, name: `${token} ООО`, inn, legalType: 'LEGAL_ENTITY', relationTypes: ['CLIENT'], createdAt: c.createdAt.toISOString(), version: 1, responsible: { id: user.id } },
      { __typename: 'ContactPerson', id: expect.any(String), fullName: `${token} Сидоров Пётр`, position: 'Директор', counterparty: { id: c.id, name: `${token} ООО` } },
    ]);
    // The search itself, then the nested responsible and counterparty loaders.
    expect(r.sql - base).toBe(3);
    const bare = await client.gql(SEARCH, { q: token });
    expect(bare.sql - base).toBe(1);
  });
});
