import { Role, type Actor } from './user.entity';
import { forbidden } from '../../core/errors';

/**
 * Row scope of a role, in one place for every module: which responsible users' records an actor may
 * read and change. `null` means all.
 */
export interface Scope {
  read: string[] | null;
  write: string[] | null;
}

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case Role.ADMINISTRATOR:
      return { read: null, write: null };
    case Role.SUPERVISOR:
      return { read: actor.teamIds, write: actor.teamIds };
    case Role.MARKETER:
    case Role.SERVICE_ENGINEER:
      return { read: null, write: [actor.id] };
    case Role.MANAGER:
    default:
      return { read: [actor.id], write: [actor.id] };
  }
}

export const canRead = (actor: Actor, responsibleId: string) => {
  const ids = scopeOf(actor).read;
  return ids === null || ids.includes(responsibleId);
};

export const canWrite = (actor: Actor, responsibleId: string) => {
  const ids = scopeOf(actor).write;
  return ids === null || ids.includes(responsibleId);
};


export function requireAdmin(actor: Actor) {
  if (actor.role !== Role.ADMINISTRATOR) throw forbidden('Only an administrator can do this');
}
