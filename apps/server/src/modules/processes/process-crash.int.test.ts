import { ApiClient, startTestServer, subscribe, type TestServer } from '../../test/harness';
import { createApp, type App } from '../../app';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { Role } from '../auth/user.entity';
import { COMPLETE, MY_TASKS, START_SALE, TASK_ASSIGNED, processFactories, saleCast } from './processes.testing';

/**
 * A crash at any moment of a transition loses no task and creates no duplicate. Inside the transaction the work
 * is all or nothing (a failure after some commands were applied leaves no trace); between the commit and the push
 * the task is safe in the database and a restarted server pushes it (once) from its outbox mark.
 */
let t: TestServer;
/** The server started again after the first one died (on the same database). */
let restarted: App | undefined;
afterAll(async () => {
  if (!restarted) return t?.close();
  await restarted.close();
  await t.app.db.destroy();
});

/**
 * A new server on the same database, as after a restart: new services, new pub/sub, nothing in memory of the
 * old one. (It shares the old one's connection pool: the embedded database serves one connection at a time.)
 */
async function restart(old: App): Promise<App> {
  await old.close();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'x'.repeat(40),
    CRM_WEB_DIR: '/nonexistent',
    CRM_AUTH_CACHE_MS: '0',
    // The redelivery is driven by hand below, once the tab is connected.
    CRM_SCHEDULER_INTERVAL_MS: '0',
  });
  return createApp(config, createLogger('silent'), { db: old.db, mode: old.databaseMode, close: async () => undefined });
}

type Assigned = { taskAssigned: { id: string; title: string; pointId: string } };

it('rolls a transition back whole when it fails midway, and a retry advances exactly once', async () => {
  t = await startTestServer();
  const f = processFactories(t);
  const { manager } = await saleCast(t);
  const { interest } = await f.interest(manager.user);
  const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id });
  const qualify = await f.openTask(manager.client, 'A_QUALIFY');
  const before = await f.instance(manager.client, sale.id);
  const stageBefore = await f.stageName(interest.id);
  const historyBefore = (await f.sales.historyOf(interest.id)).length;
  const counts = async () => ({
    tasks: await t.factories.count('process_tasks', 'instance_id = $1', [sale.id]),
    notes: await t.factories.count('notifications', `user_id = $1 AND kind = 'PROCESS_TASK_ASSIGNED'`, [manager.user.id]),
    audit: await t.factories.count('audit_log', 'entity_id = $1', [qualify.id]),
  });
  const countsBefore = await counts();

  // The process dies after the stage move and the next task were applied, before the commit.
  let applied: string[] = [];
  t.app.services.processes.hooks.afterCommand = (command) => {
    applied.push(command.type);
    if (command.type === 'CreateTask') throw new Error('killed mid-transition');
  };
  const crashed = await manager.client.gql(COMPLETE, { id: qualify.id, i: { result: 'CONFIRMED' } });
  expect(crashed.errors?.[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
  expect(applied).toEqual(['RunProcessing', 'CreateTask']);

  // Nothing of it stayed: the task is open, the process where it was, the interest on its stage, no new task.
  expect(await f.openTask(manager.client, 'A_QUALIFY')).toEqual(qualify);
  const still = await f.instance(manager.client, sale.id);
  expect(still.version).toBe(before.version);
  expect(still.activePoints.map((a: { id: string }) => a.id)).toEqual(['A_QUALIFY']);
  expect(await f.stageName(interest.id)).toEqual(stageBefore);
  expect((await f.sales.historyOf(interest.id)).length).toBe(historyBefore);
  expect(await counts()).toEqual(countsBefore);

  // After the "restart" the same completion goes through once.
  applied = [];
  t.app.services.processes.hooks.afterCommand = undefined;
  await manager.client.ok(COMPLETE, { id: qualify.id, i: { result: 'CONFIRMED' } });
  const after = await f.instance(manager.client, sale.id);
  expect(after.activePoints.map((a: { id: string }) => a.id)).toEqual(['A_PREPARE_OFFER']);
  expect((await f.sales.historyOf(interest.id)).length).toBe(historyBefore + 1);
  expect(await counts()).toEqual({ tasks: countsBefore.tasks + 1, notes: countsBefore.notes + 1, audit: countsBefore.audit + 1 });

  // Replaying the completion is refused and changes nothing.
  const replay = await manager.client.gql(COMPLETE, { id: qualify.id, i: { result: 'CONFIRMED' } });
  expect(replay.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASK_ALREADY_DONE' });
  expect((await f.instance(manager.client, sale.id)).version).toBe(after.version);
  expect(await counts()).toEqual({ tasks: countsBefore.tasks + 1, notes: countsBefore.notes + 1, audit: countsBefore.audit + 1 });
  // A replayed task creation finds the (instance, token) task already there.
  const [dup] = await t.app.db
    .query(`INSERT INTO process_tasks (instance_id, root_instance_id, token_id, point_id, title, performer_id, assignee, results, state)
            SELECT instance_id, root_instance_id, token_id, point_id, title, performer_id, assignee, results, 'OPEN' FROM process_tasks WHERE id = $1`, [qualify.id])
    .then(() => [null])
    .catch((err: { code?: string }) => [err.code]);
  expect(dup).toBe('23505');
});

it('pushes, after a restart, the next task whose push died with the server: it exists once and is delivered once', async () => {
  const f = processFactories(t);
  const admin = (await t.as(Role.ADMINISTRATOR)).client;
  const { manager } = await saleCast(t);
  const { interest } = await f.interest(manager.user);
  const { startSaleProcess: sale } = await manager.client.ok(START_SALE, { id: interest.id });

  // The server commits the completion and dies before pushing the next task.
  t.app.services.processes.hooks.dropPushes = true;
  await f.complete(manager.client, 'A_QUALIFY', 'CONFIRMED');
  const [{ n: unpushed }] = await t.app.db.query(`SELECT count(*)::int AS n FROM process_tasks WHERE instance_id = $1 AND point_id = 'A_PREPARE_OFFER' AND pushed_at IS NULL`, [sale.id]);
  expect(unpushed).toBe(1);

  // A new server on the same database; the manager's tab reconnects to it.
  restarted = await restart(t.app);
  const server = restarted;
  const f2 = processFactories({ ...t, app: server, url: server.url });
  const client = new ApiClient(server.url);
  client.cookie = manager.client.cookie;
  const admin2 = new ApiClient(server.url);
  admin2.cookie = admin.cookie;
  const tab = await subscribe<Assigned>(client, TASK_ASSIGNED);
  try {
    await f2.live(tab, admin2, manager.user, (m) => m.taskAssigned?.title);
    expect(await server.services.processes.redeliver(0)).toBeGreaterThanOrEqual(1);
    const { taskAssigned } = await tab.nextWhere((m) => m.taskAssigned.pointId === 'A_PREPARE_OFFER');
    const tasks = (await client.ok(MY_TASKS, { f: { state: 'OPEN' } })).myTasks.edges.map((e: { node: { id: string; pointId: string } }) => e.node);
    expect(tasks.filter((n: { pointId: string }) => n.pointId === 'A_PREPARE_OFFER').map((n: { id: string }) => n.id)).toEqual([taskAssigned.id]);
    // Pushed once: the outbox mark is set, a second run has nothing for it.
    await server.services.processes.redeliver(0);
    const [{ n }] = await server.db.query(`SELECT count(*)::int AS n FROM process_tasks WHERE id = $1 AND pushed_at IS NOT NULL`, [taskAssigned.id]);
    expect(n).toBe(1);
    expect(tab.pending()).toBe(0);
  } finally {
    await tab.close();
  }
});
