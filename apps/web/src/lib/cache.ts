import type { ApolloCache } from '@apollo/client';

/**
 * A mutation `update` that drops cached pages of a list: after a create or a deletion mark the cached pages
 * are wrong (counts, membership), and refetching them on next view is simpler than patching each.
 */
export function evictList(fieldName: string) {
  return (cache: ApolloCache) => {
    cache.evict({ id: 'ROOT_QUERY', fieldName });
    cache.gc();
  };
}
