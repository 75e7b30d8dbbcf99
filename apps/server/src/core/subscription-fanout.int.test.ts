import { startTestServer, subscribe, unique, type ApiClient, type Subscription, type TestServer } from '../test/harness';
import { Role, type User } from '../modules/auth/user.entity';
import { REMINDER_DUE as REMINDER_DUE_TOPIC } from '../modules/activities/reminder.service';

/**
 * The fan-out over real sockets: each message is resolved once per audience (a user's tabs with the same
 * document), so these prove what must not change with it: every tab gets the whole push, nobody gets another's,
 * a message shared by two users is rendered for each, and errors stay coded.
 */
const REMINDER_DUE = `subscription ReminderDue { reminderDue { id text remindAt state firedAt userId subject { type id title } } }`;
const EVENT_CHANGED = `subscription { eventChanged { id event { id subject responsibleId viewerCan { update } } } }`;
const CREATE_REMINDER = `mutation($i: CreateReminderInput!) { createReminder(input: $i) { id } }`;
const UPDATE_EVENT = `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { id version } }`;

type Due = { reminderDue: { id: string; text: string; remindAt: string; state: string; firedAt: string; userId: string; subject: { type: string; id: string; title: string | null } | null } };
type Changed = { eventChanged: { id: string; event: { id: string; subject: string; responsibleId: string; viewerCan: { update: boolean } } | null } };

// In process, and through Redis when there is one (the message is parsed once per instance, then shared the same way).
const REDIS_URL = process.env.TEST_REDIS_URL;
const modes: Array<[string, Record<string, string>]> = [['in process', {}], ...(REDIS_URL ? [['through Redis', { REDIS_URL }] as [string, Record<string, string>]] : [])];

let t: TestServer;

const open: Array<Subscription<any>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function tabsOf<T>(client: ApiClient, query: string, count: number) {
  const tabs: Array<Subscription<T>> = [];
  for (let i = 0; i < count; i++) tabs.push(await subscribe<T>(client, query));
  open.push(...tabs);
  return tabs;
}

const remindIn = async (client: ApiClient, ms: number, subject?: { type: string; id: string }) =>
  (await client.ok(CREATE_REMINDER, { i: { text: unique('Call back '), remindAt: new Date(Date.now() + ms).toISOString(), subject } })).createReminder.id as string;

/** Proves eventChanged tabs are live, then empties them: each tab's probes also reach the user's other tabs. */
const liveEvents = async (tabs: Array<Subscription<Changed>>, user: User) => {
  for (const tab of tabs) {
    await tab.live(async () => {
      const probe = await t.factories.event(user, { noReminder: true });
      return (m) => m.eventChanged.id === probe.id;
    });
  }
  const last = await t.factories.event(user, { noReminder: true });
  for (const tab of tabs) while ((await tab.next()).eventChanged.id !== last.id);
};

describe.each(modes)('subscription fan-out %s', (_mode, env) => {
  beforeAll(async () => {
    t = await startTestServer({ env });
  });
  afterAll(() => t.close());

  it("gives each of a user's tabs the whole reminder, and a colleague's tab nothing", async () => {
    const { client: a, user: userA } = await t.as(Role.MANAGER);
    const { client: b, user: userB } = await t.as(Role.MANAGER);
    const counterparty = await t.factories.counterparty(userA);
    const tabsA = await tabsOf<Due>(a, REMINDER_DUE, 3);
    const [tabB] = await tabsOf<Due>(b, REMINDER_DUE, 1);

    const id = await remindIn(a, 300, { type: 'COUNTERPARTY', id: counterparty.id });
    const pushes = await Promise.all(tabsA.map((tab) => tab.next(15_000)));
    const [first] = pushes;
    expect(first.reminderDue).toMatchObject({ id, userId: userA.id, state: 'DUE', subject: { type: 'COUNTERPARTY', id: counterparty.id, title: expect.stringContaining(counterparty.name) } });
    expect(Date.parse(first.reminderDue.firedAt)).toBeGreaterThanOrEqual(Date.parse(first.reminderDue.remindAt));
    for (const p of pushes) expect(p).toEqual(first);

    // Had A's reminder reached B, it would be queued before B's own.
    const own = await remindIn(b, 300);
    expect((await tabB.next(15_000)).reminderDue).toMatchObject({ id: own, userId: userB.id });
    expect(tabB.pending()).toBe(0);
    for (const tab of tabsA) expect(tab.pending()).toBe(0);
  });

  it('renders one message shared by two users for each of them, on every tab', async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { client: a, user: userA } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b, user: userB } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const tabsA = await tabsOf<Changed>(a, EVENT_CHANGED, 2);
    const tabsB = await tabsOf<Changed>(b, EVENT_CHANGED, 2);
    await liveEvents(tabsA, userA);
    await liveEvents(tabsB, userB);
    const e = await t.factories.event(userA, { noReminder: true });
    for (const tab of tabsA) expect((await tab.next()).eventChanged.id).toBe(e.id);

    // Reassigned from A to B: one message for both. B sees the event, A (who may no longer see it) only its id.
    await supervisor.ok(UPDATE_EVENT, { id: e.id, i: { version: 1, responsibleId: userB.id } });
    for (const tab of tabsB) expect((await tab.next()).eventChanged).toEqual({ id: e.id, event: { id: e.id, subject: e.subject, responsibleId: userB.id, viewerCan: { update: true } } });
    for (const tab of tabsA) expect((await tab.next()).eventChanged).toEqual({ id: e.id, event: null });
  });

  it('sends an error in resolving a push to every tab coded, with a request id and nothing of the error itself', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const tabs = await tabsOf<Due>(client, REMINDER_DUE, 2);
    await remindIn(client, 300);
    for (const tab of tabs) await tab.next(15_000);

    // A message the resolvers cannot render (no text: a non-null field), as a broken publisher would send it.
    const now = new Date().toISOString();
    t.app.services.pubSub.publish(REMINDER_DUE_TOPIC, user.id, { id: crypto.randomUUID(), userId: user.id, text: null, remindAt: now, firedAt: now, subjectType: null, subjectId: null, offsetMinutes: null, createdAt: now });
    const messages = await Promise.all(tabs.map((tab) => tab.nextMessage(15_000)));
    for (const m of messages) {
      expect(m.data).toBeNull();
      expect(m.errors).toEqual([{ message: expect.stringMatching(/^Internal error; quote request id \S+ when reporting it$/), locations: expect.any(Array), path: ['reminderDue', 'text'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } }]);
    }
    // One resolution, so one logged error under one request id, whichever tab is asked about it.
    expect(messages[1].errors).toEqual(messages[0].errors);

    // The tabs are still subscribed.
    const next = await remindIn(client, 300);
    for (const tab of tabs) expect((await tab.next(15_000)).reminderDue.id).toBe(next);
  });
});
