import { startTestServer, subscribe, unique, type ApiClient, type Subscription, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import { NotificationKind } from './notification.entity';
import { withTransaction } from '../../core/database/transaction';

const RECEIVED = `subscription { notificationReceived { id userId kind title body read createdAt } }`;
const LIST = `query($first: Int, $after: String, $unread: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unread) { totalCount edges { node { id title kind read readAt } } pageInfo { hasNextPage endCursor } } }`;
const COUNT = `query { unreadNotificationCount }`;
const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read readAt } }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;

type Received = { notificationReceived: { id: string; userId: string; kind: string; title: string; body: string | null; read: boolean } };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const open: Array<Subscription<any>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
async function tab(client: ApiClient) {
  const sub = await subscribe<Received>(client, RECEIVED);
  open.push(sub);
  return sub;
}

/** What another module does: notify inside its own transaction. Returns the ids created. */
async function notify(users: User[], title = unique('Note '), fail = false) {
  const ids: string[] = [];
  await withTransaction(t.app.db, async (tx) => {
    const created = await t.app.services.notifications.notify(tx, users.map((u) => u.id), { kind: NotificationKind.OTHER, title, body: 'details' });
    ids.push(...created.map((n) => n.id));
    if (fail) throw new Error('the caller rolls back');
  }).catch((err) => {
    if (!fail) throw err;
  });
  return ids;
}

/**
 * Proves a tab is subscribed: a notification to its user must come through. Probes are left out of what is
 * counted — every probe, also those made live for the user's other tabs.
 */
const makeLive = (sub: Subscription<Received>, user: User) =>
  sub.live(async () => {
    await notify([user], 'probe');
    return (m) => m.notificationReceived.title === 'probe';
  });

describe('notificationReceived', () => {
  it("reaches every tab of its recipient, and no one else's", async () => {
    const { client: a, user: userA } = await t.as(Role.MANAGER);
    const { client: b, user: userB } = await t.as(Role.MANAGER);
    const a1 = await tab(a);
    const a2 = await tab(a);
    const b1 = await tab(b);
    await makeLive(a1, userA);
    await makeLive(a2, userA);
    await makeLive(b1, userB);

    const [forA] = await notify([userA], 'Для A');
    for (const s of [a1, a2]) expect((await s.next()).notificationReceived).toMatchObject({ id: forA, userId: userA.id, title: 'Для A', body: 'details', kind: 'OTHER', read: false });
    const [forB] = await notify([userB], 'Для B');
    // Had A's notification gone to B too, it would be queued before B's own.
    expect((await b1.next()).notificationReceived).toMatchObject({ id: forB, userId: userB.id });
    expect(a1.pending() + a2.pending() + b1.pending()).toBe(0);
  });

  it('is pushed only once the transaction commits: a rolled-back notification is neither stored nor pushed', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const sub = await tab(client);
    await makeLive(sub, user);
    const [lost] = await notify([user], 'rolled back', true);
    const [kept] = await notify([user], 'committed');
    expect((await sub.next()).notificationReceived.id).toBe(kept);
    expect(sub.pending()).toBe(0);
    expect(await t.factories.count('notifications', 'id = $1', [lost])).toBe(0);
  });

  it('is refused without a session', async () => {
    await expect(subscribe(t.anonymous(), RECEIVED)).rejects.toThrow(/4403/);
  });
});

describe('the notification centre', () => {
  it('lists my notifications newest first, page by page, with the unread count', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { user: other } = await t.as(Role.MANAGER);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await notify([user], `N${i}`)));
    await notify([other], 'not mine');

    const page1 = (await client.ok(LIST, { first: 3 })).notifications;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: any) => e.node.title)).toEqual(['N4', 'N3', 'N2']);
    const page2 = (await client.ok(LIST, { first: 3, after: page1.pageInfo.endCursor })).notifications;
    expect(page2.edges.map((e: any) => e.node.title)).toEqual(['N1', 'N0']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await client.ok(COUNT)).unreadNotificationCount).toBe(5);

    const marked = (await client.ok(MARK, { ids: [ids[0], ids[1]] })).markNotificationsRead;
    expect(marked.map((n: any) => [n.id, n.read])).toEqual([
      [ids[0], true],
      [ids[1], true],
    ]);
    expect((await client.ok(COUNT)).unreadNotificationCount).toBe(3);
    const unread = (await client.ok(LIST, { unread: true })).notifications;
    expect(unread.totalCount).toBe(3);
    expect(unread.edges.map((e: any) => e.node.title)).toEqual(['N4', 'N3', 'N2']);

    // Marking again keeps the first reading time.
    const again = (await client.ok(MARK, { ids: [ids[0]] })).markNotificationsRead[0];
    expect(again.readAt).toBe(marked[0].readAt);

    expect((await client.ok(MARK_ALL)).markAllNotificationsRead).toBe(3);
    expect((await client.ok(COUNT)).unreadNotificationCount).toBe(0);
    expect(await t.factories.count('notifications', 'user_id = $1 AND read_at IS NULL', [other.id])).toBe(1);
  });

  it('pages through notifications of the same instant and of the same millisecond without skipping any', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    // Three in one transaction share its timestamp; two more differ only in microseconds.
    await withTransaction(t.app.db, async (tx) => {
      for (const title of ['same1', 'same2', 'same3']) await t.app.services.notifications.notify(tx, [user.id], { kind: NotificationKind.OTHER, title });
    });
    await t.app.db.query(
      `INSERT INTO notifications (user_id, kind, title, created_at) VALUES ($1, 'OTHER', 'micro1', '2020-01-01T00:00:00.123456Z'), ($1, 'OTHER', 'micro2', '2020-01-01T00:00:00.123400Z')`,
      [user.id],
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await client.ok(LIST, { first: 1, after })).notifications;
      seen.push(...page.edges.map((e: any) => e.node.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.slice(0, 3).sort()).toEqual(['same1', 'same2', 'same3']);
    expect(seen.slice(3)).toEqual(['micro1', 'micro2']);
  });

  it("refuses someone else's notification as not found and changes nothing; refuses bad ids and no ids", async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { user: other } = await t.as(Role.MANAGER);
    const [mine] = await notify([user]);
    const [theirs] = await notify([other]);
    const r = await client.gql(MARK, { ids: [mine, theirs] });
    expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('notifications', 'id = ANY($1) AND read_at IS NOT NULL', [[mine, theirs]])).toBe(0);
    expect((await client.gql(MARK, { ids: ['nope'] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids.0' });
    expect((await client.gql(MARK, { ids: [] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it('needs a session', async () => {
    for (const q of [LIST, COUNT, MARK_ALL]) expect((await t.anonymous().gql(q)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
