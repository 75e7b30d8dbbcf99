import { startTestServer, subscribe, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

const REMINDER = `id userId text remindAt state firedAt offsetMinutes subject { type id title }`;
const CREATE = `mutation($i: CreateReminderInput!) { createReminder(input: $i) { ${REMINDER} } }`;
const SNOOZE = `mutation($id: ID!, $m: Int!) { snoozeReminder(id: $id, minutes: $m) { ${REMINDER} } }`;
const DISMISS = `mutation($id: ID!) { dismissReminder(id: $id) { ${REMINDER} } }`;
const MINE = `query($state: ReminderState) { reminders(first: 100, filter: { state: $state }) { totalCount edges { node { ${REMINDER} } } } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id start reminders { ${REMINDER} } } }`;
const EVENT_REMINDERS = `query($id: ID!) { event(id: $id) { id reminders { ${REMINDER} } } }`;
const DUE = `subscription { reminderDue { id state } }`;

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);
const wholeSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const reminderRow = async (id: string) => (await t.app.db.query(`SELECT user_id, state, remind_at, fired_at FROM reminders WHERE id = $1`, [id]))[0];
const mine = async (client: ApiClient) => (await client.ok(MINE)).reminders.edges.map((e: { node: { id: string } }) => e.node);

async function reminderOf(client: ApiClient, input: Record<string, unknown> = {}) {
  return (await client.ok(CREATE, { i: { text: unique('Remember '), remindAt: inMinutes(60).toISOString(), ...input } })).createReminder;
}

describe('createReminder', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const text = unique('Anon ');
    const r = await t.anonymous().gql(CREATE, { i: { text, remindAt: inMinutes(5).toISOString() } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('reminders', 'text = $1', [text])).toBe(0);
  });

  it.each([
    ['an empty text', { text: '' }, 'text'],
    ['a text of spaces only', { text: '   ' }, 'text'],
    ['a subject invoice that does not exist', { subject: { type: 'INVOICE', id: '5f0c6a0e-0000-4000-8000-000000000010' } }, 'subject.id'],
    ['a subject that is not an id', { subject: { type: 'COUNTERPARTY', id: 'nope' } }, 'subject.id'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, input, field) => {
    const { client, user } = await t.as(Role.MANAGER);
    const r = await client.gql(CREATE, { i: { text: 'Valid text', remindAt: inMinutes(5).toISOString(), ...input } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.factories.count('reminders', 'user_id = $1', [user.id])).toBe(0);
  });

  it("refuses a colleague's counterparty as the subject (subject.id) and writes nothing", async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const theirs = await t.factories.counterparty(colleague);
    const r = await client.gql(CREATE, { i: { text: 'Peek', remindAt: inMinutes(5).toISOString(), subject: { type: 'COUNTERPARTY', id: theirs.id } } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject.id', reason: 'NOT_FOUND' });
    expect(await t.factories.count('reminders', 'user_id = $1', [user.id])).toBe(0);
  });

  it('sets a reminder for myself about an object, with an audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const remindAt = wholeSecond(inMinutes(30));
    const r = await reminderOf(client, { text: '  Send the price list  ', remindAt: remindAt.toISOString(), subject: { type: 'COUNTERPARTY', id: c.id } });
    expect(r).toMatchObject({ userId: user.id, text: 'Send the price list', remindAt: remindAt.toISOString(), state: 'PENDING', firedAt: null, offsetMinutes: null, subject: { type: 'COUNTERPARTY', id: c.id, title: c.name } });
    const audit = await t.factories.auditOf(r.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, action: 'CREATE', entity_type: 'Reminder', entity_label: 'Send the price list' });
    expect((await mine(client)).map((x: { id: string }) => x.id)).toEqual([r.id]);
  });
});

describe('snoozeReminder', () => {
  it('refuses an anonymous caller and changes nothing', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await reminderOf(client);
    const res = await t.anonymous().gql(SNOOZE, { id: r.id, m: 10 });
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await reminderRow(r.id)).remind_at.toISOString()).toBe(r.remindAt);
  });

  it.each([4, 10081, 0, -5])('refuses %i minutes (5 minutes to 1 week), naming the field, and changes nothing', async (minutes) => {
    const { client } = await t.as(Role.MANAGER);
    const r = await reminderOf(client);
    const res = await client.gql(SNOOZE, { id: r.id, m: minutes });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
    expect((await reminderRow(r.id)).remind_at.toISOString()).toBe(r.remindAt);
    expect(await t.factories.auditOf(r.id)).toHaveLength(1);
  });

  it("does not let a manager snooze a colleague's reminder (NOT_FOUND)", async () => {
    const { client: a } = await t.as(Role.MANAGER);
    const { client: b } = await t.as(Role.MANAGER);
    const theirs = await reminderOf(b);
    const res = await a.gql(SNOOZE, { id: theirs.id, m: 10 });
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await reminderRow(theirs.id)).remind_at.toISOString()).toBe(theirs.remindAt);
  });

  it('puts a fired reminder off: pending again, due after the given minutes, with an audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const sub = await subscribe(client, DUE);
    try {
      const r = await reminderOf(client, { remindAt: new Date().toISOString() });
      await sub.nextWhere((m) => m.reminderDue.id === r.id);
      expect((await reminderRow(r.id)).state).toBe('DUE');
      const before = Date.now();
      const snoozed = (await client.ok(SNOOZE, { id: r.id, m: 5 })).snoozeReminder;
      expect(snoozed.state).toBe('PENDING');
      const due = Date.parse(snoozed.remindAt);
      expect(due).toBeGreaterThanOrEqual(before + 5 * 60_000 - 1000);
      expect(due).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000);
      expect(await reminderRow(r.id)).toMatchObject({ state: 'PENDING' });
      const audit = await t.factories.auditOf(r.id);
      expect(audit[1]).toMatchObject({ actor_id: user.id, action: 'UPDATE', entity_type: 'Reminder' });
      expect(audit[1].changes).toEqual(expect.arrayContaining([{ field: 'state', old: 'DUE', new: 'PENDING' }]));
    } finally {
      await sub.close();
    }
  });

  it('refuses to snooze a dismissed reminder', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await reminderOf(client);
    await client.ok(DISMISS, { id: r.id });
    const res = await client.gql(SNOOZE, { id: r.id, m: 10 });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DISMISSED' });
    expect(await reminderRow(r.id)).toMatchObject({ state: 'DISMISSED' });
  });
});

describe('dismissReminder', () => {
  it('refuses an anonymous caller and changes nothing', async () => {
    const { client } = await t.as(Role.MANAGER);
    const r = await reminderOf(client);
    const res = await t.anonymous().gql(DISMISS, { id: r.id });
    expect(res.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await reminderRow(r.id)).state).toBe('PENDING');
  });

  it('refuses an id that is not one, naming the field', async () => {
    const { client } = await t.as(Role.MANAGER);
    const res = await client.gql(DISMISS, { id: 'reminder-1' });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it("does not let a manager dismiss a colleague's reminder (NOT_FOUND)", async () => {
    const { client: a } = await t.as(Role.MANAGER);
    const { client: b } = await t.as(Role.MANAGER);
    const theirs = await reminderOf(b);
    const res = await a.gql(DISMISS, { id: theirs.id });
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await reminderRow(theirs.id)).state).toBe('PENDING');
  });

  it('dismisses my reminder with an audit row; it leaves my pending list', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const r = await reminderOf(client);
    const done = (await client.ok(DISMISS, { id: r.id })).dismissReminder;
    expect(done.state).toBe('DISMISSED');
    const audit = await t.factories.auditOf(r.id);
    expect(audit[1]).toMatchObject({ actor_id: user.id, action: 'UPDATE', entity_type: 'Reminder' });
    expect(audit[1].changes).toEqual([{ field: 'state', old: 'PENDING', new: 'DISMISSED' }]);
    expect((await client.ok(MINE, { state: 'PENDING' })).reminders.totalCount).toBe(0);
  });
});

describe("an event's reminder", () => {
  const UPDATE = `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { id version } }`;
  const RESCHEDULE = `mutation($id: ID!, $i: RescheduleEventInput!) { rescheduleEvent(id: $id, input: $i) { id start reminders { ${REMINDER} } } }`;

  it('is set 15 minutes before the start of a planned event by default, for its responsible', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const start = wholeSecond(inMinutes(24 * 60));
    const e = (await client.ok(CREATE_EVENT, { i: { kind: 'CALL', subject: 'Call back', start: start.toISOString() } })).createEvent;
    expect(e.reminders).toHaveLength(1);
    expect(e.reminders[0]).toMatchObject({ userId: user.id, text: 'Call back', state: 'PENDING', offsetMinutes: 15, remindAt: new Date(start.getTime() - 15 * 60_000).toISOString(), subject: { type: 'EVENT', id: e.id } });
    expect((await mine(client)).map((r: { id: string }) => r.id)).toEqual([e.reminders[0].id]);
  });

  it('is set as many minutes before as asked, and not at all with noReminder', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const start = wholeSecond(inMinutes(24 * 60));
    const hourBefore = (await client.ok(CREATE_EVENT, { i: { kind: 'MEETING', subject: 'Visit', start: start.toISOString(), remindBeforeMinutes: 60 } })).createEvent;
    expect(hourBefore.reminders[0]).toMatchObject({ offsetMinutes: 60, remindAt: new Date(start.getTime() - 3600_000).toISOString() });
    const none = (await client.ok(CREATE_EVENT, { i: { kind: 'CALL', subject: 'Quick call', start: start.toISOString(), noReminder: true } })).createEvent;
    expect(none.reminders).toEqual([]);
    expect(await t.factories.count('reminders', `subject_id = $1`, [none.id])).toBe(0);
    expect(await t.factories.count('reminders', `user_id = $1`, [user.id])).toBe(1);
  });

  it('is re-armed by a reschedule: new time, PENDING again even after it fired', async () => {
    const { client } = await t.as(Role.MANAGER);
    const sub = await subscribe(client, DUE);
    try {
      const e = (await client.ok(CREATE_EVENT, { i: { kind: 'CALL', subject: 'Soon', start: new Date(Date.now() + 500).toISOString(), remindBeforeMinutes: 0 } })).createEvent;
      const reminderId = e.reminders[0].id;
      await sub.nextWhere((m) => m.reminderDue.id === reminderId, 15_000);
      expect(await reminderRow(reminderId)).toMatchObject({ state: 'DUE', fired_at: expect.any(Date) });

      const newStart = wholeSecond(inMinutes(3 * 24 * 60));
      const moved = (await client.ok(RESCHEDULE, { id: e.id, i: { start: newStart.toISOString() } })).rescheduleEvent;
      expect(moved.reminders).toEqual([expect.objectContaining({ id: reminderId, state: 'PENDING', firedAt: null, remindAt: newStart.toISOString() })]);
    } finally {
      await sub.close();
    }
  });

  it('follows a change of start or subject made through updateEvent', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user, { remindBeforeMinutes: 30 });
    const newStart = wholeSecond(inMinutes(5 * 24 * 60));
    await client.ok(UPDATE, { id: e.id, i: { version: 1, start: newStart.toISOString(), subject: 'Renamed call' } });
    const [r] = (await client.ok(EVENT_REMINDERS, { id: e.id })).event.reminders;
    expect(r).toMatchObject({ text: 'Renamed call', state: 'PENDING', remindAt: new Date(newStart.getTime() - 30 * 60_000).toISOString() });
  });

  it.each([
    ['completed', `mutation($id: ID!) { completeEvent(id: $id, input: { result: "Done" }) { id } }`],
    ['cancelled', `mutation($id: ID!) { cancelEvent(id: $id, input: { reason: "Not needed" }) { id } }`],
  ])('is dismissed when the event is %s', async (_state, mutation) => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    await client.ok(mutation, { id: e.id });
    expect(await t.factories.count('reminders', `subject_id = $1 AND state = 'DISMISSED'`, [e.id])).toBe(1);
    expect((await client.ok(MINE, { state: 'PENDING' })).reminders.totalCount).toBe(0);
  });

  it('moves to the new responsible when the event is reassigned', async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { client: a, user: userA } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b, user: userB } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const e = await t.factories.event(userA);
    const [before] = await mine(a);
    await supervisor.ok(UPDATE, { id: e.id, i: { version: 1, responsibleId: userB.id } });
    expect(await mine(a)).toEqual([]);
    expect(await mine(b)).toEqual([expect.objectContaining({ id: before.id, userId: userB.id, state: 'PENDING', remindAt: before.remindAt })]);
    expect((await reminderRow(before.id)).user_id).toBe(userB.id);
  });
});
