import { ApiClient, unique, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import { salesFactories } from '../sales/interests/interests.testing';

/** GraphQL documents of the process API, as a client writes them. */
export const TASK_FIELDS = `id title description pointId state results deadline overdue allowRedirect assigneeNote result comment version
  performer { id } subject { type id title } process { id templateCode status }`;
export const INSTANCE_FIELDS = `id templateCode status result version parameters
  template { id code version name }
  subject { type id title }
  activePoints { id pointId name type waitingFor deadline task { id performer { id } } child { id templateCode } }
  history { seq point pointId name type kind result comment at by { id } }
  tasks { id pointId state result performer { id } }
  children { id templateCode status result }
  parent { id }`;

export const START_SALE = `mutation($id: ID!, $p: JSON) { startSaleProcess(interestId: $id, parameters: $p) { ${INSTANCE_FIELDS} } }`;
export const START = `mutation($i: StartProcessInput!) { startProcess(input: $i) { ${INSTANCE_FIELDS} } }`;
export const INSTANCE = `query($id: ID!) { processInstance(id: $id) { ${INSTANCE_FIELDS} } }`;
export const INSTANCES = `query($first: Int, $after: String, $f: ProcessInstanceFilter) {
  processInstances(first: $first, after: $after, filter: $f) { totalCount pageInfo { hasNextPage endCursor }
    edges { node { id templateCode status overdue activePoints { id name deadline } } } } }`;
export const MY_TASKS = `query($f: ProcessTaskFilter, $first: Int) { myTasks(first: $first, filter: $f) { totalCount edges { node { ${TASK_FIELDS} } } } }`;
export const TASKS = `query($f: ProcessTaskFilter, $first: Int) { processTasks(first: $first, filter: $f) { totalCount edges { node { ${TASK_FIELDS} } } } }`;
export const TASK = `query($id: ID!) { processTask(id: $id) { ${TASK_FIELDS} } }`;
export const COMPLETE = `mutation($id: ID!, $i: CompleteProcessTaskInput!) { completeTask(id: $id, input: $i) { ${TASK_FIELDS} } }`;
export const ACCEPT = `mutation($id: ID!) { acceptTask(id: $id) { id state version } }`;
export const REDIRECT = `mutation($id: ID!, $i: RedirectProcessTaskInput!) { redirectTask(id: $id, input: $i) { ${TASK_FIELDS} redirectedFrom { id } } }`;
export const CANCEL = `mutation($id: ID!, $reason: String) { cancelProcess(id: $id, reason: $reason) { id status result cancelReason tasks { id state } children { id status } } }`;
export const PUBLISH = `mutation($i: PublishProcessTemplateInput!) { publishProcessTemplate(input: $i) { id code version name published } }`;
export const SET_ROLE = `mutation($i: SetProcessRoleInput!) { setProcessRole(input: $i) { id role version user { id } } }`;
export const TASK_ASSIGNED = `subscription { taskAssigned { id title pointId state deadline performer { id } subject { type id } } }`;
export const TASK_UPDATED = `subscription { taskUpdated { id state result pointId performer { id } } }`;

/** The title of the probe tasks that make subscriptions live. */
export const LIVE_PROBE = 'Probe live';

export type Task = {
  id: string;
  title: string;
  pointId: string;
  state: string;
  results: string[];
  deadline: string | null;
  version: number;
  performer: { id: string };
  subject: { type: string; id: string; title: string | null } | null;
  process: { id: string; templateCode: string; status: string } | null;
};

/** A route map with one task for the user in the `who` parameter: pushes it a task on demand (subscription probes). */
export const PROBE_MAP = {
  name: 'Probe',
  points: [
    { id: 'START', type: 'START', name: 'Start' },
    { id: 'A_PROBE', type: 'ACTION', name: 'Probe {{parameters.tag}}', performer: { parameter: 'who' }, results: ['OK'] },
    { id: 'END', type: 'END', name: 'End', result: 'DONE' },
  ],
  edges: [
    { from: 'START', to: 'A_PROBE' },
    { from: 'A_PROBE', to: 'END' },
  ],
};

/**
 * The cast of a sale: a manager under a supervisor (the head of sales), a lawyer, an accountant and a warehouse
 * keeper holding the process roles, and an administrator to set them; each signed in over HTTP.
 */
export async function saleCast(t: TestServer) {
  const admin = await t.as(Role.ADMINISTRATOR);
  const supervisor = await t.as(Role.SUPERVISOR);
  const manager = await t.as(Role.MANAGER, { supervisorId: supervisor.user.id });
  const lawyer = await t.as(Role.MANAGER);
  const accountant = await t.as(Role.MANAGER);
  const warehouse = await t.as(Role.MANAGER);
  for (const [role, who] of [
    ['LAWYER', lawyer],
    ['ACCOUNTANT', accountant],
    ['WAREHOUSE', warehouse],
  ] as const) {
    await admin.client.ok(SET_ROLE, { i: { role, userId: who.user.id } });
  }
  // The supervisor's team now includes the manager: a fresh session sees it.
  const supervisorClient = await new ApiClient(t.url).login(supervisor.user.email);
  return { admin, supervisor: { ...supervisor, client: supervisorClient }, manager, lawyer, accountant, warehouse };
}

/** Test data and steps of processes, built over the API as the people involved would. */
export function processFactories(t: TestServer) {
  const sales = salesFactories(t);
  return {
    sales,
    /** An interest of `manager` with one product line, created by them. */
    async interest(manager: User) {
      const product = await sales.product({ price: '1000.00' });
      const ci = await sales.interest(manager, { lines: [{ productId: product.id, quantity: '10' }] });
      return { interest: ci, product };
    },
    /** The only open task of `client`'s at a point (failing when there is not exactly one). */
    async openTask(client: ApiClient, pointId: string): Promise<Task> {
      const { myTasks } = await client.ok<{ myTasks: { edges: Array<{ node: Task }> } }>(MY_TASKS, { f: { state: 'OPEN' }, first: 500 });
      const at = myTasks.edges.map((e) => e.node).filter((n) => n.pointId === pointId);
      if (at.length !== 1) throw new Error(`expected one open task at ${pointId}, found ${at.length}; open: ${myTasks.edges.map((e) => e.node.pointId).join(', ')}`);
      return at[0];
    },
    async complete(client: ApiClient, pointId: string, result: string, comment?: string) {
      const task = await this.openTask(client, pointId);
      const { completeTask } = await client.ok<{ completeTask: Task & { result: string } }>(COMPLETE, { id: task.id, i: { result, comment } });
      if (completeTask.state !== 'DONE' || completeTask.result !== result) throw new Error(`completing ${pointId} gave ${JSON.stringify(completeTask)}`);
      return completeTask;
    },
    async instance(client: ApiClient, id: string) {
      return (await client.ok(INSTANCE, { id })).processInstance;
    },
    async stageName(interestId: string): Promise<{ stage: string; state: string }> {
      const [row] = await t.app.db.query(`SELECT s.name AS stage, ci.state FROM client_interests ci JOIN sales_stages s ON s.id = ci.stage_id WHERE ci.id = $1`, [interestId]);
      return row;
    },
    /** Publishes the probe template once per server; returns its code. */
    async probeCode(admin: ApiClient) {
      const code = 'PROBE_TEMPLATE';
      const [exists] = await t.app.db.query(`SELECT 1 FROM process_templates WHERE code = $1`, [code]);
      if (!exists) await admin.ok(PUBLISH, { i: { code, map: PROBE_MAP } });
      return code;
    },
    /** Starts a probe process that gives `user` a task titled `Probe <tag>`. */
    async probe(admin: ApiClient, user: User, tag = unique()) {
      const code = await this.probeCode(admin);
      await admin.ok(START, { i: { templateCode: code, parameters: { who: user.id, tag } } });
      return `Probe ${tag}`;
    },
    /**
     * Makes a tab's subscription live with probe tasks titled `LIVE_PROBE`: every tab that went live this way drops
     * every such probe, also those made for the user's other tabs, so they never count as real pushes. A probe's
     * push can arrive before the HTTP answer that started it, so each is fired without waiting for that answer
     * (the harness drops answers that came before the trigger returned); the requests are awaited at the end.
     */
    async live<T>(sub: { live(trigger: () => Promise<(data: T) => boolean>): Promise<void> }, admin: ApiClient, user: User, titleOf: (data: T) => string | undefined) {
      const code = await this.probeCode(admin);
      const requests: Array<Promise<unknown>> = [];
      await sub.live(async () => {
        requests.push(admin.ok(START, { i: { templateCode: code, parameters: { who: user.id, tag: 'live' } } }));
        return (data) => titleOf(data) === LIVE_PROBE;
      });
      await Promise.all(requests);
    },
  };
}
