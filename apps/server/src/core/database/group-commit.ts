import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { requestStore, type RequestStore } from '../request-store';

/** PostgreSQL's deadlock and serialization failures: the work is safe to run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const isRetryable = (err: unknown) => RETRYABLE.has((err as { code?: string } | null)?.code ?? '');

export interface GroupCommitOptions<I, R> {
  /**
   * Writes one item in the batch's transaction, under its own savepoint: throwing fails that item only (its writes,
   * the document number it took included, are rolled back to the savepoint). Use only `tx`: a query on the
   * DataSource would wait for a second connection (for ever on the embedded database's single one).
   */
  write(tx: EntityManager, item: I): Promise<R>;
  /**
   * True when the item's `write` is one statement, atomic by itself: alone in its batch (an idle server), it then
   * runs as that statement without BEGIN, SAVEPOINT and COMMIT — one round trip, as without batching.
   */
  singleStatement?(item: I): boolean;
  /** The most items in one transaction (PostgreSQL caches 64 subtransactions per session). */
  maxBatch?: number;
  /** How many times a deadlock or serialization failure is retried: of an item (to its savepoint) or of the commit. */
  retries?: number;
}

interface Pending<I, R> {
  item: I;
  /** The request that submitted it: the statements run for it are counted there. */
  store: RequestStore | undefined;
  resolve(result: R): void;
  reject(err: unknown): void;
}

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs `fn` counting its statements against `store`'s request (or against none). */
const countedIn = <T>(store: RequestStore | undefined, fn: () => T): T => (store ? requestStore.run(store, fn) : requestStore.exit(fn));

/**
 * Group commit: writes that arrive while a batch is being written and committed are collected and written in the next
 * ONE transaction, each under its own SAVEPOINT, with one COMMIT (one fsync) for all of them. For documents whose
 * number is taken from a counter row locked until commit, this turns "one document per commit" into "one batch per
 * commit" while numbers stay gapless: a failed item's savepoint rollback gives its number back before the next item
 * takes one.
 *
 * - No waiting when idle: the first item starts a batch at once; a batch takes what is queued when it gets its
 *   connection, at most `maxBatch` items; one batch at a time (they would queue on the counter row anyway).
 * - Each caller gets its own result or its own error. If BEGIN or COMMIT fails (or a savepoint cannot be rolled
 *   back), every item of the batch gets that error and nothing of the batch exists; a retryable failure of the commit
 *   reruns the whole batch. What follows a commit (pushes) is the caller's, after `submit` resolves.
 * - Statement counting (`x-sql-statements`): an item's own statements (its SAVEPOINT, its writes, a ROLLBACK TO) count
 *   for the request that submitted it; the batch's BEGIN and COMMIT for the request of its first item (which opened
 *   it), so that the requests' counts add up to the statements the server ran. A lone single-statement item counts
 *   that one statement, as without batching.
 */
export class GroupCommit<I, R> {
  private readonly queue: Array<Pending<I, R>> = [];
  private running = false;
  private readonly maxBatch: number;
  private readonly retries: number;
  /** Batches written and the largest one, for tests and diagnostics. */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  constructor(
    private readonly db: DataSource,
    private readonly options: GroupCommitOptions<I, R>,
  ) {
    this.maxBatch = Math.max(1, Math.min(options.maxBatch ?? 32, 60));
    this.retries = options.retries ?? 2;
  }

  /** Writes `item` with the next batch; resolves after that batch has committed. */
  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, store: requestStore.getStore(), resolve, reject });
      if (!this.running) {
        this.running = true;
        // The loop serves every request of its batches: it runs outside the first one's request context.
        void requestStore.exit(() => this.drain());
      }
    });
  }

  private async drain() {
    try {
      while (this.queue.length) await this.nextBatch();
    } finally {
      this.running = false;
    }
  }

  private async nextBatch() {
    let runner: QueryRunner | undefined;
    try {
      runner = this.db.createQueryRunner();
      await runner.connect();
    } catch (err) {
      for (const p of this.queue.splice(0, this.maxBatch)) p.reject(err);
      await runner?.release().catch(() => undefined);
      return;
    }
    // What arrived while this batch waited for its connection (and while the previous one committed) joins it.
    const batch = this.queue.splice(0, this.maxBatch);
    this.stats.batches += 1;
    this.stats.items += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    try {
      if (batch.length === 1 && this.options.singleStatement?.(batch[0].item)) await this.alone(runner, batch[0]);
      else await this.inTransaction(runner, batch);
    } catch (err) {
      // Not expected (every path settles its items), but no caller may be left waiting.
      for (const p of batch) p.reject(err);
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  private async alone(runner: QueryRunner, p: Pending<I, R>) {
    for (let attempt = 0; ; attempt++) {
      try {
        p.resolve(await countedIn(p.store, () => this.options.write(runner.manager, p.item)));
        return;
      } catch (err) {
        if (isRetryable(err) && attempt < this.retries) continue;
        p.reject(err);
        return;
      }
    }
  }

  private async inTransaction(runner: QueryRunner, batch: Array<Pending<I, R>>) {
    for (let attempt = 0; ; attempt++) {
      const outcomes: Array<Outcome<R>> = [];
      try {
        await runner.startTransaction('READ COMMITTED');
        for (const [i, p] of batch.entries()) outcomes.push(await this.item(runner, p, `group_commit_${i}`));
        await runner.commitTransaction();
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        if (isRetryable(err) && attempt < this.retries) continue;
        for (const p of batch) p.reject(err);
        return;
      } finally {
        // BEGIN and COMMIT ran outside any request's context: they count for the request that opened the batch.
        if (batch[0].store) batch[0].store.sqlStatements += 2;
      }
      batch.forEach((p, i) => {
        const o = outcomes[i];
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
      return;
    }
  }

  /** One item under its savepoint. A failure to roll back to it throws: the transaction is then lost for all. */
  private async item(runner: QueryRunner, p: Pending<I, R>, savepoint: string): Promise<Outcome<R>> {
    return countedIn(p.store, async () => {
      await runner.query(`SAVEPOINT ${savepoint}`);
      for (let attempt = 0; ; attempt++) {
        try {
          return { ok: true, value: await this.options.write(runner.manager, p.item) } as const;
        } catch (error) {
          await runner.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
          if (isRetryable(error) && attempt < this.retries) continue;
          return { ok: false, error } as const;
        }
      }
    });
  }
}
