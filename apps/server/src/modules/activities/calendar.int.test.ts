import ical from 'node-ical';
import { startTestServer, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { EventState } from './activities.enums';

const CALENDAR = `query($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {
  calendar(from: $from, to: $to, userId: $userId) {
    __typename start end title
    ... on CalendarEvent { event { id state } }
    ... on CalendarReminder { reminder { id } }
  } }`;
const CREATE_FEED = `mutation { createCalendarFeed { id url createdAt revokedAt } }`;
const REVOKE_FEED = `mutation($id: ID!) { revokeCalendarFeed(id: $id) { id url revokedAt } }`;
const FEEDS = `{ calendarFeeds { id url revokedAt } }`;

const DAY = 86400_000;
/** A whole hour `days` from now (UTC): iCalendar keeps seconds, so whole hours compare exactly. */
const hour = (days: number, h: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(h, 0, 0, 0);
  return d;
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('calendar', () => {
  it('shows my events and reminders in the period, each with its type, and nothing outside it', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const from = hour(10, 0);
    const to = new Date(from.getTime() + 7 * DAY);
    const meeting = await t.factories.event(user, { subject: 'Meeting', start: hour(11, 9), end: hour(11, 10), noReminder: true });
    const call = await t.factories.event(user, { subject: 'Call', start: hour(12, 9), remindBeforeMinutes: 60 });
    const done = await t.factories.event(user, { subject: 'Past visit', state: EventState.COMPLETED, result: 'ok', start: hour(13, 9) });
    await t.factories.event(user, { subject: 'Later', start: hour(30, 9), noReminder: true });
    const cancelled = await t.factories.event(user, { subject: 'Dropped', start: hour(14, 9), noReminder: true });
    await client.ok(`mutation($id: ID!) { cancelEvent(id: $id, input: { reason: "Dropped" }) { id } }`, { id: cancelled.id });
    const note = (await client.ok(`mutation($i: CreateReminderInput!) { createReminder(input: $i) { id } }`, { i: { text: 'Prepare the offer', remindAt: hour(11, 8).toISOString() } })).createReminder;
    const { user: colleague } = await t.as(Role.MANAGER);
    await t.factories.event(colleague, { start: hour(11, 12) });

    const items = (await client.ok(CALENDAR, { from: from.toISOString(), to: to.toISOString() })).calendar;
    const callReminder = await t.app.db.query(`SELECT id FROM reminders WHERE subject_id = $1`, [call.id]);
    expect(items).toEqual([
      { __typename: 'CalendarReminder', start: hour(11, 8).toISOString(), end: null, title: 'Prepare the offer', reminder: { id: note.id } },
      { __typename: 'CalendarEvent', start: meeting.start.toISOString(), end: meeting.end!.toISOString(), title: 'Meeting', event: { id: meeting.id, state: 'PLANNED' } },
      { __typename: 'CalendarReminder', start: hour(12, 8).toISOString(), end: null, title: 'Call', reminder: { id: callReminder[0].id } },
      { __typename: 'CalendarEvent', start: call.start.toISOString(), end: null, title: 'Call', event: { id: call.id, state: 'PLANNED' } },
      { __typename: 'CalendarEvent', start: done.start.toISOString(), end: null, title: 'Past visit', event: { id: done.id, state: 'COMPLETED' } },
    ]);
  });

  it('refuses a period longer than 62 days or ending before it starts, naming `to`', async () => {
    const { client } = await t.as(Role.MANAGER);
    const from = hour(0, 0);
    const long = await client.gql(CALENDAR, { from: from.toISOString(), to: new Date(from.getTime() + 63 * DAY).toISOString() });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const backwards = await client.gql(CALENDAR, { from: from.toISOString(), to: new Date(from.getTime() - DAY).toISOString() });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await client.ok(CALENDAR, { from: from.toISOString(), to: new Date(from.getTime() + 62 * DAY).toISOString() })).calendar).toEqual([]);
  });

  it("opens a subordinate's calendar for their supervisor (events only; reminders stay personal), not a colleague's for a manager", async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { client: a, user: userA } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b } = await t.as(Role.MANAGER);
    const e = await t.factories.event(userA, { start: hour(3, 9) });
    const range = { from: hour(2, 0).toISOString(), to: hour(5, 0).toISOString(), userId: userA.id };

    const seen = (await supervisor.ok(CALENDAR, range)).calendar;
    expect(seen).toEqual([expect.objectContaining({ __typename: 'CalendarEvent', event: { id: e.id, state: 'PLANNED' } })]);
    expect((await a.ok(CALENDAR, range)).calendar.map((i: { __typename: string }) => i.__typename)).toEqual(['CalendarReminder', 'CalendarEvent']);
    expect((await b.gql(CALENDAR, range)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.anonymous().gql(CALENDAR, range)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('iCalendar feed', () => {
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
  const vevents = (text: string) => [...unfold(text).matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map((m) => m[1].split('\r\n').filter(Boolean));

  it('serves my events as RFC 5545 text to anyone holding the URL, without a cookie', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const meeting = await t.factories.event(user, { subject: 'Meeting; with, commas', start: hour(2, 9), end: hour(2, 10) });
    const call = await t.factories.event(user, { subject: unique('Call '), start: hour(3, 14) });
    const { user: colleague } = await t.as(Role.MANAGER);
    await t.factories.event(colleague, { subject: 'Not mine', start: hour(2, 11) });

    const feed = (await client.ok(CREATE_FEED)).createCalendarFeed;
    expect(feed.url).toMatch(new RegExp(`^${t.url.replace(/[.]/g, '\\.')}/calendar/[A-Za-z0-9_-]+\\.ics$`));
    expect(feed.revokedAt).toBeNull();

    const res = await fetch(feed.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();

    const lines = unfold(text).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => /^PRODID:.+/.test(l))).toBe(true);
    expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');

    const raw = vevents(text);
    expect(raw).toHaveLength(2);
    for (const props of raw) {
      for (const name of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) expect(props.some((p) => p.startsWith(`${name}:`))).toBe(true);
      // UTC form: no TZID, trailing Z.
      expect(props.find((p) => p.startsWith('DTSTART'))).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
    }

    const parsed = ical.sync.parseICS(text);
    const calendar = Object.values(parsed).find((c) => c?.type === 'VCALENDAR') as unknown as Record<string, string>;
    expect(calendar).toMatchObject({ version: '2.0', prodid: expect.any(String) });
    const events = Object.values(parsed).filter((c): c is ical.VEvent => c?.type === 'VEVENT');
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual([`${meeting.id}@open-crm`, `${call.id}@open-crm`].sort());
    const m = byUid.get(`${meeting.id}@open-crm`)!;
    expect(m.start.toISOString()).toBe(meeting.start.toISOString());
    expect(m.end!.toISOString()).toBe(meeting.end!.toISOString());
    expect(m.summary).toBe('Meeting; with, commas');
    expect(m.dtstamp).toBeInstanceOf(Date);
    expect(byUid.get(`${call.id}@open-crm`)!.start.toISOString()).toBe(call.start.toISOString());
  });

  it('answers 404 for a revoked feed and for an unknown token', async () => {
    const { client } = await t.as(Role.MANAGER);
    const feed = (await client.ok(CREATE_FEED)).createCalendarFeed;
    expect((await fetch(feed.url)).status).toBe(200);
    const revoked = (await client.ok(REVOKE_FEED, { id: feed.id })).revokeCalendarFeed;
    expect(revoked).toMatchObject({ id: feed.id, url: null, revokedAt: expect.any(String) });
    expect((await fetch(feed.url)).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/${unique('no-such-token-')}.ics`)).status).toBe(404);
    expect((await fetch(`${t.url}/calendar/.ics`)).status).toBe(404);
    expect((await client.ok(FEEDS)).calendarFeeds).toEqual([{ id: feed.id, url: null, revokedAt: revoked.revokedAt }]);
  });

  it("does not let a user revoke another user's feed (NOT_FOUND), nor an anonymous caller create one", async () => {
    const { client: owner } = await t.as(Role.MANAGER);
    const { client: other } = await t.as(Role.MANAGER);
    const feed = (await owner.ok(CREATE_FEED)).createCalendarFeed;
    expect((await other.gql(REVOKE_FEED, { id: feed.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await fetch(feed.url)).status).toBe(200);
    expect((await other.ok(FEEDS)).calendarFeeds).toEqual([]);
    expect((await t.anonymous().gql(CREATE_FEED)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await other.gql(REVOKE_FEED, { id: 'feed-1' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
