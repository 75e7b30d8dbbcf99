import type { SelectQueryBuilder } from 'typeorm';
import { Role, type Actor } from '../auth/user.entity';
import { canRead, canWrite, scopeOf } from '../auth/access';
import { forbidden, notFound } from '../../core/errors';

/** Restricts a counterparty query (alias `c`) to what the actor may read. */
export function scopeCounterparties<T extends object>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'c'): SelectQueryBuilder<T> {
  const ids = scopeOf(actor).read;
  if (ids) qb.andWhere(`${alias}.responsible_id = ANY(:scopeIds)`, { scopeIds: ids });
  return qb;
}

/**
 * SQL condition for contact persons (alias `p`, with its counterparty LEFT JOINed as `pc`): a person of a
 * counterparty follows that counterparty's responsible; a person on their own follows their own.
 */
export function personScopeCondition(actor: Actor, p = 'p', pc = 'pc'): { sql: string; params: Record<string, unknown> } | null {
  const ids = scopeOf(actor).read;
  if (!ids) return null;
  return { sql: `COALESCE(${pc}.responsible_id, ${p}.responsible_id) = ANY(:scopeIds)`, params: { scopeIds: ids } };
}

/** The owner whose scope governs an object. Unreadable objects are reported as missing, not forbidden. */
export function assertCanWrite(actor: Actor, responsibleId: string, what: string) {
  if (!canRead(actor, responsibleId)) throw notFound(what);
  if (!canWrite(actor, responsibleId)) throw forbidden(`You can only change ${what.toLowerCase()} records you are responsible for`);
}

/** Whom the actor may make responsible: themselves, their team (supervisor), anyone (administrator). */
export function assertCanAssign(actor: Actor, responsibleId: string, field = 'responsibleId') {
  if (!canWrite(actor, responsibleId)) {
    throw forbidden(`You cannot make this user responsible (${field})`);
  }
}

/**
 * Counterparty groups are one tree for the whole company: anyone files a new group, but renaming, moving,
 * marking and deleting one (which changes how every colleague's clients are filed) is for supervisors and
 * administrators.
 */
export function requireGroupEditor(actor: Actor) {
  if (actor.role !== Role.ADMINISTRATOR && actor.role !== Role.SUPERVISOR) {
    throw forbidden('Only an administrator or a supervisor can rename, move or delete counterparty groups');
  }
}
