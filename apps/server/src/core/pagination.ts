import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@ObjectType({ description: 'Where a page ends and whether more follow (Relay).' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (an `endCursor`).' })
  after?: string | null;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionShape<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type (`<Name>Connection` with `<Name>Edge`) for a node type. */
export function Connection<T extends object>(Node: ClassType<T> | (() => unknown), name: string, nodeDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeDescription} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque keyset cursor of this edge.' })
    cursor: string;

    @Field(() => Node as ClassType<T>, { description: `The ${nodeDescription}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeDescription} records (Relay connection).` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => Int, { description: 'How many records match the filter in all pages.' })
    totalCount: number;

    @Field(() => [EdgeType], { description: 'The records of this page.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Where this page ends.' })
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

/** Keyset cursors: the sort key values of the last row, opaque to clients. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values of a cursor, or a coded `after` error. Cursors come back from clients, so a caller whose keys
 * the database types strictly (uuid, timestamptz) passes `valid` to check them: a forged cursor must be bad
 * input, not a failed SQL statement.
 */
export function decodeCursor(cursor: string | null | undefined, arity: number, valid: (values: unknown[]) => boolean = () => true): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && valid(values)) return values;
  } catch {
    /* fall through to the coded error */
  }
  throw badInput('after', 'The cursor is not valid for this list; start again without `after`', 'CURSOR_INVALID');
}

/** Builds a connection from `first + 1` fetched rows (the extra row only tells whether a next page exists). */
export function toConnection<T>(rows: T[], first: number, totalCount: number, cursorOf: (row: T) => unknown[]): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}
