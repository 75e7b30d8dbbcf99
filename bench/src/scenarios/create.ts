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
  numbers: { first: string | null; last: string | null; duplicates: number };
}

/**
 * Event creation throughput: `concurrency` managers' tabs each saving planned calls (with the default reminder)
 * back to back, for `seconds` or until `count` are made. The events are planned 60–90 days ahead so their
 * reminders stay out of the other scenarios' way.
 */
export async function runCreate(f: Fixtures, o: { concurrency: number; seconds: number; count: number; runId: string }): Promise<CreateResult> {
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
    numbers: { first: sorted[0] ?? null, last: sorted[sorted.length - 1] ?? null, duplicates: sorted.length - new Set(sorted).size },
  };
}
