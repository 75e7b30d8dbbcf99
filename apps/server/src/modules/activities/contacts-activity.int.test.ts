import { startTestServer, type TestServer } from '../../test/harness';
import { Role, type User } from '../auth/user.entity';
import { EventState } from './activities.enums';

const CARD = `query($id: ID!) { counterparty(id: $id) {
  id lastContactAt nextPlannedEvent { id start state }
  history: events(first: 50, state: COMPLETED) { totalCount edges { node { id state start } } }
  all: events(first: 50) { totalCount }
} }`;
const PERSON_CARD = `query($id: ID!) { contactPerson(id: $id) {
  id lastContactAt nextPlannedEvent { id }
  events(first: 50, state: COMPLETED) { totalCount edges { node { id } } }
} }`;
const LIST = `{ counterparties(first: 100) { totalCount edges { node { id lastContactAt nextPlannedEvent { id } } } } }`;

const DAY = 86400_000;
/** Whole seconds, so the times compare exactly after a round trip. */
const days = (n: number) => new Date(Math.floor((Date.now() + n * DAY) / 1000) * 1000);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('counterparty and contact person cards', () => {
  it('show the last contact (latest completed event), the next planned event and the interaction history', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const person = await t.factories.contactPerson(user, { counterpartyId: c.id });
    const done = { state: EventState.COMPLETED, result: 'Talked', counterpartyId: c.id };
    // Recorded today, happened days ago: the last contact is when it happened, not when it was typed in.
    const older = await t.factories.event(user, { ...done, start: days(-10) });
    const latest = await t.factories.event(user, { ...done, start: days(-3), contactPersonId: person.id });
    await t.factories.event(user, { counterpartyId: c.id, start: days(5) });
    const next = await t.factories.event(user, { counterpartyId: c.id, start: days(2), contactPersonId: person.id });
    const dropped = await t.factories.event(user, { counterpartyId: c.id, start: days(1) });
    await client.ok(`mutation($id: ID!) { cancelEvent(id: $id, input: { reason: "No" }) { id } }`, { id: dropped.id });
    // A completed event recorded last is not the latest contact when it happened earlier.
    await t.factories.event(user, { ...done, start: days(-20) });

    const card = (await client.ok(CARD, { id: c.id })).counterparty;
    expect(card.lastContactAt).toBe(latest.start.toISOString());
    expect(card.nextPlannedEvent).toEqual({ id: next.id, start: next.start.toISOString(), state: 'PLANNED' });
    expect(card.history.totalCount).toBe(3);
    expect(card.history.edges.map((e: { node: { id: string; state: string } }) => e.node.state)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    // Newest first: the history reads from the latest contact back.
    expect(card.history.edges.map((e: { node: { id: string } }) => e.node.id).slice(0, 2)).toEqual([latest.id, older.id]);
    expect(card.all.totalCount).toBe(6);

    const personCard = (await client.ok(PERSON_CARD, { id: person.id })).contactPerson;
    expect(personCard).toMatchObject({ lastContactAt: latest.start.toISOString(), nextPlannedEvent: { id: next.id } });
    expect(personCard.events.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([latest.id]);
  });

  it('follow changes: completing the next event makes it the last contact and moves "next" on', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    const first = await t.factories.event(user, { counterpartyId: c.id, start: days(1) });
    const second = await t.factories.event(user, { counterpartyId: c.id, start: days(4) });
    const before = (await client.ok(CARD, { id: c.id })).counterparty;
    expect(before).toMatchObject({ lastContactAt: null, nextPlannedEvent: { id: first.id } });
    const actual = days(-1);
    await client.ok(`mutation($id: ID!, $start: DateTimeISO!) { completeEvent(id: $id, input: { result: "Met", start: $start }) { id } }`, { id: first.id, start: actual.toISOString() });
    const after = (await client.ok(CARD, { id: c.id })).counterparty;
    expect(after).toMatchObject({ lastContactAt: actual.toISOString(), nextPlannedEvent: { id: second.id } });
  });

  it("leave out a colleague's events with my counterparty (outside my scope)", async () => {
    const { client: admin } = await t.as(Role.ADMINISTRATOR);
    const { client, user } = await t.as(Role.MANAGER);
    const { user: colleague } = await t.as(Role.MANAGER);
    const c = await t.factories.counterparty(user);
    // An administrator plans a colleague's call with my counterparty: it is the colleague's, outside my scope.
    const theirs = (await admin.ok(`mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, {
      i: { kind: 'CALL', subject: 'Their call', start: days(1).toISOString(), counterpartyId: c.id, responsibleId: colleague.id },
    })).createEvent;
    const card = (await client.ok(CARD, { id: c.id })).counterparty;
    expect(card).toMatchObject({ nextPlannedEvent: null, all: { totalCount: 0 } });
    expect((await admin.ok(CARD, { id: c.id })).counterparty.nextPlannedEvent.id).toBe(theirs.id);
  });

  it('cost a list the same number of SQL statements for 20 counterparties as for 2 (no N+1)', async () => {
    const listOf = async (n: number) => {
      const { client, user } = await t.as(Role.MANAGER);
      for (let i = 0; i < n; i++) await withEvents(user);
      return client.gql(LIST);
    };
    const withEvents = async (user: User) => {
      const c = await t.factories.counterparty(user);
      await t.factories.event(user, { state: EventState.COMPLETED, result: 'ok', counterpartyId: c.id, start: days(-2), noReminder: true });
      await t.factories.event(user, { counterpartyId: c.id, start: days(2), noReminder: true });
    };
    const small = await listOf(2);
    const large = await listOf(20);
    for (const r of [small, large]) {
      expect(r.errors).toBeUndefined();
      for (const { node } of r.data!.counterparties.edges) {
        expect(node.lastContactAt).not.toBeNull();
        expect(node.nextPlannedEvent).not.toBeNull();
      }
    }
    expect(small.data!.counterparties.totalCount).toBe(2);
    expect(large.data!.counterparties.totalCount).toBe(20);
    expect(large.sql).toBeGreaterThan(0);
    expect(large.sql).toBe(small.sql);
  });
});
