import { createPubSub } from '@graphql-yoga/subscription';
import { CacheBus, LocalCache } from './cache-bus';

describe('LocalCache', () => {
  it('keeps a value for its lifetime, never past `notAfter`, and not at all when off', () => {
    const cache = new LocalCache<string>(60_000);
    cache.set('a', 'A', cache.ticket());
    cache.set('b', 'B', cache.ticket(), Date.now() - 1);
    expect(cache.get('a')).toBe('A');
    expect(cache.get('b')).toBeUndefined();
    const off = new LocalCache<string>(0);
    off.set('a', 'A', off.ticket());
    expect(off.get('a')).toBeUndefined();
  });

  it('does not keep a value read across an invalidation (it may predate the change)', () => {
    const cache = new LocalCache<string>(60_000);
    const ticket = cache.ticket();
    cache.drop((_, k) => k === 'other');
    cache.set('a', 'stale', ticket);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'fresh', cache.ticket());
    expect(cache.get('a')).toBe('fresh');
  });

  it('drops what the predicate picks, or everything, and stays within its size', () => {
    const cache = new LocalCache<number>(60_000, 3);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 3]] as const) cache.set(k, v, cache.ticket());
    cache.drop((v) => v === 2);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    cache.set('d', 4, cache.ticket());
    cache.set('e', 5, cache.ticket());
    expect(cache.size).toBe(3);
    cache.drop();
    expect(cache.size).toBe(0);
  });
});

describe('CacheBus', () => {
  it('applies an invalidation at once where it is made and delivers it to every other instance once', async () => {
    const pubSub = createPubSub();
    const here = new CacheBus(pubSub);
    const there = new CacheBus(pubSub);
    const seenHere: Array<string | null> = [];
    const seenThere: Array<string | null> = [];
    here.on('users', (k) => seenHere.push(k));
    there.on('users', (k) => seenThere.push(k));
    await new Promise((r) => setImmediate(r)); // both listening
    here.invalidate('users', 'user:1');
    expect(seenHere).toEqual(['user:1']);
    await new Promise((r) => setImmediate(r));
    expect(seenThere).toEqual(['user:1']);
    expect(seenHere).toEqual(['user:1']); // its own message is not applied twice
    await Promise.all([here.close(), there.close()]);
  });
});
