import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/user.entity';
import type { Loaders } from '../../core/loaders';
import { badInput } from '../../core/errors';

/** Loaders of the object types that appear in "recent objects"; an object the actor can no longer see is dropped. */
const VISIBILITY: Record<string, (l: Loaders, id: string) => Promise<unknown>> = {
  Counterparty: (l, id) => l.counterparty.load(id),
  ContactPerson: (l, id) => l.contactPerson.load(id),
};

/** How many recent objects are considered before the visibility filter. */
const RECENT_WINDOW = 500;

export class DesktopService {
  constructor(private readonly audit: AuditService) {}

  async recentObjects(actor: Actor, first: number, loaders: Loaders) {
    if (first < 1 || first > 100) throw badInput('first', 'Ask for 1 to 100 recent objects', 'OUT_OF_RANGE');
    // Objects the actor can no longer see are dropped after the read, so read the whole recent window (one
    // batched, scoped query per type) rather than `first` rows: otherwise a few handed-over objects would
    // empty the page while older visible ones exist.
    const rows = await this.audit.recentFor(actor.id, Object.keys(VISIBILITY), RECENT_WINDOW);
    const visible = await Promise.all(rows.map((r) => VISIBILITY[r.entityType](loaders, r.entityId)));
    return rows
      .filter((_, i) => visible[i])
      .slice(0, first)
      .map((r) => ({ entityType: r.entityType, entityId: r.entityId, label: r.entityLabel, at: r.at, action: r.action }));
  }
}
