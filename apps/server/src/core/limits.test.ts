import { buildSchema, GraphQLError, parse, type DocumentNode } from 'graphql';
import { assertAffordable, MAX_COST } from './limits';

/**
 * The cost estimate is kept per document and the variables it depends on: a kept cost must never let through
 * what a fresh estimate refuses, nor change an error. Each case asks the same parsed document (as Apollo's
 * document cache hands it back) and compares with a freshly parsed copy, which nothing was kept for.
 */
const schema = buildSchema(`
  type Item { id: ID! children(first: Int): [Item!]! name: String }
  type Query { items(first: Int, filter: String): [Item!]! item(id: ID!): Item }
`);

/** The outcome of one check: the cost error's extensions, another error's code and message, or 'ok'. */
function outcome(document: DocumentNode, variables: Record<string, unknown> | null, operationName?: string): unknown {
  try {
    assertAffordable(schema, document, operationName, variables);
    return 'ok';
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return { message: err.message, extensions: err.extensions };
  }
}

/** The same document asked in turn with each set of variables, beside a fresh document per request. */
function compare(query: string, variableSets: Array<Record<string, unknown> | null>, operationName?: string) {
  const kept = parse(query);
  const seen = variableSets.map((v) => outcome(kept, v, operationName));
  const fresh = variableSets.map((v) => outcome(parse(query), v, operationName));
  expect(seen).toEqual(fresh);
  return seen;
}

const tooComplex = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX', limit: MAX_COST }) });

describe('the kept cost estimate', () => {
  const PAGES = `query Pages($n: Int!, $m: Int) { items(first: $n) { id children(first: $m) { id name } } }`;

  it('refuses a larger page of the same document, and accepts a small one again', () => {
    const seen = compare(PAGES, [{ n: 5, m: 5 }, { n: 500, m: 500 }, { n: 5, m: 5 }, { n: 5, m: 500 }, { n: 500, m: 5 }, { n: 5, m: 5 }]);
    expect(seen).toEqual(['ok', tooComplex, 'ok', 'ok', 'ok', 'ok']);
    // The error names the cost of this request, not of an earlier one.
    const costs = [{ n: 500, m: 500 }, { n: 400, m: 500 }].map((v) => (outcome(parse(PAGES), v) as { extensions: { cost: number } }).extensions.cost);
    expect(costs[0]).toBeGreaterThan(costs[1]);
    const kept = parse(PAGES);
    expect([{ n: 500, m: 500 }, { n: 400, m: 500 }].map((v) => (outcome(kept, v) as { extensions: { cost: number } }).extensions.cost)).toEqual(costs);
  });

  it('follows a default page size, and an omitted or null one', () => {
    const query = `query($n: Int = 500, $m: Int) { items(first: $n) { children(first: $m) { id name } } }`;
    const seen = compare(query, [{ m: 5 }, { n: 5, m: 5 }, { m: 500 }, { n: null, m: 500 }, {}, null]);
    expect(seen).toEqual(['ok', 'ok', tooComplex, 'ok', 'ok', 'ok']);
  });

  it('follows @include and @skip', () => {
    const query = `query($deep: Boolean!, $n: Int!) { items(first: $n) { id children(first: $n) @include(if: $deep) { id name } } }`;
    expect(compare(query, [{ deep: false, n: 300 }, { deep: true, n: 300 }, { deep: false, n: 300 }])).toEqual(['ok', tooComplex, 'ok']);
  });

  it('still refuses bad variables after the same document passed, with the same error', () => {
    const seen = compare(PAGES, [{ n: 5, m: 5 }, { n: 'lots', m: 5 }, { m: 5 }, { n: 5, m: 5, extra: 1 }, { n: 5, m: 'x' }]);
    expect(seen[0]).toBe('ok');
    for (const s of [seen[1], seen[2], seen[4]]) expect(s).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(seen[3]).toBe('ok');
  });

  it('still refuses a null given for a required argument through a variable with a default', () => {
    const query = `query($id: ID = "1", $n: Int) { item(id: $id) { children(first: $n) { id } } }`;
    const seen = compare(query, [{ n: 5 }, { id: null, n: 5 }, { id: '2', n: 5 }]);
    expect(seen[0]).toBe('ok');
    expect(seen[1]).toEqual(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(seen[2]).toBe('ok');
  });

  it('keeps the operations of one document apart', () => {
    const query = `query Small { items(first: 5) { id } } query Big($n: Int!) { items(first: $n) { children(first: $n) { id name } } }`;
    const kept = parse(query);
    expect(outcome(kept, {}, 'Small')).toBe('ok');
    expect(outcome(kept, { n: 500 }, 'Big')).toEqual(tooComplex);
    expect(outcome(kept, { n: 500 }, 'Small')).toBe('ok');
    expect(outcome(kept, { n: 500 }, 'Big')).toEqual(tooComplex);
  });
});
