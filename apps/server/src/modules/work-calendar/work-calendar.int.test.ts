import { startTestServer, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

const CALENDAR = `query { workCalendar { id timeZone version week { weekday working start end } } }`;
const SET_CALENDAR = `mutation($i: SetWorkCalendarInput!) { setWorkCalendar(input: $i) { timeZone version week { weekday working start end } } }`;
const SET_EXCEPTION = `mutation($i: SetWorkCalendarExceptionInput!) { setWorkCalendarException(input: $i) { id date kind start end name } }`;
const REMOVE_EXCEPTION = `mutation($d: LocalDate!) { removeWorkCalendarException(date: $d) }`;
const EXCEPTIONS = `query($from: LocalDate, $to: LocalDate, $first: Int, $after: String) {
  workCalendarExceptions(from: $from, to: $to, first: $first, after: $after) { totalCount edges { node { date kind start end name } } pageInfo { hasNextPage endCursor } } }`;

const standardWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => (weekday <= 5 ? { weekday, start: '09:00', end: '18:00' } : { weekday, start: null, end: null }));

let t: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  t = await startTestServer();
  admin = (await t.as(Role.ADMINISTRATOR)).client;
});
afterAll(() => t.close());

async function currentVersion() {
  return (await admin.ok(CALENDAR)).workCalendar.version as number;
}

describe('work calendar settings', () => {
  afterEach(async () => {
    // The database is shared with the worker's other files: leave the standard calendar behind.
    await admin.ok(SET_CALENDAR, { i: { version: await currentVersion(), timeZone: 'Europe/Moscow', week: standardWeek } });
  });

  it('starts as Monday to Friday 09:00–18:00 in Moscow, readable by anyone signed in', async () => {
    const { client } = await t.as(Role.MANAGER);
    const { workCalendar } = await client.ok(CALENDAR);
    expect(workCalendar.timeZone).toBe('Europe/Moscow');
    expect(workCalendar.week).toEqual(standardWeek.map((d) => ({ weekday: d.weekday, working: !!d.start, start: d.start, end: d.end })));
    const anonymous = await t.anonymous().gql(CALENDAR);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('is set by an administrator, with the version checked and an audit row', async () => {
    const { workCalendar: before } = await admin.ok(CALENDAR);
    const week = standardWeek.map((d) => (d.weekday === 5 ? { weekday: 5, start: '09:00', end: '16:45' } : d.weekday === 6 ? { weekday: 6, start: '10:00', end: '14:00' } : d));
    const { setWorkCalendar } = await admin.ok(SET_CALENDAR, { i: { version: before.version, timeZone: 'Asia/Yekaterinburg', week } });
    expect(setWorkCalendar.timeZone).toBe('Asia/Yekaterinburg');
    expect(setWorkCalendar.version).toBe(before.version + 1);
    expect(setWorkCalendar.week[4]).toEqual({ weekday: 5, working: true, start: '09:00', end: '16:45' });
    expect(setWorkCalendar.week[5]).toEqual({ weekday: 6, working: true, start: '10:00', end: '14:00' });
    const audit = await t.factories.auditOf(before.id);
    const changes = audit.at(-1).changes.map((c: { field: string }) => c.field).sort();
    expect(changes).toEqual(['Fri', 'Sat', 'timeZone']);

    const stale = await admin.gql(SET_CALENDAR, { i: { version: before.version, timeZone: 'Europe/Moscow', week: standardWeek } });
    expect(stale.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('is refused to anyone but an administrator', async () => {
    for (const role of [Role.MANAGER, Role.SUPERVISOR, Role.SERVICE_ENGINEER]) {
      const { client } = await t.as(role);
      const r = await client.gql(SET_CALENDAR, { i: { version: await currentVersion(), timeZone: 'Europe/Moscow', week: standardWeek } });
      expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it.each([
    ['a malformed time', standardWeek.map((d) => (d.weekday === 1 ? { ...d, start: '9:00' } : d)), 'week.0.start', 'TIME_INVALID'],
    ['a closing before the opening', standardWeek.map((d) => (d.weekday === 2 ? { ...d, end: '08:00' } : d)), 'week.1.end', 'END_BEFORE_START'],
    ['only one of the two times', standardWeek.map((d) => (d.weekday === 3 ? { ...d, end: null } : d)), 'week.2.end', 'REQUIRED'],
    ['no working day at all', standardWeek.map((d) => ({ weekday: d.weekday, start: null, end: null })), 'week', 'NO_WORKING_DAYS'],
    ['a weekday twice', standardWeek.map((d) => (d.weekday === 7 ? { ...d, weekday: 6 } : d)), 'week.6.weekday', 'DUPLICATE'],
  ])('refuses %s, naming the field, and changes nothing', async (_what, week, field, reason) => {
    const version = await currentVersion();
    const r = await admin.gql(SET_CALENDAR, { i: { version, timeZone: 'Europe/Moscow', week } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(await currentVersion()).toBe(version);
  });

  it('refuses an unknown time zone and a week of six days', async () => {
    const version = await currentVersion();
    const zone = await admin.gql(SET_CALENDAR, { i: { version, timeZone: 'Mars/Olympus', week: standardWeek } });
    expect(zone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'timeZone', reason: 'TIME_ZONE_INVALID' });
    const short = await admin.gql(SET_CALENDAR, { i: { version, timeZone: 'Europe/Moscow', week: standardWeek.slice(0, 6) } });
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'week' });
  });
});

describe('work calendar exceptions', () => {
  // Dates of 2031, which no other test uses; each test removes what it made.
  const made: string[] = [];
  afterEach(async () => {
    for (const d of made.splice(0)) await admin.gql(REMOVE_EXCEPTION, { d });
  });
  const set = async (i: Record<string, unknown>) => {
    const r = await admin.ok(SET_EXCEPTION, { i });
    made.push(i.date as string);
    return r.setWorkCalendarException;
  };

  it('makes holidays, shortened and working days with sensible default hours, and lists them by date', async () => {
    // 2031-01-03 is a Friday, 2031-01-04 a Saturday, 2031-01-06 a Monday.
    expect(await set({ date: '2031-01-06', kind: 'HOLIDAY', name: 'Рождество (перенос)' })).toMatchObject({ date: '2031-01-06', kind: 'HOLIDAY', start: null, end: null, name: 'Рождество (перенос)' });
    expect(await set({ date: '2031-01-03', kind: 'SHORTENED' })).toMatchObject({ kind: 'SHORTENED', start: '09:00', end: '17:00' });
    expect(await set({ date: '2031-01-04', kind: 'WORKING' })).toMatchObject({ kind: 'WORKING', start: '09:00', end: '18:00' });
    expect(await set({ date: '2031-01-05', kind: 'WORKING', start: '10:00', end: '15:00' })).toMatchObject({ start: '10:00', end: '15:00' });

    const page1 = (await admin.ok(EXCEPTIONS, { from: '2031-01-01', to: '2031-01-31', first: 3 })).workCalendarExceptions;
    expect(page1.totalCount).toBe(4);
    expect(page1.edges.map((e: { node: { date: string } }) => e.node.date)).toEqual(['2031-01-03', '2031-01-04', '2031-01-05']);
    const page2 = (await admin.ok(EXCEPTIONS, { from: '2031-01-01', to: '2031-01-31', first: 3, after: page1.pageInfo.endCursor })).workCalendarExceptions;
    expect(page2.edges.map((e: { node: { date: string } }) => e.node.date)).toEqual(['2031-01-06']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('replaces the exception of a date, audits it, and removes it', async () => {
    const first = await set({ date: '2031-02-24', kind: 'HOLIDAY' });
    const second = await set({ date: '2031-02-24', kind: 'SHORTENED', start: '09:00', end: '15:00', name: 'Сокращённый' });
    expect(second.id).toBe(first.id);
    expect((await admin.ok(REMOVE_EXCEPTION, { d: '2031-02-24' })).removeWorkCalendarException).toBe(true);
    const again = await admin.gql(REMOVE_EXCEPTION, { d: '2031-02-24' });
    expect(again.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const audit = await t.factories.auditOf(first.id);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  });

  it('refuses hours on a holiday, bad hours, a shortened day off and a bad date; and anyone but an administrator', async () => {
    const bad = async (i: Record<string, unknown>) => (await admin.gql(SET_EXCEPTION, { i })).errors?.[0].extensions;
    expect(await bad({ date: '2031-03-03', kind: 'HOLIDAY', start: '09:00', end: '18:00' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'start', reason: 'NOT_ALLOWED' });
    expect(await bad({ date: '2031-03-03', kind: 'WORKING', start: '12:00', end: '11:00' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'end', reason: 'END_BEFORE_START' });
    expect(await bad({ date: '2031-03-03', kind: 'WORKING', start: '25:00', end: '26:00' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'start', reason: 'TIME_INVALID' });
    // 2031-03-08 is a Saturday: there are no usual hours to shorten.
    expect(await bad({ date: '2031-03-08', kind: 'SHORTENED' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind', reason: 'NOT_A_WORKING_DAY' });
    expect(await bad({ date: '2031-02-30', kind: 'HOLIDAY' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const { client } = await t.as(Role.SUPERVISOR);
    expect((await client.gql(SET_EXCEPTION, { i: { date: '2031-03-03', kind: 'HOLIDAY' } })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await client.gql(REMOVE_EXCEPTION, { d: '2031-03-03' })).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await t.factories.count('work_calendar_exceptions', `day = '2031-03-03' OR day = '2031-03-08'`)).toBe(0);
  });
});
