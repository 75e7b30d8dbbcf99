import { startTestServer, unique, type TestServer } from '../../../test/harness';
import { Role } from '../../auth/user.entity';
import { salesFactories } from './interests.testing';

const SCENARIOS = `{ salesScenarios { id name isDefault stages { id name probability semantic sort } } }`;
const CREATE = `mutation($i: CreateSalesScenarioInput!) { createSalesScenario(input: $i) { id name isDefault stages { id name probability semantic sort } } }`;
const CREATE_STAGE = `mutation($i: CreateSalesStageInput!) { createSalesStage(input: $i) { id name sort semantic probability version } }`;
const DELETE_STAGE = `mutation($id: ID!) { deleteSalesStage(id: $id) }`;

let t: TestServer;
let s: ReturnType<typeof salesFactories>;
beforeAll(async () => {
  t = await startTestServer();
  s = salesFactories(t);
});
afterAll(() => t.close());

const stages = (name: string) => [
  { name: `${name} 1`, probability: 30 },
  { name: `${name} ok`, probability: 100, semantic: 'SUCCESS' },
  { name: `${name} no`, probability: 0, semantic: 'FAILURE' },
];

describe('sales scenarios', () => {
  it('seeds «Типовая продажа» as the default scenario with its stages, readable by a manager', async () => {
    const { client } = await t.as(Role.MANAGER);
    const { salesScenarios } = await client.ok(SCENARIOS);
    const def = salesScenarios.find((x: { isDefault: boolean }) => x.isDefault);
    expect(def.name).toBe('Типовая продажа');
    expect(def.stages.map((st: { name: string; probability: number; semantic: string }) => [st.name, st.probability, st.semantic])).toEqual([
      ['Первичный контакт', 10, 'IN_PROGRESS'],
      ['Выявление потребности', 25, 'IN_PROGRESS'],
      ['Коммерческое предложение', 50, 'IN_PROGRESS'],
      ['Согласование условий', 75, 'IN_PROGRESS'],
      ['Счет и оплата', 90, 'IN_PROGRESS'],
      ['Успешно', 100, 'SUCCESS'],
      ['Проиграно', 0, 'FAILURE'],
    ]);
    const { lossReasons, informationSources } = await client.ok(`{ lossReasons { id name } informationSources { id name } }`);
    expect(lossReasons.length).toBeGreaterThan(2);
    expect(informationSources.map((x: { name: string }) => x.name)).toContain('Выставка');
  });

  it('only an administrator creates a scenario; it needs working, one SUCCESS and one FAILURE stage', async () => {
    const name = unique('Сценарий ');
    const { client: supervisor } = await t.as(Role.SUPERVISOR);
    expect((await supervisor.gql(CREATE, { i: { name, stages: stages(name) } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const { client } = await t.as(Role.ADMINISTRATOR);
    const twoWins = [...stages(name), { name: 'ещё', probability: 100, semantic: 'SUCCESS' }];
    expect((await client.gql(CREATE, { i: { name, stages: twoWins } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stages', reason: 'ONE_SUCCESS_STAGE' });
    expect((await client.gql(CREATE, { i: { name, stages: stages(name).slice(1) } })).errors?.[0].extensions).toMatchObject({ reason: 'IN_PROGRESS_STAGE_REQUIRED' });
    expect((await client.gql(CREATE, { i: { name, stages: [{ name: 'x', probability: 101 }] } })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.factories.count('sales_scenarios', 'name = $1', [name])).toBe(0);
    const { createSalesScenario: sc } = await client.ok(CREATE, { i: { name, stages: stages(name) } });
    expect(sc).toMatchObject({ isDefault: false, stages: [{ sort: 10, semantic: 'IN_PROGRESS' }, { sort: 20, semantic: 'SUCCESS' }, { sort: 30, semantic: 'FAILURE' }] });
    expect((await t.factories.auditOf(sc.id))[0]).toMatchObject({ entity_type: 'SalesScenario', action: 'CREATE' });
  });

  it('adds a working stage before the closing ones, refuses to delete a stage in use or a closing stage, deletes an unused one', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const name = unique('Сценарий ');
    const { createSalesScenario: sc } = await client.ok(CREATE, { i: { name, stages: stages(name) } });
    const { createSalesStage: added } = await client.ok(CREATE_STAGE, { i: { scenarioId: sc.id, name: 'Демонстрация', probability: 60 } });
    expect(added).toMatchObject({ sort: 11, semantic: 'IN_PROGRESS' });
    const { salesScenario } = await client.ok(`query($id: ID!) { salesScenario(id: $id) { stages { id } } }`, { id: sc.id });
    expect(salesScenario.stages.map((x: { id: string }) => x.id)).toEqual([sc.stages[0].id, added.id, sc.stages[1].id, sc.stages[2].id]);

    const { user } = await t.as(Role.MANAGER);
    await s.interest(user, { scenarioId: sc.id, stageId: added.id });
    expect((await client.gql(DELETE_STAGE, { id: added.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STAGE_IN_USE' });
    expect((await client.gql(DELETE_STAGE, { id: sc.stages[1].id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STAGE_REQUIRED' });
    const { createSalesStage: spare } = await client.ok(CREATE_STAGE, { i: { scenarioId: sc.id, name: 'Лишний', probability: 40 } });
    const { client: manager } = await t.as(Role.MANAGER);
    expect((await manager.gql(DELETE_STAGE, { id: spare.id })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await client.ok(DELETE_STAGE, { id: spare.id })).toEqual({ deleteSalesStage: spare.id });
    expect(await t.factories.count('sales_stages', 'id = $1', [spare.id])).toBe(0);
    const upd = await client.ok(`mutation($id: ID!, $i: UpdateSalesStageInput!) { updateSalesStage(id: $id, input: $i) { probability version } }`, { id: added.id, i: { version: 1, probability: 65 } });
    expect(upd.updateSalesStage).toEqual({ probability: 65, version: 2 });
    const stale = await client.gql(`mutation($id: ID!, $i: UpdateSalesStageInput!) { updateSalesStage(id: $id, input: $i) { id } }`, { id: added.id, i: { version: 1, name: 'x' } });
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('administers loss reasons: a retired one is no longer offered nor accepted', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const name = unique('Причина ');
    const { createLossReason: r } = await client.ok(`mutation($i: CreateReferenceItemInput!) { createLossReason(input: $i) { id version active } }`, { i: { name } });
    await client.ok(`mutation($id: ID!, $i: UpdateReferenceItemInput!) { updateLossReason(id: $id, input: $i) { id } }`, { id: r.id, i: { version: r.version, active: false } });
    const { lossReasons } = await client.ok(`{ lossReasons { id } }`);
    expect(lossReasons.map((x: { id: string }) => x.id)).not.toContain(r.id);
    const { client: mc, user } = await t.as(Role.MANAGER);
    const ci = await s.interest(user);
    const lost = await mc.gql(`mutation($id: ID!, $r: ID!) { markClientInterestLost(id: $id, input: { lossReasonId: $r }) { id } }`, { id: ci.id, r: r.id });
    expect(lost.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lossReasonId', reason: 'INACTIVE' });
    const { client: sup } = await t.as(Role.SUPERVISOR);
    expect((await sup.gql(`mutation { createInformationSource(input: { name: "x" }) { id } }`)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
