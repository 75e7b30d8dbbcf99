import type { Pool } from 'pg';
import type { BenchUser, Fixtures, Role } from '../fixtures';

/** What a read operation returns for the comparison of the API's answer with the SQL floor's. */
export type Answer = unknown;

export interface ApiResult {
  answer: Answer;
  /** SQL statements the server ran (`x-sql-statements`). */
  sql: number;
}

/**
 * One read operation of a scenario, as one user role runs it: the GraphQL request the web app sends, and
 * the same answer computed by one hand-written SQL statement.
 */
export interface ReadOp<P extends { user: BenchUser } = { user: BenchUser } & Record<string, unknown>> {
  scenario: string;
  /** Shown in tables, e.g. "search: phone fragment". */
  name: string;
  role: Role;
  /** The p95 target for this kind of read, in ms. */
  targetP95: number;
  /** Parameters of iteration `i` (deterministic; both sides get the same ones). */
  params(i: number): P;
  api(p: P): Promise<ApiResult>;
  floor(p: P): Promise<Answer>;
}

export interface ReadScenario {
  name: string;
  description: string;
  ops(f: Fixtures, pool: Pool): ReadOp<any>[];
}

/** Dates from either side in one form. */
export const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** The i-th user of a role, and the j-th of their samples, so iterations walk across users and records. */
export function pick(users: BenchUser[], i: number) {
  const user = users[i % users.length];
  const sample = user.samples[Math.floor(i / users.length) % user.samples.length];
  return { user, sample };
}

export class GraphQLErrors extends Error {}

export function check<T>(r: { data: T | null; errors?: Array<{ message: string }> }): T {
  if (r.errors?.length || !r.data) throw new GraphQLErrors(`GraphQL error: ${JSON.stringify(r.errors ?? 'no data').slice(0, 500)}`);
  return r.data;
}
