import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import i18n from '../i18n';

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

const reconnectListeners = new Set<Listener>();

/**
 * Live updates listen here: after the WebSocket comes back (network loss, laptop sleep, server restart) pushes
 * sent meanwhile are lost, so whatever they would have refreshed is read again once.
 */
export function onSocketReconnected(listener: Listener): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** The auth context listens here so any request that finds the session gone sends the user back to sign-in. */
export function onSessionExpired(listener: Listener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

export function createApolloClient(): ApolloClient {
  // Same origin as the SPA: the httpOnly session cookie travels with every request, no token in JS.
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

  // Lazy: the socket opens only when a subscription starts, and carries the same cookie on the upgrade.
  const ws = new GraphQLWsLink(
    createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: Infinity,
      on: {
        connected: (_socket, _payload, wasRetry) => {
          if (wasRetry) reconnectListeners.forEach((listener) => listener());
        },
      },
    }),
  );

  // The server may localise its own messages; tell it the interface language.
  const language = new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'Accept-Language': i18n.language },
    }));
    return forward(operation);
  });

  const sessionGuard = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Me' || operation.operationName === 'Login') return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      sessionExpiredListeners.forEach((listener) => listener());
    }
  });

  const transport = ApolloLink.split(({ query }) => isSubscriptionOperation(query), ws, http);

  return new ApolloClient({
    link: ApolloLink.from([sessionGuard, language, transport]),
    cache: new InMemoryCache({
      // Search hits are the schema's `SearchResult` union; the cache needs its members to match inline fragments.
      possibleTypes: {
        SearchResult: ['Counterparty', 'ContactPerson'],
        CalendarItem: ['CalendarEvent', 'CalendarReminder'],
      },
      typePolicies: {
        // Connections are fetched page by page with explicit variables; never merge pages in the cache.
        Query: {
          fields: {
            counterparties: { keyArgs: ['first', 'after', 'filter', 'orderBy'] },
            contactPersons: { keyArgs: ['first', 'after', 'filter'] },
            events: { keyArgs: ['first', 'after', 'filter', 'orderBy'] },
            reminders: { keyArgs: ['first', 'after', 'filter'] },
          },
        },
        // History pages are appended by "show more"; the first page replaces on refetch.
        Counterparty: { fields: { history: appendedPages(false), events: appendedPages(['state']) } },
        ContactPerson: { fields: { history: appendedPages(false), events: appendedPages(['state']) } },
        Event: { fields: { history: appendedPages(false) } },
        ClientInterest: { fields: { history: appendedPages(false) } },
        // Values without an id of their own: part of their parent, replaced whole.
        ObjectRef: { keyFields: false },
        EventViewerCan: { merge: true },
        TaskCounts: { merge: true },
      },
    }),
  });
}

interface HistoryPage {
  edges: unknown[];
  [key: string]: unknown;
}

/** Keyed by nothing (or only `keyArgs`), so `fetchMore({ after })` appends to the list already shown. */
function appendedPages(keyArgs: false | string[]) {
  return {
    keyArgs,
    merge(existing: HistoryPage | undefined, incoming: HistoryPage, { args }: { args: Record<string, unknown> | null }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
    },
  };
}
