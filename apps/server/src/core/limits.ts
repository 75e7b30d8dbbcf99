import { GraphQLError, separateOperations, type DocumentNode, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

export const MAX_DEPTH = 12;
export const MAX_COST = 25_000;

/** A list field asked for `first` items costs its children that many times over. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.max(1, args.first) : undefined;

export const depthRule = depthLimit(MAX_DEPTH);

/**
 * Throws a coded 400 error when the operation is over budget. Shared by HTTP (the plugin below) and
 * WebSocket (app.ts), so neither transport runs a query the other would refuse.
 */
export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined) {
  const query = operationName ? separateOperations(document)[operationName] ?? document : document;
  let cost: number;
  try {
    cost = getComplexity({ schema, query, variables: variables ?? {}, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
  } catch (err) {
    // The estimate coerces the variables first; a bad variable is the client's input, not a server fault.
    if (err instanceof GraphQLError) {
      throw new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    throw err;
  }
  if (cost > MAX_COST) {
    throw new GraphQLError(`The query is too expensive (cost ${cost}, limit ${MAX_COST}); ask for smaller pages or fewer fields`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', cost, limit: MAX_COST, http: { status: 400 } },
    });
  }
}

/** Refuses operations whose estimated cost is over budget before any resolver runs. */
export function costPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          assertAffordable(schema, document, request.operationName, request.variables);
        },
      };
    },
  };
}
