import { GraphQLError, Kind, getVariableValues, separateOperations, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';

export const MAX_DEPTH = 12;
export const MAX_COST = 25_000;

/** A list field asked for `first` items costs its children that many times over. */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + childComplexity * Math.max(1, args.first) : undefined;

export const depthRule = depthLimit(MAX_DEPTH);

/** The costs one schema has computed, per document (Apollo hands back the same parsed document per query text). */
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentCosts>>();
/** Costs kept per document: one per distinct page size, in practice a handful. */
const COSTS_PER_DOCUMENT = 64;

interface DocumentCosts {
  operations: readonly OperationDefinitionNode[];
  /** Variables whose value the estimate reads: those given to a `first` argument or to a directive (`@skip`, `@include`). */
  costVariables: ReadonlySet<string>;
  byKey: Map<string, number>;
}

function documentCosts(schema: GraphQLSchema, document: DocumentNode): DocumentCosts {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let entry = bySchema.get(document);
  if (!entry) {
    const costVariables = new Set<string>();
    let inCostArgument = 0;
    const costArgument = { enter: () => void (inCostArgument += 1), leave: () => void (inCostArgument -= 1) };
    visit(document, {
      Directive: costArgument,
      Argument: {
        enter: (node) => (node.name.value === 'first' ? costArgument.enter() : undefined),
        leave: (node) => (node.name.value === 'first' ? costArgument.leave() : undefined),
      },
      Variable: (node) => {
        if (inCostArgument > 0) costVariables.add(node.name.value);
      },
    });
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    entry = { operations, costVariables, byKey: new Map() };
    bySchema.set(document, entry);
  }
  return entry;
}

/**
 * What the cost of this request depends on besides the document: the operation, the values of the variables the
 * estimate reads, and whether each other variable is given, null or not (argument coercion fails on a missing
 * or null value, never on another one: the variables themselves are coerced here first). Null when it cannot be
 * told cheaply (the variables do not coerce, the operation is ambiguous): then the estimate runs, and fails,
 * as it always did.
 */
function costKey(schema: GraphQLSchema, doc: DocumentCosts, operationName: string | null | undefined, variables: Record<string, unknown>): string | null {
  const operation = operationName ? doc.operations.find((o) => o.name?.value === operationName) : doc.operations.length === 1 ? doc.operations[0] : undefined;
  if (!operation) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;
  const values = coerced.coerced;
  const key: unknown[] = [operationName ?? null];
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (!(name in values)) key.push(0);
    else if (values[name] === null) key.push(1);
    else key.push(doc.costVariables.has(name) ? [values[name]] : 2);
  }
  return JSON.stringify(key);
}

function estimate(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const query = operationName ? separateOperations(document)[operationName] ?? document : document;
  try {
    return getComplexity({ schema, query, variables, estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
  } catch (err) {
    // The estimate coerces the variables first; a bad variable is the client's input, not a server fault.
    if (err instanceof GraphQLError) {
      throw new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    throw err;
  }
}

/**
 * Throws a coded 400 error when the operation is over budget. Shared by HTTP (the plugin below) and
 * WebSocket (app.ts), so neither transport runs a query the other would refuse. The estimate walks the whole
 * document: it is kept per document, operation and the variables it depends on (a page size), so a repeated
 * query costs a coercion of its variables and a look-up.
 */
export function assertAffordable(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined) {
  const doc = documentCosts(schema, document);
  const key = costKey(schema, doc, operationName, variables ?? {});
  let cost = key === null ? undefined : doc.byKey.get(key);
  if (cost === undefined) {
    cost = estimate(schema, document, operationName, variables ?? {});
    if (key !== null) {
      if (doc.byKey.size >= COSTS_PER_DOCUMENT) doc.byKey.clear();
      doc.byKey.set(key, cost);
    }
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
