import { startTestServer, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { COMPLETE, INSTANCE, MY_TASKS, START, START_SALE, TASK, processFactories, saleCast } from './processes.testing';

/**
 * The Sale process over GraphQL, driven by the people it hands tasks to: the manager, their supervisor as the head
 * of sales (approving a discount over the manager's limit), the lawyer (approving and registering the contract),
 * the accountant and the warehouse keeper. Nested Approval and Contract conclusion run inside it.
 */
let t: TestServer;
let f: ReturnType<typeof processFactories>;
beforeAll(async () => {
  t = await startTestServer();
  f = processFactories(t);
});
afterAll(() => t.close());

const OFFER = `mutation($i: CreateCommercialOfferInput!) { createCommercialOffer(input: $i) { id } }`;

describe('Sale', () => {
  it('is won through a rejected-then-approved discount, a contract back from a protocol of disagreement, payment and delivery in parallel', async () => {
    const cast = await saleCast(t);
    const { manager, supervisor, lawyer, accountant, warehouse } = cast;
    const { interest, product } = await f.interest(manager.user);
    const stages = [await f.stageName(interest.id)];

    const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id, p: { discountLimitPct: '10' } });
    expect(sale).toMatchObject({ templateCode: 'SALE', status: 'RUNNING', template: { code: 'SALE', version: 1 }, subject: { type: 'CLIENT_INTEREST', id: interest.id } });
    expect(sale.parameters).toMatchObject({ interestId: interest.id, managerId: manager.user.id, discountLimitPct: '10' });
    expect(sale.activePoints).toEqual([expect.objectContaining({ id: 'A_QUALIFY', waitingFor: 'TASK', task: { id: expect.any(String), performer: { id: manager.user.id } } })]);

    const qualify = await f.openTask(manager.client, 'A_QUALIFY');
    expect(qualify).toMatchObject({ results: ['CONFIRMED', 'NOT_CONFIRMED'], subject: { type: 'CLIENT_INTEREST', id: interest.id }, process: { id: sale.id } });
    expect(qualify.title).toContain(interest.number);
    // One working day from now, on the work calendar.
    expect(Date.parse(qualify.deadline!)).toBeGreaterThan(Date.now());

    await f.complete(manager.client, 'A_QUALIFY', 'CONFIRMED');
    stages.push(await f.stageName(interest.id));

    // The manager prepares an offer with 15 % off, above their 10 % limit.
    await manager.client.ok(OFFER, { i: { basedOnInterestId: interest.id, lines: [{ productId: product.id, quantity: '10', discountPercent: '15' }] } });
    await f.complete(manager.client, 'A_PREPARE_OFFER', 'READY');
    stages.push(await f.stageName(interest.id));

    // The nested approval goes to the head of sales: the manager's supervisor.
    let state = await f.instance(manager.client, sale.id);
    expect(state.activePoints).toEqual([expect.objectContaining({ id: 'N_APPROVAL', waitingFor: 'SUBPROCESS', child: { id: expect.any(String), templateCode: 'APPROVAL' } })]);
    const approval = await f.instance(supervisor.client, state.activePoints[0].child.id);
    expect(approval).toMatchObject({ templateCode: 'APPROVAL', subject: { type: 'COMMERCIAL_OFFER' }, parent: { id: sale.id } });
    const approve = await f.openTask(supervisor.client, 'A_APPROVE');
    expect(approve.subject).toMatchObject({ type: 'COMMERCIAL_OFFER' });
    await f.complete(supervisor.client, 'A_APPROVE', 'REJECTED', 'Too generous');
    // Rework by the manager, then a second round.
    await f.complete(manager.client, 'A_REWORK', 'RESUBMIT');
    expect((await f.openTask(supervisor.client, 'A_APPROVE')).title).toMatch(/^Approve /);
    await f.complete(supervisor.client, 'A_APPROVE', 'APPROVED');
    const approvalDone = await f.instance(supervisor.client, approval.id);
    expect(approvalDone).toMatchObject({ status: 'FINISHED', result: 'APPROVED' });
    expect(approvalDone.history.filter((h: { point: string }) => h.point === 'A_APPROVE').map((h: { result: string; comment: string | null; by: { id: string } }) => [h.result, h.comment, h.by.id])).toEqual([
      ['REJECTED', 'Too generous', supervisor.user.id],
      ['APPROVED', null, supervisor.user.id],
    ]);

    await f.complete(manager.client, 'A_SEND_OFFER', 'ACCEPTED');
    stages.push(await f.stageName(interest.id));

    // Contract conclusion: draft, the lawyer approves, the client answers with a protocol of disagreement: back to the draft.
    state = await f.instance(manager.client, sale.id);
    const contractId = state.activePoints.find((a: { id: string }) => a.id === 'N_CONTRACT').child.id;
    await f.complete(manager.client, 'A_DRAFT', 'READY');
    await f.complete(lawyer.client, 'A_APPROVE', 'APPROVED');
    await f.complete(manager.client, 'A_SEND_FOR_SIGNATURE', 'DISAGREEMENT_PROTOCOL', 'Client wants 60 days of payment');
    const redraft = await f.openTask(manager.client, 'A_DRAFT');
    expect(redraft.id).not.toBe(qualify.id);
    await f.complete(manager.client, 'A_DRAFT', 'READY');
    await f.complete(lawyer.client, 'A_APPROVE', 'APPROVED_WITH_REMARKS', 'Check the penalty clause');
    await f.complete(manager.client, 'A_SEND_FOR_SIGNATURE', 'SIGNED');
    await f.complete(lawyer.client, 'A_REGISTER', 'REGISTERED');
    const contract = await f.instance(manager.client, contractId);
    expect(contract).toMatchObject({ templateCode: 'CONTRACT', status: 'FINISHED', result: 'SIGNED' });
    expect(contract.children.map((c: { templateCode: string; result: string }) => [c.templateCode, c.result])).toEqual([
      ['APPROVAL', 'APPROVED'],
      ['APPROVAL', 'APPROVED'],
    ]);
    expect(contract.history.filter((h: { point: string }) => h.point === 'A_SEND_FOR_SIGNATURE').map((h: { result: string }) => h.result)).toEqual(['DISAGREEMENT_PROTOCOL', 'SIGNED']);

    // Invoice, then payment control (accountant) and delivery (warehouse) in parallel.
    await f.complete(manager.client, 'A_SEND_INVOICE', 'SENT');
    stages.push(await f.stageName(interest.id));
    state = await f.instance(manager.client, sale.id);
    expect(state.activePoints.map((a: { id: string }) => a.id).sort()).toEqual(['A_DELIVERY', 'A_PAYMENT']);
    await f.complete(warehouse.client, 'A_DELIVERY', 'READY');
    state = await f.instance(manager.client, sale.id);
    expect(state.activePoints.map((a: { id: string; waitingFor: string }) => [a.id, a.waitingFor]).sort()).toEqual([
      ['A_PAYMENT', 'TASK'],
      ['M_FULFILMENT', 'MERGE'],
    ]);
    await f.complete(accountant.client, 'A_PAYMENT', 'PAID');
    await f.complete(warehouse.client, 'A_SHIPMENT', 'SHIPPED');
    await f.complete(manager.client, 'A_CLOSING_DOCUMENTS', 'SENT');

    const done = await f.instance(manager.client, sale.id);
    expect(done).toMatchObject({ status: 'FINISHED', result: 'WON', activePoints: [] });
    expect(done.children.map((c: { templateCode: string }) => c.templateCode)).toEqual(['APPROVAL', 'CONTRACT']);
    expect(done.history.map((h: { point: string }) => h.point)).toEqual(expect.arrayContaining(['A_QUALIFY', 'N_APPROVAL', 'N_CONTRACT', 'M_FULFILMENT', 'P_WON', 'E_WON']));
    expect(done.history.filter((h: { point: string }) => h.point === 'M_FULFILMENT')).toHaveLength(1);
    expect(done.tasks.every((task: { state: string }) => task.state === 'DONE')).toBe(true);

    // The interest moved through the working stages and is won.
    expect(stages.map((s) => s.stage)).toEqual(['Первичный контакт', 'Выявление потребности', 'Коммерческое предложение', 'Согласование условий', 'Счет и оплата']);
    expect(await f.stageName(interest.id)).toEqual({ stage: 'Успешно', state: 'WON' });
    const history = await f.sales.historyOf(interest.id);
    expect(history.map((h) => h.to_state)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'WON']);
    // Nobody has an open task left.
    for (const who of Object.values(cast)) expect((await who.client.ok(MY_TASKS, { f: { state: 'OPEN' } })).myTasks.totalCount).toBe(0);
    // Some forty requests by six people: more than the default 30 s on a busy machine.
  }, 120_000);

  it('is lost when the client refuses to sign the contract, and when the need is not confirmed', async () => {
    const { manager, lawyer } = await saleCast(t);
    const { interest } = await f.interest(manager.user);
    const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id });
    await f.complete(manager.client, 'A_QUALIFY', 'CONFIRMED');
    await f.complete(manager.client, 'A_PREPARE_OFFER', 'READY');
    await f.complete(manager.client, 'A_SEND_OFFER', 'ACCEPTED');
    await f.complete(manager.client, 'A_DRAFT', 'READY');
    await f.complete(lawyer.client, 'A_APPROVE', 'APPROVED');
    await f.complete(manager.client, 'A_SEND_FOR_SIGNATURE', 'REFUSED', 'Signed with a competitor');
    const lost = await f.instance(manager.client, sale.id);
    expect(lost).toMatchObject({ status: 'FINISHED', result: 'LOST' });
    // The contract's REFUSED came back as NOT_SIGNED.
    expect(lost.children.map((c: { templateCode: string; result: string }) => [c.templateCode, c.result])).toEqual([['CONTRACT', 'REFUSED']]);
    expect(lost.history.find((h: { point: string }) => h.point === 'N_CONTRACT').result).toBe('NOT_SIGNED');
    expect(await f.stageName(interest.id)).toEqual({ stage: 'Проиграно', state: 'LOST' });
    const [row] = await t.app.db.query(`SELECT loss_comment, loss_reason_id FROM client_interests WHERE id = $1`, [interest.id]);
    expect(row.loss_comment).toContain('CONTRACT_NOT_SIGNED');
    expect(row.loss_reason_id).toEqual(expect.any(String));

    const { interest: other } = await f.interest(manager.user);
    const { startSaleProcess: early } = await manager.client.ok(START_SALE, { id: other.id });
    await f.complete(manager.client, 'A_QUALIFY', 'NOT_CONFIRMED', 'Only asked the price');
    expect(await f.instance(manager.client, early.id)).toMatchObject({ status: 'FINISHED', result: 'LOST' });
    expect(await f.stageName(other.id)).toEqual({ stage: 'Проиграно', state: 'LOST' });
    const [early_] = await t.app.db.query(`SELECT loss_comment FROM client_interests WHERE id = $1`, [other.id]);
    expect(early_.loss_comment).toContain('NEED_NOT_CONFIRMED');
  }, 60_000);

  it('skips the approval within the limit, and refuses a second running sale on the same interest', async () => {
    const { manager } = await saleCast(t);
    const { interest } = await f.interest(manager.user);
    const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id, p: { discountLimitPct: '10' } });
    const again = await manager.client.gql(START_SALE, { id: interest.id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROCESS_ALREADY_RUNNING', instanceId: sale.id });
    await f.complete(manager.client, 'A_QUALIFY', 'CONFIRMED');
    await f.complete(manager.client, 'A_PREPARE_OFFER', 'READY');
    const state = await f.instance(manager.client, sale.id);
    expect(state.activePoints.map((a: { id: string }) => a.id)).toEqual(['A_SEND_OFFER']);
    expect(state.children).toEqual([]);
  });
});

describe('completing a task', () => {
  it('refuses a wrong result, someone else, and a second completion, changing nothing', async () => {
    const { manager, supervisor } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest } = await f.interest(manager.user);
    const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id });
    const task = await f.openTask(manager.client, 'A_QUALIFY');
    const before = await f.instance(manager.client, sale.id);

    const wrong = await manager.client.gql(COMPLETE, { id: task.id, i: { result: 'APPROVED' } });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.result', reason: 'INVALID_RESULT' });
    expect(wrong.errors?.[0].message).toContain('CONFIRMED, NOT_CONFIRMED');

    // Another manager does not even see it; the supervisor sees it but is not its performer.
    expect((await other.client.gql(COMPLETE, { id: task.id, i: { result: 'CONFIRMED' } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await other.client.gql(TASK, { id: task.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await supervisor.client.ok(TASK, { id: task.id })).processTask.id).toBe(task.id);
    expect((await supervisor.client.gql(COMPLETE, { id: task.id, i: { result: 'CONFIRMED' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.anonymous().gql(COMPLETE, { id: task.id, i: { result: 'CONFIRMED' } })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await manager.client.gql(COMPLETE, { id: 'nope', i: { result: 'CONFIRMED' } })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    const unchanged = await f.instance(manager.client, sale.id);
    expect(unchanged.version).toBe(before.version);
    expect(unchanged.tasks).toEqual(before.tasks);
    expect((await manager.client.ok(TASK, { id: task.id })).processTask).toMatchObject({ state: 'OPEN', version: task.version });

    await manager.client.ok(COMPLETE, { id: task.id, i: { result: 'CONFIRMED', comment: 'Budget confirmed' } });
    const advanced = await f.instance(manager.client, sale.id);
    const twice = await manager.client.gql(COMPLETE, { id: task.id, i: { result: 'CONFIRMED' } });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASK_ALREADY_DONE' });
    const after = await f.instance(manager.client, sale.id);
    expect(after.version).toBe(advanced.version);
    expect(after.tasks).toHaveLength(2);

    const audit = await t.factories.auditOf(task.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].changes).toEqual(expect.arrayContaining([{ field: 'result', old: null, new: 'CONFIRMED' }]));
  });

  it('lets two parallel approvers answer at the same instant: the merge fires once', async () => {
    const { admin, manager } = await saleCast(t);
    const first = await t.as(Role.MANAGER);
    const second = await t.as(Role.MANAGER);
    const { startProcess: approval } = await admin.client.ok(START, {
      i: { templateCode: 'APPROVAL', parameters: { approvers: [first.user.id, second.user.id], mode: 'PARALLEL', initiatorId: manager.user.id } },
    });
    expect(approval.activePoints.map((a: { id: string }) => a.id)).toEqual(['A_APPROVE_PARALLEL', 'A_APPROVE_PARALLEL']);
    const [a, b] = await Promise.all([f.openTask(first.client, 'A_APPROVE_PARALLEL'), f.openTask(second.client, 'A_APPROVE_PARALLEL')]);
    const answers = await Promise.all([
      first.client.gql(COMPLETE, { id: a.id, i: { result: 'APPROVED' } }),
      second.client.gql(COMPLETE, { id: b.id, i: { result: 'APPROVED_WITH_REMARKS', comment: 'ok' } }),
    ]);
    expect(answers.map((r) => r.errors)).toEqual([undefined, undefined]);
    const done = (await admin.client.ok(INSTANCE, { id: approval.id })).processInstance;
    expect(done).toMatchObject({ status: 'FINISHED', result: 'APPROVED' });
    expect(done.history.filter((h: { point: string }) => h.point === 'M_APPROVERS')).toHaveLength(1);
    expect(done.history.filter((h: { point: string }) => h.point === 'E_APPROVED')).toHaveLength(1);
    expect(done.tasks).toHaveLength(2);
    // Nothing is left for the initiator: no rework was created.
    expect((await manager.client.ok(MY_TASKS, { f: { state: 'OPEN' } })).myTasks.totalCount).toBe(0);
  });
});
