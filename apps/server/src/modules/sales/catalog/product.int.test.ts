import { startTestServer, unique, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';

const FIELDS = `id name kind article unit vatRate vatPercent price costPrice trackSerials warrantyMonths deletionMark version groupId group { id name }
  viewerCan { update delete }`;
const CREATE = `mutation($i: CreateProductInput!) { createProduct(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { ${FIELDS} } }`;
const MARK = `mutation($id: ID!, $m: Boolean!) { setProductDeletionMark(id: $id, deletionMark: $m) { id deletionMark version } }`;
const LIST = `query($first: Int, $after: String, $f: ProductFilter) { products(first: $first, after: $after, filter: $f) {
  totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;
const GROUP = `mutation($i: CreateProductGroupInput!) { createProductGroup(input: $i) { id name parentId version } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const productsNamed = (name: string) => t.factories.count('products', 'name = $1', [name]);

describe('vatRates', () => {
  it('lists the rates with their percents from the table', async () => {
    const { client } = await t.as(Role.MANAGER);
    const { vatRates } = await client.ok(`{ vatRates { code percent name active } }`);
    const byCode = Object.fromEntries(vatRates.map((r: { code: string }) => [r.code, r]));
    expect(byCode.VAT_20).toMatchObject({ percent: '20.00', active: true });
    expect(byCode.VAT_22.percent).toBe('22.00');
    expect(byCode.NO_VAT).toMatchObject({ percent: null, name: 'Без НДС' });
    expect(Object.keys(byCode).sort()).toEqual(['NO_VAT', 'VAT_0', 'VAT_10', 'VAT_20', 'VAT_22', 'VAT_5', 'VAT_7']);
  });
});

describe('createProduct', () => {
  it('refuses an anonymous caller and a manager, writing nothing', async () => {
    const name = unique('Anon ');
    const anon = await t.anonymous().gql(CREATE, { i: { name, price: '1.00', vatRate: 'VAT_20' } });
    expect(anon.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const { client } = await t.as(Role.MANAGER);
    const r = await client.gql(CREATE, { i: { name, price: '1.00', vatRate: 'VAT_20' } });
    expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await productsNamed(name)).toBe(0);
  });

  it.each([
    ['a negative price', { price: '-1.00' }, 'price', 'DECIMAL_NEGATIVE'],
    ['a price with 3 decimals', { price: '10.005' }, 'price', 'DECIMAL_SCALE'],
    ['a cost price with 3 decimals', { price: '10', costPrice: '1.001' }, 'costPrice', 'DECIMAL_SCALE'],
    ['a price too large for numeric(15,2)', { price: '10000000000000' }, 'price', 'DECIMAL_TOO_LARGE'],
    ['a service that tracks serials', { price: '1', kind: 'SERVICE', trackSerials: true }, 'trackSerials', 'SERVICE_WITH_SERIALS'],
    ['a group that does not exist', { price: '1', groupId: '5f0c6a0e-0000-4000-8000-000000000009' }, 'groupId', 'NOT_FOUND'],
  ])('refuses %s with a coded error naming the field, writing nothing', async (_case, input, field, reason) => {
    const { client } = await t.as(Role.SUPERVISOR);
    const name = unique('Bad ');
    const r = await client.gql(CREATE, { i: { name, vatRate: 'VAT_20', ...input } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await productsNamed(name)).toBe(0);
  });

  it.each([
    ['an unknown VAT rate', { price: '1.00', vatRate: 'VAT_99' }, /VatRate/],
    ['a price as a JSON float', { price: 12.5, vatRate: 'VAT_20' }, /i\.price.*JSON number 12\.5/],
    ['a price in exponent form', { price: '1e3', vatRate: 'VAT_20' }, /i\.price.*not a decimal/],
    ['a price that is not a number', { price: 'NaN', vatRate: 'VAT_20' }, /i\.price.*not a decimal/],
    ['an empty name', { name: '', price: '1', vatRate: 'VAT_20' }, /name/],
  ])('refuses %s as BAD_USER_INPUT, saying where, writing nothing', async (_case, input, message) => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const name = unique('Bad ');
    const r = await client.gql(CREATE, { i: { name, ...input } });
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(message);
    expect(r.data ?? null).toBeNull();
    expect(await productsNamed(name)).toBe(0);
  });

  it('creates a product (supervisor) with exact money, its VAT percent and an audit row', async () => {
    const { client } = await t.as(Role.SUPERVISOR);
    const name = unique('Сервер ');
    const { createProduct: p } = await client.ok(CREATE, { i: { name, price: '12345.67', vatRate: 'VAT_20', article: unique('ART-'), costPrice: '10000', warrantyMonths: 12, trackSerials: true } });
    expect(p).toMatchObject({ name, kind: 'GOODS', unit: 'шт', vatRate: 'VAT_20', vatPercent: '20.00', price: '12345.67', costPrice: '10000.00', warrantyMonths: 12, trackSerials: true, version: 1, viewerCan: { update: true, delete: true } });
    const audit = await t.factories.auditOf(p.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'Product', action: 'CREATE' });
    expect(audit[0].changes).toEqual(expect.arrayContaining([{ field: 'price', old: null, new: '12345.67' }]));
    // A manager reads the catalog but may not change it.
    const { client: manager } = await t.as(Role.MANAGER);
    const { product } = await manager.ok(`query($id: ID!) { product(id: $id) { id price viewerCan { update } } }`, { id: p.id });
    expect(product).toEqual({ id: p.id, price: '12345.67', viewerCan: { update: false } });
  });

  it('refuses a second product with the same article in another case (ARTICLE_TAKEN)', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const article = unique('sku-');
    await client.ok(CREATE, { i: { name: unique('A '), price: '1', vatRate: 'VAT_10', article } });
    const name = unique('B ');
    const r = await client.gql(CREATE, { i: { name, price: '1', vatRate: 'VAT_10', article: article.toUpperCase() } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'article', reason: 'ARTICLE_TAKEN' });
    expect(await productsNamed(name)).toBe(0);
  });
});

describe('updateProduct and setProductDeletionMark', () => {
  it('updates with the current version, refuses a stale one with CONFLICT and changes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const { createProduct: p } = await client.ok(CREATE, { i: { name: unique('P '), price: '10.00', vatRate: 'VAT_20' } });
    const { updateProduct: u } = await client.ok(UPDATE, { id: p.id, i: { version: 1, price: '11.50', vatRate: 'NO_VAT' } });
    expect(u).toMatchObject({ price: '11.50', vatRate: 'NO_VAT', vatPercent: null, version: 2 });
    const stale = await client.gql(UPDATE, { id: p.id, i: { version: 1, price: '99.00' } });
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
    const bad = await client.gql(UPDATE, { id: p.id, i: { version: 2, price: '-5' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'price' });
    const { product } = await client.ok(`query($id: ID!) { product(id: $id) { price version } }`, { id: p.id });
    expect(product).toEqual({ price: '11.50', version: 2 });
    expect((await t.factories.auditOf(p.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('hides a marked product from the list unless asked, and restores it', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const tag = unique('Hide');
    const { createProduct: p } = await client.ok(CREATE, { i: { name: `${tag} one`, price: '1', vatRate: 'VAT_20' } });
    const { client: supervisor } = await t.as(Role.SUPERVISOR);
    await supervisor.ok(MARK, { id: p.id, m: true });
    expect((await client.ok(LIST, { f: { search: tag } })).products.totalCount).toBe(0);
    expect((await client.ok(LIST, { f: { search: tag, includeDeleted: true } })).products.totalCount).toBe(1);
    const { client: manager } = await t.as(Role.MANAGER);
    expect((await manager.gql(MARK, { id: p.id, m: false })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    await client.ok(MARK, { id: p.id, m: false });
    expect((await client.ok(LIST, { f: { search: tag } })).products.totalCount).toBe(1);
    expect((await t.factories.auditOf(p.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'MARK_FOR_DELETION', 'RESTORE']);
  });
});

describe('products list and groups', () => {
  it('filters by group (with subgroups), kind and search, and pages by name with a cursor', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const tag = unique('Cat');
    const { createProductGroup: root } = await client.ok(GROUP, { i: { name: `${tag} root` } });
    const { createProductGroup: child } = await client.ok(GROUP, { i: { name: `${tag} child`, parentId: root.id } });
    const { createProductGroup: other } = await client.ok(GROUP, { i: { name: `${tag} other` } });
    await client.ok(CREATE, { i: { name: `${tag} A`, price: '1', vatRate: 'VAT_20', groupId: root.id } });
    await client.ok(CREATE, { i: { name: `${tag} B`, price: '1', vatRate: 'VAT_20', groupId: child.id, kind: 'SERVICE' } });
    await client.ok(CREATE, { i: { name: `${tag} C`, price: '1', vatRate: 'VAT_20', groupId: other.id } });
    const { client: manager } = await t.as(Role.MANAGER);
    const inRoot = await manager.ok(LIST, { f: { groupId: root.id } });
    expect(inRoot.products.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`${tag} A`, `${tag} B`]);
    expect((await manager.ok(LIST, { f: { groupId: root.id, kind: 'SERVICE' } })).products.totalCount).toBe(1);
    const page1 = await manager.ok(LIST, { first: 2, f: { search: tag.toLowerCase() } });
    expect(page1.products).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = await manager.ok(LIST, { first: 2, after: page1.products.pageInfo.endCursor, f: { search: tag } });
    expect(page2.products.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`${tag} C`]);
    expect(page2.products.pageInfo.hasNextPage).toBe(false);
    const forged = await manager.gql(LIST, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses to move a group under itself, deletes only an empty group, and lists the tree', async () => {
    const { client } = await t.as(Role.SUPERVISOR);
    const tag = unique('Tree');
    const { createProductGroup: a } = await client.ok(GROUP, { i: { name: `${tag} a` } });
    const { createProductGroup: b } = await client.ok(GROUP, { i: { name: `${tag} b`, parentId: a.id } });
    const cycle = await client.gql(`mutation($id: ID!, $i: UpdateProductGroupInput!) { updateProductGroup(id: $id, input: $i) { id } }`, { id: a.id, i: { version: 1, parentId: b.id } });
    expect(cycle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', reason: 'GROUP_CYCLE' });
    const inUse = await client.gql(`mutation($id: ID!) { deleteProductGroup(id: $id) }`, { id: a.id });
    expect(inUse.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GROUP_IN_USE' });
    expect(await client.ok(`mutation($id: ID!) { deleteProductGroup(id: $id) }`, { id: b.id })).toEqual({ deleteProductGroup: b.id });
    const { productGroups } = await client.ok(`{ productGroups { id name parentId parent { id } } }`);
    expect(productGroups.filter((g: { name: string }) => g.name.startsWith(tag))).toEqual([{ id: a.id, name: `${tag} a`, parentId: null, parent: null }]);
    const { client: manager } = await t.as(Role.MANAGER);
    expect((await manager.gql(GROUP, { i: { name: unique('M ') } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
