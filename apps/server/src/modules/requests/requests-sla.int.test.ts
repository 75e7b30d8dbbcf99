import { DateTime } from 'luxon';
import { startTestServer, subscribe, unique, type ApiClient, type Subscription, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import { NotificationKind } from '../notifications/notification.entity';
import { withTransaction } from '../../core/database/transaction';

/**
 * SLA deadlines in working time, the pause while waiting for the client, escalation of breaches and the
 * supervisor's control of critical requests. "Now" is moved through `services.requests.now`; the dates are in
 * 2031, which no other test uses (2031-01-10 is a Friday).
 */
const FIELDS = `id number state critical reactionDeadline resolutionDeadline reactedAt resolvedAt pausedMinutes slaPaused overdue aboutToBreach reactionBreached resolutionBreached
  reactionEscalatedAt resolutionEscalatedAt closureConfirmedAt closureConfirmedBy { id } version viewerCan { close confirmClosure }`;
const CREATE = `mutation($i: CreateClientRequestInput!) { createClientRequest(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateClientRequestInput!) { updateClientRequest(id: $id, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { clientRequest(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: ClientRequestFilter) { clientRequests(filter: $f) { totalCount edges { node { id } } } }`;
const COUNTS = `query { clientRequestCounts { open mine critical breached aboutToBreach } }`;
const TAKE = `mutation($id: ID!) { takeClientRequestIntoWork(id: $id) { ${FIELDS} } }`;
const SUSPEND = `mutation($id: ID!) { suspendClientRequest(id: $id) { ${FIELDS} } }`;
const RESUME = `mutation($id: ID!) { resumeClientRequest(id: $id) { ${FIELDS} } }`;
const RESOLVE = `mutation($id: ID!, $i: ResolveClientRequestInput!) { resolveClientRequest(id: $id, input: $i) { ${FIELDS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmClientRequestClosure(id: $id) { ${FIELDS} } }`;
const CLOSE = `mutation($id: ID!) { closeClientRequest(id: $id) { ${FIELDS} } }`;
const CALENDAR = `query { workCalendar { version } }`;
const SET_CALENDAR = `mutation($i: SetWorkCalendarInput!) { setWorkCalendar(input: $i) { version } }`;
const SET_EXCEPTION = `mutation($i: SetWorkCalendarExceptionInput!) { setWorkCalendarException(input: $i) { id } }`;
const REMOVE_EXCEPTION = `mutation($d: LocalDate!) { removeWorkCalendarException(date: $d) }`;
const EVENTS = `query($f: EventFilter) { events(filter: $f) { totalCount edges { node { id subject state importance responsibleId counterpartyId contactPersonId start basedOn { type id } } } } }`;
const RECEIVED = `subscription { notificationReceived { id kind title body object { type id title } } }`;

type Received = { notificationReceived: { id: string; kind: string; title: string; body: string | null; object: { type: string; id: string; title: string | null } | null } };

const msk = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Moscow' }).toJSDate();
const iso = (local: string) => msk(local).toISOString();

let t: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.as(Role.ADMINISTRATOR)).client;
  // The standard calendar, whatever the worker's earlier files left.
  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => (weekday <= 5 ? { weekday, start: '09:00', end: '18:00' } : { weekday, start: null, end: null }));
  await admin.ok(SET_CALENDAR, { i: { version: (await admin.ok(CALENDAR)).workCalendar.version, timeZone: 'Europe/Moscow', week } });
});
afterAll(() => t.close());

const open: Array<Subscription<any>> = [];
afterEach(async () => {
  t.app.services.requests.now = () => new Date();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Moves the request module's "now" to a Moscow wall-clock time. */
const clock = (local: string) => {
  const at = msk(local);
  t.app.services.requests.now = () => new Date(at);
};

async function team() {
  const { client: bossClient, user: boss } = await t.as(Role.SUPERVISOR);
  const { client, user } = await t.as(Role.MANAGER, { supervisorId: boss.id });
  const counterparty = await t.factories.counterparty(user);
  const person = await t.factories.contactPerson(user, { counterpartyId: counterparty.id });
  return { bossClient, boss, client, user, counterparty, person };
}

async function create(client: ApiClient, input: Record<string, unknown>) {
  return (await client.ok(CREATE, { i: { kind: 'CLAIM', channel: 'PHONE', priority: 'HIGH', subject: unique('Претензия '), ...input } })).createClientRequest;
}
const get = async (client: ApiClient, id: string) => (await client.ok(GET, { id })).clientRequest;
const ids = (r: { clientRequests: { edges: Array<{ node: { id: string } }> } }) => r.clientRequests.edges.map((e) => e.node.id);
const countOf = (table: string, where: string, params: unknown[]) => t.factories.count(table, where, params);

describe('deadlines in working time', () => {
  it('skip the weekend; "about to breach" and "overdue" follow the clock in the lists and the badge', async () => {
    const { client, counterparty } = await team();
    clock('2031-01-10T17:30'); // Friday evening
    const r = await create(client, { counterpartyId: counterparty.id }); // CLAIM/HIGH: reaction 60, resolution 1080 working minutes
    expect(r.reactionDeadline).toBe(iso('2031-01-13T09:30'));
    expect(r.resolutionDeadline).toBe(iso('2031-01-14T17:30'));

    clock('2031-01-11T12:00'); // Saturday: a weekend does not use up the time
    expect(await get(client, r.id)).toMatchObject({ overdue: false, aboutToBreach: false, reactionBreached: false });
    expect(ids(await client.ok(LIST, { f: { overdue: true } }))).not.toContain(r.id);

    clock('2031-01-13T09:20'); // Monday, 50 of 60 minutes used
    expect(await get(client, r.id)).toMatchObject({ overdue: false, aboutToBreach: true });
    expect(ids(await client.ok(LIST, { f: { aboutToBreach: true } }))).toEqual([r.id]);
    expect((await client.ok(COUNTS)).clientRequestCounts).toMatchObject({ open: 1, breached: 0, aboutToBreach: 1 });

    clock('2031-01-13T09:31');
    expect(await get(client, r.id)).toMatchObject({ overdue: true, aboutToBreach: false, reactionBreached: true });
    expect(ids(await client.ok(LIST, { f: { overdue: true, critical: false } }))).toEqual([r.id]);
    expect(ids(await client.ok(LIST, { f: { overdue: false } }))).toEqual([]);
    expect((await client.ok(COUNTS)).clientRequestCounts).toMatchObject({ open: 1, breached: 1, aboutToBreach: 0 });

    // Taken into work late: the reaction stays breached, the request is no longer late (resolution is Tuesday).
    const taken = (await client.ok(TAKE, { id: r.id })).takeClientRequestIntoWork;
    expect(taken).toMatchObject({ reactedAt: iso('2031-01-13T09:31'), reactionBreached: true, overdue: false, resolutionBreached: false });
  });

  it('skip holidays of the work calendar', async () => {
    const { client, counterparty } = await team();
    await admin.ok(SET_EXCEPTION, { i: { date: '2031-01-20', kind: 'HOLIDAY', name: 'test holiday' } });
    try {
      clock('2031-01-17T17:30'); // Friday; Monday the 20th is a holiday
      const r = await create(client, { counterpartyId: counterparty.id });
      expect(r.reactionDeadline).toBe(iso('2031-01-21T09:30'));
    } finally {
      await admin.ok(REMOVE_EXCEPTION, { d: '2031-01-20' });
    }
  });

  it('pause while waiting for the client, over a weekend: the resolution deadline moves by the working time waited', async () => {
    const { client, counterparty } = await team();
    clock('2031-01-10T16:00');
    const r = await create(client, { counterpartyId: counterparty.id });
    expect(r.resolutionDeadline).toBe(iso('2031-01-14T16:00')); // Fri 120 + Mon 540 + Tue 420
    clock('2031-01-10T16:30');
    await client.ok(TAKE, { id: r.id });
    clock('2031-01-10T17:00');
    expect((await client.ok(SUSPEND, { id: r.id })).suspendClientRequest).toMatchObject({ state: 'WAITING_FOR_CLIENT', slaPaused: true });

    clock('2031-01-14T16:30'); // past the old deadline, but the clock is stopped
    expect(await get(client, r.id)).toMatchObject({ overdue: false, resolutionBreached: false });

    clock('2031-01-13T10:00'); // the client answered on Monday morning (Fri 17–18 and Mon 9–10 waited: 120 working minutes)
    const resumed = (await client.ok(RESUME, { id: r.id })).resumeClientRequest;
    expect(resumed).toMatchObject({ state: 'IN_PROGRESS', pausedMinutes: 120, slaPaused: false });
    expect(resumed.resolutionDeadline).toBe(iso('2031-01-14T18:00'));

    clock('2031-01-14T17:59');
    expect(await get(client, r.id)).toMatchObject({ overdue: false, resolutionBreached: false });
    clock('2031-01-14T18:01');
    expect(await get(client, r.id)).toMatchObject({ overdue: true, resolutionBreached: true });
    clock('2031-01-14T18:30');
    const resolved = (await client.ok(RESOLVE, { id: r.id, i: { solution: 'Исправлено' } })).resolveClientRequest;
    expect(resolved).toMatchObject({ state: 'RESOLVED', overdue: false, resolutionBreached: true, resolvedAt: iso('2031-01-14T18:30') });
  });
});

describe('escalation', () => {
  const tick = () => t.app.services.requests.escalateDue();

  it("fires once per breached deadline, even with concurrent ticks: the supervisor is notified and gets a control task based on the request", async () => {
    const { bossClient, boss, client, user, counterparty, person } = await team();
    clock('2031-01-10T17:30');
    const r = await create(client, { counterpartyId: counterparty.id, contactPersonId: person.id });
    clock('2031-01-13T09:00');
    const notYet = await create(client, { counterpartyId: counterparty.id }); // its reaction is due at 10:00

    clock('2031-01-13T09:31');
    await Promise.all([tick(), tick()]);
    await tick();
    await tick();

    expect((await get(client, r.id)).reactionEscalatedAt).toBe(iso('2031-01-13T09:31'));
    expect((await get(client, notYet.id)).reactionEscalatedAt).toBeNull();
    expect(await countOf('notifications', `user_id = $1 AND kind = 'CLIENT_REQUEST_ESCALATED' AND object_id = $2`, [boss.id, r.id])).toBe(1);
    expect(await countOf('notifications', `user_id = $1 AND kind = 'CLIENT_REQUEST_ESCALATED' AND object_id = $2`, [user.id, r.id])).toBe(1);
    expect(await countOf('notifications', `object_id = $1`, [notYet.id])).toBe(0);

    // The control task is in the supervisor's Tasks tab, based on the request, with its client.
    const tasks = (await bossClient.ok(EVENTS, { f: { basedOn: { type: 'CLIENT_REQUEST', id: r.id } } })).events;
    expect(tasks.totalCount).toBe(1);
    expect(tasks.edges[0].node).toMatchObject({
      subject: `Взять под контроль обращение ${r.number}`,
      state: 'PLANNED',
      importance: 'HIGH',
      responsibleId: boss.id,
      counterpartyId: counterparty.id,
      contactPersonId: person.id,
      start: iso('2031-01-13T09:31'),
      basedOn: { type: 'CLIENT_REQUEST', id: r.id },
    });
    const escalationAudit = (await t.factories.auditOf(r.id)).filter((a: any) => a.changes.some((c: { field: string }) => c.field === 'reactionEscalatedAt'));
    expect(escalationAudit).toHaveLength(1);
    expect(escalationAudit[0].actor_id).toBeNull();

    // The resolution deadline (Tuesday 17:30) escalates separately, once.
    await client.ok(TAKE, { id: r.id });
    clock('2031-01-14T17:31');
    await Promise.all([tick(), tick()]);
    await tick();
    expect((await get(client, r.id)).resolutionEscalatedAt).toBe(iso('2031-01-14T17:31'));
    expect(await countOf('notifications', `user_id = $1 AND kind = 'CLIENT_REQUEST_ESCALATED' AND object_id = $2`, [boss.id, r.id])).toBe(2);
    expect(await countOf('events', `based_on_type = 'CLIENT_REQUEST' AND based_on_id = $1 AND responsible_id = $2`, [r.id, boss.id])).toBe(2);
  });

  it('does not escalate a request waiting for the client', async () => {
    const { client, counterparty } = await team();
    clock('2031-01-10T16:00');
    const r = await create(client, { counterpartyId: counterparty.id });
    await client.ok(TAKE, { id: r.id });
    await client.ok(SUSPEND, { id: r.id });
    clock('2031-01-20T12:00');
    await tick();
    expect((await get(client, r.id)).resolutionEscalatedAt).toBeNull();
  });
});

describe('control of critical requests', () => {
  /** Proves a tab is subscribed: a notification to its user must come through; probes are not counted. */
  async function liveTab(client: ApiClient, user: User) {
    const sub = await subscribe<Received>(client, RECEIVED);
    open.push(sub);
    await sub.live(async () => {
      await withTransaction(t.app.db, (tx) => t.app.services.notifications.notify(tx, [user.id], { kind: NotificationKind.OTHER, title: 'probe' }));
      return (m) => m.notificationReceived.title === 'probe';
    });
    return sub;
  }

  it("notifies the supervisor's open tab at once when a request is registered as critical", async () => {
    const { bossClient, boss, client, user, counterparty } = await team();
    const bossTab = await liveTab(bossClient, boss);
    const managerTab = await liveTab(client, user);
    const r = await create(client, { counterpartyId: counterparty.id, critical: true, subject: 'Сломался сервер' });
    const pushed = (await bossTab.next()).notificationReceived;
    expect(pushed).toMatchObject({
      kind: 'CLIENT_REQUEST_CRITICAL',
      title: `Критичное обращение ${r.number}: Сломался сервер`,
      object: { type: 'CLIENT_REQUEST', id: r.id, title: `${r.number} Сломался сервер` },
    });
    expect(pushed.body).toContain(user.fullName);
    expect(managerTab.pending()).toBe(0);
    expect((await bossClient.ok(COUNTS)).clientRequestCounts.critical).toBe(1);
  });

  it('notifies the supervisor when an existing request is marked critical', async () => {
    const { boss, client, counterparty } = await team();
    const r = await create(client, { counterpartyId: counterparty.id });
    expect(await countOf('notifications', `user_id = $1 AND object_id = $2`, [boss.id, r.id])).toBe(0);
    await client.ok(UPDATE, { id: r.id, i: { version: r.version, critical: true } });
    expect(await countOf('notifications', `user_id = $1 AND kind = 'CLIENT_REQUEST_CRITICAL' AND object_id = $2`, [boss.id, r.id])).toBe(1);
  });

  it("is closed only after the supervisor's confirmation, which only the supervisor (or an administrator) gives", async () => {
    const { bossClient, boss, client, counterparty } = await team();
    const { client: otherBoss } = await t.as(Role.SUPERVISOR);
    const r = await create(client, { counterpartyId: counterparty.id, critical: true });
    await client.ok(TAKE, { id: r.id });
    const resolved = (await client.ok(RESOLVE, { id: r.id, i: { solution: 'Заменили блок питания' } })).resolveClientRequest;
    expect(resolved.viewerCan).toEqual({ close: false, confirmClosure: false });
    expect(await countOf('notifications', `user_id = $1 AND kind = 'CLIENT_REQUEST_CONFIRMATION_NEEDED' AND object_id = $2`, [boss.id, r.id])).toBe(1);

    const refused = await client.gql(CLOSE, { id: r.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFIRMATION_REQUIRED' });
    expect((await client.gql(CONFIRM, { id: r.id })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_SUPERVISOR' });
    expect((await otherBoss.gql(CONFIRM, { id: r.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await get(client, r.id)).toMatchObject({ state: 'RESOLVED', version: resolved.version, closureConfirmedAt: null });

    expect((await get(bossClient, r.id)).viewerCan.confirmClosure).toBe(true);
    const confirmed = (await bossClient.ok(CONFIRM, { id: r.id })).confirmClientRequestClosure;
    expect(confirmed.closureConfirmedBy).toEqual({ id: boss.id });
    expect((await bossClient.gql(CONFIRM, { id: r.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CONFIRMED' });
    expect((await get(client, r.id)).viewerCan.close).toBe(true);
    expect((await client.ok(CLOSE, { id: r.id })).closeClientRequest.state).toBe('CLOSED');
    const audit = await t.factories.auditOf(r.id);
    expect(audit.some((a: any) => a.actor_id === boss.id && a.changes.some((c: { field: string }) => c.field === 'closureConfirmedById'))).toBe(true);
  });

  it('is confirmed by an administrator when the responsible has no supervisor; a reopening needs a new confirmation', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const counterparty = await t.factories.counterparty(user);
    const r = await create(client, { counterpartyId: counterparty.id, critical: true });
    await client.ok(TAKE, { id: r.id });
    await client.ok(RESOLVE, { id: r.id, i: { solution: 'Готово' } });
    await admin.ok(CONFIRM, { id: r.id });
    await client.ok(`mutation($id: ID!) { reopenClientRequest(id: $id) { id } }`, { id: r.id });
    await client.ok(TAKE, { id: r.id });
    await client.ok(RESOLVE, { id: r.id, i: { solution: 'Готово снова' } });
    expect((await client.gql(CLOSE, { id: r.id })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONFIRMATION_REQUIRED' });
  });
});
