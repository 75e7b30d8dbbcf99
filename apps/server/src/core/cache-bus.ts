import crypto from 'node:crypto';
import type { PubSub } from './pubsub';

/** The topic every instance listens to; with REDIS_URL it crosses processes like the subscriptions do. */
export const CACHE_INVALIDATED = 'CACHE_INVALIDATED';

export interface Invalidation {
  /** The instance that sent it (it has already applied it). */
  origin: string;
  /** Which cache: `actors`, `users`, `contactInfoKinds`, `salesScenarios`. */
  cache: string;
  /** What to drop (a cache's own key language, e.g. `user:<id>`); null drops everything. */
  key: string | null;
}

/**
 * Short-lived process caches of hot, rarely changing rows (who a session is, the user directory, the kinds
 * catalog) are emptied by the change that makes them stale: at once in the process that made it, and in every
 * other instance through the pub/sub. A cache registers a handler per name; `invalidate` runs it here and
 * broadcasts it.
 */
export class CacheBus {
  private readonly origin = crypto.randomUUID();
  private readonly handlers = new Map<string, Array<(key: string | null) => void>>();
  private readonly iterator: AsyncIterator<Invalidation>;
  private closed = false;

  constructor(private readonly pubSub: PubSub) {
    this.iterator = (pubSub.subscribe(CACHE_INVALIDATED) as AsyncIterable<Invalidation>)[Symbol.asyncIterator]();
    void this.listen();
  }

  private async listen() {
    while (!this.closed) {
      let next: IteratorResult<Invalidation>;
      try {
        next = await this.iterator.next();
      } catch {
        // A broken subscription (Redis gone) must not take the server down; entries still expire by their TTL.
        return;
      }
      if (next.done) return;
      const m = next.value;
      if (m && m.origin !== this.origin) this.apply(m.cache, m.key);
    }
  }

  private apply(cache: string, key: string | null) {
    for (const h of this.handlers.get(cache) ?? []) h(key);
  }

  on(cache: string, handler: (key: string | null) => void) {
    this.handlers.set(cache, [...(this.handlers.get(cache) ?? []), handler]);
  }

  /** Drops the entries here at once and tells the other instances. Call it after the change has committed. */
  invalidate(cache: string, key: string | null = null) {
    this.apply(cache, key);
    const message: Invalidation = { origin: this.origin, cache, key };
    this.pubSub.publish(CACHE_INVALIDATED, message);
  }

  async close() {
    this.closed = true;
    await this.iterator.return?.();
  }
}

/**
 * A map whose entries live `ttlMs` (0 turns it off). A reader takes a ticket before going to the database and
 * offers the value back with it: if anything was invalidated meanwhile, the value (maybe read before that
 * change committed) is not kept.
 */
export class LocalCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.until <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return e.value;
  }

  ticket(): number {
    return this.generation;
  }

  set(key: string, value: V, ticket: number, notAfter?: number) {
    if (this.ttlMs <= 0 || ticket !== this.generation) return;
    const until = Math.min(Date.now() + this.ttlMs, notAfter ?? Infinity);
    if (until <= Date.now()) return;
    if (this.map.size >= this.max && !this.map.has(key)) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, { value, until });
  }

  /** Drops the entries the predicate picks, or all. */
  drop(which?: (value: V, key: string) => boolean) {
    this.generation += 1;
    if (!which) return this.map.clear();
    for (const [k, e] of this.map) if (which(e.value, k)) this.map.delete(k);
  }

  get size() {
    return this.map.size;
  }
}
