import { startTestServer, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';
import { EventKind } from './activities.enums';

/**
 * createEvent under concurrency: events created at once are written in group-commit batches (one transaction, one
 * savepoint each). Numbers stay gapless, each caller gets its own event or its own error, a failed commit leaves
 * nothing, and every item is checked against its own actor's scope.
 */
const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id number subject responsibleId reminders { id } } }`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // Failures the GraphQL layer cannot see: an insert refused by the database (marked subject), and a commit refused
  // by a deferred check (another mark) — both injected for these tests only.
  await t.app.db.query(`CREATE OR REPLACE FUNCTION gc_test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.subject LIKE 'GC refused in DB%' THEN RAISE EXCEPTION 'refused by the database' USING ERRCODE = 'check_violation'; END IF;
      IF TG_WHEN = 'AFTER' AND NEW.subject LIKE 'GC refused at commit%' THEN RAISE EXCEPTION 'refused at commit'; END IF;
      RETURN NEW;
    END $$`);
  await t.app.db.query(`DROP TRIGGER IF EXISTS gc_test_refuse_insert ON events`);
  await t.app.db.query(`DROP TRIGGER IF EXISTS gc_test_refuse_commit ON events`);
  await t.app.db.query(`CREATE TRIGGER gc_test_refuse_insert BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION gc_test_refuse_event()`);
  await t.app.db.query(`CREATE CONSTRAINT TRIGGER gc_test_refuse_commit AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION gc_test_refuse_event()`);
});
afterAll(async () => {
  await t.app.db.query(`DROP TRIGGER IF EXISTS gc_test_refuse_insert ON events`);
  await t.app.db.query(`DROP TRIGGER IF EXISTS gc_test_refuse_commit ON events`);
  await t.app.db.query(`DROP FUNCTION IF EXISTS gc_test_refuse_event()`);
  await t.close();
});

const start = () => new Date(Date.now() + 3 * 86400_000).toISOString();
const seq = (number: string) => Number(number.slice(-6));
const year = new Date().getUTCFullYear();
const lastNumber = async () => {
  const [row] = await t.app.db.query(`SELECT last FROM document_counters WHERE prefix = 'EV' AND year = $1`, [year]);
  return (row?.last as number | undefined) ?? 0;
};

/** The numbers are consecutive, follow `before`, and the counter stands at the last of them: no gap, no duplicate. */
function expectGapless(numbers: string[], before: number, counter: number) {
  const n = numbers.map(seq).sort((a, b) => a - b);
  expect(n).toEqual(Array.from({ length: numbers.length }, (_, i) => before + 1 + i));
  expect(counter).toBe(before + numbers.length);
}

async function expectWritten(ids: string[], userIds: string[]) {
  expect(await t.factories.count('events', 'id = ANY($1)', [ids])).toBe(ids.length);
  expect(await t.factories.count('audit_log', `entity_type = 'Event' AND action = 'CREATE' AND entity_id = ANY($1)`, [ids])).toBe(ids.length);
  const reminders: Array<{ subject_id: string; user_id: string; n: number }> = await t.app.db.query(
    `SELECT subject_id, min(user_id::text) AS user_id, count(*)::int AS n FROM reminders WHERE subject_type = 'EVENT' AND subject_id = ANY($1) GROUP BY subject_id`,
    [ids],
  );
  expect(reminders).toHaveLength(ids.length);
  expect(reminders.every((r) => r.n === 1)).toBe(true);
  const ownerOf = new Map(ids.map((id, i) => [id, userIds[i]]));
  expect(reminders.every((r) => r.user_id === ownerOf.get(r.subject_id))).toBe(true);
}

describe('createEvent in group-commit batches', () => {
  it('costs a lone creation one statement per party it checks and one for the write; its answer none more', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: c.id });
    const auth = (await client.gql(`{ __typename }`)).sql;
    const r = await client.gql(
      `mutation($i: CreateEventInput!) { createEvent(input: $i) { id counterparty { id name } contactPerson { id fullName } reminders { id userId offsetMinutes state } } }`,
      { i: { kind: 'CALL', subject: unique('GC lone '), start: start(), counterpartyId: c.id, contactPersonId: person.id } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createEvent).toMatchObject({ counterparty: { id: c.id, name: c.name }, contactPerson: { id: person.id }, reminders: [{ userId: user.id, offsetMinutes: 15, state: 'PENDING' }] });
    expect(r.sql - auth).toBe(3); // the counterparty, the person, the event with its number, reminder and audit row
  });

  it('gives 100 concurrent creations 100 events with consecutive numbers, one audit row and one reminder each', async () => {
    const callers = await Promise.all(Array.from({ length: 5 }, () => t.as(Role.MANAGER)));
    const mine = await Promise.all(callers.map(({ user }) => t.factories.counterparty(user)));
    const before = await lastNumber();
    const batchesBefore = { ...t.app.services.events.creations.stats };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        callers[i % 5].client.gql(CREATE, { i: { kind: 'CALL', subject: unique(`GC ${i} `), start: start(), counterpartyId: mine[i % 5].id, remindBeforeMinutes: 10 } }),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const events = results.map((r) => r.data!.createEvent);
    expectGapless(events.map((e) => e.number), before, await lastNumber());
    events.forEach((e, i) => expect(e).toMatchObject({ responsibleId: callers[i % 5].user.id, reminders: [{ id: expect.any(String) }] }));
    await expectWritten(events.map((e) => e.id), events.map((e) => e.responsibleId));
    // They were indeed written together, not one transaction each.
    const stats = t.app.services.events.creations.stats;
    expect(stats.items - batchesBefore.items).toBe(100);
    expect(stats.batches - batchesBefore.batches).toBeLessThan(100);
  });

  it('fails only the items refused by the database or by their own access, and numbers the rest without gaps', async () => {
    const { client: boss, user: supervisor } = await t.as(Role.SUPERVISOR);
    const member = await t.factories.user({ supervisorId: supervisor.id });
    const { client: manager, user: managerUser } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const theirs = await t.factories.counterparty(colleague);
    const before = await lastNumber();
    // Four kinds of item, interleaved so that they share batches.
    const kinds = ['ok', 'refused in DB', 'forbidden responsible', 'out of scope', 'for a subordinate'] as const;
    const plan = Array.from({ length: 40 }, (_, i) => kinds[i % kinds.length]);
    const results = await Promise.all(
      plan.map((kind, i) => {
        const base = { kind: 'CALL', start: start(), subject: unique(kind === 'refused in DB' ? 'GC refused in DB ' : `GC mixed ${i} `) };
        if (kind === 'forbidden responsible') return manager.gql(CREATE, { i: { ...base, responsibleId: colleague.id } });
        if (kind === 'out of scope') return manager.gql(CREATE, { i: { ...base, counterpartyId: theirs.id } });
        if (kind === 'for a subordinate') return boss.gql(CREATE, { i: { ...base, responsibleId: member.id } });
        return manager.gql(CREATE, { i: base });
      }),
    );
    const codeOf = (r: (typeof results)[number]) => r.errors?.[0]?.extensions.code ?? 'OK';
    expect(results.map(codeOf)).toEqual(
      plan.map((kind) => ({ ok: 'OK', 'refused in DB': 'INTERNAL_SERVER_ERROR', 'forbidden responsible': 'FORBIDDEN', 'out of scope': 'BAD_USER_INPUT', 'for a subordinate': 'OK' })[kind]),
    );
    const created = results.filter((r) => r.data?.createEvent).map((r) => r.data!.createEvent);
    expect(created).toHaveLength(16);
    expectGapless(created.map((e) => e.number), before, await lastNumber());
    await expectWritten(created.map((e) => e.id), created.map((e) => e.responsibleId));
    expect(created.filter((e) => e.responsibleId === member.id)).toHaveLength(8);
    expect(created.filter((e) => e.responsibleId === managerUser.id)).toHaveLength(8);
    // Nothing of the refused ones: no event, no audit row.
    expect(await t.factories.count('events', `subject LIKE 'GC refused in DB%'`)).toBe(0);
    expect(await t.factories.count('events', 'responsible_id = $1', [colleague.id])).toBe(0);
  });

  it('fails every creation of a batch whose commit fails, writes nothing of them, and keeps the numbers gapless', async () => {
    const { user, actor } = await t.as(Role.MANAGER);
    const before = await lastNumber();
    const stats = t.app.services.events.creations.stats;
    const batchesBefore = stats.batches;
    const create = (subject: string) => t.app.services.events.create(actor, { kind: EventKind.CALL, subject, start: new Date(Date.now() + 86400_000) });
    // Created in one go, they wait for the same connection and so make one batch; one of them is refused at commit.
    const subjects = Array.from({ length: 6 }, (_, i) => unique(i === 3 ? 'GC refused at commit ' : `GC doomed ${i} `));
    const results = await Promise.allSettled(subjects.map(create));
    expect(stats.batches - batchesBefore).toBe(1);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('rejected'));
    expect(await t.factories.count('events', 'subject = ANY($1)', [subjects])).toBe(0);
    expect(await t.factories.count('audit_log', `entity_type = 'Event' AND entity_label LIKE '%GC doomed%' AND actor_id = $1`, [user.id])).toBe(0);
    expect(await t.factories.count('reminders', 'user_id = $1', [user.id])).toBe(0);
    expect(await lastNumber()).toBe(before);
    // The next creation takes the very next number.
    const next = await create(unique('GC after '));
    expect(seq(next.number)).toBe(before + 1);
  });
});
