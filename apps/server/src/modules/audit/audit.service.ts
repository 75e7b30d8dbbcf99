import type { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditEntry, type FieldChange } from './audit-entry.entity';
import type { Actor } from '../auth/user.entity';
import { decodeCursor, toConnection } from '../../core/pagination';

export interface AuditRecord {
  entityType: string;
  entityId: string;
  entityLabel: string;
  action: AuditAction;
  changes?: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-by-field difference of two plain snapshots, for the audit row. */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!same(before[field], after[field])) changes.push({ field, old: before[field] ?? null, new: after[field] ?? null });
  }
  return changes;
}

export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Must be called with the transaction that makes the change, so the change and its audit row commit together. */
  async record(tx: EntityManager, actor: Actor | null, rec: AuditRecord): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (at, actor_id, entity_type, entity_id, entity_label, action, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [new Date(), actor?.id ?? null, rec.entityType, rec.entityId, rec.entityLabel, rec.action, JSON.stringify(rec.changes ?? [])],
    );
  }

  /** Newest first; keyset on the write sequence. Callers check that the actor may see the object. */
  async history(entityType: string, entityId: string, first: number, afterSeq: string | null): Promise<AuditEntry[]> {
    const qb = this.db
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.entity_type = :entityType AND a.entity_id = :entityId', { entityType, entityId })
      .orderBy('a.seq', 'DESC')
      .limit(first + 1);
    if (afterSeq) qb.andWhere('a.seq < :seq', { seq: afterSeq });
    return qb.getMany();
  }

  /** One page of an object's history as a connection; the caller has already been allowed to see the object. */
  async historyPage(entityType: string, entityId: string, first: number, after?: string | null) {
    const cursor = decodeCursor(after, 1, ([seq]) => typeof seq === 'string' && /^\d{1,19}$/.test(seq)) as [string] | null;
    const [rows, total] = await Promise.all([this.history(entityType, entityId, first, cursor?.[0] ?? null), this.historyCount(entityType, entityId)]);
    return toConnection(rows, first, total, (a) => [a.seq]);
  }

  async historyCount(entityType: string, entityId: string): Promise<number> {
    return this.db.getRepository(AuditEntry).count({ where: { entityType, entityId } });
  }

  /**
   * The objects of the given types this user touched most recently, one row per object (the desktop's
   * "recent objects"), taken from the user's last `window` audit rows of those types.
   */
  async recentFor(
    actorId: string,
    entityTypes: string[],
    limit: number,
    window = 500,
  ): Promise<Array<{ entityType: string; entityId: string; entityLabel: string; at: Date; action: AuditAction }>> {
    const rows: Array<{ entity_type: string; entity_id: string; entity_label: string; at: Date; action: AuditAction }> =
      await this.db.query(
        `SELECT entity_type, entity_id, entity_label, at, action FROM (
           SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, entity_label, at, action, seq
             FROM (SELECT * FROM audit_log WHERE actor_id = $1 AND entity_type = ANY($3) ORDER BY seq DESC LIMIT $4) recent
            ORDER BY entity_type, entity_id, seq DESC) latest
         ORDER BY seq DESC LIMIT $2`,
        [actorId, limit, entityTypes, window],
      );
    return rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, entityLabel: r.entity_label, at: r.at, action: r.action }));
  }
}
