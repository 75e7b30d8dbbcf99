import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the hot read paths the benchmark measures (bench/results: list, card, Tasks tab), each checked with
 * EXPLAIN ANALYZE on the scale-1 data set.
 */
export class ReadPaths1764748800000 implements MigrationInterface {
  name = 'ReadPaths1764748800000';

  async up(q: QueryRunner): Promise<void> {
    // The Counterparties tab: each responsible's live rows in name order, read per responsible and merged (a
    // supervisor's page) or straight (a manager's); its count is an index-only scan over the same entries.
    await q.query(`CREATE INDEX counterparties_live_responsible_name_idx ON counterparties (responsible_id, name, id) WHERE NOT deletion_mark`);
    // Last contact and next planned event of a counterparty within the viewer's scope, without visiting the
    // heap for the responsible; the card's history reads a counterparty's events newest first from the second.
    await q.query(`DROP INDEX events_counterparty_idx`);
    await q.query(`CREATE INDEX events_counterparty_idx ON events (counterparty_id, state, start_at) INCLUDE (responsible_id)`);
    await q.query(`CREATE INDEX events_counterparty_start_idx ON events (counterparty_id, start_at, id) INCLUDE (responsible_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS events_counterparty_start_idx`);
    await q.query(`DROP INDEX IF EXISTS events_counterparty_idx`);
    await q.query(`CREATE INDEX events_counterparty_idx ON events (counterparty_id, state, start_at)`);
    await q.query(`DROP INDEX IF EXISTS counterparties_live_responsible_name_idx`);
  }
}
