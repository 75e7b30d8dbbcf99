import { startTestServer, subscribe, unique, type ApiClient, type Subscription, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';

const REMINDER_DUE = `subscription { reminderDue { id userId text state subject { type id title } } }`;
const EVENT_CHANGED = `subscription { eventChanged { id event { id subject version state responsibleId viewerCan { update } } } }`;
const CREATE_REMINDER = `mutation($i: CreateReminderInput!) { createReminder(input: $i) { id } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id version } }`;
const UPDATE_EVENT = `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { id version } }`;

type Due = { reminderDue: { id: string; userId: string; text: string; state: string } };
type Changed = { eventChanged: { id: string; event: { id: string; subject: string; version: number; state: string; responsibleId: string; viewerCan: { update: boolean } } | null } };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const open: Array<Subscription<any>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function subscribed<T>(client: ApiClient, query: string) {
  const sub = await subscribe<T>(client, query);
  open.push(sub);
  return sub;
}

const remindIn = async (client: ApiClient, ms: number) =>
  (await client.ok(CREATE_REMINDER, { i: { text: unique('Ping '), remindAt: new Date(Date.now() + ms).toISOString() } })).createReminder.id as string;

/** Proves an eventChanged subscription is live: the user's own new event must come through. */
const liveEvents = (sub: Subscription<Changed>, user: User) =>
  sub.live(async () => {
    const probe = await t.factories.event(user, { noReminder: true });
    return (m) => m.eventChanged.id === probe.id;
  });

describe('reminderDue', () => {
  it("reaches only the reminder's own user", async () => {
    const { client: a, user: userA } = await t.as(Role.MANAGER);
    const { client: b, user: userB } = await t.as(Role.MANAGER);
    const subA = await subscribed<Due>(a, REMINDER_DUE);
    const subB = await subscribed<Due>(b, REMINDER_DUE);

    const bFirst = await remindIn(b, 500);
    // Two seconds later (two scheduler ticks at least): A's own, then B's second.
    const aOwn = await remindIn(a, 2_500);
    const bLast = await remindIn(b, 4_500);

    expect((await subB.next(15_000)).reminderDue).toMatchObject({ id: bFirst, userId: userB.id, state: 'DUE' });
    expect(subA.pending()).toBe(0);
    // Had B's reminder gone to A too, it would be queued before A's own.
    expect((await subA.next(15_000)).reminderDue).toMatchObject({ id: aOwn, userId: userA.id });
    expect((await subB.next(15_000)).reminderDue).toMatchObject({ id: bLast, userId: userB.id });
    expect(subA.pending()).toBe(0);
    expect(subB.pending()).toBe(0);
  });

  it('reaches every open tab of the user', async () => {
    const { client } = await t.as(Role.MANAGER);
    const tab1 = await subscribed<Due>(client, REMINDER_DUE);
    const tab2 = await subscribed<Due>(client, REMINDER_DUE);
    const id = await remindIn(client, 300);
    for (const tab of [tab1, tab2]) expect((await tab.next(15_000)).reminderDue.id).toBe(id);
  });

  it('is refused without a session', async () => {
    await expect(subscribe(t.anonymous(), REMINDER_DUE)).rejects.toThrow(/4403/);
    const forged = t.anonymous();
    forged.cookie = 'crm_session=forged-token';
    await expect(subscribe(forged, REMINDER_DUE)).rejects.toThrow(/4403/);
    await expect(subscribe(t.anonymous(), EVENT_CHANGED)).rejects.toThrow(/4403/);
  });
});

describe('eventChanged', () => {
  it('reaches the responsible, and the previous responsible on reassignment, with the event as it is now; nobody else', async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { client: a, user: userA } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b, user: userB } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: outsider, user: userC } = await t.as(Role.MANAGER);
    const subA = await subscribed<Changed>(a, EVENT_CHANGED);
    const subB = await subscribed<Changed>(b, EVENT_CHANGED);
    const subC = await subscribed<Changed>(outsider, EVENT_CHANGED);
    const subBoss = await subscribed<Changed>(supervisor, EVENT_CHANGED);
    for (const [sub, user] of [[subA, userA], [subB, userB], [subC, userC], [subBoss, boss]] as const) await liveEvents(sub, user);

    // The supervisor plans a call for A, then changes it twice: each push carries the event as it is then.
    const e = (await supervisor.ok(CREATE_EVENT, { i: { kind: 'CALL', subject: 'Call the bank', start: new Date(Date.now() + 86400_000).toISOString(), responsibleId: userA.id } })).createEvent;
    expect((await subA.next()).eventChanged).toMatchObject({ id: e.id, event: { id: e.id, version: 1, subject: 'Call the bank', responsibleId: userA.id } });
    await supervisor.ok(UPDATE_EVENT, { id: e.id, i: { version: 1, subject: 'Call the bank again' } });
    expect((await subA.next()).eventChanged).toMatchObject({ id: e.id, event: { version: 2, subject: 'Call the bank again' } });

    // Reassigned to B: B hears of it with the event; A, who may no longer see it, only hears that it changed.
    await supervisor.ok(UPDATE_EVENT, { id: e.id, i: { version: 2, responsibleId: userB.id } });
    expect((await subB.next()).eventChanged).toMatchObject({ id: e.id, event: { version: 3, responsibleId: userB.id, viewerCan: { update: true } } });
    expect((await subA.next()).eventChanged).toEqual({ id: e.id, event: null });

    // Nothing else reached anyone: each one's next push is their own new event.
    for (const [sub, user] of [[subA, userA], [subB, userB], [subC, userC], [subBoss, boss]] as const) {
      const own = await t.factories.event(user, { noReminder: true });
      expect((await sub.next()).eventChanged.id).toBe(own.id);
      expect(sub.pending()).toBe(0);
    }
  });

  it("is not sent to a colleague when a manager changes their own event", async () => {
    const { client: a, user: userA } = await t.as(Role.MANAGER);
    const { client: b, user: userB } = await t.as(Role.MANAGER);
    const subA = await subscribed<Changed>(a, EVENT_CHANGED);
    const subB = await subscribed<Changed>(b, EVENT_CHANGED);
    await liveEvents(subA, userA);
    await liveEvents(subB, userB);
    const e = await t.factories.event(userA, { noReminder: true });
    await a.ok(`mutation($id: ID!) { completeEvent(id: $id, input: { result: "Done" }) { id } }`, { id: e.id });
    expect((await subA.next()).eventChanged).toMatchObject({ id: e.id, event: { state: 'PLANNED' } });
    expect((await subA.next()).eventChanged).toMatchObject({ id: e.id, event: { state: 'COMPLETED', version: 2 } });
    const own = await t.factories.event(userB, { noReminder: true });
    expect((await subB.next()).eventChanged.id).toBe(own.id);
  });
});
