import { decodeCursor, encodeCursor, toConnection } from './pagination';
import { DomainError } from './errors';

function cursorError(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a cursor error');
}

describe('cursors', () => {
  it('round-trip the sort key values, opaque and URL-safe', () => {
    const values = ['ООО «Ромашка» / 1+1', '2f0fffb5-32e1-46df-a748-843a1d021e04', 42, null];
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeCursor(cursor, 4)).toEqual(values);
  });

  it('treat no cursor as the first page', () => {
    expect(decodeCursor(undefined, 2)).toBeNull();
    expect(decodeCursor(null, 2)).toBeNull();
    expect(decodeCursor('', 2)).toBeNull();
  });

  it.each([
    ['another list’s cursor (wrong arity)', encodeCursor(['a', 'b', 'c'])],
    ['not JSON', 'garbage'],
    ['not an array', encodeCursor({ 0: 'a', 1: 'b' } as unknown as unknown[])],
  ])('refuse %s as bad input naming `after`', (_label, cursor) => {
    const err = cursorError(() => decodeCursor(cursor, 2));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.details).toEqual({ field: 'after', reason: 'CURSOR_INVALID' });
  });

  it("refuse values the caller's check rejects", () => {
    const onlyStrings = (values: unknown[]) => values.every((v) => typeof v === 'string');
    expect(decodeCursor(encodeCursor(['a', 'b']), 2, onlyStrings)).toEqual(['a', 'b']);
    expect(cursorError(() => decodeCursor(encodeCursor(['a', {}]), 2, onlyStrings)).details.field).toBe('after');
  });
});

describe('toConnection', () => {
  const rows = [
    { id: 'a', name: 'Alpha' },
    { id: 'b', name: 'Bravo' },
    { id: 'c', name: 'Charlie' },
  ];
  const keyOf = (r: { id: string; name: string }) => [r.name, r.id];

  it('uses the extra row only to tell that a next page exists', () => {
    const page = toConnection(rows, 2, 10, keyOf);
    expect(page.totalCount).toBe(10);
    expect(page.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: page.edges[1].cursor });
    expect(decodeCursor(page.pageInfo.endCursor, 2)).toEqual(['Bravo', 'b']);
  });

  it('reports the last page', () => {
    const page = toConnection(rows, 3, 3, keyOf);
    expect(page.edges).toHaveLength(3);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(['Charlie', 'c']) });
  });

  it('gives an empty page no end cursor', () => {
    expect(toConnection([], 5, 0, keyOf)).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
