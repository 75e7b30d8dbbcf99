import type { Pool } from 'pg';
import WebSocket from 'ws';
import type { BenchUser, Fixtures } from '../fixtures';
import { now, summarize, type Summary } from '../stats';

/** The bell's subscription (apps/web/src/app/reminders/reminders.graphql.ts). */
const SUBSCRIPTION = `subscription ReminderDue { reminderDue { id text remindAt state firedAt userId subject { type id title } } }`;

/** One browser tab: a graphql-ws socket with the user's session cookie and one reminderDue subscription. */
class Tab {
  private ws?: WebSocket;
  /** reminder id → when this tab received it (epoch ms, sub-millisecond). */
  readonly received = new Map<string, { at: number; firedAt: string; remindAt: string }>();
  errors: string[] = [];

  constructor(
    readonly user: BenchUser,
    private readonly url: string,
  ) {}

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { cookie: this.user.client.cookie! } });
      this.ws = ws;
      const timer = setTimeout(() => reject(new Error('no connection_ack in 30 s')), 30_000);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      ws.on('message', (raw) => {
        const at = now();
        const msg = JSON.parse(raw.toString());
        switch (msg.type) {
          case 'connection_ack':
            clearTimeout(timer);
            ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, operationName: 'ReminderDue' } }));
            resolve();
            break;
          case 'next': {
            const r = msg.payload?.data?.reminderDue;
            if (msg.payload?.errors?.length || !r) this.errors.push(JSON.stringify(msg.payload?.errors ?? msg.payload).slice(0, 300));
            else this.received.set(r.id, { at, firedAt: r.firedAt, remindAt: r.remindAt });
            break;
          }
          case 'ping':
            ws.send(JSON.stringify({ type: 'pong' }));
            break;
          case 'error':
          case 'complete':
            this.errors.push(`${msg.type}: ${JSON.stringify(msg.payload ?? null).slice(0, 300)}`);
            break;
        }
      });
      ws.on('error', (err) => {
        this.errors.push(String(err));
        reject(err);
      });
      ws.on('close', (code) => {
        if (code !== 1000) this.errors.push(`closed with ${code}`);
      });
    });
  }

  close() {
    this.ws?.close(1000);
  }
}

export interface PushResult {
  name: string;
  subscribers: number;
  users: number;
  rounds: number;
  expected: number;
  delivered: number;
  missing: number;
  errors: number;
  firstError?: string;
  /** From the scheduler's claim (reminders.fired_at, set in the claiming statement) to a tab's receipt. */
  fromClaim: Summary;
  /** From the reminder's due time to receipt: adds the wait for the scheduler's next tick (CRM_SCHEDULER_INTERVAL_MS). */
  fromDue: Summary;
  /** Time to open all the sockets and subscribe. */
  connectSeconds: number;
  targetP95: number;
}

/**
 * Push latency: `subscribers` open sockets (tabs) spread over `users` managers; each round makes one reminder
 * per user due at once, the running server's scheduler claims them, and every tab of its user must receive
 * it. A warm-up round first proves every subscription is live.
 */
export async function runPush(f: Fixtures, pool: Pool, url: string, o: { subscribers: number; users: number; rounds: number; log: (m: string) => void }): Promise<PushResult> {
  const users = f.managers.slice(0, Math.min(o.users, f.managers.length));
  const tabs = Array.from({ length: o.subscribers }, (_, t) => new Tab(users[t % users.length], url));
  const inserted: string[] = [];
  const t0 = performance.now();
  try {
    for (let k = 0; k < tabs.length; k += 50) await Promise.all(tabs.slice(k, k + 50).map((t) => t.open()));
    const connectSeconds = Math.round((performance.now() - t0) / 10) / 100;
    o.log(`push: ${tabs.length} tabs subscribed in ${connectSeconds} s`);
    await new Promise((r) => setTimeout(r, 500));

    const fromClaim: number[] = [];
    const fromDue: number[] = [];
    let expected = 0;
    let delivered = 0;
    for (let round = 0; round <= o.rounds; round++) {
      const r = await pool.query<{ id: string; user_id: string }>(
        `INSERT INTO reminders (user_id, text, remind_at, state) SELECT u, $2, now(), 'PENDING' FROM unnest($1::uuid[]) AS u RETURNING id, user_id`,
        [users.map((u) => u.id), `Бенчмарк: push, раунд ${round}`],
      );
      inserted.push(...r.rows.map((x) => x.id));
      const wanted = tabs.map((t) => ({ tab: t, id: r.rows.find((x) => x.user_id === t.user.id)!.id }));
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && wanted.some((w) => !w.tab.received.has(w.id))) await new Promise((res) => setTimeout(res, 50));
      if (round === 0) continue; // warm-up
      expected += wanted.length;
      for (const w of wanted) {
        const got = w.tab.received.get(w.id);
        if (!got) continue;
        delivered += 1;
        fromClaim.push(got.at - Date.parse(got.firedAt));
        fromDue.push(got.at - Date.parse(got.remindAt));
      }
      o.log(`push: round ${round}/${o.rounds}: ${wanted.filter((w) => w.tab.received.has(w.id)).length}/${wanted.length} delivered`);
    }
    const errors = tabs.flatMap((t) => t.errors);
    return {
      name: 'push: reminderDue to open tabs',
      subscribers: tabs.length,
      users: users.length,
      rounds: o.rounds,
      expected,
      delivered,
      missing: expected - delivered,
      errors: errors.length,
      firstError: errors[0],
      fromClaim: summarize(fromClaim),
      fromDue: summarize(fromDue),
      connectSeconds,
      targetP95: 100,
    };
  } finally {
    for (const t of tabs) t.close();
    if (inserted.length) await pool.query(`DELETE FROM reminders WHERE id = ANY($1)`, [inserted]);
  }
}
