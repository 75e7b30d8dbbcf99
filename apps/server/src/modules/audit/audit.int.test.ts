import { startTestServer, unique, type TestServer } from '../../test/harness';
import { Role } from '../auth/user.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const HISTORY = `query($id: ID!, $first: Int, $after: String) { counterparty(id: $id) { history(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id at action entityType entityId entityLabel actor { id fullName } changes { field old new } } } } } }`;
const CREATE = `mutation($i: CreateCounterpartyInput!) { createCounterparty(input: $i) { id } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateCounterpartyInput!) { updateCounterparty(id: $id, input: $i) { version } }`;

interface Entry {
  id: string;
  at: string;
  action: string;
  entityLabel: string;
  actor: { id: string; fullName: string } | null;
  changes: Array<{ field: string; old: unknown; new: unknown }>;
}

describe('counterparty history', () => {
  it('lists audit entries newest first with their actor, page by page', async () => {
    const owner = await t.as(Role.MANAGER);
    const name = unique('История ');
    const id = (await owner.client.ok(CREATE, { i: { name } })).createCounterparty.id;
    await owner.client.ok(UPDATE, { id, i: { version: 1, comment: 'one' } });
    await owner.client.ok(UPDATE, { id, i: { version: 2, comment: 'two' } });
    await owner.client.ok(`mutation($id: ID!) { markCounterpartyForDeletion(id: $id) { id } }`, { id });
    await owner.client.ok(`mutation($id: ID!) { restoreCounterparty(id: $id) { id } }`, { id });
    await owner.client.ok(UPDATE, { id, i: { version: 5, name: `${name} (renamed)` } });

    const entries: Entry[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    do {
      const data: any = await owner.client.ok(HISTORY, { id, first: 4, after });
      const h = data.counterparty.history;
      totals.add(h.totalCount);
      entries.push(...h.edges.map((e: { node: Entry }) => e.node));
      after = h.pageInfo.hasNextPage ? h.pageInfo.endCursor : null;
    } while (after);

    expect(totals).toEqual(new Set([6]));
    expect(entries.map((e) => e.action)).toEqual(['UPDATE', 'RESTORE', 'MARK_FOR_DELETION', 'UPDATE', 'UPDATE', 'CREATE']);
    expect(new Set(entries.map((e) => e.id)).size).toBe(6);
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(entries.every((e) => e.actor?.id === owner.user.id && e.actor.fullName === owner.user.fullName)).toBe(true);
    expect(entries[0]).toMatchObject({ entityLabel: `${name} (renamed)`, changes: [{ field: 'name', old: name, new: `${name} (renamed)` }] });
    expect(entries[3].changes).toEqual([{ field: 'comment', old: 'one', new: 'two' }]);
    expect(entries[5]).toMatchObject({ entityLabel: name, action: 'CREATE' });
  });

  it('shows the actor of each change when several people edit', async () => {
    const boss = await t.as(Role.SUPERVISOR);
    const sub = await t.as(Role.MANAGER, { supervisorId: boss.user.id });
    const id = (await sub.client.ok(CREATE, { i: { name: unique('Двое ') } })).createCounterparty.id;
    await boss.client.ok(UPDATE, { id, i: { version: 1, comment: 'from the boss' } });
    const data = await sub.client.ok(HISTORY, { id, first: 10 });
    expect(data.counterparty.history.edges.map((e: { node: Entry }) => [e.node.action, e.node.actor?.id])).toEqual([
      ['UPDATE', boss.user.id],
      ['CREATE', sub.user.id],
    ]);
  });

  it('is not shown to those who cannot see the counterparty, nor anonymously', async () => {
    const owner = await t.as(Role.MANAGER);
    const stranger = await t.as(Role.MANAGER);
    const id = (await owner.client.ok(CREATE, { i: { name: unique('Тайна ') } })).createCounterparty.id;
    expect((await stranger.client.gql(HISTORY, { id, first: 10 })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.anonymous().gql(HISTORY, { id, first: 10 })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('names a bad page size or cursor', async () => {
    const owner = await t.as(Role.MANAGER);
    const id = (await owner.client.ok(CREATE, { i: { name: unique('Курсор ') } })).createCounterparty.id;
    expect((await owner.client.gql(HISTORY, { id, first: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await owner.client.gql(HISTORY, { id, first: 5, after: 'garbage' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
