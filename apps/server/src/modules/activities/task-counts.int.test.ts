import { DateTime } from 'luxon';
import { startTestServer, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { EventState } from './activities.enums';

const OVERDUE = `query($id: ID!) { event(id: $id) { id overdue } }`;
const LIST = `query($f: EventFilter) { events(first: 100, filter: $f) { totalCount edges { node { id overdue } } } }`;
const COUNTS = `{ taskCounts { overdue today dueReminders total } }`;
const SET_ZONE = `mutation($z: String!) { setMyTimeZone(timeZone: $z) { id timeZone } }`;

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const ids = async (client: ApiClient, filter: Record<string, unknown>) =>
  (await client.ok(LIST, { f: filter })).events.edges.map((e: { node: { id: string } }) => e.node.id).sort();

describe('overdue', () => {
  it('is a planned event whose end (or start, without an end) has passed: on the event, in the filter and in the counts', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const quiet = { noReminder: true };
    const endPassed = await t.factories.event(user, { ...quiet, start: ago(120), end: ago(60) });
    const startPassed = await t.factories.event(user, { ...quiet, start: ago(60) });
    const inProgress = await t.factories.event(user, { ...quiet, start: ago(60), end: ago(-60) });
    const future = await t.factories.event(user, quiet);
    const completed = await t.factories.event(user, { state: EventState.COMPLETED, result: 'Talked', start: ago(3 * 24 * 60) });
    const cancelled = await t.factories.event(user, { ...quiet, start: ago(120) });
    await client.ok(`mutation($id: ID!) { cancelEvent(id: $id, input: { reason: "Moved to e-mail" }) { id } }`, { id: cancelled.id });

    for (const [e, overdue] of [[endPassed, true], [startPassed, true], [inProgress, false], [future, false], [completed, false], [cancelled, false]] as const) {
      expect((await client.ok(OVERDUE, { id: e.id })).event).toEqual({ id: e.id, overdue });
    }
    expect(await ids(client, { overdue: true })).toEqual([endPassed.id, startPassed.id].sort());
    expect(await ids(client, { overdue: false })).toEqual([inProgress.id, future.id, completed.id, cancelled.id].sort());
    expect((await client.ok(COUNTS)).taskCounts).toMatchObject({ overdue: 2 });

    // Completing an overdue event takes it off the list at once.
    const done = await client.ok(`mutation($id: ID!) { completeEvent(id: $id, input: { result: "Late, but done" }) { id overdue state } }`, { id: endPassed.id });
    expect(done.completeEvent).toEqual({ id: endPassed.id, overdue: false, state: 'COMPLETED' });
    expect(await ids(client, { overdue: true })).toEqual([startPassed.id]);
    expect((await client.ok(COUNTS)).taskCounts).toMatchObject({ overdue: 1 });
  });

  it("counts only my own events, not a colleague's", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    await t.factories.event(colleague, { start: ago(60), noReminder: true });
    expect((await client.ok(COUNTS)).taskCounts).toEqual({ overdue: 0, today: 0, dueReminders: 0, total: 0 });
    expect(await ids(client, { overdue: true })).toEqual([]);
  });
});

describe("today, in the user's time zone", () => {
  const zones = { vladivostok: 'Asia/Vladivostok', newYork: 'America/New_York' } as const;

  /** Whether an instant is later today (not yet past) in a time zone, as of now. */
  const laterToday = (instant: Date, zone: string) => {
    const now = DateTime.now().setZone(zone);
    const x = DateTime.fromJSDate(instant).setZone(zone);
    return x.hasSame(now, 'day') && x > now;
  };

  it('counts an event as today for the user in whose zone it is today, and not for the other', async () => {
    const { client: east, user: eastUser } = await t.as(Role.MANAGER);
    const { client: west, user: westUser } = await t.as(Role.MANAGER);
    expect((await east.ok(SET_ZONE, { z: zones.vladivostok })).setMyTimeZone.timeZone).toBe(zones.vladivostok);
    expect((await west.ok(SET_ZONE, { z: zones.newYork })).setMyTimeZone.timeZone).toBe(zones.newYork);

    // One minute after the day ends in whichever zone's day ends first: tomorrow there, still today in the other
    // (their midnights are 9 or 15 hours apart).
    const ends = Object.values(zones).map((z) => DateTime.now().setZone(z).endOf('day').toMillis() + 1);
    const instant = new Date(Math.min(...ends) + 60_000);
    expect(laterToday(instant, zones.vladivostok)).not.toBe(laterToday(instant, zones.newYork));

    const eastEvent = await t.factories.event(eastUser, { start: instant, noReminder: true });
    const westEvent = await t.factories.event(westUser, { start: instant, noReminder: true });
    for (const [client, zone, e] of [[east, zones.vladivostok, eastEvent], [west, zones.newYork, westEvent]] as const) {
      const today = await ids(client, { dueToday: true });
      const counts = (await client.ok(COUNTS)).taskCounts;
      const expected = laterToday(instant, zone); // asked again: the test may run across a midnight
      expect({ zone, listed: today.includes(e.id), counted: counts.today }).toEqual({ zone, listed: expected, counted: expected ? 1 : 0 });
      expect(counts).toMatchObject({ overdue: 0, total: counts.today + counts.dueReminders });
    }
  });

  it('does not count an overdue event as today', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user, { start: ago(1), noReminder: true });
    expect(await ids(client, { dueToday: true })).toEqual([]);
    expect((await client.ok(COUNTS)).taskCounts).toMatchObject({ overdue: 1, today: 0 });
    expect((await client.ok(OVERDUE, { id: e.id })).event.overdue).toBe(true);
  });

  it('refuses an unknown time zone, naming the field, and keeps the old one', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    await client.ok(SET_ZONE, { z: zones.newYork });
    const r = await client.gql(SET_ZONE, { z: 'Mars/Olympus' });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone' });
    expect(await t.factories.count('users', 'id = $1 AND time_zone = $2', [user.id, zones.newYork])).toBe(1);
    expect((await t.anonymous().gql(SET_ZONE, { z: 'UTC' })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
