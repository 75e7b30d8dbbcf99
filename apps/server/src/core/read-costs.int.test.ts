import { startTestServer, randomMoscowPhone, unique, type ApiClient, type TestServer } from '../test/harness';
import { Role, type User } from '../modules/auth/user.entity';
import { ContactInfoType } from '../modules/contacts/contacts.enums';
import { EventState } from '../modules/activities/activities.enums';

/**
 * What the benchmark's reads cost in SQL statements with warm process caches (the actor, the user directory,
 * the kinds catalog), as in production: the queries are the web app's, as bench/src/scenarios send them. Each
 * is asked once to warm the caches, then counted; a larger data set must not cost more (no N+1).
 */
const SEARCH = `query GlobalSearch($query: String!) {
  search(query: $query, first: 10) {
    totalCount
    edges { cursor matchedField matchedValue node { __typename ... on Counterparty { id name } ... on ContactPerson { id fullName } } }
  }
}`;
const LIST = `query Counterparties($first: Int!, $after: String) {
  counterparties(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    edges { cursor node { id name inn mainPhone relationTypes deletionMark updatedAt createdAt responsible { id fullName } lastContactAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CARD = `query CounterpartyCard($id: ID!) {
  counterparty(id: $id) {
    id name fullName legalType inn kpp groupId group { id name } relationTypes responsibleId responsible { id fullName }
    informationSource comment deletionMark version createdAt updatedAt mainPhone mainEmail
    contactInfo {
      id type kindId kind { id code name type position deletionMark version } value normalized extension comment position
      parts { country postalCode region district city settlement street house building apartment }
    }
    viewerCan { update delete restore }
    lastContactAt
    nextPlannedEvent { id subject start kind }
    contactPersons { id fullName position mainPhone mainEmail deletionMark }
    events(first: 20) {
      totalCount
      edges { node { id number kind direction state subject start end overdue responsible { id fullName } contactPerson { id fullName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const TASKS = `query TasksPage($me: ID!) {
  overdue: events(first: 200, filter: { responsibleId: $me, state: PLANNED, overdue: true }, orderBy: { field: START, direction: ASC }) {
    totalCount edges { node { ...EventListItem } }
  }
  today: events(first: 200, filter: { responsibleId: $me, state: PLANNED, dueToday: true }, orderBy: { field: START, direction: ASC }) {
    totalCount edges { node { ...EventListItem } }
  }
  reminders(first: 200, filter: { state: DUE }) {
    totalCount edges { node { id text remindAt state firedAt userId subject { type id title } } }
  }
  taskCounts { overdue today dueReminders total }
}
fragment EventListItem on Event {
  id number kind direction state subject importance start end overdue counterpartyId counterparty { id name }
  contactPersonId contactPerson { id fullName } responsibleId responsible { id fullName } result version createdAt
  viewerCan { update complete cancel reschedule }
}`;

let t: TestServer;
beforeAll(async () => {
  // A minute: far longer than a warm-up and its measurement take.
  t = await startTestServer({ env: { CRM_AUTH_CACHE_MS: '60000' } });
});
afterAll(() => t.close());

const days = (n: number) => new Date(Date.now() + n * 86400_000);

/** Asks twice and returns the second answer: the first warms the caches. */
async function warm(client: ApiClient, query: string, variables: Record<string, unknown>) {
  const first = await client.gql(query, variables);
  expect(first.errors).toBeUndefined();
  const second = await client.gql(query, variables);
  expect(second.errors).toBeUndefined();
  return second;
}

/** A counterparty with phones, e-mail, persons with their phones, and `events` events (some with a person). */
async function busyCounterparty(user: User, events: number) {
  const [phone, email, mobile] = await Promise.all(['WORK_PHONE', 'EMAIL', 'MOBILE_PHONE'].map((code) => t.factories.kindId(code)));
  const token = unique('Затраты');
  const c = await t.factories.counterparty(user, {
    name: `${token} ООО`,
    contactInfo: [
      { type: ContactInfoType.PHONE, kindId: phone, value: `+${randomMoscowPhone()}` },
      { type: ContactInfoType.EMAIL, kindId: email, value: `${unique('office')}@example.ru` },
    ],
  });
  const persons = [];
  for (let i = 0; i < 2; i++) {
    persons.push(await t.factories.contactPerson(user, { counterpartyId: c.id, lastName: `${token} ${i}`, contactInfo: [{ type: ContactInfoType.PHONE, kindId: mobile, value: `+${randomMoscowPhone()}` }] }));
  }
  for (let i = 0; i < events; i++) {
    const done = i % 3 !== 0;
    await t.factories.event(user, {
      counterpartyId: c.id,
      contactPersonId: i % 2 ? persons[i % 2].id : undefined,
      start: days(done ? -i - 1 : i + 1),
      ...(done ? { state: EventState.COMPLETED, result: 'Done' } : {}),
      noReminder: true,
    });
  }
  return { c, token };
}

describe('statements per read with warm caches', () => {
  it('search: 1', async () => {
    const { client, user } = await t.as(Role.SUPERVISOR);
    const { token } = await busyCounterparty(user, 0);
    const r = await warm(client, SEARCH, { query: token });
    expect(r.data!.search.totalCount).toBe(3);
    expect(r.sql).toBe(1);
  });

  it('the Counterparties page: 2 (the page with its total and phones, then the last contacts), for 3 rows as for 30', async () => {
    const costs: number[] = [];
    for (const n of [3, 30]) {
      const { client, user } = await t.as(Role.MANAGER);
      for (let i = 0; i < n; i++) await t.factories.counterparty(user);
      const r = await warm(client, LIST, { first: 50 });
      expect(r.data!.counterparties.edges).toHaveLength(n);
      expect(r.data!.counterparties.edges.every((e: { node: { mainPhone: string } }) => e.node.mainPhone.startsWith('+7'))).toBe(true);
      costs.push(r.sql);
    }
    expect(costs).toEqual([2, 2]);
  });

  it('the card: 5, with 3 events as with 25', async () => {
    const costs: number[] = [];
    for (const n of [3, 25]) {
      const { client, user } = await t.as(Role.MANAGER);
      const { c } = await busyCounterparty(user, n);
      const r = await warm(client, CARD, { id: c.id });
      const card = r.data!.counterparty;
      expect(card.contactInfo).toHaveLength(2);
      expect(card.contactPersons.every((p: { mainPhone: string }) => p.mainPhone.startsWith('+7'))).toBe(true);
      expect(card.nextPlannedEvent).not.toBeNull();
      expect(card.events.totalCount).toBe(n);
      expect(card.events.edges.some((e: { node: { contactPerson: unknown } }) => e.node.contactPerson)).toBe(true);
      costs.push(r.sql);
    }
    // The counterparty with its contact information; its events with their total; last contact with the next
    // planned event; its persons with theirs; the events' persons.
    expect(costs).toEqual([5, 5]);
  });

  it('the Tasks tab: 5 (both event lists and the counts in one statement, the reminders in one)', async () => {
    const { client, user } = await t.as(Role.MANAGER);
    const { c } = await busyCounterparty(user, 0);
    const persons = (await t.app.services.contactPersons.list(t.factories.actorOf(user), 10, null, { counterpartyId: c.id })).edges.map((e) => e.node);
    for (let i = 0; i < 4; i++) {
      // Overdue, with their reminders (15 minutes before the start) already due.
      await t.factories.event(user, { counterpartyId: c.id, contactPersonId: persons[i % 2].id, start: new Date(Date.now() - (i + 1) * 3600_000) });
    }
    await t.app.services.reminders.fireDue();
    const r = await warm(client, TASKS, { me: user.id });
    const d = r.data!;
    expect(d.overdue.totalCount).toBe(4);
    expect(d.overdue.edges.every((e: { node: { counterparty: unknown; contactPerson: unknown } }) => e.node.counterparty && e.node.contactPerson)).toBe(true);
    expect(d.reminders.totalCount).toBe(4);
    expect(d.reminders.edges.every((e: { node: { subject: { title: string } } }) => e.node.subject.title)).toBe(true);
    expect(d.taskCounts).toEqual({ overdue: 4, today: d.today.totalCount, dueReminders: 4, total: 8 + d.today.totalCount });
    // The lists and counts; the reminders; the events' counterparties, persons; the reminders' subjects.
    expect(r.sql).toBe(5);
  });

  it('the Tasks tab: no more on a user’s first visit than on the next (one statement warmed the whole user directory)', async () => {
    const [a, b] = [await t.as(Role.MANAGER), await t.as(Role.MANAGER)];
    for (const m of [a, b]) {
      const { c } = await busyCounterparty(m.user, 0);
      await t.factories.event(m.user, { counterpartyId: c.id, start: new Date(Date.now() - 3600_000) });
      await m.client.ok(`{ __typename }`); // the actor is cached: only the directory may be cold
    }
    await t.app.services.reminders.fireDue();
    await warm(a.client, TASKS, { me: a.user.id });
    const first = await b.client.gql(TASKS, { me: b.user.id });
    expect(first.data!.overdue.edges.map((e: { node: { responsible: unknown } }) => e.node.responsible)).toEqual([{ id: b.user.id, fullName: b.user.fullName }]);
    const again = await b.client.gql(TASKS, { me: b.user.id });
    expect(again.data).toEqual(first.data);
    expect(first.sql).toBe(again.sql);
  });
});
