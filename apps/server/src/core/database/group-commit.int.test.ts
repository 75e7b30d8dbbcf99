import type { EntityManager } from 'typeorm';
import { startTestServer, type TestServer } from '../../test/harness';
import { requestStore, type RequestStore } from '../request-store';
import { GroupCommit } from './group-commit';
import { updateReturning } from './transaction';

/**
 * The group-commit core on the test's database (PostgreSQL or the embedded one), with a scratch counter and table
 * that mimic a document: each item takes the next number of a counter row locked until commit and writes a row.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.app.db.query(`CREATE TABLE IF NOT EXISTS gc_test_counter (name text PRIMARY KEY, last int NOT NULL)`);
  await t.app.db.query(`CREATE TABLE IF NOT EXISTS gc_test_docs (number int PRIMARY KEY, label text NOT NULL CHECK (label <> 'bad'), tx bigint NOT NULL)`);
  // A check at commit: a label 'fails at commit' makes the COMMIT of its transaction fail.
  await t.app.db.query(`CREATE OR REPLACE FUNCTION gc_test_fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.label = 'fails at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$`);
  await t.app.db.query(`DROP TRIGGER IF EXISTS gc_test_fail_at_commit ON gc_test_docs`);
  await t.app.db.query(`CREATE CONSTRAINT TRIGGER gc_test_fail_at_commit AFTER INSERT ON gc_test_docs DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION gc_test_fail_at_commit()`);
});
afterAll(async () => {
  await t.app.db.query(`DROP TABLE IF EXISTS gc_test_docs, gc_test_counter`);
  await t.app.db.query(`DROP FUNCTION IF EXISTS gc_test_fail_at_commit()`);
  await t.close();
});

interface Item {
  label: string;
  /** Resolved by the test: the item's write waits for it (keeps its batch open while others queue). */
  gate?: Promise<void>;
  /** Throw this many deadlocks before writing. */
  deadlocks?: number;
}

let counterName = '';
beforeEach(async () => {
  counterName = `c${Math.random().toString(36).slice(2)}`;
  await t.app.db.query(`INSERT INTO gc_test_counter (name, last) VALUES ($1, 0)`, [counterName]);
});

async function write(tx: EntityManager, item: Item) {
  await item.gate;
  if (item.deadlocks) {
    item.deadlocks -= 1;
    throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
  }
  const [{ last }] = await updateReturning<{ last: number }>(tx, `UPDATE gc_test_counter SET last = last + 1 WHERE name = $1 RETURNING last`, [counterName]);
  const [row] = await tx.query(`INSERT INTO gc_test_docs (number, label, tx) VALUES ($1, $2, txid_current()) RETURNING tx`, [last, item.label]);
  return { label: item.label, seq: last as number, tx: String(row.tx) };
}

const gate = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};
const settle = <T>(ps: Array<Promise<T>>) => Promise.allSettled(ps);
const docs = async () => (await t.app.db.query(`SELECT number, label FROM gc_test_docs ORDER BY number`)) as Array<{ number: number; label: string }>;

/** Until the first batch has taken its items (it then waits at its gate, holding its connection). */
async function firstBatchTaken(gc: GroupCommit<Item, unknown>) {
  while (gc.stats.batches < 1) await new Promise((r) => setTimeout(r, 5));
}

/** Submits a first item that holds its batch open, then `items` (they queue), then lets it finish. */
async function queuedBehindFirst(gc: GroupCommit<Item, Awaited<ReturnType<typeof write>>>, items: Item[]) {
  const g = gate();
  const first = gc.submit({ label: 'first', gate: g.p });
  await firstBatchTaken(gc);
  const rest = items.map((i) => gc.submit(i));
  g.open();
  await first;
  return settle(rest);
}

describe('GroupCommit', () => {
  beforeEach(() => t.app.db.query(`DELETE FROM gc_test_docs`));

  it('writes items that queued while a batch was open in one transaction, numbered without gaps', async () => {
    const gc = new GroupCommit(t.app.db, { write });
    const results = await queuedBehindFirst(
      gc,
      Array.from({ length: 6 }, (_, i) => ({ label: `item ${i}` })),
    );
    const values = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(values.every(Boolean)).toBe(true);
    expect(new Set(values.map((v) => v!.tx)).size).toBe(1); // one transaction for the six
    expect(values.map((v) => v!.seq)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(gc.stats).toMatchObject({ batches: 2, items: 7, largest: 6 });
    expect((await docs()).map((d) => d.label)).toEqual(['first', ...values.map((v) => v!.label)]);
  });

  it('fails a bad item alone: its savepoint gives its number back, the others commit gapless', async () => {
    const gc = new GroupCommit(t.app.db, { write });
    const results = await queuedBehindFirst(gc, [{ label: 'a' }, { label: 'bad' }, { label: 'b' }, { label: 'bad' }, { label: 'c' }]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe('23514'); // its own error: the check constraint
    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof write>>> => r.status === 'fulfilled').map((r) => r.value);
    expect(ok.map((v) => v.seq)).toEqual([2, 3, 4]);
    expect((await docs()).map((d) => d.label)).toEqual(['first', 'a', 'b', 'c']);
    const [counter] = await t.app.db.query(`SELECT last FROM gc_test_counter WHERE name = $1`, [counterName]);
    expect(counter.last).toBe(4);
  });

  it('fails every item of a batch whose commit fails, and writes nothing of it', async () => {
    const gc = new GroupCommit(t.app.db, { write });
    const results = await queuedBehindFirst(gc, [{ label: 'x' }, { label: 'fails at commit' }, { label: 'y' }]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results) expect(String((r as PromiseRejectedResult).reason.message)).toMatch(/refused at commit/);
    expect((await docs()).map((d) => d.label)).toEqual(['first']);
    // The batch's numbers were never taken: the next item continues right after the first.
    expect((await gc.submit({ label: 'after' })).seq).toBe(2);
  });

  it('retries an item that hit a deadlock, to its savepoint, and gives up after the retries', async () => {
    const gc = new GroupCommit(t.app.db, { write, retries: 2 });
    const results = await queuedBehindFirst(gc, [{ label: 'twice', deadlocks: 2 }, { label: 'thrice', deadlocks: 3 }, { label: 'plain' }]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe('40P01');
    expect((await docs()).map((d) => d.label)).toEqual(['first', 'twice', 'plain']);
  });

  it("counts each item's statements for its own request, and the batch's BEGIN and COMMIT for its first", async () => {
    const gc = new GroupCommit(t.app.db, { write, singleStatement: () => true });
    const store = (): RequestStore => ({ requestId: 'r', sqlStatements: 0 });
    const first = store();
    const g = gate();
    const p1 = requestStore.run(first, () => gc.submit({ label: 'alone', gate: g.p }));
    await firstBatchTaken(gc);
    const stores = [store(), store(), store()];
    const rest = stores.map((s, i) => requestStore.run(s, () => gc.submit({ label: i === 1 ? 'bad' : `n${i}` })));
    g.open();
    await p1;
    await settle(rest);
    // Alone and single-statement: its two statements, no transaction of its own.
    expect(first.sqlStatements).toBe(2);
    // In the batch: its SAVEPOINT and 2 writes each; the refused one also its ROLLBACK TO; the first also the batch's
    // BEGIN and COMMIT. The counts add up to the statements that ran.
    expect(stores.map((s) => s.sqlStatements)).toEqual([5, 4, 3]);
  });
});
