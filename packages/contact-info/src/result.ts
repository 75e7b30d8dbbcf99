/**
 * Validation outcome without exceptions: callers (GraphQL resolvers, form
 * validators) need the machine code to branch on and the message to show.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, code, message };
}
