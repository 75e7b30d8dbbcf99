import { startTestServer, subscribe, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

const FIELDS = `id number state kind channel priority critical subject description registeredAt reactionDeadline resolutionDeadline reactedAt resolvedAt closedAt
  pausedMinutes slaPaused overdue solution knowledgeArticleId satisfaction rejectReason version responsibleId counterpartyId contactPersonId productId
  closureConfirmedAt viewerCan { update takeIntoWork waitForClient resume resolve confirmClosure close reject reopen rate saveAsSolution }`;
const CREATE = `mutation($i: CreateClientRequestInput!) { createClientRequest(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateClientRequestInput!) { updateClientRequest(id: $id, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { clientRequest(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: ClientRequestFilter, $first: Int, $after: String, $o: ClientRequestOrder) {
  clientRequests(first: $first, after: $after, filter: $f, orderBy: $o) { totalCount edges { node { id number state } } pageInfo { hasNextPage endCursor } } }`;
const TAKE = `mutation($id: ID!) { takeClientRequestIntoWork(id: $id) { ${FIELDS} } }`;
const SUSPEND = `mutation($id: ID!) { suspendClientRequest(id: $id) { ${FIELDS} } }`;
const RESUME = `mutation($id: ID!) { resumeClientRequest(id: $id) { ${FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $i: ResolveClientRequestInput!) { resolveClientRequest(id: $id, input: $i) { ${FIELDS} knowledgeArticle { id usageCount } } }`;
const CONFIRM = `mutation($id: ID!) { confirmClientRequestClosure(id: $id) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeClientRequest(id: $id) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectClientRequest(id: $id, reason: $r) { ${FIELDS} } }`;
const REOPEN = `mutation($id: ID!) { reopenClientRequest(id: $id) { ${FIELDS} } }`;
const RATE = `mutation($id: ID!, $s: Int!) { rateClientRequest(id: $id, satisfaction: $s) { ${FIELDS} } }`;
const SAVE_AS_SOLUTION = `mutation($id: ID!) { saveClientRequestAsSolution(id: $id) { id kind title body published sourceRequestId authorId productIds } }`;
const COUNTS = `query { clientRequestCounts { open mine critical breached aboutToBreach } }`;
const RULES = `query { clientRequestSlaRules { kind priority reactionMinutes resolutionMinutes version } }`;
const SET_RULE = `mutation($i: SetClientRequestSlaRuleInput!) { setClientRequestSlaRule(input: $i) { kind priority reactionMinutes resolutionMinutes version } }`;
const CREATE_ARTICLE = `mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id usageCount } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id counterpartyId contactPersonId basedOn { type id title } } }`;
const CARD = `query($id: ID!) { clientRequest(id: $id) { id events { totalCount edges { node { id subject } } } history(first: 50) { totalCount edges { node { action changes { field old new } } } }
  counterparty { id } contactPerson { id } responsible { id } product { id name } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

type Req = Record<string, any>;

/** A manager (with a supervisor unless told otherwise), signed in, with a client of their own. */
async function managerWithClient(opts: { supervisorId?: string } = {}) {
  const { client, user } = await t.as(Role.MANAGER, opts);
  const counterparty = await t.factories.counterparty(user);
  const person = await t.factories.contactPerson(user, { counterpartyId: counterparty.id });
  return { client, user, counterparty, person };
}

async function create(client: ApiClient, input: Record<string, unknown>): Promise<Req> {
  return (await client.ok(CREATE, { i: { kind: 'QUESTION', channel: 'PHONE', subject: unique('Вопрос '), ...input } })).createClientRequest;
}

const errorOf = (r: { errors?: Array<{ extensions: Record<string, unknown> }> }) => r.errors?.[0].extensions;
const versionOf = async (id: string) => (await t.app.db.query(`SELECT version FROM client_requests WHERE id = $1`, [id]))[0].version as number;

describe('registering a request', () => {
  it('numbers it, counts its deadlines, records who and when, and audits it', async () => {
    const { client, user, counterparty, person } = await managerWithClient();
    const before = Date.now();
    const r = await create(client, { kind: 'CLAIM', channel: 'EMAIL', priority: 'HIGH', description: 'Не работает печать счетов', counterpartyId: counterparty.id, contactPersonId: person.id });
    expect(r.number).toMatch(/^CR-\d{4}-\d{6}$/);
    expect(r).toMatchObject({ state: 'REGISTERED', kind: 'CLAIM', channel: 'EMAIL', priority: 'HIGH', critical: false, responsibleId: user.id, version: 1, pausedMinutes: 0, slaPaused: false });
    expect(Date.parse(r.registeredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(r.reactionDeadline)).toBeGreaterThan(Date.parse(r.registeredAt));
    expect(Date.parse(r.resolutionDeadline)).toBeGreaterThan(Date.parse(r.reactionDeadline));
    expect(r.viewerCan).toMatchObject({ update: true, takeIntoWork: true, resolve: false, close: false, reject: true });
    const audit = await t.factories.auditOf(r.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actor_id: user.id, entity_type: 'ClientRequest', entity_label: `${r.number} ${r.subject}` });
  });

  it('takes the counterparty from a contact person given alone, and links a product', async () => {
    const { client, counterparty, person } = await managerWithClient();
    const product = await t.app.services.products.create(await t.factories.admin(), { name: unique('Принтер '), price: '100.00', vatRate: 'VAT_20' } as any);
    const r = await create(client, { contactPersonId: person.id, productId: product.id });
    expect(r).toMatchObject({ counterpartyId: counterparty.id, contactPersonId: person.id, productId: product.id });
    const card = (await client.ok(CARD, { id: r.id })).clientRequest;
    expect(card.product).toEqual({ id: product.id, name: product.name });
  });

  it('refuses bad input, naming the field, and creates nothing', async () => {
    const { client, user, counterparty } = await managerWithClient();
    const { user: other } = await t.as(Role.MANAGER);
    const foreign = await t.factories.counterparty(other);
    const elsewhere = await t.factories.counterparty(user);
    const strangerPerson = await t.factories.contactPerson(user, { counterpartyId: elsewhere.id });
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ subject: '', counterpartyId: counterparty.id }, 'subject', undefined],
      [{ subject: '   ', counterpartyId: counterparty.id }, 'subject', 'REQUIRED'],
      [{}, 'counterpartyId', 'REQUIRED'],
      [{ counterpartyId: foreign.id }, 'counterpartyId', 'NOT_FOUND'],
      [{ counterpartyId: counterparty.id, contactPersonId: strangerPerson.id }, 'contactPersonId', 'CONTACT_OF_OTHER_COUNTERPARTY'],
      [{ counterpartyId: counterparty.id, productId: '00000000-0000-4000-8000-000000000000' }, 'productId', 'NOT_FOUND'],
      [{ counterpartyId: 'not-an-id' }, 'counterpartyId', undefined],
      [{ counterpartyId: counterparty.id, responsibleId: '00000000-0000-4000-8000-000000000000' }, 'responsibleId', 'NOT_FOUND'],
    ];
    for (const [input, field, reason] of cases) {
      const r = await client.gql(CREATE, { i: { kind: 'QUESTION', channel: 'PHONE', subject: 'x', ...input } });
      expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
    }
    const assign = await client.gql(CREATE, { i: { kind: 'QUESTION', channel: 'PHONE', subject: 'x', counterpartyId: counterparty.id, responsibleId: other.id } });
    expect(errorOf(assign)?.code).toBe('FORBIDDEN');
    expect(await t.factories.count('client_requests', 'created_by_id = $1', [user.id])).toBe(0);
    expect(errorOf(await t.anonymous().gql(CREATE, { i: { kind: 'QUESTION', channel: 'PHONE', subject: 'x', counterpartyId: counterparty.id } }))?.code).toBe('UNAUTHENTICATED');
  });

  it('notifies a colleague made responsible by their supervisor', async () => {
    const { client: boss, user: bossUser } = await t.as(Role.SUPERVISOR);
    const { user: manager } = await t.as(Role.MANAGER, { supervisorId: bossUser.id });
    const cp = await t.factories.counterparty(manager);
    const r = await create(boss, { counterpartyId: cp.id, responsibleId: manager.id });
    expect(await t.factories.count('notifications', `user_id = $1 AND kind = 'CLIENT_REQUEST_ASSIGNED' AND object_id = $2`, [manager.id, r.id])).toBe(1);
  });
});

describe('the life cycle', () => {
  it('goes registered → in progress ⇄ waiting → resolved → reopened → in progress → resolved → closed, each step audited', async () => {
    const { client, counterparty } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id });
    const taken = (await client.ok(TAKE, { id: r.id })).takeClientRequestIntoWork;
    expect(taken).toMatchObject({ state: 'IN_PROGRESS', version: 2 });
    expect(taken.reactedAt).not.toBeNull();
    const waiting = (await client.ok(SUSPEND, { id: r.id })).suspendClientRequest;
    expect(waiting).toMatchObject({ state: 'WAITING_FOR_CLIENT', slaPaused: true });
    expect((await client.ok(RESUME, { id: r.id })).resumeClientRequest).toMatchObject({ state: 'IN_PROGRESS', slaPaused: false });
    const resolved = (await client.ok(RESOLVE, { id: r.id, i: { solution: 'Переустановили драйвер' } })).resolveClientRequest;
    expect(resolved).toMatchObject({ state: 'RESOLVED', solution: 'Переустановили драйвер' });
    expect(resolved.viewerCan).toMatchObject({ close: true, reopen: true, rate: true, confirmClosure: false, saveAsSolution: true });
    const reopened = (await client.ok(REOPEN, { id: r.id })).reopenClientRequest;
    expect(reopened).toMatchObject({ state: 'REOPENED', resolvedAt: null });
    const again = (await client.ok(TAKE, { id: r.id })).takeClientRequestIntoWork;
    expect(again.reactedAt).toBe(taken.reactedAt); // the reaction is the first one
    await client.ok(RESOLVE, { id: r.id, i: { solution: 'Заменили картридж' } });
    expect((await client.ok(RATE, { id: r.id, s: 5 })).rateClientRequest.satisfaction).toBe(5);
    const closed = (await client.ok(CLOSE, { id: r.id })).closeClientRequest;
    expect(closed).toMatchObject({ state: 'CLOSED', solution: 'Заменили картридж', satisfaction: 5 });
    expect(closed.closedAt).not.toBeNull();
    expect((await client.ok(RATE, { id: r.id, s: 4 })).rateClientRequest.satisfaction).toBe(4);

    const states = (await t.factories.auditOf(r.id))
      .map((a: { changes: Array<{ field: string; new: unknown }> }) => a.changes.find((c) => c.field === 'state')?.new)
      .filter(Boolean);
    expect(states).toEqual(['REGISTERED', 'IN_PROGRESS', 'WAITING_FOR_CLIENT', 'IN_PROGRESS', 'RESOLVED', 'REOPENED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
  });

  it.each([
    ['resolve a registered request', RESOLVE, { i: { solution: 'x' } }, 'REGISTERED'],
    ['close a registered request', CLOSE, {}, 'REGISTERED'],
    ['reopen a registered request', REOPEN, {}, 'REGISTERED'],
    ['resume a request that is not waiting', RESUME, {}, 'REGISTERED'],
    ['put a registered request on hold', SUSPEND, {}, 'REGISTERED'],
    ['rate a registered request', RATE, { s: 3 }, 'REGISTERED'],
  ])('refuses to %s (CONFLICT ILLEGAL_TRANSITION), changing nothing', async (_what, mutation, vars, state) => {
    const { client, counterparty } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id });
    const res = await client.gql(mutation, { id: r.id, ...vars });
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', state });
    expect(await versionOf(r.id)).toBe(1);
    expect(await t.factories.auditOf(r.id)).toHaveLength(1);
  });

  it('refuses to change, reject or take a closed or rejected request', async () => {
    const { client, counterparty } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id });
    const rejected = (await client.ok(REJECT, { id: r.id, r: 'Спам' })).rejectClientRequest;
    expect(rejected).toMatchObject({ state: 'REJECTED', rejectReason: 'Спам' });
    for (const [m, vars] of [
      [UPDATE, { i: { version: rejected.version, subject: 'new' } }],
      [REJECT, { r: 'again' }],
      [TAKE, {}],
      [REOPEN, {}],
    ] as const) {
      expect(errorOf(await client.gql(m, { id: r.id, ...vars }))).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', state: 'REJECTED' });
    }
    expect(await versionOf(r.id)).toBe(rejected.version);
  });

  it('refuses a blank solution or reason, a satisfaction out of 1–5, and a stale version', async () => {
    const { client, counterparty } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id });
    expect(errorOf(await client.gql(REJECT, { id: r.id, r: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    await client.ok(TAKE, { id: r.id });
    expect(errorOf(await client.gql(RESOLVE, { id: r.id, i: { solution: '' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'solution' });
    expect(errorOf(await client.gql(RESOLVE, { id: r.id, i: { solution: '   ' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'solution', reason: 'REQUIRED' });
    await client.ok(RESOLVE, { id: r.id, i: { solution: 'ok' } });
    expect(errorOf(await client.gql(RATE, { id: r.id, s: 6 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'satisfaction' });
    expect(errorOf(await client.gql(RATE, { id: r.id, s: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'satisfaction' });
    const version = await versionOf(r.id);
    expect(errorOf(await client.gql(UPDATE, { id: r.id, i: { version: version - 1, subject: 'stale' } }))).toMatchObject({ code: 'CONFLICT' });
    expect(await versionOf(r.id)).toBe(version);
  });

  it('updates fields with the version; a new priority recounts the deadlines', async () => {
    const { client, counterparty, person } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id, priority: 'LOW' });
    const u = (await client.ok(UPDATE, { id: r.id, i: { version: 1, priority: 'URGENT', subject: 'Срочно', contactPersonId: person.id, description: null } })).updateClientRequest;
    expect(u).toMatchObject({ priority: 'URGENT', subject: 'Срочно', contactPersonId: person.id, version: 2, description: null });
    expect(Date.parse(u.reactionDeadline)).toBeLessThan(Date.parse(r.reactionDeadline));
    const [last] = (await t.factories.auditOf(r.id)).slice(-1);
    expect(last.changes.map((c: { field: string }) => c.field).sort()).toEqual(['contactPersonId', 'priority', 'reactionDeadline', 'resolutionDeadline', 'subject'].sort());
    // Removing both sides of the client is refused.
    expect(errorOf(await client.gql(UPDATE, { id: r.id, i: { version: 2, counterpartyId: null, contactPersonId: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartyId' });
  });
});

describe('access', () => {
  it("hides a manager's request from another manager everywhere; the supervisor and admin see it; a service engineer reads but does not change", async () => {
    const { client: boss, user: bossUser } = await t.as(Role.SUPERVISOR);
    const { client: a, counterparty } = await managerWithClient({ supervisorId: bossUser.id });
    const { client: b } = await managerWithClient();
    const r = await create(a, { counterpartyId: counterparty.id });

    expect(errorOf(await b.gql(GET, { id: r.id }))?.code).toBe('NOT_FOUND');
    expect((await b.ok(LIST, { f: { search: r.number } })).clientRequests.totalCount).toBe(0);
    for (const [m, vars] of [
      [TAKE, {}],
      [UPDATE, { i: { version: 1, subject: 'hijack' } }],
      [REJECT, { r: 'no' }],
      [CONFIRM, {}],
      [SAVE_AS_SOLUTION, {}],
    ] as const) {
      expect(errorOf(await b.gql(m, { id: r.id, ...vars }))?.code).toBe('NOT_FOUND');
    }
    expect(await versionOf(r.id)).toBe(1);

    expect((await boss.ok(GET, { id: r.id })).clientRequest.id).toBe(r.id);
    expect((await boss.ok(LIST, { f: { search: r.number } })).clientRequests.totalCount).toBe(1);
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    expect((await admin.ok(GET, { id: r.id })).clientRequest.id).toBe(r.id);

    const { client: engineer } = await t.as(Role.SERVICE_ENGINEER);
    const seen = (await engineer.ok(GET, { id: r.id })).clientRequest;
    expect(seen.viewerCan.takeIntoWork).toBe(false);
    expect(errorOf(await engineer.gql(TAKE, { id: r.id }))?.code).toBe('FORBIDDEN');
    // The supervisor works on the team's requests.
    expect((await boss.ok(TAKE, { id: r.id })).takeClientRequestIntoWork.state).toBe('IN_PROGRESS');
  });

  it('filters and pages the list and counts the badge within my scope', async () => {
    const { client, user, counterparty } = await managerWithClient();
    const made: Req[] = [];
    for (let i = 0; i < 3; i++) made.push(await create(client, { counterpartyId: counterparty.id, critical: i === 0, kind: i === 2 ? 'SERVICE' : 'QUESTION' }));
    await client.ok(TAKE, { id: made[1].id });
    const page1 = (await client.ok(LIST, { first: 2 })).clientRequests;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([made[2].id, made[1].id]);
    const page2 = (await client.ok(LIST, { first: 2, after: page1.pageInfo.endCursor })).clientRequests;
    expect(page2.edges.map((e: any) => e.node.id)).toEqual([made[0].id]);
    expect((await client.ok(LIST, { f: { critical: true } })).clientRequests.edges.map((e: any) => e.node.id)).toEqual([made[0].id]);
    expect((await client.ok(LIST, { f: { state: 'IN_PROGRESS' } })).clientRequests.edges.map((e: any) => e.node.id)).toEqual([made[1].id]);
    expect((await client.ok(LIST, { f: { kind: 'SERVICE', responsibleId: user.id } })).clientRequests.edges.map((e: any) => e.node.id)).toEqual([made[2].id]);
    expect((await client.ok(LIST, { f: { counterpartyId: counterparty.id, open: true } })).clientRequests.totalCount).toBe(3);
    const asc = (await client.ok(LIST, { o: { field: 'REGISTERED_AT', direction: 'ASC' } })).clientRequests;
    expect(asc.edges[0].node.id).toBe(made[0].id);
    expect((await client.ok(COUNTS)).clientRequestCounts).toEqual({ open: 3, mine: 3, critical: 1, breached: 0, aboutToBreach: 0 });
    expect(errorOf(await client.gql(LIST, { after: 'garbage' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('knowledge in the solution', () => {
  it('records an applied published article and counts its use in the same change; refuses a draft', async () => {
    const { client, counterparty } = await managerWithClient();
    const { client: editor } = await t.as(Role.SERVICE_ENGINEER);
    const article = (await editor.ok(CREATE_ARTICLE, { i: { kind: 'SOLUTION', title: unique('Печать '), body: 'Переустановить драйвер', published: true } })).createKnowledgeArticle;
    const draft = (await editor.ok(CREATE_ARTICLE, { i: { kind: 'SOLUTION', title: unique('Черновик '), body: 'x' } })).createKnowledgeArticle;
    const r = await create(client, { counterpartyId: counterparty.id });
    await client.ok(TAKE, { id: r.id });
    expect(errorOf(await client.gql(RESOLVE, { id: r.id, i: { solution: 'x', knowledgeArticleId: draft.id } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'knowledgeArticleId' });
    expect(errorOf(await client.gql(RESOLVE, { id: r.id, i: { solution: 'x', knowledgeArticleId: '00000000-0000-4000-8000-000000000000' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'knowledgeArticleId',
      reason: 'NOT_FOUND',
    });
    const resolved = (await client.ok(RESOLVE, { id: r.id, i: { solution: 'Переустановили драйвер', knowledgeArticleId: article.id } })).resolveClientRequest;
    expect(resolved.knowledgeArticleId).toBe(article.id);
    expect(resolved.knowledgeArticle).toEqual({ id: article.id, usageCount: 1 });
  });

  it('saves a resolved request as a draft SOLUTION article, once', async () => {
    const { client, user, counterparty } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id, subject: 'Не печатается счёт', description: 'Принтер молчит' });
    expect(errorOf(await client.gql(SAVE_AS_SOLUTION, { id: r.id }))).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    await client.ok(TAKE, { id: r.id });
    await client.ok(RESOLVE, { id: r.id, i: { solution: 'Включить принтер' } });
    const a = (await client.ok(SAVE_AS_SOLUTION, { id: r.id })).saveClientRequestAsSolution;
    expect(a).toMatchObject({ kind: 'SOLUTION', title: 'Не печатается счёт', published: false, sourceRequestId: r.id, authorId: user.id, productIds: [] });
    expect(a.body).toContain('Принтер молчит');
    expect(a.body).toContain('Включить принтер');
    expect(errorOf(await client.gql(SAVE_AS_SOLUTION, { id: r.id }))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SAVED' });
    expect(await t.factories.count('knowledge_articles', 'source_request_id = $1', [r.id])).toBe(1);
  });
});

describe('the card', () => {
  it('shows the events entered based on the request, which inherit its client, and the history', async () => {
    const { client, counterparty, person } = await managerWithClient();
    const r = await create(client, { counterpartyId: counterparty.id, contactPersonId: person.id });
    const e = (
      await client.ok(CREATE_EVENT, { i: { kind: 'CALL', subject: 'Перезвонить', start: new Date(Date.now() + 3600_000).toISOString(), basedOn: { type: 'CLIENT_REQUEST', id: r.id } } })
    ).createEvent;
    expect(e).toMatchObject({ counterpartyId: counterparty.id, contactPersonId: person.id, basedOn: { type: 'CLIENT_REQUEST', id: r.id, title: `${r.number} ${r.subject}` } });
    await client.ok(TAKE, { id: r.id });
    const card = (await client.ok(CARD, { id: r.id })).clientRequest;
    expect(card.events.edges.map((x: any) => x.node.id)).toEqual([e.id]);
    expect(card.history.totalCount).toBe(2);
    expect(card.history.edges[0].node.action).toBe('UPDATE');
    expect(card).toMatchObject({ counterparty: { id: counterparty.id }, contactPerson: { id: person.id } });
  });
});

describe('SLA rules', () => {
  it('lists the twelve rules; an administrator changes one with the version; others may not; the resolution is not shorter than the reaction', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const rules = (await admin.ok(RULES)).clientRequestSlaRules;
    expect(rules).toHaveLength(12);
    const rule = rules.find((x: any) => x.kind === 'SERVICE' && x.priority === 'LOW');
    const changed = (await admin.ok(SET_RULE, { i: { kind: 'SERVICE', priority: 'LOW', reactionMinutes: rule.reactionMinutes, resolutionMinutes: rule.resolutionMinutes + 60, version: rule.version } })).setClientRequestSlaRule;
    expect(changed).toMatchObject({ resolutionMinutes: rule.resolutionMinutes + 60, version: rule.version + 1 });
    expect(errorOf(await admin.gql(SET_RULE, { i: { kind: 'SERVICE', priority: 'LOW', reactionMinutes: 60, resolutionMinutes: 600, version: rule.version } }))?.code).toBe('CONFLICT');
    expect(errorOf(await admin.gql(SET_RULE, { i: { kind: 'SERVICE', priority: 'LOW', reactionMinutes: 600, resolutionMinutes: 60, version: changed.version } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'resolutionMinutes',
    });
    const { client: boss } = await t.as(Role.SUPERVISOR);
    expect(errorOf(await boss.gql(SET_RULE, { i: { kind: 'SERVICE', priority: 'LOW', reactionMinutes: 60, resolutionMinutes: 600, version: changed.version } }))?.code).toBe('FORBIDDEN');
    // Put it back for the worker's other files.
    await admin.ok(SET_RULE, { i: { kind: 'SERVICE', priority: 'LOW', reactionMinutes: rule.reactionMinutes, resolutionMinutes: rule.resolutionMinutes, version: changed.version } });
  });
});


describe('clientRequestChanged', () => {
  const CHANGED = `subscription { clientRequestChanged { id request { id state version } } }`;
  type Changed = { clientRequestChanged: { id: string; request: { id: string; state: string; version: number } | null } };

  it("reaches the responsible and their supervisor when a request changes, and no one else", async () => {
    const { client: boss, user: bossUser } = await t.as(Role.SUPERVISOR);
    const { client, counterparty } = await managerWithClient({ supervisorId: bossUser.id });
    const { client: stranger, counterparty: strangerClient } = await managerWithClient();
    const tabs = await Promise.all([client, boss, stranger].map((c) => subscribe<Changed>(c, CHANGED)));
    try {
      // Live once a request of each tab's own arrives (the stranger's own request proves theirs).
      const [mine, bossTab, strangerTab] = tabs;
      for (const [tab, owner, cp] of [
        [mine, client, counterparty],
        [bossTab, client, counterparty],
        [strangerTab, stranger, strangerClient],
      ] as const) {
        await tab.live(async () => {
          const probe = await create(owner, { counterpartyId: cp.id, subject: 'probe' });
          return (m) => m.clientRequestChanged.id === probe.id;
        });
      }
      const r = await create(client, { counterpartyId: counterparty.id });
      for (const tab of [mine, bossTab]) expect((await tab.nextWhere((m) => m.clientRequestChanged.id === r.id)).clientRequestChanged.request).toMatchObject({ state: 'REGISTERED' });
      await client.ok(TAKE, { id: r.id });
      for (const tab of [mine, bossTab]) expect((await tab.nextWhere((m) => m.clientRequestChanged.id === r.id)).clientRequestChanged.request).toMatchObject({ state: 'IN_PROGRESS', version: 2 });
      const own = await create(stranger, { counterpartyId: strangerClient.id });
      expect((await strangerTab.next()).clientRequestChanged.id).toBe(own.id); // nothing of the other team's came before it
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  });
});
