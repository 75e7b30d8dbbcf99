import { startTestServer, randomMoscowPhone, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import { ContactInfoType, RelationType } from './contacts.enums';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const LIST = `query($first: Int, $after: String, $filter: CounterpartyFilter, $orderBy: CounterpartyOrder) {
  counterparties(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name createdAt updatedAt relationTypes } }
    pageInfo { hasNextPage endCursor }
  } }`;

interface Node {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  relationTypes: string[];
}

/** Walks a list page by page, returning every node in the order served and the totalCount of each page. */
async function walk(client: ApiClient, vars: Record<string, unknown>, pageSize: number) {
  const nodes: Node[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const data: any = await client.ok(LIST, { ...vars, first: pageSize, after });
    const page = data.counterparties;
    totals.push(page.totalCount);
    nodes.push(...page.edges.map((e: { node: Node }) => e.node));
    if (!page.pageInfo.hasNextPage) return { nodes, totals };
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('counterparties list', () => {
  it('refuses an anonymous caller', async () => {
    const r = await t.anonymous().gql(LIST, { first: 5 });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.data).toBeNull();
  });

  it('finds by a phone fragment typed in any format', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const phone = randomMoscowPhone(); // 7495XXXXXXX
    const kindId = await t.factories.kindId('WORK_PHONE');
    const mine = await t.factories.counterparty(user, { contactInfo: [{ type: ContactInfoType.PHONE, kindId, value: `+${phone}` }] });
    await t.factories.counterparty(user); // another phone: must not match

    const local = phone.slice(4); // 7 digits
    for (const s of [`${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`, `8 (495) ${local}`, `495 ${local.slice(0, 3)}`]) {
      const data = await client.ok(LIST, { first: 10, filter: { search: s } });
      expect({ s, ids: data.counterparties.edges.map((e: { node: Node }) => e.node.id) }).toEqual({ s, ids: [mine.id] });
      expect(data.counterparties.totalCount).toBe(1);
    }
  });

  it('filters by relation type and by deletion mark', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const supplier = await t.factories.counterparty(user, { relationTypes: [RelationType.SUPPLIER, RelationType.PARTNER] });
    const client1 = await t.factories.counterparty(user, { relationTypes: [RelationType.CLIENT] });

    const suppliers = await client.ok(LIST, { first: 10, filter: { relationType: 'SUPPLIER' } });
    expect(suppliers.counterparties.edges.map((e: { node: Node }) => e.node.id)).toEqual([supplier.id]);
    const partners = await client.ok(LIST, { first: 10, filter: { relationType: 'PARTNER' } });
    expect(partners.counterparties.edges.map((e: { node: Node }) => e.node.id)).toEqual([supplier.id]);
    const clients = await client.ok(LIST, { first: 10, filter: { relationType: 'CLIENT' } });
    expect(clients.counterparties.edges.map((e: { node: Node }) => e.node.id)).toEqual([client1.id]);
    const competitors = await client.ok(LIST, { first: 10, filter: { relationType: 'COMPETITOR' } });
    expect(competitors.counterparties.totalCount).toBe(0);
  });

  it('names a page size out of range', async () => {
    const { client } = await t.as(Role.MANAGER);
    for (const first of [0, 501]) {
      const r = await client.gql(LIST, { first });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    await t.factories.counterparty(user, { name: 'ООО «Обычное»' });
    const literal = await t.factories.counterparty(user, { name: 'ООО «100%_скидка»' });
    expect((await client.ok(LIST, { first: 10, filter: { search: '%_' } })).counterparties.edges.map((e: { node: Node }) => e.node.id)).toEqual([literal.id]);
    expect((await client.ok(LIST, { first: 10, filter: { search: '__' } })).counterparties.totalCount).toBe(0);
  });

  it('names a malformed cursor', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(LIST, { first: 5, after: 'not-a-cursor' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  describe('ordering with cursor paging', () => {
    let client: ApiClient;
    let user: User;
    let ids: string[];
    const N = 13;

    beforeAll(async () => {
      ({ client, user } = await t.as(Role.MANAGER));
      // Created in one go, several with the same name; then all given the same created_at and
      // half the same updated_at, so ties on the sort key must be broken consistently by id.
      const names = Array.from({ length: N }, (_, i) => (i % 3 === 0 ? 'ООО «Одинаковое»' : `ООО «${unique(String.fromCharCode(1040 + i))}»`));
      const created = await Promise.all(names.map((name) => t.factories.counterparty(user, { name })));
      ids = created.map((c) => c.id);
      await t.app.db.query(`UPDATE counterparties SET created_at = '2024-03-01T10:00:00.123456Z' WHERE responsible_id = $1`, [user.id]);
      await t.app.db.query(`UPDATE counterparties SET updated_at = '2024-03-02T10:00:00Z' WHERE id = ANY($1)`, [ids.filter((_, i) => i % 2 === 0)]);
    });

    const cases = ['NAME', 'CREATED_AT', 'UPDATED_AT'].flatMap((field) => ['ASC', 'DESC'].map((direction) => ({ field, direction })));

    it.each(cases)('$field $direction serves every record exactly once', async (orderBy) => {
      const whole = await walk(client, { orderBy }, 50);
      expect(whole.nodes).toHaveLength(N);
      for (const pageSize of [1, 2, 5]) {
        const paged = await walk(client, { orderBy }, pageSize);
        expect(paged.nodes.map((n) => n.id)).toEqual(whole.nodes.map((n) => n.id));
        expect(new Set(paged.totals)).toEqual(new Set([N]));
      }
      expect(new Set(whole.nodes.map((n) => n.id))).toEqual(new Set(ids));
      if (orderBy.field !== 'NAME') {
        const key = orderBy.field === 'CREATED_AT' ? 'createdAt' : 'updatedAt';
        const times = whole.nodes.map((n) => Date.parse(n[key]));
        const sorted = [...times].sort((a, b) => (orderBy.direction === 'ASC' ? a - b : b - a));
        expect(times).toEqual(sorted);
      }
    });

    it('NAME sorts by name, DESC the reverse of ASC', async () => {
      const asc = await walk(client, { orderBy: { field: 'NAME', direction: 'ASC' } }, 4);
      const desc = await walk(client, { orderBy: { field: 'NAME', direction: 'DESC' } }, 4);
      expect(desc.nodes.map((n) => n.id)).toEqual(asc.nodes.map((n) => n.id).reverse());
      const same = asc.nodes.filter((n) => n.name === 'ООО «Одинаковое»');
      expect(same).toHaveLength(5);
      // The equal names sit together.
      const first = asc.nodes.findIndex((n) => n.name === 'ООО «Одинаковое»');
      expect(asc.nodes.slice(first, first + 5).every((n) => n.name === 'ООО «Одинаковое»')).toBe(true);
    });
  });
});

describe("a supervisor's list (each team member's rows merged in name order)", () => {
  it('serves the whole team once, in name order both ways, with filters, and nobody else', async () => {
    const { client, user: boss } = await t.as(Role.SUPERVISOR);
    const members = await Promise.all([0, 1, 2].map(() => t.factories.user({ supervisorId: boss.id })));
    const outsider = await t.factories.user();
    const token = unique('Команда');
    // Names interleave across the owners, so no owner's rows form a block of the merged order.
    const mine: Array<{ id: string; name: string; supplier: boolean }> = [];
    for (let i = 0; i < 12; i++) {
      const owner = [boss, ...members][i % 4];
      const name = `${token} ${String.fromCharCode(1040 + ((i * 5) % 12))}${i}`;
      const supplier = i % 3 === 0;
      const c = await t.factories.counterparty(owner, { name, relationTypes: supplier ? [RelationType.SUPPLIER] : [RelationType.CLIENT] });
      mine.push({ id: c.id, name, supplier });
    }
    await t.factories.counterparty(outsider, { name: `${token} Чужой` });
    const marked = await t.factories.counterparty(members[0], { name: `${token} Помеченный` });
    await t.app.db.query(`UPDATE counterparties SET deletion_mark = true WHERE id = $1`, [marked.id]);
    const collator = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const own = (nodes: Node[]) => nodes.filter((n) => n.name.startsWith(token));

    const expected = [...mine].sort(collator).map((c) => c.id);
    for (const direction of ['ASC', 'DESC']) {
      const walked = await walk(client, { orderBy: { field: 'NAME', direction }, filter: { search: token } }, 5);
      expect(own(walked.nodes).map((n) => n.id)).toEqual(direction === 'ASC' ? expected : [...expected].reverse());
      expect(new Set(walked.totals)).toEqual(new Set([12]));
    }
    const suppliers = await walk(client, { filter: { search: token, relationType: 'SUPPLIER' } }, 2);
    expect(suppliers.nodes.map((n) => n.id)).toEqual(mine.filter((c) => c.supplier).sort(collator).map((c) => c.id));
    expect(new Set(suppliers.totals)).toEqual(new Set([4]));
    // The marked one is listed only when asked for.
    const markedOnly = await walk(client, { filter: { search: token, deletionMark: true } }, 5);
    expect(markedOnly.nodes.map((n) => n.id)).toEqual([marked.id]);
  });
});

describe('no N+1', () => {
  const PAGE = `query($first: Int) { counterparties(first: $first) { totalCount edges { node {
    id name mainPhone responsible { fullName }
    contactInfo { type value kind { name } }
    contactPersons { fullName contactInfo { value } }
    viewerCan { update } } } } }`;

  it('a list page costs the same fixed number of SQL statements for 5 and for 50 rows', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const [phoneKind, emailKind, addressKind, mobileKind] = await Promise.all(
      ['WORK_PHONE', 'EMAIL', 'ACTUAL_ADDRESS', 'MOBILE_PHONE'].map((code) => t.factories.kindId(code)),
    );
    for (let i = 0; i < 50; i++) {
      const c = await t.factories.counterparty(user, {
        contactInfo: [
          { type: ContactInfoType.PHONE, kindId: phoneKind, value: `+${randomMoscowPhone()}` },
          { type: ContactInfoType.EMAIL, kindId: emailKind, value: `${unique('office')}@example.ru` },
          { type: ContactInfoType.ADDRESS, kindId: addressKind, value: `Москва, ул. Тестовая, д. ${i + 1}` },
        ],
      });
      await Promise.all(
        [0, 1].map(() => t.factories.contactPerson(user, { counterpartyId: c.id, contactInfo: [{ type: ContactInfoType.PHONE, kindId: mobileKind, value: `+${randomMoscowPhone()}` }] })),
      );
    }

    // Warm the process caches (the kinds catalog) first: what is compared is the page's own statements.
    await client.ok(PAGE, { first: 1 });
    const small = await client.gql(PAGE, { first: 5 });
    const big = await client.gql(PAGE, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(big.errors).toBeUndefined();
    const edges = big.data!.counterparties.edges;
    expect(edges).toHaveLength(50);
    // The page really carried the nested data it was asked for.
    for (const { node } of edges) {
      expect(node.contactInfo).toHaveLength(3);
      expect(node.contactInfo.every((ci: { kind: { name: string } }) => ci.kind.name)).toBe(true);
      expect(node.contactPersons).toHaveLength(2);
      expect(node.contactPersons.every((p: { contactInfo: unknown[] }) => p.contactInfo.length === 1)).toBe(true);
      expect(node.responsible.fullName).toBe(user.fullName);
      expect(node.mainPhone).toMatch(/^\+7/);
      expect(node.viewerCan.update).toBe(true);
    }
    console.log('SQL statements per list page of 50:', big.sql, '(page of 5:', small.sql, ')');
    expect(big.sql).toBe(small.sql);
    // Authenticating (the actor cache is off in tests), the page with its total and every row's contact
    // information, the persons with theirs, the responsible users.
    expect(big.sql).toBe(4);
  }, 120_000); // 150 objects are set up one transaction at a time
});
