import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../../core/database/transaction';
import { conflict } from '../../../core/errors';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The optimistic-locking write of STYLE.md: `UPDATE ... SET ..., version = version + 1 WHERE id = $id AND
 * version = $version`. Zero rows changed means someone else wrote first: CONFLICT. Returns the new version.
 * `table` and the keys of `values` are code, never input.
 */
export async function updateVersioned(
  tx: EntityManager,
  table: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
  what: string,
): Promise<{ version: number; updatedAt: Date }> {
  const keys = Object.keys(values);
  const sets = keys.map((k, i) => `${snake(k)} = $${i + 1}`);
  const [row] = await updateReturning<{ version: number; updated_at: Date }>(
    tx,
    `UPDATE ${table} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $${keys.length + 1} AND version = $${keys.length + 2} RETURNING version, updated_at`,
    [...keys.map((k) => values[k]), id, version],
  );
  if (!row) throw conflict(`The ${what} was changed by someone else; reload to see their changes`, { reason: 'VERSION_CONFLICT' });
  return { version: row.version, updatedAt: row.updated_at };
}

/** PostgreSQL's unique_violation on a given constraint/index name. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && name === constraint;
}
