import { DateTime } from 'luxon';
import { startTestServer, subscribe, type ApiClient, type Subscription, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import {
  ACCEPT,
  COMPLETE,
  INSTANCE,
  INSTANCES,
  MY_TASKS,
  REDIRECT,
  START,
  START_SALE,
  TASK,
  TASK_ASSIGNED,
  TASK_UPDATED,
  TASKS,
  processFactories,
  saleCast,
} from './processes.testing';

/**
 * Tasks as people live with them: pushed to every open tab of their performer and no one else, in the notification
 * centre, accepted, redirected, listed by deadline, escalated to the supervisor when overdue.
 */
let t: TestServer;
let f: ReturnType<typeof processFactories>;
let admin: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  f = processFactories(t);
  admin = (await t.as(Role.ADMINISTRATOR)).client;
});
afterAll(() => t.close());

type Assigned = { taskAssigned: { id: string; title: string; pointId: string; state: string; deadline: string | null; performer: { id: string }; subject: { type: string; id: string } | null } };
type Updated = { taskUpdated: { id: string; state: string; result: string | null; pointId: string; performer: { id: string } } };

const open: Array<Subscription<any>> = [];
afterEach(async () => {
  t.app.services.processes.now = () => new Date();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A tab of `client` subscribed to its task pushes, proven live by a probe task. */
async function assignedTab(client: ApiClient, user: User) {
  const sub = await subscribe<Assigned>(client, TASK_ASSIGNED);
  open.push(sub);
  await f.live(sub, admin, user, (m) => m.taskAssigned?.title);
  return sub;
}

/** A tab subscribed to task updates, proven live by a probe task that is completed at once. */
async function updatedTab(client: ApiClient, user: User) {
  const sub = await subscribe<Updated>(client, TASK_UPDATED);
  open.push(sub);
  const code = await f.probeCode(admin);
  const requests: Array<Promise<unknown>> = [];
  await sub.live(async () => {
    const { startProcess } = await admin.ok(START, { i: { templateCode: code, parameters: { who: user.id, tag: 'live' } } });
    const probe = startProcess.activePoints[0].task.id as string;
    requests.push(client.ok(COMPLETE, { id: probe, i: { result: 'OK' } }));
    return (m) => m.taskUpdated.id === probe;
  });
  await Promise.all(requests);
  return sub;
}

describe('taskAssigned', () => {
  it("reaches every tab of the task's performer and no one else's, with a notification for the performer", async () => {
    const { manager, supervisor } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const tab1 = await assignedTab(manager.client, manager.user);
    const tab2 = await assignedTab(manager.client, manager.user);
    const otherTab = await assignedTab(other.client, other.user);
    const supervisorTab = await assignedTab(supervisor.client, supervisor.user);

    const { interest } = await f.interest(manager.user);
    await manager.client.ok(START_SALE, { id: interest.id });
    for (const tab of [tab1, tab2]) {
      const { taskAssigned } = await tab.next();
      expect(taskAssigned).toMatchObject({ pointId: 'A_QUALIFY', state: 'OPEN', performer: { id: manager.user.id }, subject: { type: 'CLIENT_INTEREST', id: interest.id } });
      expect(taskAssigned.deadline).not.toBeNull();
    }
    // Had the manager's task gone to the others too, it would be queued before their own probe answer.
    const title = await f.probe(admin, other.user);
    expect((await otherTab.next()).taskAssigned.title).toBe(title);
    const supervisorTitle = await f.probe(admin, supervisor.user);
    expect((await supervisorTab.next()).taskAssigned.title).toBe(supervisorTitle);
    expect(tab1.pending() + tab2.pending() + otherTab.pending() + supervisorTab.pending()).toBe(0);

    const [note] = await t.app.db.query(`SELECT kind, title, body, object_type, object_id FROM notifications WHERE user_id = $1 AND kind = 'PROCESS_TASK_ASSIGNED' AND title LIKE '%' || $2 || '%'`, [
      manager.user.id,
      interest.number,
    ]);
    const task = await f.openTask(manager.client, 'A_QUALIFY');
    expect(note).toMatchObject({ kind: 'PROCESS_TASK_ASSIGNED', object_type: 'TASK', object_id: task.id });
    expect(note.title).toMatch(/^Новая задача: /);
    // The deadline reads as the performer does (their zone and language), not as an ISO instant.
    const due = DateTime.fromISO(task.deadline!).setZone('Europe/Moscow').setLocale('ru').toLocaleString(DateTime.DATETIME_MED);
    expect(note.body).toContain(`Срок: ${due}`);
    expect(note.body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('pushes the next task to its performer once the previous one is completed, and taskUpdated to the one who completed it', async () => {
    const { manager, supervisor } = await saleCast(t);
    const { interest, product } = await f.interest(manager.user);
    await manager.client.ok(START_SALE, { id: interest.id, p: { discountLimitPct: '5' } });
    await f.complete(manager.client, 'A_QUALIFY', 'CONFIRMED');
    await manager.client.ok(`mutation($i: CreateCommercialOfferInput!) { createCommercialOffer(input: $i) { id } }`, {
      i: { basedOnInterestId: interest.id, lines: [{ productId: product.id, quantity: '1', discountPercent: '7' }] },
    });
    const supervisorTab = await assignedTab(supervisor.client, supervisor.user);
    const managerUpdates = await updatedTab(manager.client, manager.user);

    const prepared = await f.complete(manager.client, 'A_PREPARE_OFFER', 'READY');
    expect((await managerUpdates.next()).taskUpdated).toMatchObject({ id: prepared.id, state: 'DONE', result: 'READY' });
    const { taskAssigned } = await supervisorTab.next();
    expect(taskAssigned).toMatchObject({ pointId: 'A_APPROVE', performer: { id: supervisor.user.id }, subject: { type: 'COMMERCIAL_OFFER' } });
  });
});

describe('a task', () => {
  it('is accepted by its performer only, and listed by deadline with its counts', async () => {
    const { manager } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest } = await f.interest(manager.user);
    await manager.client.ok(START_SALE, { id: interest.id });
    const task = await f.openTask(manager.client, 'A_QUALIFY');

    expect((await other.client.gql(ACCEPT, { id: task.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const accepted = (await manager.client.ok(ACCEPT, { id: task.id })).acceptTask;
    expect(accepted).toMatchObject({ state: 'ACCEPTED', version: task.version + 1 });
    // Accepting again changes nothing.
    expect((await manager.client.ok(ACCEPT, { id: task.id })).acceptTask).toEqual(accepted);
    // OPEN lists accepted ones too, unless asked for the exact state.
    expect((await manager.client.ok(MY_TASKS, { f: { state: 'OPEN' } })).myTasks.totalCount).toBe(1);
    expect((await manager.client.ok(MY_TASKS, { f: { state: 'OPEN', exactState: true } })).myTasks.totalCount).toBe(0);
    expect((await manager.client.ok(MY_TASKS, { f: { state: 'ACCEPTED' } })).myTasks.totalCount).toBe(1);
    expect((await manager.client.ok(`{ processTaskCounts { open overdue today notAccepted } }`)).processTaskCounts).toMatchObject({ open: 1, overdue: 0, notAccepted: 0 });

    // Two days later (by the clock of the service) it is overdue.
    t.app.services.processes.now = () => new Date(Date.now() + 10 * 86400_000);
    expect((await manager.client.ok(`{ processTaskCounts { open overdue } }`)).processTaskCounts).toEqual({ open: 1, overdue: 1 });
    const overdue = (await manager.client.ok(MY_TASKS, { f: { overdue: true } })).myTasks;
    expect(overdue.edges.map((e: { node: { id: string; overdue: boolean } }) => [e.node.id, e.node.overdue])).toEqual([[task.id, true]]);
  });

  it('pages by deadline with cursors', async () => {
    const { manager } = await saleCast(t);
    for (let i = 0; i < 3; i++) {
      const { interest } = await f.interest(manager.user);
      await manager.client.ok(START_SALE, { id: interest.id });
    }
    const page1 = (await manager.client.ok(`query { myTasks(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id deadline } } } }`)).myTasks;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await manager.client.ok(`query($a: String) { myTasks(first: 2, after: $a) { pageInfo { hasNextPage } edges { node { id deadline } } } }`, { a: page1.pageInfo.endCursor })).myTasks;
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.edges, ...page2.edges].map((e: { node: { id: string; deadline: string } }) => e.node);
    expect(new Set(all.map((n) => n.id)).size).toBe(3);
    expect(all.map((n) => n.deadline)).toEqual([...all.map((n) => n.deadline)].sort());
    const bad = await manager.client.gql(`query { myTasks(after: "garbage") { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('is redirected when its point allows it: the new performer gets it pushed, the old one sees it go', async () => {
    const { manager, supervisor } = await saleCast(t);
    const colleague = await t.as(Role.SUPERVISOR);
    const first = await t.as(Role.MANAGER);
    const { startProcess: approval } = await admin.ok(START, {
      i: { templateCode: 'APPROVAL', parameters: { approvers: [first.user.id], initiatorId: manager.user.id } },
    });
    const task = await f.openTask(first.client, 'A_APPROVE');
    const colleagueTab = await assignedTab(colleague.client, colleague.user);
    const firstUpdates = await updatedTab(first.client, first.user);

    // Someone outside the performer's team may not; an unknown user is bad input.
    expect((await supervisor.client.gql(REDIRECT, { id: task.id, i: { userId: colleague.user.id } })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const nobody = await first.client.gql(REDIRECT, { id: task.id, i: { userId: '00000000-0000-4000-8000-000000000000' } });
    expect(nobody.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });

    const { redirectTask } = await first.client.ok(REDIRECT, { id: task.id, i: { userId: colleague.user.id, comment: 'On leave' } });
    expect(redirectTask).toMatchObject({ state: 'OPEN', performer: { id: colleague.user.id }, redirectedFrom: { id: first.user.id } });
    expect((await colleagueTab.next()).taskAssigned).toMatchObject({ id: task.id, performer: { id: colleague.user.id } });
    expect((await firstUpdates.next()).taskUpdated).toMatchObject({ id: task.id, performer: { id: colleague.user.id } });
    expect((await first.client.gql(TASK, { id: task.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    await colleague.client.ok(COMPLETE, { id: task.id, i: { result: 'APPROVED' } });
    expect((await admin.ok(INSTANCE, { id: approval.id })).processInstance).toMatchObject({ status: 'FINISHED', result: 'APPROVED' });
  });

  it('cannot be redirected when its point does not allow it', async () => {
    const { manager } = await saleCast(t);
    const other = await t.as(Role.MANAGER);
    const { interest } = await f.interest(manager.user);
    await manager.client.ok(START_SALE, { id: interest.id });
    const task = await f.openTask(manager.client, 'A_QUALIFY');
    const r = await manager.client.gql(REDIRECT, { id: task.id, i: { userId: other.user.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REDIRECT_NOT_ALLOWED' });
    expect((await manager.client.ok(TASK, { id: task.id })).processTask.performer.id).toBe(manager.user.id);
  });
});

describe('escalation', () => {
  it("tells the performer's supervisor once when a task is overdue", async () => {
    const { manager, supervisor } = await saleCast(t);
    const { interest } = await f.interest(manager.user);
    await manager.client.ok(START_SALE, { id: interest.id });
    const task = await f.openTask(manager.client, 'A_QUALIFY');
    const processes = t.app.services.processes;
    expect(await processes.escalateDue(new Date())).not.toContain(task.id);

    const later = new Date(Date.now() + 10 * 86400_000);
    expect(await processes.escalateDue(later)).toContain(task.id);
    expect(await processes.escalateDue(later)).not.toContain(task.id);
    const notes = await t.app.db.query(`SELECT user_id, kind FROM notifications WHERE object_id = $1 AND kind = 'PROCESS_TASK_OVERDUE'`, [task.id]);
    expect(notes).toEqual([{ user_id: supervisor.user.id, kind: 'PROCESS_TASK_OVERDUE' }]);
    expect((await manager.client.ok(`query($id: ID!) { processTask(id: $id) { escalatedAt } }`, { id: task.id })).processTask.escalatedAt).not.toBeNull();

    // The supervisor's monitor shows the sale as overdue, and the team's tasks include it.
    processes.now = () => later;
    const monitor = (await supervisor.client.ok(INSTANCES, { f: { overdue: true, templateCode: 'SALE', subjectId: interest.id } })).processInstances;
    expect(monitor.edges.map((e: { node: { overdue: boolean } }) => e.node.overdue)).toEqual([true]);
    const team = (await supervisor.client.ok(TASKS, { f: { overdue: true, performerId: manager.user.id } })).processTasks;
    expect(team.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(task.id);
  });
});
