import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/**
 * Work to run once the transaction that asked for it has committed (pushes over pub/sub, e-mails), and never
 * when it rolls back: a subscriber pushed to TypeORM's transaction events, keyed by the transaction's query runner.
 * Outside a transaction the work runs at once.
 */
export class AfterCommit {
  private readonly pending = new WeakMap<QueryRunner, Array<() => void>>();
  private readonly subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      // A released savepoint commits nothing yet: wait for the outermost commit.
      if (queryRunner.isTransactionActive) return;
      const work = this.pending.get(queryRunner);
      this.pending.delete(queryRunner);
      for (const fn of work ?? []) {
        try {
          fn();
        } catch (err) {
          this.onError(err);
        }
      }
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
    },
  };

  constructor(
    private readonly db: DataSource,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** Runs `fn` after `tx` commits. */
  run(tx: EntityManager, fn: () => void) {
    const runner = tx.queryRunner;
    if (!runner || !runner.isTransactionActive) {
      fn();
      return;
    }
    // DataSource.initialize() rebuilds its subscriber list, so the subscriber joins it on first use.
    if (!this.db.subscribers.includes(this.subscriber)) (this.db.subscribers as EntitySubscriberInterface[]).push(this.subscriber);
    const work = this.pending.get(runner);
    if (work) work.push(fn);
    else this.pending.set(runner, [fn]);
  }
}
