import { GraphQLError, separateOperations, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

export const MAX_DEPTH = 12;
export const MAX_COST = 25_000;

/** A list field asked for `first` items costs its children that many times over. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.max(1, args.first) : undefined;

export const depthRule = depthLimit(MAX_DEPTH);

/** Refuses operations whose estimated cost is over budget before any resolver runs. */
export function costPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const query = request.operationName ? separateOperations(document)[request.operationName] : document;
          const cost = getComplexity({ schema, query, variables: request.variables, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
          if (cost > MAX_COST) {
            throw new GraphQLError(`The query is too expensive (cost ${cost}, limit ${MAX_COST}); ask for smaller pages or fewer fields`, {
              extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', cost, limit: MAX_COST },
            });
          }
        },
      };
    },
  };
}
