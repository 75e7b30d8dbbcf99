import type { Pool, PoolClient } from 'pg';

/** A column as it is sent: its name and the PostgreSQL type of the array it travels in. */
export type Column = [name: string, type: string];

/**
 * Buffers rows of one table column by column and writes them in batches with one
 * `INSERT … SELECT … FROM unnest($1::type[], $2::type[], …)` per batch: a single statement and a fixed
 * number of parameters whatever the batch size, nearly as fast as COPY and with no extra dependency.
 * Array-valued and jsonb columns travel as text and are cast in the SELECT (unnest would flatten arrays).
 */
export class TableWriter {
  private buffers: unknown[][];
  private size = 0;
  rows = 0;
  private readonly sql: string;

  constructor(
    private readonly pool: Pool,
    readonly table: string,
    columns: Array<Column | [name: string, type: string, cast: string]>,
    private readonly batchSize: number,
    private readonly inFlight: InFlight,
  ) {
    this.buffers = columns.map(() => []);
    const names = columns.map((c) => c[0]);
    const params = columns.map((c, i) => `$${i + 1}::${c[1]}[]`);
    const select = columns.map((c, i) => (c[2] ? `c${i}::${c[2]}` : `c${i}`));
    this.sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS t(${columns.map((_, i) => `c${i}`).join(', ')})`;
  }

  /** Adds a row; returns true when the batch is full and `flush()` should be awaited. */
  add(values: unknown[]): boolean {
    for (let i = 0; i < values.length; i++) this.buffers[i].push(values[i]);
    this.size += 1;
    return this.size >= this.batchSize;
  }

  /** Sends the buffered rows; resolves once the statement is on its way (at most `inFlight.limit` at once). */
  async flush(): Promise<void> {
    if (!this.size) return;
    const params = this.buffers;
    const n = this.size;
    this.buffers = params.map(() => []);
    this.size = 0;
    this.rows += n;
    await this.inFlight.run(async (client) => {
      await client.query(this.sql, params);
    }, this.pool);
  }
}

/**
 * Bounds the number of batches being written at once: generation (CPU in this process) overlaps with
 * writing (CPU in PostgreSQL), which on two cores is most of the speed-up there is to have.
 */
export class InFlight {
  private running = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(readonly limit: number) {}

  async run(work: (client: PoolClient) => Promise<void>, pool: Pool): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.running.size >= this.limit) await Promise.race(this.running);
    if (this.failure) throw this.failure;
    const p: Promise<void> = (async () => {
      const client = await pool.connect();
      try {
        await work(client);
      } catch (err) {
        this.failure ??= err;
      } finally {
        client.release();
      }
    })();
    this.running.add(p);
    void p.then(() => this.running.delete(p));
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
    if (this.failure) throw this.failure;
  }
}
