import { startTestServer, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { CANCEL, COMPLETE, INSTANCE, INSTANCES, MY_TASKS, PUBLISH, SET_ROLE, START, START_SALE, TASK, TASKS, processFactories, saleCast } from './processes.testing';

/** Templates and their versions, starting processes, the monitor, process roles, cancelling, and who sees what. */
let t: TestServer;
let f: ReturnType<typeof processFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = processFactories(t);
});
afterAll(() => t.close());

const TEMPLATES = `query($code: String, $all: Boolean) { processTemplates(code: $code, allVersions: $all) { id code name version published builtIn map } }`;

/** Two tasks in a row for the `who` user; `second` names the second task. */
function twoSteps(second: string, results = ['DONE']) {
  return {
    name: 'Two steps',
    parameters: [{ name: 'who', type: 'string', required: true }],
    points: [
      { id: 'START', type: 'START', name: 'Start' },
      { id: 'A_ONE', type: 'ACTION', name: 'First', performer: { parameter: 'who' }, results: ['DONE'], deadlineDays: 2 },
      { id: 'A_TWO', type: 'ACTION', name: second, performer: { parameter: 'who' }, results },
      { id: 'END', type: 'END', name: 'End', result: 'OK' },
    ],
    edges: [
      { from: 'START', to: 'A_ONE' },
      { from: 'A_ONE', to: 'A_TWO' },
      { from: 'A_TWO', to: 'END' },
    ],
  };
}

describe('templates', () => {
  it('lists the three built-in templates, published as version 1', async () => {
    const { client } = await t.as(Role.MANAGER);
    const { processTemplates } = await client.ok(TEMPLATES, {});
    const builtIn = processTemplates.filter((p: { builtIn: boolean }) => p.builtIn);
    expect(builtIn.map((p: { code: string; version: number }) => [p.code, p.version]).sort()).toEqual([
      ['APPROVAL', 1],
      ['CONTRACT', 1],
      ['SALE', 1],
    ]);
    const sale = builtIn.find((p: { code: string }) => p.code === 'SALE');
    expect(sale.map.points.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['A_QUALIFY', 'N_APPROVAL', 'N_CONTRACT', 'SP_FULFILMENT', 'M_FULFILMENT', 'E_WON', 'E_LOST']));
    expect((await client.ok(`{ processTemplate(code: "APPROVAL") { version name } }`)).processTemplate).toEqual({ version: 1, name: 'Approval' });
    expect((await client.gql(`{ processTemplate(code: "NOPE") { id } }`)).errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('publishes versions (administrators only); a running instance keeps the version it started with', async () => {
    const admin = await t.as(Role.ADMINISTRATOR);
    const manager = await t.as(Role.MANAGER);
    const code = unique('VERSIONED_').toUpperCase();

    expect((await manager.client.gql(PUBLISH, { i: { code, map: twoSteps('Second v1') } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.anonymous().gql(PUBLISH, { i: { code, map: twoSteps('Second v1') } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const v1 = (await admin.client.ok(PUBLISH, { i: { code, map: twoSteps('Second v1') } })).publishProcessTemplate;
    expect(v1).toMatchObject({ code, version: 1, name: 'Two steps', published: true });

    const { startProcess: running } = await admin.client.ok(START, { i: { templateId: v1.id, parameters: JSON.stringify({ who: manager.user.id }) } });
    expect(running.template).toMatchObject({ id: v1.id, version: 1 });

    const v2 = (await admin.client.ok(PUBLISH, { i: { code, name: 'Two steps, revised', map: twoSteps('Second v2', ['DONE', 'SKIPPED']) } })).publishProcessTemplate;
    expect(v2).toMatchObject({ code, version: 2, name: 'Two steps, revised' });
    expect((await manager.client.ok(TEMPLATES, { code })).processTemplates.map((p: { version: number }) => p.version)).toEqual([2]);
    expect((await manager.client.ok(TEMPLATES, { code, all: true })).processTemplates.map((p: { version: number }) => p.version)).toEqual([2, 1]);

    // The running instance goes on along version 1.
    await f.complete(manager.client, 'A_ONE', 'DONE');
    const second = await f.openTask(manager.client, 'A_TWO');
    expect(second).toMatchObject({ title: 'Second v1', results: ['DONE'] });
    expect((await admin.client.ok(INSTANCE, { id: running.id })).processInstance.template.version).toBe(1);
    await manager.client.ok(COMPLETE, { id: second.id, i: { result: 'DONE' } });

    // A new one starts on version 2.
    const { startProcess: fresh } = await admin.client.ok(START, { i: { templateCode: code, parameters: { who: manager.user.id } } });
    expect(fresh.template.version).toBe(2);
    await f.complete(manager.client, 'A_ONE', 'DONE');
    expect(await f.openTask(manager.client, 'A_TWO')).toMatchObject({ title: 'Second v2', results: ['DONE', 'SKIPPED'] });

    const audit = await t.factories.auditOf(v2.id);
    expect(audit.map((a: { action: string; actor_id: string }) => [a.action, a.actor_id])).toEqual([['CREATE', admin.user.id]]);
  });

  it('refuses a map with problems, listing every one with its point, and publishes nothing', async () => {
    const { client } = await t.as(Role.ADMINISTRATOR);
    const code = unique('BROKEN_').toUpperCase();
    const map = {
      name: 'Broken',
      points: [
        { id: 'START', type: 'START', name: 'Start' },
        { id: 'C_CHECK', type: 'CONDITION', name: 'Check', condition: { '==': [1, 1] } },
        { id: 'A_LOST', type: 'ACTION', name: 'Nobody gets here', performer: { user: 'x' }, results: ['OK'] },
        { id: 'P_MAGIC', type: 'PROCESSING', name: 'Magic', action: 'summonUnicorn' },
        { id: 'END', type: 'END', name: 'End', result: 'OK' },
      ],
      edges: [
        { from: 'START', to: 'C_CHECK' },
        { from: 'C_CHECK', to: 'P_MAGIC', exit: 'then' },
        { from: 'P_MAGIC', to: 'END' },
        { from: 'A_LOST', to: 'END' },
      ],
    };
    const r = await client.gql(PUBLISH, { i: { code, map } });
    const ext = r.errors?.[0].extensions;
    expect(ext).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.map', reason: 'INVALID_MAP' });
    const problems = ext!.problems as Array<{ code: string; pointId: string | null }>;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_EXIT', pointId: 'C_CHECK' }),
        expect.objectContaining({ code: 'UNREACHABLE', pointId: 'A_LOST' }),
        expect.objectContaining({ code: 'UNKNOWN_ACTION', pointId: 'P_MAGIC' }),
      ]),
    );
    // The same problems without publishing.
    const { validateProcessTemplate } = await client.ok(`query($m: JSON!) { validateProcessTemplate(map: $m) { code pointId message } }`, { m: map });
    expect(validateProcessTemplate.map((p: { pointId: string }) => p.pointId)).toEqual(problems.map((p) => p.pointId));
    expect(await t.factories.count('process_templates', 'code = $1', [code])).toBe(0);

    expect((await client.gql(PUBLISH, { i: { code: 'lower case', map: twoSteps('x') } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect((await client.gql(PUBLISH, { i: { code, map: '{not json' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.map', reason: 'JSON_INVALID' });
    expect((await client.gql(PUBLISH, { i: { code, map: { ...twoSteps('x'), code: 'OTHER' } } })).errors?.[0].extensions).toMatchObject({ reason: 'CODE_MISMATCH' });
  });
});

describe('the operations of the issue, as written there', () => {
  it('start, monitor, read, list, accept, complete, redirect and the templates answer in the documented shapes', async () => {
    const { admin, manager, supervisor } = await saleCast(t);
    const { interest } = await f.interest(manager.user);
    const sale = (await admin.client.ok(`{ processTemplates { id name version } }`)).processTemplates.find((p: { name: string }) => p.name === 'Sale');
    const { startProcess } = await manager.client.ok(
      `mutation($t: ID!, $s: ID!) { startProcess(input: {templateId: $t, subject: {type: CLIENT_INTEREST, id: $s}, parameters: "{\\"discountLimitPct\\": \\"10\\"}"}) { id } }`,
      { t: sale.id, s: interest.id },
    );
    const { processInstances } = await manager.client.ok(`query($t: ID!) { processInstances(first: 50, filter: {templateId: $t, overdue: false}) { edges { node { id state } } } }`, { t: sale.id });
    expect(processInstances.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(startProcess.id);
    const { processInstance } = await manager.client.ok(`query($id: ID!) { processInstance(id: $id) { id state activePoints { id name } history { point result by { id } at } } }`, { id: startProcess.id });
    expect(processInstance.activePoints).toEqual([{ id: 'A_QUALIFY', name: expect.stringContaining(interest.number) }]);
    expect(processInstance.state.parameters.discountLimitPct).toBe('10');
    expect(processInstance.history.map((h: { point: string }) => h.point)).toEqual(['START']);
    const { myTasks } = await manager.client.ok(`{ myTasks(first: 50, filter: {state: OPEN}) { edges { node { id title deadline results subject { type id title } } } } }`);
    const task = myTasks.edges[0].node;
    expect(task.subject).toEqual({ type: 'CLIENT_INTEREST', id: interest.id, title: expect.stringContaining(interest.number) });
    const q = `mutation($id: ID!) { acceptTask(id: $id) { id } completeTask(id: $id, input: {result: "CONFIRMED", comment: "..."}) { id } }`;
    expect(await manager.client.ok(q, { id: task.id })).toEqual({ acceptTask: { id: task.id }, completeTask: { id: task.id } });
    const next = await f.openTask(manager.client, 'A_PREPARE_OFFER');
    // Not redirectable (the Sale's own steps are the manager's): a coded conflict.
    const r = await manager.client.gql(`mutation($id: ID!, $u: ID!) { redirectTask(id: $id, input: {userId: $u}) { id } }`, { id: next.id, u: supervisor.user.id });
    expect(r.errors?.[0].extensions.reason).toBe('REDIRECT_NOT_ALLOWED');
    const { processInstance: after } = await manager.client.ok(`query($id: ID!) { processInstance(id: $id) { history { point result by { id } at } } }`, { id: startProcess.id });
    expect(after.history.find((h: { point: string }) => h.point === 'A_QUALIFY')).toEqual({ point: 'A_QUALIFY', result: 'CONFIRMED', by: { id: manager.user.id }, at: expect.any(String) });
  });
});

describe('starting a process', () => {
  it('refuses bad input with coded errors and starts nothing', async () => {
    const { manager, admin } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest } = await f.interest(manager.user);
    const before = await t.factories.count('process_instances');

    const err = async (client: typeof admin.client, input: Record<string, unknown>) => (await client.gql(START, { i: input })).errors?.[0].extensions;
    expect(await err(manager.client, { subject: { type: 'CLIENT_INTEREST', id: interest.id } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.templateCode', reason: 'REQUIRED' });
    expect(await err(manager.client, { templateCode: 'NO_SUCH' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.templateCode', reason: 'NOT_FOUND' });
    expect(await err(manager.client, { templateCode: 'SALE' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject', reason: 'REQUIRED' });
    expect(await err(manager.client, { templateCode: 'SALE', subject: { type: 'COUNTERPARTY', id: interest.counterpartyId } })).toMatchObject({ field: 'input.subject.type', reason: 'SUBJECT_TYPE_MISMATCH' });
    expect(await err(other.client, { templateCode: 'SALE', subject: { type: 'CLIENT_INTEREST', id: interest.id } })).toMatchObject({ field: 'input.subject.id', reason: 'NOT_FOUND' });
    expect(await err(manager.client, { templateCode: 'SALE', subject: { type: 'CLIENT_INTEREST', id: interest.id }, parameters: '[1]' })).toMatchObject({
      field: 'input.parameters',
      reason: 'JSON_OBJECT_REQUIRED',
    });
    const invalid = await err(manager.client, { templateCode: 'SALE', subject: { type: 'CLIENT_INTEREST', id: interest.id }, parameters: { discountLimitPct: 'lots', bogus: 1 } });
    expect(invalid).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parameters', reason: 'INVALID_PARAMETERS' });
    expect((invalid!.problems as Array<{ parameter: string }>).map((p) => p.parameter).sort()).toEqual(['bogus', 'discountLimitPct']);
    // Managers start processes on their subjects only; a subject-less one needs a supervisor or an administrator.
    expect(await err(manager.client, { templateCode: 'APPROVAL', parameters: { approvers: [manager.user.id], initiatorId: manager.user.id } })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.anonymous().gql(START_SALE, { id: interest.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    expect(await t.factories.count('process_instances')).toBe(before);
    expect((await manager.client.ok(MY_TASKS, {})).myTasks.totalCount).toBe(0);
  });

  it('gives a role task to an administrator, saying so, when nobody holds the role', async () => {
    const { admin, manager } = await saleCast(t);
    await admin.client.ok(SET_ROLE, { i: { role: 'DIRECTOR', userId: null } });
    const { startProcess } = await admin.client.ok(START, {
      i: { templateCode: 'APPROVAL', parameters: { approvers: [{ kind: 'ROLE', role: 'DIRECTOR', ofUserId: null }], initiatorId: manager.user.id } },
    });
    const task = startProcess.activePoints[0].task;
    const { processTask } = await admin.client.ok(`query($id: ID!) { processTask(id: $id) { assigneeNote assigneeRole performer { role } } }`, { id: task.id });
    expect(processTask.performer.role).toBe('ADMINISTRATOR');
    expect(processTask.assigneeRole).toBe('DIRECTOR');
    expect(processTask.assigneeNote).toContain('DIRECTOR');
  });
});

describe('process roles', () => {
  it('are set by administrators, with optimistic locking and an audit row', async () => {
    const admin = await t.as(Role.ADMINISTRATOR);
    const manager = await t.as(Role.MANAGER);
    const role = unique('ROLE_').toUpperCase();
    expect((await manager.client.gql(SET_ROLE, { i: { role, userId: manager.user.id } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const set = (await admin.client.ok(SET_ROLE, { i: { role, userId: manager.user.id } })).setProcessRole;
    expect(set).toMatchObject({ role, version: 1, user: { id: manager.user.id } });
    const stale = await admin.client.gql(SET_ROLE, { i: { role, userId: admin.user.id, version: 7 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    expect((await admin.client.gql(SET_ROLE, { i: { role, userId: '00000000-0000-4000-8000-000000000000' } })).errors?.[0].extensions).toMatchObject({ field: 'input.userId' });
    expect((await admin.client.ok(SET_ROLE, { i: { role, userId: admin.user.id, version: 1 } })).setProcessRole).toMatchObject({ version: 2, user: { id: admin.user.id } });
    const { processRoles } = await manager.client.ok(`{ processRoles { role user { id } } }`);
    expect(processRoles).toEqual(expect.arrayContaining([{ role, user: { id: admin.user.id } }]));
    expect((await t.factories.auditOf(set.id)).map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect((await admin.client.ok(SET_ROLE, { i: { role, userId: null } })).setProcessRole).toBeNull();
  });
});

describe('the monitor and row scope', () => {
  it("lists open processes with their current points; a manager sees only their own, the supervisor the team's", async () => {
    const { manager, supervisor, admin } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest } = await f.interest(manager.user);
    const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id });

    const mine = (await manager.client.ok(INSTANCES, { f: { templateCode: 'SALE', status: 'RUNNING' } })).processInstances;
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node).toMatchObject({ id: sale.id, status: 'RUNNING', overdue: false, activePoints: [{ id: 'A_QUALIFY', name: expect.stringContaining(interest.number), deadline: expect.any(String) }] });
    expect((await supervisor.client.ok(INSTANCES, { f: { subjectId: interest.id } })).processInstances.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sale.id]);
    expect((await admin.client.ok(INSTANCES, { f: { subjectId: interest.id } })).processInstances.totalCount).toBe(1);
    expect((await other.client.ok(INSTANCES, { f: { subjectId: interest.id } })).processInstances.totalCount).toBe(0);
    expect((await other.client.gql(INSTANCE, { id: sale.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const { templates } = { templates: (await admin.client.ok(TEMPLATES, { code: 'SALE' })).processTemplates };
    expect((await admin.client.ok(INSTANCES, { f: { templateId: templates[0].id, subjectId: interest.id } })).processInstances.totalCount).toBe(1);
    expect((await admin.client.gql(INSTANCES, { f: { templateId: '00000000-0000-4000-8000-000000000000' } })).errors?.[0].extensions).toMatchObject({ field: 'filter.templateId' });
    expect((await admin.client.gql(INSTANCES, { after: 'x' })).errors?.[0].extensions).toMatchObject({ field: 'after' });

    // The supervisor's task list covers the team; the other manager's does not include it.
    const task = await f.openTask(manager.client, 'A_QUALIFY');
    expect((await supervisor.client.ok(TASKS, { f: { state: 'OPEN' } })).processTasks.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(task.id);
    expect((await other.client.ok(TASKS, {})).processTasks.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(task.id);
    expect((await other.client.gql(TASK, { id: task.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');

    // A page of the monitor costs the same statements however many processes it shows (templates, read once
    // and kept, are warmed up first).
    await admin.client.gql(INSTANCES, { first: 20 });
    const few = await admin.client.gql(INSTANCES, { first: 1 });
    const many = await admin.client.gql(INSTANCES, { first: 20 });
    expect(many.data!.processInstances.edges.length).toBeGreaterThan(1);
    expect(many.sql).toBe(few.sql);
  });

  it('events can be based on a task (TASK references resolve within scope)', async () => {
    const { manager } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest } = await f.interest(manager.user);
    await manager.client.ok(START_SALE, { id: interest.id });
    const task = await f.openTask(manager.client, 'A_QUALIFY');
    const EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id basedOn { type id title } } }`;
    const { createEvent } = await manager.client.ok(EVENT, { i: { kind: 'CALL', subject: 'Call about the need', start: new Date(Date.now() + 3600_000).toISOString(), basedOn: { type: 'TASK', id: task.id } } });
    expect(createEvent.basedOn).toEqual({ type: 'TASK', id: task.id, title: task.title });
    const refused = await other.client.gql(EVENT, { i: { kind: 'CALL', subject: 'x', start: new Date().toISOString(), basedOn: { type: 'TASK', id: task.id } } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'basedOn.id' });
  });
});

describe('cancelling a process', () => {
  it('cancels its open tasks and nested processes; only in scope, only top-level, only once', async () => {
    const { manager, supervisor, admin } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest, product } = await f.interest(manager.user);
    const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id, p: { discountLimitPct: '0' } });
    await f.complete(manager.client, 'A_QUALIFY', 'CONFIRMED');
    await manager.client.ok(`mutation($i: CreateCommercialOfferInput!) { createCommercialOffer(input: $i) { id } }`, {
      i: { basedOnInterestId: interest.id, lines: [{ productId: product.id, quantity: '1', discountPercent: '3' }] },
    });
    await f.complete(manager.client, 'A_PREPARE_OFFER', 'READY');
    const approval = (await f.instance(manager.client, sale.id)).children[0];
    const approve = await f.openTask(supervisor.client, 'A_APPROVE');

    expect((await other.client.gql(CANCEL, { id: sale.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await admin.client.gql(CANCEL, { id: approval.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NESTED_PROCESS' });
    const { cancelProcess } = await manager.client.ok(CANCEL, { id: sale.id, reason: 'Client went bankrupt' });
    expect(cancelProcess).toMatchObject({ status: 'CANCELLED', result: 'CANCELLED', cancelReason: 'Client went bankrupt', children: [{ id: approval.id, status: 'CANCELLED' }] });
    expect((await supervisor.client.ok(TASK, { id: approve.id })).processTask.state).toBe('CANCELLED');
    expect((await manager.client.gql(CANCEL, { id: sale.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROCESS_NOT_RUNNING' });
    expect((await supervisor.client.gql(COMPLETE, { id: approve.id, i: { result: 'APPROVED' } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASK_CANCELLED' });
    // The interest is left where the sale was.
    expect((await f.stageName(interest.id)).state).toBe('ACTIVE');
  });
});
