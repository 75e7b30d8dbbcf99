import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import i18n from '../i18n';

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

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
  const ws = new GraphQLWsLink(createClient({ url: wsUrl, lazy: true, retryAttempts: Infinity }));

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
      possibleTypes: { SearchResult: ['Counterparty', 'ContactPerson'] },
      typePolicies: {
        // Connections are fetched page by page with explicit variables; never merge pages in the cache.
        Query: {
          fields: {
            counterparties: { keyArgs: ['first', 'after', 'filter', 'orderBy'] },
            contactPersons: { keyArgs: ['first', 'after', 'filter'] },
          },
        },
        // History pages are appended by "show more"; the first page replaces on refetch.
        Counterparty: { fields: { history: historyField() } },
        ContactPerson: { fields: { history: historyField() } },
      },
    }),
  });
}

interface HistoryPage {
  edges: unknown[];
  [key: string]: unknown;
}

/** Keyed by nothing, so `fetchMore({ after })` appends to the list already shown. */
function historyField() {
  return {
    keyArgs: false as const,
    merge(existing: HistoryPage | undefined, incoming: HistoryPage, { args }: { args: Record<string, unknown> | null }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
    },
  };
}
