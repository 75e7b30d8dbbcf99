import { Client } from 'pg';
import { envNameFor } from '../../test/databases';
import { startTestServer, unique, type ApiClient, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import { ContactInfoType } from './contacts.enums';

/**
 * The governing responsible of contact persons and contact information (migration 1764921600000-SearchScope):
 * the column the search's index scans filter the scope by. It must follow every change of whom a row belongs to,
 * or search would show a row to its former owner and hide it from its new one.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const SEARCH = `query($q: String!) { search(query: $q, first: 50) { totalCount edges { node { __typename ... on Counterparty { id } ... on ContactPerson { id } } } } }`;

async function found(client: ApiClient, q: string): Promise<string[]> {
  const data = await client.ok(SEARCH, { q });
  expect(data.search.totalCount).toBe(data.search.edges.length);
  return data.search.edges.map((e: { node: { id: string } }) => e.node.id).sort();
}

/** Each row's governing responsible, by owner: the counterparty's own rows, its persons, and the persons' rows. */
async function governing(counterpartyId: string | null, personIds: string[]) {
  const db = t.app.db;
  const info = counterpartyId ? await db.query(`SELECT DISTINCT governing_responsible_id AS g FROM contact_info WHERE counterparty_id = $1`, [counterpartyId]) : [];
  const persons = await db.query(`SELECT DISTINCT governing_responsible_id AS g FROM contact_persons WHERE id = ANY($1)`, [personIds]);
  const personInfo = await db.query(`SELECT DISTINCT governing_responsible_id AS g FROM contact_info WHERE contact_person_id = ANY($1)`, [personIds]);
  const ids = (rows: Array<{ g: string }>) => rows.map((r) => r.g).sort();
  return { info: ids(info), persons: ids(persons), personInfo: ids(personInfo) };
}

/** A counterparty with an e-mail, and a person of it with an e-mail, all findable by `token`. */
async function world(owner: User, token: string) {
  const emailKind = await t.factories.kindId('EMAIL');
  const c = await t.factories.counterparty(owner, {
    name: `${token} ООО`,
    contactInfo: [{ type: ContactInfoType.EMAIL, kindId: emailKind, value: `office@${token}.ru` }],
  });
  const p = await t.factories.contactPerson(owner, {
    counterpartyId: c.id,
    lastName: `${token} Смирнов`,
    contactInfo: [{ type: ContactInfoType.EMAIL, kindId: emailKind, value: `smirnov@${token}.ru` }],
  });
  return { c, p };
}

describe('search scope: the governing responsible', () => {
  it('is set on insert: the counterparty’s responsible for its rows and persons, a person’s own when on their own', async () => {
    const owner = await t.factories.user();
    const other = await t.factories.user();
    const token = unique('gov');
    const { c, p } = await world(owner, token);
    // Another user named on a person of the owner's counterparty does not govern it.
    const named = await t.factories.contactPerson(other, { counterpartyId: c.id, lastName: `${token} Второй` });
    const alone = await t.factories.contactPerson(other, {
      lastName: `${token} Один`,
      contactInfo: [{ type: ContactInfoType.EMAIL, kindId: await t.factories.kindId('EMAIL'), value: `alone@${token}.ru` }],
    });
    expect(await governing(c.id, [p.id, named.id])).toEqual({ info: [owner.id], persons: [owner.id], personInfo: [owner.id] });
    expect(await governing(null, [alone.id])).toEqual({ info: [], persons: [other.id], personInfo: [other.id] });
  });

  it('follows a counterparty’s new responsible down to its persons and all their contact information, and search with it', async () => {
    const before = await t.as(Role.MANAGER);
    const after = await t.as(Role.MANAGER);
    const token = unique('resp');
    const { c, p } = await world(before.user, token);
    expect(await found(before.client, token)).toEqual([c.id, p.id].sort());
    expect(await found(after.client, token)).toEqual([]);

    await t.app.services.counterparties.update(await t.factories.admin(), c.id, { version: c.version, responsibleId: after.user.id });

    expect(await governing(c.id, [p.id])).toEqual({ info: [after.user.id], persons: [after.user.id], personInfo: [after.user.id] });
    // By name, by the counterparty's e-mail, by the person's e-mail: nothing left for the former responsible.
    for (const q of [token, `office@${token}`, `smirnov@${token}`]) {
      expect({ q, ids: await found(before.client, q) }).toEqual({ q, ids: [] });
    }
    expect(await found(after.client, token)).toEqual([c.id, p.id].sort());
    expect(await found(after.client, `office@${token}`)).toEqual([c.id]);
    expect(await found(after.client, `smirnov@${token}`)).toEqual([p.id]);
  });

  it('follows a person moved to another manager’s counterparty, detached, and given a new responsible', async () => {
    const first = await t.as(Role.MANAGER);
    const second = await t.as(Role.MANAGER);
    const token = unique('move');
    const { p } = await world(first.user, token);
    const target = await t.factories.counterparty(second.user);
    const admin = await t.factories.admin();
    const q = `smirnov@${token}`;

    let person = await t.app.services.contactPersons.update(admin, p.id, { version: p.version, counterpartyId: target.id });
    expect(await governing(null, [p.id])).toEqual({ info: [], persons: [second.user.id], personInfo: [second.user.id] });
    expect(await found(first.client, q)).toEqual([]);
    expect(await found(first.client, `${token} Смирнов`)).toEqual([]);
    expect(await found(second.client, q)).toEqual([p.id]);

    // Detached, the person keeps the responsible it was given on the move (the target's) and stays with them.
    person = await t.app.services.contactPersons.update(admin, p.id, { version: person.version, counterpartyId: null });
    expect(await governing(null, [p.id])).toEqual({ info: [], persons: [second.user.id], personInfo: [second.user.id] });

    // On their own, the person's own responsible governs.
    await t.app.services.contactPersons.update(admin, p.id, { version: person.version, responsibleId: first.user.id });
    expect(await governing(null, [p.id])).toEqual({ info: [], persons: [first.user.id], personInfo: [first.user.id] });
    expect(await found(first.client, q)).toEqual([p.id]);
    expect(await found(second.client, q)).toEqual([]);
  });

  it('is recomputed whoever writes: a contact-information row moved in SQL, and a wrong value written directly', async () => {
    const a = await t.factories.user();
    const b = await t.factories.user();
    const token = unique('sql');
    const { c, p } = await world(a, token);
    const other = await world(b, unique('sql'));
    const db = t.app.db;

    await db.query(`UPDATE contact_info SET contact_person_id = $1 WHERE contact_person_id = $2`, [other.p.id, p.id]);
    expect(await governing(null, [other.p.id])).toEqual({ info: [], persons: [b.id], personInfo: [b.id] });
    await db.query(`UPDATE contact_info SET contact_person_id = NULL, counterparty_id = $1 WHERE contact_person_id = $2`, [c.id, other.p.id]);
    expect(await governing(c.id, [])).toEqual({ info: [a.id], persons: [], personInfo: [] });

    await db.query(`UPDATE contact_persons SET governing_responsible_id = $1 WHERE id = $2`, [b.id, p.id]);
    await db.query(`UPDATE contact_info SET governing_responsible_id = $1 WHERE counterparty_id = $2`, [b.id, c.id]);
    expect(await governing(c.id, [p.id])).toEqual({ info: [a.id], persons: [a.id], personInfo: [] });
  });

  it('a supervisor finds what moves into the team and loses what moves out; an administrator finds both', async () => {
    const { client, user: boss } = await t.as(Role.SUPERVISOR);
    const inTeam = await t.factories.user({ supervisorId: boss.id });
    const outside = await t.factories.user({ supervisorId: (await t.factories.user({ role: Role.SUPERVISOR })).id });
    const admin = await t.as(Role.ADMINISTRATOR);
    const token = unique('team');
    const mine = await world(inTeam, `${token}a`);
    const theirs = await world(outside, `${token}b`);
    expect(await found(client, token)).toEqual([mine.c.id, mine.p.id].sort());

    const actor = await t.factories.admin();
    await t.app.services.counterparties.update(actor, mine.c.id, { version: mine.c.version, responsibleId: outside.id });
    await t.app.services.counterparties.update(actor, theirs.c.id, { version: theirs.c.version, responsibleId: inTeam.id });
    expect(await found(client, token)).toEqual([theirs.c.id, theirs.p.id].sort());
    expect(await found(client, `smirnov@${token}a`)).toEqual([]);
    expect(await found(client, `smirnov@${token}b`)).toEqual([theirs.p.id]);
    expect(await found(admin.client, token)).toEqual([mine.c.id, mine.p.id, theirs.c.id, theirs.p.id].sort());
  });

  // Two sessions at once need a server: the embedded database is one session shared by every connection.
  const onServer = process.env.CRM_TEST_DB_MODE === 'embedded' ? it.skip : it;

  onServer.each(['the person moves first', 'the responsible changes first'])(
    'a person joining a counterparty while its responsible changes ends up with the new responsible (%s)',
    async (first) => {
      const before = await t.factories.user();
      const after = await t.factories.user();
      const token = unique('race');
      const { c } = await world(before, token);
      const { p } = await world(await t.factories.user(), unique('race'));
      const sessions = [new Client(process.env[envNameFor(Number(process.env.JEST_WORKER_ID ?? 1))]), new Client(process.env[envNameFor(Number(process.env.JEST_WORKER_ID ?? 1))])];
      await Promise.all(sessions.map((s) => s.connect()));
      try {
        const [mover, changer] = first === 'the person moves first' ? sessions : [...sessions].reverse();
        const move = (s: Client) => s.query(`UPDATE contact_persons SET counterparty_id = $1 WHERE id = $2`, [c.id, p.id]);
        const change = (s: Client) => s.query(`UPDATE counterparties SET responsible_id = $1 WHERE id = $2`, [after.id, c.id]);
        await sessions[0].query('BEGIN');
        await sessions[1].query('BEGIN');
        await (first === 'the person moves first' ? move(mover) : change(changer));
        // The second write must wait for the first transaction (the lock the trigger takes), or it would miss it.
        const second = first === 'the person moves first' ? change(changer) : move(mover);
        const waiter = first === 'the person moves first' ? changer : mover;
        const pid = (waiter as unknown as { processID: number }).processID;
        let waiting = false;
        for (let i = 0; i < 200 && !waiting; i++) {
          const [row] = await t.app.db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
          waiting = row?.wait_event_type === 'Lock';
          if (!waiting) await new Promise((r) => setTimeout(r, 25));
        }
        expect(waiting).toBe(true);
        await (first === 'the person moves first' ? mover : changer).query('COMMIT');
        await second;
        await waiter.query('COMMIT');
      } finally {
        await Promise.all(sessions.map((s) => s.end()));
      }
      expect(await governing(c.id, [p.id])).toEqual({ info: [after.id], persons: [after.id], personInfo: [after.id] });
    },
  );
});
