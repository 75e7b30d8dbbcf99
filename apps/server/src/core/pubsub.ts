import { setMaxListeners } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';

/** Open subscriptions of one topic (one user's tabs, each with its subscriptions) before Node reports a leak. */
export const MAX_SUBSCRIPTIONS_PER_TOPIC = 1000;

/**
 * Subscription pub/sub: in-process by default; with REDIS_URL, events cross server instances through
 * Redis pub/sub so a browser connected to any instance gets them.
 */
export function createPubsub(redisUrl?: string) {
  if (!redisUrl) return { pubSub: createPubSub({ eventTarget: localEventTarget() }), close: async () => {} };
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const pubSub = createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    pubSub,
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/**
 * The in-process event target. Topics are per user, and each open subscription of theirs is one listener on it:
 * 20 tabs of one user are 20 listeners, not a leak. Node warns past 10 per event type; a real leak would still
 * pass this limit in time.
 */
export function localEventTarget() {
  const eventTarget = new EventTarget();
  setMaxListeners(MAX_SUBSCRIPTIONS_PER_TOPIC, eventTarget);
  return eventTarget;
}

export type PubSub = ReturnType<typeof createPubsub>['pubSub'];
