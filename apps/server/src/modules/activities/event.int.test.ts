import { startTestServer, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { documentNumberSql, nextDocumentNumber, nextNumberCte } from '../../core/numbering';

const FIELDS = `id number kind direction state subject content result start end version counterpartyId contactPersonId responsibleId
  completedAt cancelReason overdue basedOn { type id title } reminders { id state remindAt offsetMinutes }
  viewerCan { update complete cancel reschedule }`;
const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateEventInput!) { updateEvent(id: $id, input: $i) { ${FIELDS} } }`;
const COMPLETE = `mutation($id: ID!, $i: CompleteEventInput!) { completeEvent(id: $id, input: $i) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $i: CancelEventInput!) { cancelEvent(id: $id, input: $i) { ${FIELDS} } }`;
const RESCHEDULE = `mutation($id: ID!, $i: RescheduleEventInput!) { rescheduleEvent(id: $id, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { event(id: $id) { ${FIELDS} } }`;

/** A whole second some days ahead: the database keeps microseconds, iCalendar seconds; whole seconds compare as equal. */
const at = (daysAhead: number, hour = 10) => {
  const d = new Date(Date.now() + daysAhead * 86400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const eventsWithSubject = (subject: string) => t.factories.count('events', 'subject = $1', [subject]);
const auditRows = (id: string) => t.factories.auditOf(id);

async function planned(client: ApiClient, input: Record<string, unknown> = {}) {
  const data = await client.ok(CREATE, { i: { kind: 'CALL', subject: unique('Call '), start: at(2).toISOString(), ...input } });
  return data.createEvent;
}

describe('createEvent', () => {
  it('refuses an anonymous caller and writes nothing', async () => {
    const subject = unique('Anon ');
    const r = await t.anonymous().gql(CREATE, { i: { kind: 'CALL', subject, start: at(1).toISOString() } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await eventsWithSubject(subject)).toBe(0);
  });

  it.each([
    ['end before start', (s: string) => ({ subject: s, start: at(1, 12).toISOString(), end: at(1, 11).toISOString() }), 'end'],
    ['an empty subject', () => ({ subject: '', start: at(1).toISOString() }), 'subject'],
    ['a subject of spaces only', () => ({ subject: '   ', start: at(1).toISOString() }), 'subject'],
    ['a counterparty that does not exist', (s: string) => ({ subject: s, start: at(1).toISOString(), counterpartyId: '5f0c6a0e-0000-4000-8000-000000000001' }), 'counterpartyId'],
    ['a basedOn invoice that does not exist', (s: string) => ({ subject: s, start: at(1).toISOString(), basedOn: { type: 'INVOICE', id: '5f0c6a0e-0000-4000-8000-000000000002' } }), 'basedOn.id'],
  ])('refuses %s, naming the field, and writes nothing', async (_case, input, field) => {
    const { client, user } = await t.as(Role.MANAGER);
    const subject = unique('Bad ');
    const eventsBefore = await t.factories.count('events', 'responsible_id = $1', [user.id]);
    const r = await client.gql(CREATE, { i: { kind: 'CALL', ...input(subject) } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.factories.count('events', 'responsible_id = $1', [user.id])).toBe(eventsBefore);
    expect(await t.factories.count('reminders', 'user_id = $1', [user.id])).toBe(0);
  });

  it('refuses a contact person of another counterparty (CONTACT_OF_OTHER_COUNTERPARTY) and writes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const mine = await t.factories.counterparty(user);
    const other = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: other.id });
    const subject = unique('Wrong person ');
    const r = await client.gql(CREATE, { i: { kind: 'MEETING', subject, start: at(1).toISOString(), counterpartyId: mine.id, contactPersonId: person.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactPersonId', reason: 'CONTACT_OF_OTHER_COUNTERPARTY' });
    expect(await eventsWithSubject(subject)).toBe(0);
  });

  it("does not let a manager use a colleague's counterparty or make a colleague responsible", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const theirs = await t.factories.counterparty(colleague);
    const subject = unique('Not mine ');
    const r1 = await client.gql(CREATE, { i: { kind: 'CALL', subject, start: at(1).toISOString(), counterpartyId: theirs.id } });
    expect(r1.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'counterpartyId' });
    const r2 = await client.gql(CREATE, { i: { kind: 'CALL', subject, start: at(1).toISOString(), responsibleId: colleague.id } });
    expect(r2.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await eventsWithSubject(subject)).toBe(0);
  });

  it('plans an event with a number, a person bringing their counterparty, a basedOn link and an audit row', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: c.id });
    const start = at(3, 9);
    const end = at(3, 10);
    const e = await planned(client, { kind: 'MEETING', subject: 'Presentation', start: start.toISOString(), end: end.toISOString(), contactPersonId: person.id, basedOn: { type: 'COUNTERPARTY', id: c.id } });
    expect(e).toMatchObject({
      kind: 'MEETING',
      direction: 'OUTGOING',
      state: 'PLANNED',
      subject: 'Presentation',
      start: start.toISOString(),
      end: end.toISOString(),
      version: 1,
      counterpartyId: c.id,
      contactPersonId: person.id,
      responsibleId: user.id,
      overdue: false,
      basedOn: { type: 'COUNTERPARTY', id: c.id, title: c.name },
      viewerCan: { update: true, complete: true, cancel: true, reschedule: true },
    });
    expect(e.number).toMatch(new RegExp(`^EV-${new Date().getUTCFullYear()}-\\d{6}$`));
    const audit = await auditRows(e.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: user.id, action: 'CREATE', entity_type: 'Event' });
    expect(audit[0].entity_label).toBe(`${e.number} Presentation`);
    expect(audit[0].changes.map((ch: { field: string }) => ch.field)).toEqual(expect.arrayContaining(['subject', 'start', 'end', 'counterpartyId', 'contactPersonId', 'responsibleId']));
  });

  it('records an event that already happened, with its result, and no reminder', async () => {
    const { client } = await t.as(Role.MANAGER);
    const e = await planned(client, { state: 'COMPLETED', start: at(-1).toISOString(), result: 'Agreed on a trial', direction: 'INCOMING' });
    expect(e).toMatchObject({ state: 'COMPLETED', result: 'Agreed on a trial', direction: 'INCOMING', overdue: false, reminders: [] });
    expect(e.completedAt).not.toBeNull();
    const r = await client.gql(CREATE, { i: { kind: 'CALL', subject: unique('No result '), state: 'COMPLETED', start: at(-1).toISOString() } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'result' });
  });

  it('entered based on a counterparty, a person or an event, takes its parties from it unless given', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: c.id });
    const fromCounterparty = await planned(client, { basedOn: { type: 'COUNTERPARTY', id: c.id } });
    expect(fromCounterparty).toMatchObject({ counterpartyId: c.id, contactPersonId: null, basedOn: { type: 'COUNTERPARTY', id: c.id, title: c.name } });
    const fromPerson = await planned(client, { basedOn: { type: 'CONTACT_PERSON', id: person.id } });
    expect(fromPerson).toMatchObject({ counterpartyId: c.id, contactPersonId: person.id });
    const followUp = await planned(client, { basedOn: { type: 'EVENT', id: fromPerson.id } });
    expect(followUp).toMatchObject({ counterpartyId: c.id, contactPersonId: person.id, basedOn: { type: 'EVENT', id: fromPerson.id, title: `${fromPerson.number} ${fromPerson.subject}` } });
    const other = await t.factories.counterparty(user);
    const explicit = await planned(client, { basedOn: { type: 'EVENT', id: fromPerson.id }, counterpartyId: other.id });
    expect(explicit).toMatchObject({ counterpartyId: other.id, contactPersonId: null });
  });

  it('gives 20 events created at once 20 consecutive numbers: no gaps, no duplicates', async () => {
    const { client } = await t.as(Role.MANAGER);
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => planned(client, { subject: unique(`Burst ${i} `) })));
    const year = new Date().getUTCFullYear();
    const numbers = created.map((e) => {
      const m = /^EV-(\d{4})-(\d{6})$/.exec(e.number);
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBe(year);
      return Number(m![2]);
    });
    numbers.sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers[19] - numbers[0]).toBe(19);
  });

  it('takes no number for a refused creation, and plans for a subordinate with the reminder theirs', async () => {
    const { client, user: boss } = await t.as(Role.SUPERVISOR);
    const member = await t.factories.user({ supervisorId: boss.id });
    const gone = await t.factories.user({ supervisorId: boss.id });
    await t.app.db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
    const seq = (n: string) => Number(n.slice(-6));
    const before = await planned(client);
    const refused = await client.gql(CREATE, { i: { kind: 'CALL', subject: unique('Refused '), start: at(2).toISOString(), responsibleId: gone.id } });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'responsibleId' });
    const theirs = await planned(client, { responsibleId: member.id });
    expect(seq(theirs.number)).toBe(seq(before.number) + 1);
    expect(theirs).toMatchObject({ responsibleId: member.id, reminders: [] }); // the reminder is the member's, not mine
    expect(await t.factories.count('reminders', `subject_id = $1 AND user_id = $2 AND state = 'PENDING' AND offset_minutes = 15`, [theirs.id, member.id])).toBe(1);
    expect((await auditRows(theirs.id)).map((a: { actor_id: string; action: string }) => [a.actor_id, a.action])).toEqual([[boss.id, 'CREATE']]);
  });

  it('formats a number of more than six digits whole, as the service always has', async () => {
    await t.app.db.query(`INSERT INTO document_counters (prefix, year, last) VALUES ('TST', 2099, 999998) ON CONFLICT (prefix, year) DO UPDATE SET last = 999998`);
    const viaService = await t.app.db.transaction((tx) => nextDocumentNumber(tx, 'TST', new Date(Date.UTC(2099, 5, 1))));
    const [row] = await t.app.db.query(`WITH n AS (${nextNumberCte("'TST'", '2099')}) SELECT ${documentNumberSql('n')} AS number FROM n`);
    expect([viaService, row.number]).toEqual(['TST-2099-999999', 'TST-2099-1000000']);
  });
});

describe('event', () => {
  it("hides a colleague's event (NOT_FOUND) and shows a subordinate's to their supervisor", async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { user: a } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b } = await t.as(Role.MANAGER);
    const e = await t.factories.event(a);
    expect((await b.gql(GET, { id: e.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.anonymous().gql(GET, { id: e.id })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await supervisor.ok(GET, { id: e.id })).event).toMatchObject({ id: e.id, viewerCan: { update: true, complete: true } });
    expect((await b.gql(GET, { id: 'not-an-id' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('updateEvent', () => {
  it('refuses an anonymous caller and changes nothing', async () => {
    const { user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await t.anonymous().gql(UPDATE, { id: e.id, i: { version: 1, subject: 'Hacked' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('events', 'id = $1 AND version = 1 AND subject = $2', [e.id, e.subject])).toBe(1);
  });

  it.each([
    ['end before start', () => ({ end: at(-5).toISOString() }), 'end', undefined],
    ['an empty subject', () => ({ subject: '' }), 'subject', undefined],
    ['a counterparty that does not exist', () => ({ counterpartyId: '5f0c6a0e-0000-4000-8000-000000000003' }), 'counterpartyId', undefined],
  ])('refuses %s, naming the field, and changes nothing', async (_case, input, field, reason) => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await client.gql(UPDATE, { id: e.id, i: { version: 1, ...input() } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, ...(reason ? { reason } : {}) });
    expect(await t.factories.count('events', 'id = $1 AND version = 1', [e.id])).toBe(1);
    expect(await auditRows(e.id)).toHaveLength(1);
  });

  it('refuses a contact person of another counterparty than the one the event keeps', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const other = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: other.id });
    const e = await t.factories.event(user, { counterpartyId: c.id });
    const r = await client.gql(UPDATE, { id: e.id, i: { version: 1, contactPersonId: person.id } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactPersonId', reason: 'CONTACT_OF_OTHER_COUNTERPARTY' });
    expect(await t.factories.count('events', 'id = $1 AND version = 1 AND contact_person_id IS NULL', [e.id])).toBe(1);
  });

  it("does not let a manager change a colleague's event (NOT_FOUND); a supervisor changes a subordinate's", async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { user: a } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b } = await t.as(Role.MANAGER);
    const e = await t.factories.event(a);
    const r = await b.gql(UPDATE, { id: e.id, i: { version: 1, subject: 'Mine now' } });
    expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('events', 'id = $1 AND version = 1', [e.id])).toBe(1);
    const done = await supervisor.ok(UPDATE, { id: e.id, i: { version: 1, subject: 'Checked by the supervisor' } });
    expect(done.updateEvent).toMatchObject({ subject: 'Checked by the supervisor', version: 2, responsibleId: a.id });
    const audit = await auditRows(e.id);
    expect(audit[1]).toMatchObject({ actor_id: boss.id, action: 'UPDATE' });
  });

  it('changes what was given, with the version check, and audits the change', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: c.id });
    const e = await t.factories.event(user);
    const data = await client.ok(UPDATE, { id: e.id, i: { version: 1, subject: 'Call about the contract', importance: 'HIGH', counterpartyId: c.id, contactPersonId: person.id } });
    expect(data.updateEvent).toMatchObject({ subject: 'Call about the contract', version: 2, counterpartyId: c.id, contactPersonId: person.id, start: e.start.toISOString() });
    const audit = await auditRows(e.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actor_id: user.id, action: 'UPDATE' });
    expect(audit[1].changes).toEqual(
      expect.arrayContaining([
        { field: 'subject', old: e.subject, new: 'Call about the contract' },
        { field: 'importance', old: 'NORMAL', new: 'HIGH' },
        { field: 'counterpartyId', old: null, new: c.id },
      ]),
    );
    // A person left in place brings their counterparty back; clearing both clears both.
    const kept = await client.ok(UPDATE, { id: e.id, i: { version: 2, counterpartyId: null } });
    expect(kept.updateEvent).toMatchObject({ version: 2, counterpartyId: c.id, contactPersonId: person.id });
    const cleared = await client.ok(UPDATE, { id: e.id, i: { version: 2, counterpartyId: null, contactPersonId: null } });
    expect(cleared.updateEvent).toMatchObject({ version: 3, counterpartyId: null, contactPersonId: null });
  });

  it('refuses a stale version with CONFLICT and keeps the newer change', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    await client.ok(UPDATE, { id: e.id, i: { version: 1, subject: 'First' } });
    const r = await client.gql(UPDATE, { id: e.id, i: { version: 1, subject: 'Second, from a stale form' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await client.ok(GET, { id: e.id })).event).toMatchObject({ subject: 'First', version: 2 });
  });
});

describe('completeEvent', () => {
  it('refuses an anonymous caller and changes nothing', async () => {
    const { user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await t.anonymous().gql(COMPLETE, { id: e.id, i: { result: 'Done' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('events', `id = $1 AND state = 'PLANNED'`, [e.id])).toBe(1);
  });

  it.each([
    ['an empty result', () => ({ result: '' }), 'result'],
    ['a result of spaces only', () => ({ result: '  ' }), 'result'],
    ['an actual end before the actual start', () => ({ result: 'Done', start: at(-1, 12).toISOString(), end: at(-1, 11).toISOString() }), 'end'],
  ])('refuses %s, naming the field, and changes nothing', async (_case, input, field) => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await client.gql(COMPLETE, { id: e.id, i: input() });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.factories.count('events', `id = $1 AND state = 'PLANNED' AND version = 1`, [e.id])).toBe(1);
    expect(await t.factories.count('reminders', `subject_id = $1 AND state = 'PENDING'`, [e.id])).toBe(1);
  });

  it("does not let a manager complete a colleague's event (NOT_FOUND); a supervisor completes a subordinate's", async () => {
    const { client: supervisor, user: boss } = await t.as(Role.SUPERVISOR);
    const { user: a } = await t.as(Role.MANAGER, { supervisorId: boss.id });
    const { client: b } = await t.as(Role.MANAGER);
    const e = await t.factories.event(a);
    const r = await b.gql(COMPLETE, { id: e.id, i: { result: 'Done by someone else' } });
    expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('events', `id = $1 AND state = 'PLANNED'`, [e.id])).toBe(1);
    const done = await supervisor.ok(COMPLETE, { id: e.id, i: { result: 'Closed by the supervisor' } });
    expect(done.completeEvent).toMatchObject({ state: 'COMPLETED', result: 'Closed by the supervisor', responsibleId: a.id });
    expect((await auditRows(e.id))[1]).toMatchObject({ actor_id: boss.id, action: 'UPDATE' });
  });

  it('completes with the result and actual times, audits it, and refuses a second completion (NOT_PLANNED)', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const start = at(-1, 14);
    const end = at(-1, 15);
    const data = await client.ok(COMPLETE, { id: e.id, i: { result: 'They will order in May', start: start.toISOString(), end: end.toISOString() } });
    expect(data.completeEvent).toMatchObject({
      state: 'COMPLETED',
      result: 'They will order in May',
      start: start.toISOString(),
      end: end.toISOString(),
      version: 2,
      overdue: false,
      viewerCan: { update: true, complete: false, cancel: false, reschedule: false },
    });
    expect(data.completeEvent.completedAt).not.toBeNull();
    const audit = await auditRows(e.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ actor_id: user.id, action: 'UPDATE' });
    expect(audit[1].changes).toEqual(expect.arrayContaining([{ field: 'state', old: 'PLANNED', new: 'COMPLETED' }, { field: 'result', old: null, new: 'They will order in May' }]));

    const again = await client.gql(COMPLETE, { id: e.id, i: { result: 'Twice' } });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PLANNED' });
    expect(await auditRows(e.id)).toHaveLength(2);
  });
});

describe('cancelEvent', () => {
  it('refuses an anonymous caller and changes nothing', async () => {
    const { user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await t.anonymous().gql(CANCEL, { id: e.id, i: { reason: 'No' } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('events', `id = $1 AND state = 'PLANNED'`, [e.id])).toBe(1);
  });

  it('refuses an empty reason, naming the field, and changes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await client.gql(CANCEL, { id: e.id, i: { reason: '' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await t.factories.count('events', `id = $1 AND state = 'PLANNED' AND version = 1`, [e.id])).toBe(1);
  });

  it("does not let a manager cancel a colleague's event (NOT_FOUND)", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const e = await t.factories.event(colleague);
    const r = await client.gql(CANCEL, { id: e.id, i: { reason: 'Not needed' } });
    expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('events', `id = $1 AND state = 'PLANNED'`, [e.id])).toBe(1);
  });

  it('cancels with the reason, audits it, and then refuses changes (NOT_PLANNED, CANCELLED)', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const data = await client.ok(CANCEL, { id: e.id, i: { reason: 'The client is on holiday' } });
    expect(data.cancelEvent).toMatchObject({ state: 'CANCELLED', cancelReason: 'The client is on holiday', version: 2, viewerCan: { update: false, complete: false, cancel: false, reschedule: false } });
    const audit = await auditRows(e.id);
    expect(audit[1]).toMatchObject({ actor_id: user.id, action: 'UPDATE' });
    expect(audit[1].changes).toEqual(expect.arrayContaining([{ field: 'state', old: 'PLANNED', new: 'CANCELLED' }]));
    expect((await client.gql(CANCEL, { id: e.id, i: { reason: 'Twice' } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PLANNED' });
    expect((await client.gql(COMPLETE, { id: e.id, i: { result: 'After all' } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PLANNED' });
    expect((await client.gql(UPDATE, { id: e.id, i: { version: 2, subject: 'Revived' } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CANCELLED' });
  });
});

describe('rescheduleEvent', () => {
  it('refuses an anonymous caller and changes nothing', async () => {
    const { user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await t.anonymous().gql(RESCHEDULE, { id: e.id, i: { start: at(5).toISOString() } });
    expect(r.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await t.factories.count('events', 'id = $1 AND start_at = $2', [e.id, e.start])).toBe(1);
  });

  it('refuses an end before the new start, naming the field, and changes nothing', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user);
    const r = await client.gql(RESCHEDULE, { id: e.id, i: { start: at(5, 12).toISOString(), end: at(5, 11).toISOString() } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'end' });
    expect(await t.factories.count('events', 'id = $1 AND start_at = $2 AND version = 1', [e.id, e.start])).toBe(1);
  });

  it("does not let a manager move a colleague's event (NOT_FOUND)", async () => {
    const { client } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const e = await t.factories.event(colleague);
    const r = await client.gql(RESCHEDULE, { id: e.id, i: { start: at(5).toISOString() } });
    expect(r.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(await t.factories.count('events', 'id = $1 AND start_at = $2', [e.id, e.start])).toBe(1);
  });

  it('moves the event keeping its duration, audits it, and refuses to move a completed one', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const e = await t.factories.event(user, { start: at(2, 9), end: at(2, 10) });
    const data = await client.ok(RESCHEDULE, { id: e.id, i: { start: at(4, 13).toISOString() } });
    expect(data.rescheduleEvent).toMatchObject({ state: 'PLANNED', start: at(4, 13).toISOString(), end: at(4, 14).toISOString(), version: 2 });
    const audit = await auditRows(e.id);
    expect(audit[1]).toMatchObject({ actor_id: user.id, action: 'UPDATE' });
    expect(audit[1].changes).toEqual(expect.arrayContaining([{ field: 'start', old: at(2, 9).toISOString(), new: at(4, 13).toISOString() }]));
    await client.ok(COMPLETE, { id: e.id, i: { result: 'Done' } });
    expect((await client.gql(RESCHEDULE, { id: e.id, i: { start: at(6).toISOString() } })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PLANNED' });
  });
});
