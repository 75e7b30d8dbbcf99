import type { DataSource, EntityManager, EntityTarget } from 'typeorm';
import type { Actor } from '../modules/auth/user.entity';
import { diffSnapshots, type AuditService } from '../modules/audit/audit.service';
import { AuditAction } from '../modules/audit/audit-entry.entity';
import { updateVersioned } from '../modules/sales/catalog/versioned-update';
import { badInput, conflict, notFound } from './errors';
import { requireId } from './ids';
import { withTransaction } from './database/transaction';

/** A row of a hierarchical group catalogue (1C "группа справочника"): product groups, counterparty groups. */
export interface TreeGroup {
  id: string;
  name: string;
  parentId: string | null;
  deletionMark: boolean;
  version: number;
  updatedAt: Date;
}

export interface GroupTreeSpec<G extends TreeGroup> {
  entity: EntityTarget<G>;
  /** The table, as code (never input). */
  table: string;
  /** The audit entity type, e.g. `ProductGroup`. */
  auditType: string;
  /** The group in messages, e.g. `product group`. */
  noun: string;
  /** What groups hold: their table and foreign key, and the key it is counted under in GROUP_IN_USE. */
  members: { table: string; column: string; key: string; noun: string };
  /** Throws FORBIDDEN when the actor may not rename, move, mark or delete groups. */
  requireEditor(actor: Actor): void;
  /** Throws FORBIDDEN when the actor may not create groups (defaults to `requireEditor`). */
  requireCreator?(actor: Actor): void;
}

const snapshot = (g: TreeGroup) => ({ name: g.name, parentId: g.parentId, deletionMark: g.deletionMark });

/**
 * Create, rename, move (never into its own branch), mark for deletion, restore and delete (only when nothing
 * refers to it) the groups of one catalogue: each change locked, version-checked and audited in one transaction.
 */
export class GroupTree<G extends TreeGroup> {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly spec: GroupTreeSpec<G>,
  ) {}

  /** A group given as a parent or an owner's group must exist and not be marked for deletion. */
  async check(tx: EntityManager, groupId: string, field: string) {
    const [g] = await tx.query(`SELECT deletion_mark FROM ${this.spec.table} WHERE id = $1`, [groupId]);
    if (!g) throw badInput(field, `The ${this.spec.noun} does not exist`, 'NOT_FOUND');
    if (g.deletion_mark) throw badInput(field, `The ${this.spec.noun} is marked for deletion`, 'GROUP_DELETED');
  }

  async create(actor: Actor, input: { name: string; parentId?: string | null }): Promise<G> {
    (this.spec.requireCreator ?? this.spec.requireEditor)(actor);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'Enter a name', 'REQUIRED');
    return withTransaction(this.db, async (tx) => {
      if (input.parentId) await this.check(tx, input.parentId, 'parentId');
      const repo = tx.getRepository(this.spec.entity);
      const g = (await repo.save(repo.create({ name, parentId: input.parentId ?? null, deletionMark: false } as never))) as unknown as G;
      await this.audit.record(tx, actor, { entityType: this.spec.auditType, entityId: g.id, entityLabel: g.name, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(g)) });
      return g;
    });
  }

  private async forChange(tx: EntityManager, id: string, version?: number): Promise<G> {
    const g = (await tx.getRepository(this.spec.entity).findOne({ where: { id: requireId(id) } as never, lock: { mode: 'pessimistic_write' } })) as G | null;
    if (!g) throw notFound(this.spec.auditType);
    if (version !== undefined && g.version !== version) {
      throw conflict(`The ${this.spec.noun} was changed by someone else; reload to see their changes`, { reason: 'VERSION_CONFLICT', currentVersion: g.version });
    }
    return g;
  }

  private async write(tx: EntityManager, actor: Actor, g: G, before: ReturnType<typeof snapshot>, action = AuditAction.UPDATE): Promise<G> {
    const changes = diffSnapshots(before, snapshot(g));
    if (!changes.length) return g;
    const { version, updatedAt } = await updateVersioned(tx, this.spec.table, g.id, g.version, { name: g.name, parentId: g.parentId, deletionMark: g.deletionMark }, this.spec.noun);
    g.version = version;
    g.updatedAt = updatedAt;
    await this.audit.record(tx, actor, { entityType: this.spec.auditType, entityId: g.id, entityLabel: g.name, action, changes });
    return g;
  }

  async update(actor: Actor, id: string, input: { version: number; name?: string | null; parentId?: string | null }): Promise<G> {
    this.spec.requireEditor(actor);
    return withTransaction(this.db, async (tx) => {
      const g = await this.forChange(tx, id, input.version);
      const before = snapshot(g);
      if (input.name != null) {
        g.name = input.name.trim();
        if (!g.name) throw badInput('name', 'Enter a name', 'REQUIRED');
      }
      if (input.parentId !== undefined && input.parentId !== g.parentId) {
        if (input.parentId) {
          await this.check(tx, input.parentId, 'parentId');
          // The new parent must not be the group itself or below it: that would cut the branch off the tree.
          const [cycle] = await tx.query(
            `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM ${this.spec.table} WHERE id = $1
               UNION SELECT g.id, g.parent_id FROM ${this.spec.table} g JOIN up ON g.id = up.parent_id)
             SELECT 1 AS found FROM up WHERE id = $2 LIMIT 1`,
            [input.parentId, g.id],
          );
          if (cycle) throw badInput('parentId', 'A group cannot be moved into itself or one of its subgroups', 'GROUP_CYCLE');
        }
        g.parentId = input.parentId ?? null;
      }
      return this.write(tx, actor, g, before);
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<G> {
    this.spec.requireEditor(actor);
    return withTransaction(this.db, async (tx) => {
      const g = await this.forChange(tx, id);
      const before = snapshot(g);
      g.deletionMark = mark;
      return this.write(tx, actor, g, before, mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }

  /** A real delete, only for a group nothing refers to (no members, no subgroups). Returns its id. */
  async delete(actor: Actor, id: string): Promise<string> {
    this.spec.requireEditor(actor);
    const { table, members } = this.spec;
    return withTransaction(this.db, async (tx) => {
      const g = await this.forChange(tx, id);
      const [used] = await tx.query(
        `SELECT (SELECT count(*)::int FROM ${members.table} WHERE ${members.column} = $1) AS members, (SELECT count(*)::int FROM ${table} WHERE parent_id = $1) AS children`,
        [g.id],
      );
      if (used.members || used.children) {
        throw conflict(`The group still has ${members.noun} or subgroups; move them or mark the group for deletion instead`, {
          reason: 'GROUP_IN_USE',
          [members.key]: used.members,
          subgroups: used.children,
        });
      }
      await tx.query(`DELETE FROM ${table} WHERE id = $1`, [g.id]);
      await this.audit.record(tx, actor, { entityType: this.spec.auditType, entityId: g.id, entityLabel: g.name, action: AuditAction.DELETE, changes: diffSnapshots(snapshot(g), {}) });
      return g.id;
    });
  }
}
