import { startTestServer, subscribe, unique, type Subscription, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { EventState } from '../../activities/activities.enums';
import { salesFactories } from './interests.testing';
import { SalesScenarioService, SCENARIOS_CACHE } from './sales-scenario.service';
import { CacheBus } from '../../../core/cache-bus';

const BOARD = `query($sid: ID, $f: ClientInterestBoardFilter, $n: Int) { clientInterestBoard(scenarioId: $sid, filter: $f, cardsPerColumn: $n) {
  scenario { id } totalCount plannedAmount weightedAmount
  columns { stage { id semantic } count plannedAmount weightedAmount cards { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } } }`;
const LIST = `query($first: Int, $after: String, $f: ClientInterestFilter, $o: ClientInterestOrder) { clientInterests(first: $first, after: $after, filter: $f, orderBy: $o) {
  totalCount edges { node { id plannedAmount } } pageInfo { hasNextPage endCursor } } }`;
const STALLED = `query($days: Int, $first: Int, $after: String) { stalledClientInterests(days: $days, first: $first, after: $after) {
  totalCount edges { node { id lastActivityAt } } pageInfo { hasNextPage endCursor } } }`;
const GET = `query($id: ID!) { clientInterest(id: $id) { id } }`;
/** The board as the web asks for it (apps/web …/interest.graphql.ts, ClientInterestBoard). */
const WEB_BOARD = `query ClientInterestBoard($scenarioId: ID, $filter: ClientInterestBoardFilter, $cardsPerColumn: Int!) {
  clientInterestBoard(scenarioId: $scenarioId, filter: $filter, cardsPerColumn: $cardsPerColumn) {
    totalCount plannedAmount weightedAmount
    scenario { id name }
    columns { count plannedAmount weightedAmount stage { ...SalesStageFields } cards { edges { node { ...InterestCardFields } } } }
  }
}
fragment SalesStageFields on SalesStage { id name probability semantic sort }
fragment InterestCardFields on ClientInterest {
  id number state need plannedAmount probability plannedCloseDate counterparty { id name } responsible { id fullName } viewerCan { move }
}`;
const MOVE = `mutation($id: ID!, $stageId: ID!) { moveClientInterestToStage(id: $id, stageId: $stageId) { id } }`;

let t: TestServer;
let s: ReturnType<typeof salesFactories>;
beforeAll(async () => {
  t = await startTestServer();
  s = salesFactories(t);
});
afterAll(() => t.close());

const ids = (conn: { edges: Array<{ node: { id: string } }> }) => conn.edges.map((e) => e.node.id);

/** Moves an interest's creation back in time: stalled means "older than N days and no event since". */
const age = (id: string, days: number) => t.app.db.query(`UPDATE client_interests SET created_at = now() - make_interval(days => $2::int) WHERE id = $1`, [id, days]);

describe('row scope', () => {
  it("a manager neither sees nor moves a colleague's interest (by id, list, board, stalled, counterparty card); their supervisor does", async () => {
    const { user: sup, client: supervisor } = await t.as(Role.SUPERVISOR);
    const a = await t.as(Role.MANAGER, { supervisorId: sup.id });
    const b = await t.as(Role.MANAGER);
    const { working } = await s.defaultScenario();
    const theirs = await s.interest(a.user, { plannedAmount: '100' });
    await age(theirs.id, 40);

    expect((await b.client.gql(GET, { id: theirs.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const move = await b.client.gql(MOVE, { id: theirs.id, stageId: working[1].id });
    expect(move.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await s.historyOf(theirs.id))).toHaveLength(1);
    expect(ids((await b.client.ok(LIST, { first: 500 })).clientInterests)).not.toContain(theirs.id);
    expect(ids((await b.client.ok(LIST, { f: { counterpartyId: theirs.counterpartyId } })).clientInterests)).toEqual([]);
    const bBoard = (await b.client.ok(BOARD, {})).clientInterestBoard;
    expect(bBoard.totalCount).toBe(0);
    expect((await b.client.ok(STALLED, { days: 14 })).stalledClientInterests.totalCount).toBe(0);
    const card = await b.client.gql(`query($id: ID!) { counterparty(id: $id) { clientInterests { totalCount } } }`, { id: theirs.counterpartyId });
    expect(card.errors?.[0].extensions.code).toBe('NOT_FOUND');

    // The supervisor of A sees it everywhere, and may move it.
    expect((await supervisor.ok(GET, { id: theirs.id })).clientInterest.id).toBe(theirs.id);
    expect(ids((await supervisor.ok(LIST, { f: { responsibleId: a.user.id } })).clientInterests)).toEqual([theirs.id]);
    const supBoard = (await supervisor.ok(BOARD, { f: { responsibleId: a.user.id } })).clientInterestBoard;
    expect(supBoard.totalCount).toBe(1);
    expect(ids((await supervisor.ok(STALLED, { days: 14 })).stalledClientInterests)).toContain(theirs.id);
    const supCard = await supervisor.ok(`query($id: ID!) { counterparty(id: $id) { clientInterests { edges { node { id } } } } }`, { id: theirs.counterpartyId });
    expect(ids(supCard.counterparty.clientInterests)).toEqual([theirs.id]);
    await supervisor.ok(MOVE, { id: theirs.id, stageId: working[1].id });
    // A's own view; another supervisor sees nothing of it.
    expect(ids((await a.client.ok(LIST, {})).clientInterests)).toEqual([theirs.id]);
    const { client: otherSup } = await t.as(Role.SUPERVISOR);
    expect((await otherSup.gql(GET, { id: theirs.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('clientInterestBoard', () => {
  it('counts, sums and weighs each stage, pages a column by its cursor, and drops long-closed cards', async () => {
    const { user, client } = await t.as(Role.MANAGER);
    const { scenario, working, success, failure } = await s.defaultScenario();
    const first = [await s.interest(user, { plannedAmount: '100.00' }), await s.interest(user, { plannedAmount: '200.50' }), await s.interest(user, { plannedAmount: '0.15' })];
    const second = await s.interest(user, { plannedAmount: '1000', stageId: working[1].id });
    const won = await s.interest(user, { plannedAmount: '5000' });
    await client.ok(`mutation($id: ID!) { markClientInterestWon(id: $id) { id } }`, { id: won.id });
    const oldLost = await s.interest(user, { plannedAmount: '7000' });
    await client.ok(`mutation($id: ID!, $r: ID!) { markClientInterestLost(id: $id, input: { lossReasonId: $r }) { id } }`, { id: oldLost.id, r: await s.lossReasonId() });
    await t.app.db.query(`UPDATE client_interests SET actual_close_date = current_date - 90 WHERE id = $1`, [oldLost.id]);

    const board = (await client.ok(BOARD, { n: 2 })).clientInterestBoard;
    expect(board.scenario.id).toBe(scenario.id);
    const col = (id: string) => board.columns.find((c: { stage: { id: string } }) => c.stage.id === id);
    expect(board.columns.map((c: { stage: { id: string } }) => c.stage.id)).toEqual((await s.defaultScenario()).stages.map((st) => st.id));
    // 100 + 200.50 + 0.15 at 10 %: weighted 30.065 → 30.07 (rounded once, on the column's sum).
    expect(col(working[0].id)).toMatchObject({ count: 3, plannedAmount: '300.65', weightedAmount: '30.07' });
    expect(col(working[1].id)).toMatchObject({ count: 1, plannedAmount: '1000.00', weightedAmount: '250.00' });
    expect(col(success.id)).toMatchObject({ count: 1, plannedAmount: '5000.00', weightedAmount: '5000.00' });
    expect(col(failure.id)).toMatchObject({ count: 0, plannedAmount: '0.00' });
    expect(board).toMatchObject({ totalCount: 5, plannedAmount: '6300.65', weightedAmount: '5280.07' });
    expect(ids(col(working[1].id).cards)).toEqual([second.id]);

    // Newest first, two per page; the next page comes from the list with the same filter and the column's stage.
    const column = col(working[0].id).cards;
    expect(column).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(ids(column)).toEqual([first[2].id, first[1].id]);
    const rest = (await client.ok(LIST, { first: 2, after: column.pageInfo.endCursor, f: { scenarioId: scenario.id, stageId: working[0].id, closedWithinDays: 30 } })).clientInterests;
    expect(ids(rest)).toEqual([first[0].id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    // The lost one shows when the window is wide enough.
    const wide = (await client.ok(BOARD, { f: { closedWithinDays: 365 } })).clientInterestBoard;
    expect(wide.columns.find((c: { stage: { id: string } }) => c.stage.id === failure.id)).toMatchObject({ count: 1, plannedAmount: '7000.00', weightedAmount: '0.00' });
  });

  it('refuses a scenario that does not exist and an out-of-range page size', async () => {
    const { client } = await t.as(Role.MANAGER);
    expect((await client.gql(BOARD, { sid: '5f0c6a0e-0000-4000-8000-00000000000d' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scenarioId' });
    expect((await client.gql(BOARD, { n: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cardsPerColumn' });
    expect((await t.anonymous().gql(BOARD, {})).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('costs a fixed number of SQL statements whatever the number of cards', async () => {
    const { user, client } = await t.as(Role.MANAGER);
    const product = await s.product();
    const nested = `query { clientInterestBoard { columns { count cards { edges { node { id number stage { name } counterparty { name } responsible { fullName }
      lines { product { name } } competitors { id } viewerCan { move } } } } } } }`;
    await s.interest(user, { lines: [{ productId: product.id, quantity: '1' }] });
    const few = (await client.gql(nested)).sql;
    for (let i = 0; i < 4; i++) await s.interest(user, { lines: [{ productId: product.id, quantity: '2' }] });
    const many = await client.gql(nested);
    expect(many.errors).toBeUndefined();
    expect(many.sql).toBe(few);
  });

  it("as the web asks for it: one statement for the totals, the cards and their clients, one for the responsible's name", async () => {
    const { user, client } = await t.as(Role.MANAGER);
    await s.interest(user);
    // The first board reads the scenario with its stages (one statement), later ones find them cached.
    expect((await client.gql(WEB_BOARD, { cardsPerColumn: 30 })).errors).toBeUndefined();
    const few = await client.gql(WEB_BOARD, { cardsPerColumn: 30 });
    expect(few.errors).toBeUndefined();
    // Here the user directory is not cached (CRM_AUTH_CACHE_MS=0): the sign-in check, the board, the names.
    expect(few.sql).toBe(3);
    const { working } = await s.defaultScenario();
    for (let i = 0; i < 4; i++) await s.interest(user, { stageId: working[i % 2].id });
    const many = await client.gql(WEB_BOARD, { cardsPerColumn: 30 });
    expect(many.sql).toBe(3);
    const cards = many.data!.clientInterestBoard.columns.flatMap((c: { cards: { edges: Array<{ node: unknown }> } }) => c.cards.edges.map((e) => e.node));
    expect(cards).toHaveLength(5);
    for (const card of cards) expect(card).toMatchObject({ counterparty: { name: expect.any(String) }, responsible: { id: user.id, fullName: user.fullName } });
  });

  it("names a card's client only when it is in my scope, as the client of the interest itself", async () => {
    const { user: sup, client: supervisor } = await t.as(Role.SUPERVISOR);
    const a = await t.as(Role.MANAGER, { supervisorId: sup.id });
    const b = await t.as(Role.MANAGER);
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    // A's interest whose client was handed to B since, and one with A's own client.
    const foreign = await s.interest(a.user);
    await t.app.db.query(`UPDATE counterparties SET responsible_id = $2 WHERE id = $1`, [foreign.counterpartyId, b.user.id]);
    const own = await s.interest(a.user);
    const clientOnBoard = async (c: typeof admin, id: string) => {
      const board = (await c.ok(WEB_BOARD, { filter: { responsibleId: a.user.id }, cardsPerColumn: 100 })).clientInterestBoard;
      const edge = board.columns.flatMap((col: { cards: { edges: Array<{ node: { id: string; counterparty: unknown } }> } }) => col.cards.edges).find((e: { node: { id: string } }) => e.node.id === id);
      return edge!.node.counterparty;
    };
    const clientOfInterest = async (c: typeof admin, id: string) => (await c.ok(`query($id: ID!) { clientInterest(id: $id) { counterparty { id name } } }`, { id })).clientInterest.counterparty;
    for (const c of [a.client, supervisor]) {
      expect(await clientOnBoard(c, foreign.id)).toBeNull();
      expect(await clientOfInterest(c, foreign.id)).toBeNull();
      expect(await clientOnBoard(c, own.id)).toMatchObject({ id: own.counterpartyId });
      expect(await clientOnBoard(c, own.id)).toEqual(await clientOfInterest(c, own.id));
    }
    expect(await clientOnBoard(admin, foreign.id)).toMatchObject({ id: foreign.counterpartyId });
    expect(await clientOnBoard(admin, foreign.id)).toEqual(await clientOfInterest(admin, foreign.id));
  });

  it('shows a change to its scenario or stages at once, and the default scenario as it is now', async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client } = await t.as(Role.MANAGER);
    const original = (await s.defaultScenario()).scenario;
    const other = await s.otherScenario();
    const stagesOf = async (sid?: string) => {
      const board = (await client.ok(WEB_BOARD, { scenarioId: sid, cardsPerColumn: 1 })).clientInterestBoard;
      return { scenario: board.scenario, stages: board.columns.map((c: { stage: { name: string; probability: number } }) => `${c.stage.name} ${c.stage.probability}`) };
    };
    expect((await stagesOf(other.scenario.id)).stages).toEqual(['Начало 20', 'Выиграно 100', 'Проиграно 0']);
    const added = (await admin.ok(`mutation($i: CreateSalesStageInput!) { createSalesStage(input: $i) { id version } }`, { i: { scenarioId: other.scenario.id, name: 'Переговоры', probability: 60 } })).createSalesStage;
    expect((await stagesOf(other.scenario.id)).stages).toEqual(['Начало 20', 'Переговоры 60', 'Выиграно 100', 'Проиграно 0']);
    await admin.ok(`mutation($id: ID!, $i: UpdateSalesStageInput!) { updateSalesStage(id: $id, input: $i) { id } }`, { id: added.id, i: { version: added.version, name: 'Торг', probability: 70 } });
    expect((await stagesOf(other.scenario.id)).stages).toEqual(['Начало 20', 'Торг 70', 'Выиграно 100', 'Проиграно 0']);
    await admin.ok(`mutation($id: ID!) { deleteSalesStage(id: $id) }`, { id: added.id });
    expect((await stagesOf(other.scenario.id)).stages).toEqual(['Начало 20', 'Выиграно 100', 'Проиграно 0']);

    // The default one moves to the other scenario and back: the board without a scenario follows.
    expect((await stagesOf()).scenario.id).toBe(original.id);
    const make = async (id: string, name?: string) => {
      const { version } = (await admin.ok(`query($id: ID!) { salesScenario(id: $id) { version } }`, { id })).salesScenario;
      await admin.ok(`mutation($id: ID!, $i: UpdateSalesScenarioInput!) { updateSalesScenario(id: $id, input: $i) { id } }`, { id, i: { version, isDefault: true, name } });
    };
    try {
      await make(other.scenario.id, 'Новое имя');
      expect((await stagesOf()).scenario).toEqual({ id: other.scenario.id, name: 'Новое имя' });
    } finally {
      await make(original.id);
    }
    expect((await stagesOf()).scenario.id).toBe(original.id);
  });

  it("empties the scenarios' cache of every instance when one changes a stage", async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const other = await s.otherScenario();
    // Another instance of the server: its own cache, the same database and pub/sub.
    const bus = new CacheBus(t.app.services.pubSub);
    const there = new SalesScenarioService(t.app.db, t.app.services.audit, bus);
    try {
      await new Promise((r) => setImmediate(r)); // listening
      expect((await there.withStages(other.scenario.id))!.stages.map((st) => st.name)).toEqual(['Начало', 'Выиграно', 'Проиграно']);
      // Cached there: a change behind the services' back is not seen…
      await t.app.db.query(`UPDATE sales_stages SET probability = 35 WHERE id = $1`, [other.stages[0].id]);
      expect((await there.withStages(other.scenario.id))!.stages[0].probability).toBe(20);
      // …until a change through this instance's services tells it.
      const dropped = new Promise((resolve) => bus.on(SCENARIOS_CACHE, resolve));
      const { version } = (await admin.ok(`query($id: ID!) { salesStage: salesScenario(id: $id) { version } }`, { id: other.scenario.id })).salesStage;
      await admin.ok(`mutation($id: ID!, $i: UpdateSalesScenarioInput!) { updateSalesScenario(id: $id, input: $i) { id } }`, { id: other.scenario.id, i: { version, name: 'Переименован' } });
      await dropped;
      const fresh = (await there.withStages(other.scenario.id))!;
      expect(fresh.scenario.name).toBe('Переименован');
      expect(fresh.stages[0].probability).toBe(35);
    } finally {
      await bus.close();
    }
  });
});

describe('clientInterests list', () => {
  it('filters by state, stage and search, sorts by amount, and costs a fixed number of statements per page', async () => {
    const { user, client } = await t.as(Role.MANAGER);
    const cp = await t.factories.counterparty(user, { name: `ООО «${unique('Ромашка')}»` });
    const { working } = await s.defaultScenario();
    const a = await s.interest(user, { counterpartyId: cp.id, plannedAmount: '10', need: 'Поставка серверов' });
    const b = await s.interest(user, { plannedAmount: '30', stageId: working[1].id });
    const c = await s.interest(user, { plannedAmount: '20' });
    await client.ok(`mutation($id: ID!) { suspendClientInterest(id: $id) { id } }`, { id: c.id });
    expect(ids((await client.ok(LIST, { f: { state: 'SUSPENDED' } })).clientInterests)).toEqual([c.id]);
    expect(ids((await client.ok(LIST, { f: { stageId: working[1].id } })).clientInterests)).toEqual([b.id]);
    expect(ids((await client.ok(LIST, { f: { search: 'серверов' } })).clientInterests)).toEqual([a.id]);
    expect(ids((await client.ok(LIST, { f: { search: cp.name.slice(5, 15) } })).clientInterests)).toEqual([a.id]);
    expect(ids((await client.ok(LIST, { f: { search: a.number } })).clientInterests)).toEqual([a.id]);
    const p1 = (await client.ok(LIST, { first: 2, o: { field: 'PLANNED_AMOUNT', direction: 'DESC' } })).clientInterests;
    expect(ids(p1)).toEqual([b.id, c.id]);
    const p2 = (await client.ok(LIST, { first: 2, after: p1.pageInfo.endCursor, o: { field: 'PLANNED_AMOUNT', direction: 'DESC' } })).clientInterests;
    expect(ids(p2)).toEqual([a.id]);
    const bad = await client.gql(LIST, { after: p1.pageInfo.endCursor, o: { field: 'CREATED_AT' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const nested = `query { clientInterests(first: 50) { edges { node { id stage { name } scenario { name } counterparty { name } lines { product { name } }
      competitors { id } lastActivityAt weightedAmount lossReason { name } viewerCan { update } } } } }`;
    const three = (await client.gql(nested)).sql;
    await s.interest(user);
    await s.interest(user);
    expect((await client.gql(nested)).sql).toBe(three);
  });
});

describe('Counterparty.clientInterests', () => {
  it('pages each counterparty\'s interests, all counterparties of a page in a fixed number of statements', async () => {
    const { user, client } = await t.as(Role.MANAGER);
    const tag = unique('Карточка');
    const a = await t.factories.counterparty(user, { name: `${tag} A` });
    await t.factories.counterparty(user, { name: `${tag} B` });
    const a1 = await s.interest(user, { counterpartyId: a.id });
    const a2 = await s.interest(user, { counterpartyId: a.id });
    const q = `query($s: String) { counterparties(first: 50, filter: { search: $s }) { edges { node { name
      clientInterests(first: 1) { totalCount edges { node { id stage { name } } } pageInfo { hasNextPage endCursor } } } } } }`;
    const first = await client.gql(q, { s: tag });
    expect(first.errors).toBeUndefined();
    const byName = Object.fromEntries(first.data!.counterparties.edges.map((e: { node: { name: string; clientInterests: unknown } }) => [e.node.name, e.node.clientInterests]));
    expect(byName[`${tag} A`]).toMatchObject({ totalCount: 2, edges: [{ node: { id: a2.id } }], pageInfo: { hasNextPage: true } });
    expect(byName[`${tag} B`]).toMatchObject({ totalCount: 0, edges: [] });
    const next = await client.ok(`query($id: ID!, $after: String) { counterparty(id: $id) { clientInterests(first: 1, after: $after) { edges { node { id } } } } }`, {
      id: a.id,
      after: byName[`${tag} A`].pageInfo.endCursor,
    });
    expect(ids(next.counterparty.clientInterests)).toEqual([a1.id]);
    for (let i = 0; i < 3; i++) await s.interest(user, { counterpartyId: (await t.factories.counterparty(user, { name: `${tag} more ${i}` })).id });
    const more = await client.gql(q, { s: tag });
    expect(more.data!.counterparties.edges).toHaveLength(5);
    expect(more.sql).toBe(first.sql);
  });
});

describe('stalledClientInterests', () => {
  it('lists my active interests with no event for N days, based on them or with their client', async () => {
    const { user, client } = await t.as(Role.MANAGER);
    const quiet = await s.interest(user);
    const calledClient = await s.interest(user);
    const calledAboutIt = await s.interest(user);
    const plannedAhead = await s.interest(user);
    const fresh = await s.interest(user);
    const suspended = await s.interest(user);
    for (const ci of [quiet, calledClient, calledAboutIt, plannedAhead, suspended]) await age(ci.id, 30);
    await client.ok(`mutation($id: ID!) { suspendClientInterest(id: $id) { id } }`, { id: suspended.id });
    const daysAgo = (d: number) => new Date(Date.now() - d * 86400_000);
    await t.factories.event(user, { counterpartyId: calledClient.counterpartyId, start: daysAgo(3), state: EventState.COMPLETED, result: 'Поговорили' });
    await t.factories.event(user, { basedOn: { type: 'CLIENT_INTEREST' as never, id: calledAboutIt.id }, counterpartyId: (await t.factories.counterparty(user)).id, start: daysAgo(5), state: EventState.COMPLETED, result: 'ok' });
    await t.factories.event(user, { counterpartyId: plannedAhead.counterpartyId, start: new Date(Date.now() + 2 * 86400_000) });
    // An old call does not count as recent activity, but shows as the last one.
    const old = await t.factories.event(user, { counterpartyId: quiet.counterpartyId, start: daysAgo(20), state: EventState.COMPLETED, result: 'давно' });

    const stalled = (await client.ok(STALLED, { days: 14 })).stalledClientInterests;
    expect(ids(stalled)).toEqual([quiet.id]);
    expect(new Date(stalled.edges[0].node.lastActivityAt).getTime()).toBe(old.start.getTime());
    expect(ids((await client.ok(LIST, { f: { stalledDays: 14 } })).clientInterests)).toEqual([quiet.id]);
    // Over 25 days nothing but the call 20 days ago: the quiet one is not stalled then.
    expect(ids((await client.ok(STALLED, { days: 25 })).stalledClientInterests)).toEqual([]);
    expect(fresh.state).toBe('ACTIVE');
    expect((await client.gql(STALLED, { days: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
  });
});

describe('clientInterestChanged', () => {
  const CHANGED = `subscription { clientInterestChanged { id interest { id state stage { id } responsible { id } } } }`;
  type Change = { clientInterestChanged: { id: string; interest: { id: string; state: string; stage: { id: string }; responsible: { id: string } } | null } };
  const open: Array<Subscription<Change>> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  const tab = async (client: Parameters<typeof subscribe>[0]) => {
    const sub = await subscribe<Change>(client, CHANGED);
    open.push(sub);
    return sub;
  };
  const about = (id: string) => (d: Change) => d.clientInterestChanged.id === id;

  it("pushes a colleague's move to the manager's and the supervisor's open boards, nothing to another team, and null once it leaves the scope", async () => {
    const { user: sup, client: supervisor } = await t.as(Role.SUPERVISOR);
    const a = await t.as(Role.MANAGER, { supervisorId: sup.id });
    const b = await t.as(Role.MANAGER);
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { working } = await s.defaultScenario();
    const supTab = await tab(supervisor);
    const aTab = await tab(a.client);
    const bTab = await tab(b.client);
    // Each tab is live once a change in its own scope arrives (creating an interest is such a change).
    await supTab.live(async () => about((await s.interest(a.user)).id));
    await aTab.live(async () => about((await s.interest(a.user)).id));
    await bTab.live(async () => about((await s.interest(b.user)).id));

    // The supervisor moves A's interest: A's board and the supervisor's own get it with the new stage.
    const deal = await s.interest(a.user, { plannedAmount: '500' });
    await supervisor.ok(MOVE, { id: deal.id, stageId: working[1].id });
    const seenByA = (await aTab.nextWhere((d) => about(deal.id)(d) && d.clientInterestChanged.interest?.stage.id === working[1].id)).clientInterestChanged;
    expect(seenByA.interest).toMatchObject({ id: deal.id, state: 'ACTIVE', responsible: { id: a.user.id } });
    await supTab.nextWhere((d) => about(deal.id)(d) && d.clientInterestChanged.interest?.stage.id === working[1].id);

    // B (another team) got nothing of it: the next push B sees is about B's own interest.
    const mine = await s.interest(b.user);
    expect((await bTab.next()).clientInterestChanged.id).toBe(mine.id);

    // Handed to B by an administrator: A and A's supervisor learn it changed but no longer see it; B now does.
    const { version } = (await admin.ok(`query($id: ID!) { clientInterest(id: $id) { version } }`, { id: deal.id })).clientInterest;
    await admin.ok(`mutation($id: ID!, $i: UpdateClientInterestInput!) { updateClientInterest(id: $id, input: $i) { id } }`, { id: deal.id, i: { version, responsibleId: b.user.id } });
    const gone = (await supTab.nextWhere((d) => about(deal.id)(d) && d.clientInterestChanged.interest === null)).clientInterestChanged;
    expect(gone).toEqual({ id: deal.id, interest: null });
    await aTab.nextWhere((d) => about(deal.id)(d) && d.clientInterestChanged.interest === null);
    expect((await bTab.nextWhere(about(deal.id))).clientInterestChanged.interest).toMatchObject({ id: deal.id, responsible: { id: b.user.id } });
  });

  it('a refused move pushes nothing', async () => {
    const { user, client } = await t.as(Role.MANAGER);
    const other = await s.otherScenario();
    const myTab = await tab(client);
    await myTab.live(async () => about((await s.interest(user)).id));
    const deal = await s.interest(user);
    await myTab.nextWhere(about(deal.id));
    const refused = await client.gql(MOVE, { id: deal.id, stageId: other.stages[0].id });
    expect(refused.errors?.[0].extensions.code).toBeDefined();
    const after = await s.interest(user);
    // The next push is the later interest's creation, not the refused move.
    expect((await myTab.next()).clientInterestChanged.id).toBe(after.id);
  });
});
