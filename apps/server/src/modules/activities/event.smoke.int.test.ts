import { startTestServer, subscribe, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('a planned call pushes its reminder to its user at its time', async () => {
  const { client, user } = await t.as(Role.MANAGER);
  const c = await t.factories.counterparty(user);
  const sub = await subscribe(client, `subscription { reminderDue { id text remindAt subject { type id title } } }`);
  const start = new Date(Date.now() + 1500).toISOString();
  const created = await client.ok(
    `mutation($i: CreateEventInput!) { createEvent(input: $i) { id number state reminders { id remindAt state } } }`,
    { i: { kind: 'CALL', direction: 'OUTGOING', subject: 'Call about the offer', start, counterpartyId: c.id, basedOn: { type: 'COUNTERPARTY', id: c.id }, remindBeforeMinutes: 0 } },
  );
  expect(created.createEvent.number).toMatch(/^EV-\d{4}-\d{6}$/);
  const msg = await sub.next(15_000);
  expect(msg.reminderDue).toMatchObject({ text: 'Call about the offer', subject: { type: 'EVENT', id: created.createEvent.id } });
  await sub.close();
});
