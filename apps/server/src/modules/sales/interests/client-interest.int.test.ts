import { startTestServer, unique, type ApiClient, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { salesFactories } from './interests.testing';
import { withTransaction } from '../../../core/database/transaction';

const FIELDS = `id number date state probability plannedAmount weightedAmount plannedCloseDate actualCloseDate need version
  counterpartyId contactPersonId responsibleId lossComment competitorIds
  stage { id name semantic } scenario { id } lossReason { id name } informationSource { id }
  lines { lineNo quantity price amount product { id name } }
  viewerCan { update move markWon markLost suspend resume reopen }`;
const CREATE = `mutation($i: CreateClientInterestInput!) { createClientInterest(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateClientInterestInput!) { updateClientInterest(id: $id, input: $i) { ${FIELDS} } }`;
const MOVE = `mutation($id: ID!, $stageId: ID!, $v: Int) { moveClientInterestToStage(id: $id, stageId: $stageId, version: $v) { ${FIELDS} } }`;
const LOST = `mutation($id: ID!, $i: MarkClientInterestLostInput!) { markClientInterestLost(id: $id, input: $i) { ${FIELDS} } }`;
const WON = `mutation($id: ID!) { markClientInterestWon(id: $id) { ${FIELDS} } }`;
const SUSPEND = `mutation($id: ID!) { suspendClientInterest(id: $id) { ${FIELDS} } }`;
const RESUME = `mutation($id: ID!) { resumeClientInterest(id: $id) { ${FIELDS} } }`;
const REOPEN = `mutation($id: ID!) { reopenClientInterest(id: $id) { ${FIELDS} } }`;
const GET = `query($id: ID!) { clientInterest(id: $id) { ${FIELDS} stageHistory { totalCount edges { node { fromStage { id } toStage { id } fromState toState amount probability user { id } } } } } }`;

let t: TestServer;
let s: ReturnType<typeof salesFactories>;
beforeAll(async () => {
  t = await startTestServer();
  s = salesFactories(t);
});
afterAll(() => t.close());

const interestsOf = (counterpartyId: string) => t.factories.count('client_interests', 'counterparty_id = $1', [counterpartyId]);

async function manager() {
  const m = await t.as(Role.MANAGER);
  const counterparty = await t.factories.counterparty(m.user);
  return { ...m, counterparty };
}

async function created(client: ApiClient, counterpartyId: string, input: Record<string, unknown> = {}) {
  return (await client.ok(CREATE, { i: { counterpartyId, need: unique('Нужно '), ...input } })).createClientInterest;
}

describe('createClientInterest', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const { counterparty } = await manager();
    const r = await t.anonymous().gql(CREATE, { i: { counterpartyId: counterparty.id, need: 'x' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await interestsOf(counterparty.id)).toBe(0);
  });

  it('creates an interest with lines: the planned amount is the sum of the lines, rounded per line to kopecks', async () => {
    const { client, user, counterparty } = await manager();
    const server = await s.product({ price: '12345.67' });
    const cable = await s.product({ price: '0.50' });
    const { working } = await s.defaultScenario();
    const ci = await created(client, counterparty.id, {
      lines: [
        { productId: server.id, quantity: '3' },
        { productId: cable.id, quantity: '0.125', price: '0.20' },
      ],
      plannedCloseDate: '2026-12-31',
    });
    expect(ci).toMatchObject({
      state: 'ACTIVE',
      stage: { id: working[0].id, semantic: 'IN_PROGRESS' },
      probability: working[0].probability,
      plannedAmount: '37037.04',
      plannedCloseDate: '2026-12-31',
      responsibleId: user.id,
      version: 1,
      viewerCan: { update: true, move: true, markWon: true, markLost: true, suspend: true, resume: false, reopen: false },
    });
    expect(ci.number).toMatch(/^CI-\d{4}-\d{6}$/);
    expect(ci.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ci.lines).toEqual([
      { lineNo: 1, quantity: '3.000', price: '12345.67', amount: '37037.01', product: { id: server.id, name: server.name } },
      { lineNo: 2, quantity: '0.125', price: '0.20', amount: '0.03', product: { id: cable.id, name: cable.name } },
    ]);
    expect(ci.weightedAmount).toBe('3703.70');
    const history = await s.historyOf(ci.id);
    expect(history).toEqual([expect.objectContaining({ from_stage_id: null, to_stage_id: working[0].id, from_state: null, to_state: 'ACTIVE', amount: '37037.04', probability: 10, user_id: user.id })]);
    const audit = await t.factories.auditOf(ci.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'ClientInterest', action: 'CREATE', entity_label: `${ci.number} · ${counterparty.name}` });
  });

  it('numbers interests created at once without gaps or duplicates', async () => {
    const { client, counterparty } = await manager();
    const made = await Promise.all(Array.from({ length: 10 }, () => created(client, counterparty.id)));
    const seq = made.map((ci) => Number(ci.number.slice(-6))).sort((a, b) => a - b);
    expect(new Set(seq).size).toBe(10);
    expect(seq[9] - seq[0]).toBe(9);
    expect(made.every((ci) => /^CI-\d{4}-\d{6}$/.test(ci.number))).toBe(true);
  });

  it('takes a given planned amount, probability, stage and competitors', async () => {
    const { client, user, counterparty } = await manager();
    const competitor = await t.factories.counterparty(user, { relationTypes: ['COMPETITOR'] as never });
    const { working } = await s.defaultScenario();
    const ci = await created(client, counterparty.id, { plannedAmount: '500000', probability: 33, stageId: working[2].id, competitorIds: [competitor.id, competitor.id] });
    expect(ci).toMatchObject({ plannedAmount: '500000.00', probability: 33, stage: { id: working[2].id }, competitorIds: [competitor.id], lines: [] });
  });

  it.each([
    ['a quantity of zero', async (p: string) => ({ lines: [{ productId: p, quantity: '0' }] }), 'lines.0.quantity', 'DECIMAL_NOT_POSITIVE'],
    ['a quantity with 4 decimals', async (p: string) => ({ lines: [{ productId: p, quantity: '1.0001' }] }), 'lines.0.quantity', 'DECIMAL_SCALE'],
    ['a line price with 3 decimals', async (p: string) => ({ lines: [{ productId: p, quantity: '1', price: '1.001' }] }), 'lines.0.price', 'DECIMAL_SCALE'],
    ['a negative planned amount', async () => ({ plannedAmount: '-1' }), 'plannedAmount', 'DECIMAL_NEGATIVE'],
    ['a product that does not exist', async () => ({ lines: [{ productId: '5f0c6a0e-0000-4000-8000-00000000000a', quantity: '1' }] }), 'lines.0.productId', 'NOT_FOUND'],
    ['a start at the FAILURE stage', async () => ({ stageId: (await s.defaultScenario()).failure.id }), 'stageId', 'STAGE_NOT_IN_PROGRESS'],
    ['a stage of another scenario', async () => ({ scenarioId: (await s.defaultScenario()).scenario.id, stageId: (await s.otherScenario()).stages[0].id }), 'stageId', 'STAGE_OF_OTHER_SCENARIO'],
    ['an empty need', async () => ({ need: '   ' }), 'need', 'REQUIRED'],
  ])('refuses %s with a coded error naming the field, writing nothing', async (_case, extra, field, reason) => {
    const { client, counterparty } = await manager();
    const product = await s.product();
    const r = await client.gql(CREATE, { i: { counterpartyId: counterparty.id, need: 'x', ...(await extra(product.id)) } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await interestsOf(counterparty.id)).toBe(0);
  });

  it.each([
    ['a probability over 100', { probability: 101 }],
    ['a planned close date that is not a date', { plannedCloseDate: '2026-02-30' }],
    ['a planned amount given as a float', { plannedAmount: 10.5 }],
  ])('refuses %s as BAD_USER_INPUT, writing nothing', async (_case, extra) => {
    const { client, counterparty } = await manager();
    const r = await client.gql(CREATE, { i: { counterpartyId: counterparty.id, need: 'x', ...extra } });
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await interestsOf(counterparty.id)).toBe(0);
  });

  it("refuses a colleague's counterparty, a person of another client, a non-competitor and a colleague as responsible", async () => {
    const { client, user, counterparty } = await manager();
    const { user: colleague } = await t.as(Role.MANAGER);
    const theirs = await t.factories.counterparty(colleague);
    const other = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: other.id });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ counterpartyId: theirs.id }, 'counterpartyId', 'BAD_USER_INPUT'],
      [{ contactPersonId: person.id }, 'contactPersonId', 'BAD_USER_INPUT'],
      [{ competitorIds: [other.id] }, 'competitorIds.0', 'BAD_USER_INPUT'],
      [{ responsibleId: colleague.id }, '', 'FORBIDDEN'],
    ];
    for (const [extra, field, code] of cases) {
      const r = await client.gql(CREATE, { i: { counterpartyId: counterparty.id, need: 'x', ...extra } });
      expect(r.errors?.[0].extensions.code).toBe(code);
      if (field) expect(r.errors?.[0].extensions.field).toBe(field);
    }
    expect(await interestsOf(counterparty.id)).toBe(0);
    expect(await interestsOf(theirs.id)).toBe(0);
  });
});

describe('moving along the stages', () => {
  it('moves stage by stage, each move in the history with its probability and amount, and wins at the SUCCESS stage', async () => {
    const { client, user, counterparty } = await manager();
    const { working, success } = await s.defaultScenario();
    let ci = await created(client, counterparty.id, { plannedAmount: '1000.00' });
    for (const stage of working.slice(1, 3)) {
      ci = (await client.ok(MOVE, { id: ci.id, stageId: stage.id, v: ci.version })).moveClientInterestToStage;
      expect(ci).toMatchObject({ stage: { id: stage.id }, probability: stage.probability, state: 'ACTIVE' });
    }
    ci = (await client.ok(MOVE, { id: ci.id, stageId: success.id })).moveClientInterestToStage;
    expect(ci).toMatchObject({ state: 'WON', stage: { id: success.id }, probability: 100, viewerCan: { move: false, update: false, reopen: false } });
    expect(ci.actualCloseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const history = await s.historyOf(ci.id);
    expect(history.map((h) => [h.from_stage_id, h.to_stage_id, h.from_state, h.to_state, h.probability, h.amount])).toEqual([
      [null, working[0].id, null, 'ACTIVE', working[0].probability, '1000.00'],
      [working[0].id, working[1].id, 'ACTIVE', 'ACTIVE', working[1].probability, '1000.00'],
      [working[1].id, working[2].id, 'ACTIVE', 'ACTIVE', working[2].probability, '1000.00'],
      [working[2].id, success.id, 'ACTIVE', 'WON', 100, '1000.00'],
    ]);
    expect(history.every((h) => h.user_id === user.id)).toBe(true);
    const { clientInterest } = await client.ok(GET, { id: ci.id });
    expect(clientInterest.stageHistory.totalCount).toBe(4);
    expect(clientInterest.stageHistory.edges[3].node).toMatchObject({ fromStage: { id: working[2].id }, toStage: { id: success.id }, fromState: 'ACTIVE', toState: 'WON', user: { id: user.id } });
    expect((await t.factories.auditOf(ci.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    // Won: it no longer moves.
    const again = await client.gql(MOVE, { id: ci.id, stageId: working[0].id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ACTIVE' });
  });

  it("refuses another scenario's stage, a FAILURE stage (use markClientInterestLost), a suspended interest and a stale version; nothing changes", async () => {
    const { client, counterparty } = await manager();
    const { working, failure } = await s.defaultScenario();
    const { stages: foreign } = await s.otherScenario();
    const ci = await created(client, counterparty.id);
    const wrongScenario = await client.gql(MOVE, { id: ci.id, stageId: foreign[0].id });
    expect(wrongScenario.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stageId', reason: 'STAGE_OF_OTHER_SCENARIO' });
    const toFailure = await client.gql(MOVE, { id: ci.id, stageId: failure.id });
    expect(toFailure.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stageId', reason: 'LOSS_REASON_REQUIRED' });
    expect(toFailure.errors?.[0].message).toMatch(/markClientInterestLost/);
    const unknown = await client.gql(MOVE, { id: ci.id, stageId: '5f0c6a0e-0000-4000-8000-00000000000b' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stageId', reason: 'NOT_FOUND' });
    const stale = await client.gql(MOVE, { id: ci.id, stageId: working[1].id, v: ci.version + 1 });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    const suspended = (await client.ok(SUSPEND, { id: ci.id })).suspendClientInterest;
    expect(suspended).toMatchObject({ state: 'SUSPENDED', stage: { id: working[0].id }, viewerCan: { move: false, resume: true } });
    const whileSuspended = await client.gql(MOVE, { id: ci.id, stageId: working[1].id });
    expect(whileSuspended.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ACTIVE' });
    const { clientInterest } = await client.ok(GET, { id: ci.id });
    expect(clientInterest).toMatchObject({ stage: { id: working[0].id }, state: 'SUSPENDED', version: ci.version + 1 });
    expect((await s.historyOf(ci.id)).map((h) => h.to_state)).toEqual(['ACTIVE', 'SUSPENDED']);
    const resumed = (await client.ok(RESUME, { id: ci.id })).resumeClientInterest;
    expect(resumed).toMatchObject({ state: 'ACTIVE', stage: { id: working[0].id } });
    expect((await s.historyOf(ci.id)).map((h) => h.to_state)).toEqual(['ACTIVE', 'SUSPENDED', 'ACTIVE']);
  });
});

describe('lost, won, reopened', () => {
  it('a loss needs a reason; it goes to the FAILURE stage with probability 0', async () => {
    const { client, counterparty } = await manager();
    const { working, failure } = await s.defaultScenario();
    const ci = await created(client, counterparty.id, { stageId: working[1].id });
    const missing = await client.gql(`mutation($id: ID!) { markClientInterestLost(id: $id, input: { comment: "x" }) { id } }`, { id: ci.id });
    expect(missing.errors?.[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const unknown = await client.gql(LOST, { id: ci.id, i: { lossReasonId: '5f0c6a0e-0000-4000-8000-00000000000c' } });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lossReasonId', reason: 'NOT_FOUND' });
    expect((await client.ok(GET, { id: ci.id })).clientInterest).toMatchObject({ state: 'ACTIVE', version: 1 });
    const lossReasonId = await s.lossReasonId();
    const lost = (await client.ok(LOST, { id: ci.id, i: { lossReasonId, comment: ' Дорого ' } })).markClientInterestLost;
    expect(lost).toMatchObject({ state: 'LOST', stage: { id: failure.id }, probability: 0, lossReason: { id: lossReasonId }, lossComment: 'Дорого' });
    expect((await s.historyOf(ci.id)).pop()).toMatchObject({ from_stage_id: working[1].id, to_stage_id: failure.id, from_state: 'ACTIVE', to_state: 'LOST', probability: 0 });
    const twice = await client.gql(LOST, { id: ci.id, i: { lossReasonId } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INTEREST_CLOSED' });
  });

  it('only a supervisor or administrator reopens, back to the stage it was closed from', async () => {
    const { client, user, counterparty } = await manager();
    const { working } = await s.defaultScenario();
    const ci = await created(client, counterparty.id, { stageId: working[2].id });
    await client.ok(LOST, { id: ci.id, i: { lossReasonId: await s.lossReasonId() } });
    const byManager = await client.gql(REOPEN, { id: ci.id });
    expect(byManager.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const { client: otherSupervisor } = await t.as(Role.SUPERVISOR);
    expect((await otherSupervisor.gql(REOPEN, { id: ci.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const { client: supervisor, user: sup } = await t.as(Role.SUPERVISOR);
    await t.app.db.query(`UPDATE users SET supervisor_id = $1 WHERE id = $2`, [sup.id, user.id]);
    const supervisorClient = await supervisor.login(sup.email);
    const reopened = (await supervisorClient.ok(REOPEN, { id: ci.id })).reopenClientInterest;
    expect(reopened).toMatchObject({ state: 'ACTIVE', stage: { id: working[2].id }, probability: working[2].probability, lossReason: null, lossComment: null, actualCloseDate: null });
    expect((await s.historyOf(ci.id)).pop()).toMatchObject({ to_state: 'ACTIVE', from_state: 'LOST', user_id: sup.id });
    const won = (await client.ok(WON, { id: ci.id })).markClientInterestWon;
    expect(won).toMatchObject({ state: 'WON', stage: { semantic: 'SUCCESS' }, probability: 100 });
  });

  it('markWon, the hook for the sales documents, wins inside the caller transaction and leaves a closed one alone', async () => {
    const { user, actor, counterparty } = await manager();
    const ci = await s.interest(user, { counterpartyId: counterparty.id });
    const won = await withTransaction(t.app.db, (tx) => t.app.services.interests.markWon(tx, actor, ci.id));
    expect(won.state).toBe('WON');
    expect((await s.historyOf(ci.id)).map((h) => h.to_state)).toEqual(['ACTIVE', 'WON']);
    const again = await withTransaction(t.app.db, (tx) => t.app.services.interests.markWon(tx, actor, ci.id));
    expect(again.version).toBe(won.version);
    // Rolled back with its caller: nothing of it stays.
    const other = await s.interest(user, { counterpartyId: counterparty.id });
    await expect(
      withTransaction(t.app.db, async (tx) => {
        await t.app.services.interests.markWon(tx, actor, other.id);
        throw new Error('the document failed');
      }),
    ).rejects.toThrow('the document failed');
    expect((await s.historyOf(other.id)).map((h) => h.to_state)).toEqual(['ACTIVE']);
  });
});

describe('updateClientInterest', () => {
  it('replaces lines and recomputes the amount, honours an explicit amount, refuses a stale version and a closed interest', async () => {
    const { client, counterparty } = await manager();
    const product = await s.product({ price: '99.99' });
    const ci = await created(client, counterparty.id, { lines: [{ productId: product.id, quantity: '1' }] });
    expect(ci.plannedAmount).toBe('99.99');
    const u1 = (await client.ok(UPDATE, { id: ci.id, i: { version: 1, lines: [{ productId: product.id, quantity: '2.5' }] } })).updateClientInterest;
    expect(u1).toMatchObject({ plannedAmount: '249.98', version: 2, lines: [{ lineNo: 1, quantity: '2.500', amount: '249.98' }] });
    const u2 = (await client.ok(UPDATE, { id: ci.id, i: { version: 2, plannedAmount: '300', need: 'Новая потребность', plannedCloseDate: '2027-01-15' } })).updateClientInterest;
    expect(u2).toMatchObject({ plannedAmount: '300.00', need: 'Новая потребность', plannedCloseDate: '2027-01-15', version: 3 });
    const stale = await client.gql(UPDATE, { id: ci.id, i: { version: 2, need: 'Чужое' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    const badLine = await client.gql(UPDATE, { id: ci.id, i: { version: 3, lines: [{ productId: product.id, quantity: '-1' }] } });
    expect(badLine.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines.0.quantity' });
    const { clientInterest } = await client.ok(GET, { id: ci.id });
    expect(clientInterest).toMatchObject({ need: 'Новая потребность', version: 3, plannedAmount: '300.00' });
    const audit = await t.factories.auditOf(ci.id);
    expect(audit[1].changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'lines' }), { field: 'plannedAmount', old: '99.99', new: '249.98' }]));
    await client.ok(WON, { id: ci.id });
    const closed = await client.gql(UPDATE, { id: ci.id, i: { version: 4, need: 'После' } });
    expect(closed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INTEREST_CLOSED' });
  });
});

describe('setClientInterestDeletionMark', () => {
  it('hides a marked interest from lists, refuses to move it, and restores it; a colleague cannot mark it', async () => {
    const { client, counterparty } = await manager();
    const { working } = await s.defaultScenario();
    const ci = await created(client, counterparty.id);
    const MARK = `mutation($id: ID!, $m: Boolean!) { setClientInterestDeletionMark(id: $id, deletionMark: $m) { id deletionMark version } }`;
    const { client: colleague } = await t.as(Role.MANAGER);
    expect((await colleague.gql(MARK, { id: ci.id, m: true })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await client.ok(MARK, { id: ci.id, m: true })).setClientInterestDeletionMark).toMatchObject({ deletionMark: true, version: 2 });
    const list = `query($f: ClientInterestFilter) { clientInterests(filter: $f) { totalCount } }`;
    expect((await client.ok(list, { f: { counterpartyId: counterparty.id } })).clientInterests.totalCount).toBe(0);
    expect((await client.ok(list, { f: { counterpartyId: counterparty.id, includeDeleted: true } })).clientInterests.totalCount).toBe(1);
    const move = await client.gql(MOVE, { id: ci.id, stageId: working[1].id });
    expect(move.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'MARKED_FOR_DELETION' });
    await client.ok(MARK, { id: ci.id, m: false });
    expect((await client.ok(list, { f: { counterpartyId: counterparty.id } })).clientInterests.totalCount).toBe(1);
    expect((await t.factories.auditOf(ci.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'MARK_FOR_DELETION', 'RESTORE']);
  });
});

describe('based on an interest', () => {
  it('an event entered from an interest inherits its client and shows its title', async () => {
    const { client, counterparty } = await manager();
    const ci = await created(client, counterparty.id);
    const { createEvent } = await client.ok(
      `mutation($i: CreateEventInput!) { createEvent(input: $i) { counterpartyId basedOn { type id title } } }`,
      { i: { kind: 'CALL', subject: 'Звонок по интересу', start: new Date(Date.now() + 86400_000).toISOString(), basedOn: { type: 'CLIENT_INTEREST', id: ci.id } } },
    );
    expect(createEvent).toEqual({ counterpartyId: counterparty.id, basedOn: { type: 'CLIENT_INTEREST', id: ci.id, title: `${ci.number} · ${counterparty.name}` } });
  });
});

