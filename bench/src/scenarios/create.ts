import type { Pool } from 'pg';
import type { Fixtures } from '../fixtures';
import { summarize, type Summary } from '../stats';
import { median } from '../stats';

/** The event form's mutation (CreateEvent with the EventDetails the web app asks back). */
const MUTATION = `mutation CreateEvent($input: CreateEventInput!) {
  createEvent(input: $input) {
    id number kind direction state subject importance start end overdue counterpartyId counterparty { id name }
    contactPersonId contactPerson { id fullName } responsibleId responsible { id fullName } result version createdAt
    viewerCan { update complete cancel reschedule }
    content cancelReason completedAt updatedAt basedOn { type id title } reminders { id text remindAt state firedAt userId }
  }
}`;

export interface CreateResult {
  name: string;
  concurrency: number;
  created: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  latency: Summary;
  sqlPerOp: number;
  sqlMax: number;
  targetPerSecond: number;
  /** The same writes (number, event, reminder, audit row) as one SQL statement per event via pg. */
  floor: { created: number; seconds: number; perSecond: number; latency: Summary; errors: number; firstError?: string };
  numbers: { first: string | null; last: string | null; duplicates: number };
}

/**
 * The write floor: what creating an event writes, in one statement — the next number of the year (the counter row
 * stays locked until commit, so numbers stay gapless), the event, its reminder 15 minutes before and the audit row.
 */
const FLOOR = `
WITH n AS (
  INSERT INTO document_counters (prefix, year, last) VALUES ('EV', extract(year FROM now() AT TIME ZONE 'UTC')::int, 1)
  ON CONFLICT (prefix, year) DO UPDATE SET last = document_counters.last + 1 RETURNING year, last
), e AS (
  INSERT INTO events (number, kind, direction, state, subject, importance, start_at, counterparty_id, responsible_id, created_by_id)
  SELECT 'EV-' || n.year || '-' || lpad(n.last::text, 6, '0'), 'CALL', 'OUTGOING', 'PLANNED', $1, 'NORMAL', $2, $3, $4, $4 FROM n
  RETURNING id, number, subject, start_at, responsible_id
), r AS (
  INSERT INTO reminders (user_id, text, remind_at, state, subject_type, subject_id, offset_minutes)
  SELECT responsible_id, subject, start_at - interval '15 minutes', 'PENDING', 'EVENT', id, 15 FROM e
)
INSERT INTO audit_log (actor_id, entity_type, entity_id, entity_label, action, changes)
SELECT responsible_id, 'Event', id, number || ' ' || subject, 'CREATE', '[]' FROM e
RETURNING entity_label`;

/**
 * Event creation throughput: `concurrency` managers' tabs each saving planned calls (with the default reminder)
 * back to back, for `seconds` or until `count` are made. The events are planned 60–90 days ahead so their
 * reminders stay out of the other scenarios' way.
 */
export async function runCreate(f: Fixtures, pool: Pool, o: { concurrency: number; seconds: number; count: number; runId: string }): Promise<CreateResult> {
  const latencies: number[] = [];
  const sql: number[] = [];
  const numbers: string[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let issued = 0;
  const deadline = o.seconds > 0 ? performance.now() + o.seconds * 1000 : Infinity;
  const base = Date.now() + 60 * 86_400_000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, w) => {
      const user = f.managers[w % f.managers.length];
      for (let k = 0; ; k++) {
        if (performance.now() >= deadline) break;
        if (o.seconds <= 0 && issued >= o.count) break;
        const i = issued++;
        const sample = user.samples[k % user.samples.length];
        const start = new Date(base + ((i * 7_919) % (30 * 96)) * 15 * 60_000);
        const r = await user.client.gql(MUTATION, {
          input: { kind: 'CALL', subject: `Бенчмарк ${o.runId}: звонок ${i + 1}`, start: start.toISOString(), counterpartyId: sample.id, remindBeforeMinutes: 15 },
        });
        if (r.errors?.length || !r.data) {
          errors += 1;
          firstError ??= JSON.stringify(r.errors).slice(0, 500);
          continue;
        }
        latencies.push(r.ms);
        sql.push(r.sql);
        numbers.push(r.data.createEvent.number);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const floor = await createFloor(f, pool, o, base);
  const sorted = [...numbers].sort();
  return {
    name: 'create: createEvent mutation',
    concurrency: o.concurrency,
    created: numbers.length,
    errors,
    firstError,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((numbers.length / seconds) * 10) / 10,
    latency: summarize(latencies),
    sqlPerOp: median(sql),
    sqlMax: Math.max(0, ...sql),
    targetPerSecond: 500,
    floor,
    numbers: { first: sorted[0] ?? null, last: sorted[sorted.length - 1] ?? null, duplicates: sorted.length - new Set(sorted).size },
  };
}

async function createFloor(f: Fixtures, pool: Pool, o: { concurrency: number; seconds: number; count: number; runId: string }, base: number): Promise<CreateResult['floor']> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let issued = 0;
  const deadline = o.seconds > 0 ? performance.now() + o.seconds * 1000 : Infinity;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, w) => {
      const user = f.managers[w % f.managers.length];
      for (let k = 0; ; k++) {
        if (performance.now() >= deadline) break;
        if (o.seconds <= 0 && issued >= o.count) break;
        const i = issued++;
        const start = new Date(base + ((i * 7_919) % (30 * 96)) * 15 * 60_000);
        const t = performance.now();
        try {
          await pool.query(FLOOR, [`Бенчмарк ${o.runId}: звонок ${i + 1} (SQL)`, start, user.samples[k % user.samples.length].id, user.id]);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors += 1;
          firstError ??= (err as Error).message;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { created: latencies.length, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round((latencies.length / seconds) * 10) / 10, latency: summarize(latencies), errors, firstError };
}
