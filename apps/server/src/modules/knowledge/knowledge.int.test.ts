import { startTestServer, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { RelationType } from '../contacts/contacts.enums';

const ARTICLE = `id kind title body keywords published publishedAt authorId usageCount deletionMark version sectionId productIds competitorIds
  competitors { id } products { id } viewerCan { update publish delete }`;
const CREATE = `mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { ${ARTICLE} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateKnowledgeArticleInput!) { updateKnowledgeArticle(id: $id, input: $i) { ${ARTICLE} } }`;
const GET = `query($id: ID!) { knowledgeArticle(id: $id) { ${ARTICLE} } }`;
const PUBLISH = `mutation($id: ID!) { publishKnowledgeArticle(id: $id) { ${ARTICLE} } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishKnowledgeArticle(id: $id) { ${ARTICLE} } }`;
const MARK = `mutation($id: ID!, $m: Boolean!) { setKnowledgeArticleDeletionMark(id: $id, mark: $m) { ${ARTICLE} } }`;
const LIST = `query($f: KnowledgeArticleFilter, $first: Int, $after: String) {
  knowledgeArticles(first: $first, after: $after, filter: $f) { totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;
const SEARCH = `query($q: String!, $first: Int, $after: String, $kind: KnowledgeArticleKind) {
  searchKnowledge(query: $q, first: $first, after: $after, kind: $kind) { totalCount edges { node { id title snippet rank kind published article { id } } } pageInfo { hasNextPage endCursor } } }`;
const SUGGEST = `query($text: String!, $first: Int) { suggestSolutions(text: $text, first: $first) { id title kind snippet rank } }`;
const RELATED = `query($p: [ID!], $c: [ID!]) { relatedKnowledge(productIds: $p, competitorIds: $c) { totalCount edges { node { id kind title } } } }`;
const SECTIONS = `query($parent: ID, $top: Boolean) { knowledgeSections(parentId: $parent, topLevelOnly: $top) { totalCount edges { node { id name parentId parent { id } } } } }`;
const CREATE_SECTION = `mutation($i: CreateKnowledgeSectionInput!) { createKnowledgeSection(input: $i) { id name parentId version } }`;
const UPDATE_SECTION = `mutation($id: ID!, $i: UpdateKnowledgeSectionInput!) { updateKnowledgeSection(id: $id, input: $i) { id name parentId version } }`;
const DELETE_SECTION = `mutation($id: ID!) { deleteKnowledgeSection(id: $id) }`;

const START = '\uE000';
const END = '\uE001';

let t: TestServer;
let editor: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  editor = (await t.as(Role.SERVICE_ENGINEER)).client;
});
afterAll(() => t.close());

type Hit = { id: string; title: string; snippet: string; rank: number; kind: string; published: boolean };
const article = async (client: ApiClient, input: Record<string, unknown>) => (await client.ok(CREATE, { i: { kind: 'SOLUTION', title: unique('Статья '), ...input } })).createKnowledgeArticle;
const search = async (client: ApiClient, q: string, vars: Record<string, unknown> = {}) => (await client.ok(SEARCH, { q, first: 50, ...vars })).searchKnowledge;
const hitIds = (conn: { edges: Array<{ node: Hit }> }) => conn.edges.map((e) => e.node.id);
const errorOf = (r: { errors?: Array<{ extensions: Record<string, unknown> }> }) => r.errors?.[0].extensions;

describe('full-text search', () => {
  it('stems Russian: «договоры продления» finds an article about «договор» and «продление»', async () => {
    const a = await article(editor, { title: 'Продление договора аренды', body: 'Как оформить продление: подписать дополнительное соглашение.', published: true });
    const r = await search(editor, 'договоры продления');
    expect(hitIds(r)).toContain(a.id);
    expect(hitIds(await search(editor, 'договорам'))).toContain(a.id);
    expect(hitIds(await search(editor, 'соглашением'))).toContain(a.id);
  });

  it('stems English too, and keywords count', async () => {
    const a = await article(editor, { kind: 'INSTRUCTION', title: 'Contract renewals', body: 'Renewing a contract takes two signatures.', keywords: ['лицензирование'], published: true });
    expect(hitIds(await search(editor, 'renewal contract'))).toContain(a.id);
    expect(hitIds(await search(editor, 'signature'))).toContain(a.id);
    expect(hitIds(await search(editor, 'лицензирования'))).toContain(a.id);
    expect(hitIds(await search(editor, 'renewal', { kind: 'SOLUTION' }))).not.toContain(a.id);
  });

  it('ranks a title match above a keyword match above a body match, and pages by rank', async () => {
    const word = 'фильтрация';
    const inBody = await article(editor, { title: unique('Настройка '), body: `Здесь упомянута ${word} один раз среди прочего текста о настройке.`, published: true });
    const inKeywords = await article(editor, { title: unique('Обзор '), body: 'Текст без этого слова.', keywords: [word], published: true });
    const inTitle = await article(editor, { title: `${word} входящих писем`, body: 'Короткий текст.', published: true });
    const r = await search(editor, 'фильтрации');
    const order = hitIds(r).filter((id) => [inBody.id, inKeywords.id, inTitle.id].includes(id));
    expect(order).toEqual([inTitle.id, inKeywords.id, inBody.id]);
    const ranks = r.edges.map((e: { node: Hit }) => e.node.rank);
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);

    const page1 = (await editor.ok(SEARCH, { q: 'фильтрации', first: 2 })).searchKnowledge;
    const page2 = (await editor.ok(SEARCH, { q: 'фильтрации', first: 2, after: page1.pageInfo.endCursor })).searchKnowledge;
    expect([...hitIds(page1), ...hitIds(page2)]).toEqual(hitIds(r).slice(0, page1.edges.length + page2.edges.length));
    expect(page1.totalCount).toBe(r.totalCount);
  });

  it('returns the Markdown body verbatim, <script> included, and a plain-text snippet with only the highlight markers', async () => {
    const body = "# Заголовок\n\nТекст <script>alert('x')</script> про **договоры** и <img src=x onerror=alert(1)> [ссылка](http://evil.example) конец.";
    const a = await article(editor, { title: unique('Опасная '), body, published: true });
    expect((await editor.ok(GET, { id: a.id })).knowledgeArticle.body).toBe(body);
    const hit = (await search(editor, 'договор')).edges.map((e: { node: Hit }) => e.node).find((h: Hit) => h.id === a.id);
    expect(hit.snippet).toContain(`${START}договоры${END}`);
    expect(hit.snippet).not.toMatch(/<\/?[a-z]/i);
    expect(hit.snippet).not.toContain('**');
    expect(hit.snippet).not.toContain('http://evil.example');
    expect(hit.snippet).toContain('ссылка');
  });

  it('refuses an empty query; a query of stop words finds nothing', async () => {
    expect(errorOf(await editor.gql(SEARCH, { q: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    expect((await search(editor, 'и не на')).totalCount).toBe(0);
    expect(errorOf(await t.anonymous().gql(SEARCH, { q: 'x' }))?.code).toBe('UNAUTHENTICATED');
  });
});

describe('drafts and editing rights', () => {
  it('shows a draft only to its author and to editors, in every read path', async () => {
    const { client: author } = await t.as(Role.MANAGER);
    const { client: other } = await t.as(Role.MANAGER);
    const { client: boss } = await t.as(Role.SUPERVISOR);
    const draft = await article(author, { title: 'Черновик про шифрование', body: 'шифрование дисков' });
    expect(draft).toMatchObject({ published: false, viewerCan: { update: true, publish: false, delete: true } });
    expect((await author.ok(GET, { id: draft.id })).knowledgeArticle.id).toBe(draft.id);
    expect((await boss.ok(GET, { id: draft.id })).knowledgeArticle.id).toBe(draft.id);
    expect(errorOf(await other.gql(GET, { id: draft.id }))?.code).toBe('NOT_FOUND');
    expect(hitIds(await search(other, 'шифрование'))).not.toContain(draft.id);
    expect(hitIds(await search(author, 'шифрование'))).toContain(draft.id);
    expect((await other.ok(LIST, { f: { search: 'шифрование' } })).knowledgeArticles.edges.map((e: any) => e.node.id)).not.toContain(draft.id);
    expect(errorOf(await other.gql(UPDATE, { id: draft.id, i: { version: 1, title: 'x' } }))?.code).toBe('NOT_FOUND');
  });

  it('lets only editors publish; an author edits their draft but not once published', async () => {
    const { client: author, user } = await t.as(Role.MANAGER);
    expect(errorOf(await author.gql(CREATE, { i: { kind: 'SOLUTION', title: 'x', published: true } }))?.code).toBe('FORBIDDEN');
    const draft = await article(author, { body: 'v1' });
    const edited = (await author.ok(UPDATE, { id: draft.id, i: { version: 1, body: 'v2', keywords: [' a ', 'A', 'b'] } })).updateKnowledgeArticle;
    expect(edited).toMatchObject({ body: 'v2', keywords: ['a', 'b'], version: 2, authorId: user.id });
    expect(errorOf(await author.gql(PUBLISH, { id: draft.id }))?.code).toBe('FORBIDDEN');
    const published = (await editor.ok(PUBLISH, { id: draft.id })).publishKnowledgeArticle;
    expect(published).toMatchObject({ published: true, version: 3 });
    expect(published.publishedAt).not.toBeNull();
    expect(errorOf(await author.gql(UPDATE, { id: draft.id, i: { version: 3, body: 'v3' } }))?.code).toBe('FORBIDDEN');
    expect(errorOf(await editor.gql(UPDATE, { id: draft.id, i: { version: 2, body: 'stale' } }))?.code).toBe('CONFLICT');
    expect((await editor.ok(UNPUBLISH, { id: draft.id })).unpublishKnowledgeArticle).toMatchObject({ published: false, version: 4 });
    const actions = (await t.factories.auditOf(draft.id)).map((a: { action: string }) => a.action);
    expect(actions).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
  });

  it('hides an article marked for deletion from lists and search until restored', async () => {
    const a = await article(editor, { title: 'Удаляемая статья о телепортации', published: true });
    const marked = (await editor.ok(MARK, { id: a.id, m: true })).setKnowledgeArticleDeletionMark;
    expect(marked.deletionMark).toBe(true);
    expect(hitIds(await search(editor, 'телепортация'))).not.toContain(a.id);
    expect((await editor.ok(LIST, { f: { search: 'телепортация' } })).knowledgeArticles.totalCount).toBe(0);
    expect((await editor.ok(LIST, { f: { search: 'телепортация', deletionMark: true } })).knowledgeArticles.edges.map((e: any) => e.node.id)).toEqual([a.id]);
    expect(errorOf(await editor.gql(PUBLISH, { id: a.id }))).toMatchObject({ code: 'CONFLICT', reason: 'MARKED_FOR_DELETION' });
    await editor.ok(MARK, { id: a.id, m: false });
    expect(hitIds(await search(editor, 'телепортация'))).toContain(a.id);
    const { client: manager } = await t.as(Role.MANAGER);
    expect(errorOf(await manager.gql(MARK, { id: a.id, m: true }))?.code).toBe('FORBIDDEN');
    expect((await t.factories.auditOf(a.id)).map((x: { action: string }) => x.action)).toEqual(['CREATE', 'MARK_FOR_DELETION', 'RESTORE']);
  });
});

describe('suggestions, links and related articles', () => {
  it('suggests published SOLUTION articles sharing any significant word of the text, best first', async () => {
    const tag = unique('zq');
    const both = await article(editor, { title: `Не печатает принтер ${tag}`, body: 'Проверьте картридж и драйвер.', published: true });
    const one = await article(editor, { title: `Замена картриджа ${tag}`, body: 'Инструкция.', published: true });
    const draft = await article(editor, { title: `Картридж черновик ${tag}`, body: 'картридж' });
    const notSolution = await article(editor, { kind: 'PRODUCT', title: `Картридж как товар ${tag}`, published: true });
    const suggestions: Hit[] = (await editor.ok(SUGGEST, { text: `У клиента не печатает принтер, похоже закончился картридж ${tag}`, first: 20 })).suggestSolutions;
    const mine = suggestions.map((s) => s.id).filter((id) => [both.id, one.id, draft.id, notSolution.id].includes(id));
    expect(mine).toEqual([both.id, one.id]);
    expect(suggestions.every((s) => s.kind === 'SOLUTION')).toBe(true);
    expect((await editor.ok(SUGGEST, { text: '   ' })).suggestSolutions).toEqual([]);
    expect((await editor.ok(SUGGEST, { text: 'и не на' })).suggestSolutions).toEqual([]);
    expect(errorOf(await editor.gql(SUGGEST, { text: 'x', first: 21 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('links products and competitor counterparties, checks them, filters by them, and shows them as related', async () => {
    const { user } = await t.as(Role.SERVICE_ENGINEER);
    const admin = await t.factories.admin();
    const product = await t.app.services.products.create(admin, { name: unique('Сервер '), price: '1000.00', vatRate: 'VAT_20' } as any);
    const competitor = await t.factories.counterparty(user, { relationTypes: [RelationType.COMPETITOR] });
    const client = await t.factories.counterparty(user, { relationTypes: [RelationType.CLIENT] });
    const productArticle = await article(editor, { kind: 'PRODUCT', title: unique('Сервер: преимущества '), productIds: [product.id], published: true });
    const competitorArticle = await article(editor, { kind: 'COMPETITOR', title: unique('Конкурент '), competitorIds: [competitor.id], published: true });
    const draft = await article(editor, { kind: 'PRODUCT', title: unique('Черновик о сервере '), productIds: [product.id] });
    expect(productArticle).toMatchObject({ productIds: [product.id], products: [{ id: product.id }] });
    expect(competitorArticle).toMatchObject({ competitorIds: [competitor.id], competitors: [{ id: competitor.id }] });

    expect(errorOf(await editor.gql(CREATE, { i: { kind: 'COMPETITOR', title: 'x', competitorIds: [client.id] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'competitorIds.0',
      reason: 'NOT_COMPETITOR',
    });
    expect(errorOf(await editor.gql(CREATE, { i: { kind: 'PRODUCT', title: 'x', productIds: [product.id, '00000000-0000-4000-8000-000000000000'] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'productIds.1',
      reason: 'NOT_FOUND',
    });

    expect((await editor.ok(LIST, { f: { productId: product.id } })).knowledgeArticles.edges.map((e: any) => e.node.id).sort()).toEqual([productArticle.id, draft.id].sort());
    expect((await editor.ok(LIST, { f: { competitorId: competitor.id } })).knowledgeArticles.edges.map((e: any) => e.node.id)).toEqual([competitorArticle.id]);
    const related = (await editor.ok(RELATED, { p: [product.id], c: [competitor.id] })).relatedKnowledge;
    expect(related.edges.map((e: any) => e.node.id)).toEqual([competitorArticle.id, productArticle.id]);

    const unlinked = (await editor.ok(UPDATE, { id: productArticle.id, i: { version: productArticle.version, productIds: [] } })).updateKnowledgeArticle;
    expect(unlinked.productIds).toEqual([]);
    expect((await editor.ok(RELATED, { p: [product.id], c: [] })).relatedKnowledge.totalCount).toBe(0);
  });
});

describe('sections', () => {
  it('nest, filter articles (with subsections), refuse cycles, and are deleted only when empty; editors only', async () => {
    const root = (await editor.ok(CREATE_SECTION, { i: { name: unique('Раздел ') } })).createKnowledgeSection;
    const child = (await editor.ok(CREATE_SECTION, { i: { name: 'Подраздел', parentId: root.id } })).createKnowledgeSection;
    const inRoot = await article(editor, { sectionId: root.id, published: true });
    const inChild = await article(editor, { sectionId: child.id, published: true });
    expect((await editor.ok(SECTIONS, { parent: root.id })).knowledgeSections.edges.map((e: any) => e.node)).toEqual([{ id: child.id, name: 'Подраздел', parentId: root.id, parent: { id: root.id } }]);
    expect((await editor.ok(LIST, { f: { sectionId: root.id } })).knowledgeArticles.edges.map((e: any) => e.node.id)).toEqual([inRoot.id]);
    expect((await editor.ok(LIST, { f: { sectionId: root.id, includeSubsections: true } })).knowledgeArticles.edges.map((e: any) => e.node.id).sort()).toEqual([inRoot.id, inChild.id].sort());

    expect(errorOf(await editor.gql(UPDATE_SECTION, { id: root.id, i: { version: 1, parentId: child.id } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId', reason: 'CYCLE' });
    expect(errorOf(await editor.gql(DELETE_SECTION, { id: child.id }))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_EMPTY' });
    expect(errorOf(await editor.gql(CREATE, { i: { kind: 'SOLUTION', title: 'x', sectionId: '00000000-0000-4000-8000-000000000000' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectionId' });

    await editor.ok(UPDATE, { id: inChild.id, i: { version: inChild.version, sectionId: null } });
    expect((await editor.ok(DELETE_SECTION, { id: child.id })).deleteKnowledgeSection).toBe(true);
    const renamed = (await editor.ok(UPDATE_SECTION, { id: root.id, i: { version: 1, name: 'Переименован' } })).updateKnowledgeSection;
    expect(renamed).toMatchObject({ name: 'Переименован', version: 2 });
    expect((await t.factories.auditOf(child.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'DELETE']);

    const { client: manager } = await t.as(Role.MANAGER);
    expect(errorOf(await manager.gql(CREATE_SECTION, { i: { name: 'x' } }))?.code).toBe('FORBIDDEN');
    expect((await manager.ok(SECTIONS, { top: true })).knowledgeSections.edges.map((e: any) => e.node.id)).toContain(root.id);
  });
});
