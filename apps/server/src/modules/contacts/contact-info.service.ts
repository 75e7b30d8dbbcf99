import type { DataSource, EntityManager } from 'typeorm';
import { normalizeContactInfo, textSearchKey } from '@crm/contact-info';
import { ContactInfo, ContactInfoKind } from './contact-info.entity';
import type { ContactInfoInput, CreateContactInfoKindInput, UpdateContactInfoKindInput } from './contacts.inputs';
import type { ContactInfoType } from './contacts.enums';
import { badInput, conflict, notFound } from '../../core/errors';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import type { Actor } from '../auth/user.entity';
import { requireAdmin } from '../auth/access';
import { Counterparty } from './counterparty.entity';
import { ContactPerson } from './contact-person.entity';
import { personScopeCondition, scopeCounterparties } from './contacts.policy';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { isId, requireId } from '../../core/ids';
import { LocalCache, type CacheBus } from '../../core/cache-bus';
import { hydrate } from '../../core/database/hydrate';

/** The kinds catalog's cache on the bus. */
export const KINDS_CACHE = 'contactInfoKinds';
/** Changes empty it everywhere at once; the lifetime only bounds a lost message. */
const KINDS_CACHE_MS = 300_000;

export type Owner = { counterpartyId: string } | { contactPersonId: string };

/** A record ready to be written: validated, normalised, with its search key. */
export interface PreparedContactInfo {
  id?: string;
  type: ContactInfoType;
  kindId: string;
  value: string;
  normalized: string;
  searchKey: string;
  extension: string | null;
  parts: Record<string, string> | null;
  comment: string | null;
  /** The kind is marked for deletion: records that already have it keep it, new ones may not take it. */
  kindMarked: boolean;
}

/** How a record appears in audit rows: readable, stable. */
const auditView = (r: Pick<PreparedContactInfo, 'type' | 'kindId' | 'value' | 'comment'>) => ({ type: r.type, kindId: r.kindId, value: r.value, comment: r.comment ?? null });

/** A unique-index violation on (type, lower(name)) is the user's duplicate name, not a server fault. */
function duplicateNameOr(err: unknown): never {
  const code = (err as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (err as { code?: string })?.code;
  if (code === '23505') throw badInput('name', 'A kind with this name already exists for this type', 'DUPLICATE');
  throw err;
}

/** Contact information of counterparties and contact persons, and the catalog of its kinds. */
export class ContactInfoService {
  /** The whole kinds catalog (a dozen rows, read by every card and list that shows contact information). */
  private readonly kinds = new LocalCache<ContactInfoKind[]>(KINDS_CACHE_MS, 1);

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly bus?: CacheBus,
  ) {
    bus?.on(KINDS_CACHE, () => this.kinds.drop());
  }

  private kindsChanged() {
    if (this.bus) this.bus.invalidate(KINDS_CACHE);
    else this.kinds.drop();
  }

  /** Every kind, marked ones too, in catalog order. */
  private async catalog(): Promise<ContactInfoKind[]> {
    const hit = this.kinds.get('all');
    if (hit) return hit;
    const ticket = this.kinds.ticket();
    const all = await this.db.getRepository(ContactInfoKind).createQueryBuilder('k').orderBy('k.type').addOrderBy('k.position').addOrderBy('k.name').getMany();
    this.kinds.set('all', all, ticket);
    return all;
  }

  /**
   * Validates and normalises a list of inputs. Errors name the field (`contactInfo.2.value`) so the form
   * shows them at the right row; nothing is written when any row is wrong.
   */
  async prepare(tx: EntityManager, inputs: ContactInfoInput[], field = 'contactInfo'): Promise<PreparedContactInfo[]> {
    const kindIds = [...new Set(inputs.map((i) => i.kindId))];
    const kinds = kindIds.length
      ? await tx.getRepository(ContactInfoKind).createQueryBuilder('k').where('k.id = ANY(:ids)', { ids: kindIds }).getMany()
      : [];
    const kindById = new Map(kinds.map((k) => [k.id, k]));
    return inputs.map((input, index) => {
      const kind = kindById.get(input.kindId);
      if (!kind) throw badInput(`${field}.${index}.kindId`, 'This kind of contact information does not exist', 'KIND_NOT_FOUND');
      if (kind.type !== input.type) {
        throw badInput(`${field}.${index}.kindId`, `The kind "${kind.name}" is for ${kind.type}, not ${input.type}`, 'KIND_TYPE_MISMATCH');
      }
      const parts = input.parts ? Object.fromEntries(Object.entries(input.parts).filter(([, v]) => typeof v === 'string' && v.trim())) : undefined;
      const result = normalizeContactInfo(input.type, input.value ?? '', { parts });
      if (!result.ok) throw badInput(`${field}.${index}.value`, result.message, result.code);
      const n = result.value;
      return {
        id: input.id,
        type: input.type,
        kindId: input.kindId,
        value: n.value,
        normalized: n.normalized,
        searchKey: n.searchKey,
        extension: n.extension ?? null,
        parts: n.parts && Object.keys(n.parts).length ? (n.parts as Record<string, string>) : null,
        comment: input.comment?.trim() || null,
        kindMarked: kind.deletionMark,
      };
    });
  }

  /**
   * Makes the owner's list equal to `records`: keeps and updates rows by id, adds new ones, removes the rest.
   * Returns the audit change (old and new lists) or null when nothing changed.
   */
  async replace(tx: EntityManager, owner: Owner, records: PreparedContactInfo[], field = 'contactInfo') {
    const repo = tx.getRepository(ContactInfo);
    const existing = await repo.find({ where: owner, order: { position: 'ASC' } });
    const byId = new Map(existing.map((r) => [r.id, r]));
    const seen = new Set<string>();
    records.forEach((r, index) => {
      if (r.id && !byId.has(r.id)) throw badInput(`${field}.${index}.id`, 'This record does not belong to the object', 'NOT_FOUND');
      if (r.id && seen.has(r.id)) throw badInput(`${field}.${index}.id`, 'The same record is listed twice', 'DUPLICATE');
      if (r.id) seen.add(r.id);
      if (r.kindMarked && (!r.id || byId.get(r.id)!.kindId !== r.kindId)) {
        throw badInput(`${field}.${index}.kindId`, 'This kind is marked for deletion; choose another', 'KIND_MARKED_FOR_DELETION');
      }
    });
    const keep = new Set(records.map((r) => r.id).filter(Boolean));
    const removed = existing.filter((r) => !keep.has(r.id)).map((r) => r.id);
    if (removed.length) await repo.delete(removed);
    for (const [position, r] of records.entries()) {
      const row = { ...owner, type: r.type, kindId: r.kindId, value: r.value, normalized: r.normalized, searchKey: r.searchKey, extension: r.extension, parts: r.parts, comment: r.comment, position };
      if (r.id) await repo.update({ id: r.id }, row);
      else await repo.insert(row);
    }
    const before = existing.map(auditView);
    const after = records.map(auditView);
    return JSON.stringify(before) === JSON.stringify(after) ? null : { field, old: before, new: after };
  }

  /**
   * An owner's records as one JSON column of another statement (`owner` is the SQL of the owner's id), so that a
   * counterparty or its persons come with their contact information in one round trip; `fromJson` reads it.
   * Callers select only owners the actor may read.
   */
  static jsonOfOwnerSql(column: 'counterparty_id' | 'contact_person_id', owner: string) {
    return `(SELECT coalesce(json_agg(to_jsonb(ci) ORDER BY ci.position), '[]') FROM contact_info ci WHERE ci.${column} = ${owner})`;
  }

  fromJson(rows: unknown): ContactInfo[] {
    return ((rows ?? []) as Array<Record<string, unknown>>).map((r) => hydrate(this.db, ContactInfo, r, '')!);
  }

  /** Records of counterparties the actor may read (the scope is applied here too, not only on the parent). */
  async byCounterparties(actor: Actor, ids: readonly string[]): Promise<ContactInfo[]> {
    if (!ids.length) return [];
    const qb = this.db.getRepository(ContactInfo).createQueryBuilder('ci').innerJoin(Counterparty, 'c', 'c.id = ci.counterparty_id').where('ci.counterparty_id = ANY(:ids)', { ids });
    return scopeCounterparties(qb, actor).orderBy('ci.position').getMany();
  }

  async byContactPersons(actor: Actor, ids: readonly string[]): Promise<ContactInfo[]> {
    if (!ids.length) return [];
    const qb = this.db
      .getRepository(ContactInfo)
      .createQueryBuilder('ci')
      .innerJoin(ContactPerson, 'p', 'p.id = ci.contact_person_id')
      .leftJoin(Counterparty, 'pc', 'pc.id = p.counterparty_id')
      .where('ci.contact_person_id = ANY(:ids)', { ids });
    const cond = personScopeCondition(actor);
    if (cond) qb.andWhere(cond.sql, cond.params);
    return qb.orderBy('ci.position').getMany();
  }

  // ---- kinds ----

  async kindsByIds(idsIn: readonly string[]): Promise<ContactInfoKind[]> {
    const ids = new Set(idsIn.filter(isId));
    if (!ids.size) return [];
    return (await this.catalog()).filter((k) => ids.has(k.id));
  }

  async listKinds(type?: ContactInfoType | null, includeMarked = false): Promise<ContactInfoKind[]> {
    return (await this.catalog()).filter((k) => (!type || k.type === type) && (includeMarked || !k.deletionMark)).slice(0, 500);
  }

  /** Any user may add a kind (the catalog is meant to grow with use); names are unique within a type. */
  async createKind(actor: Actor, input: CreateContactInfoKindInput): Promise<ContactInfoKind> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'Enter a name', 'REQUIRED');
    const created = await withTransaction(this.db, async (tx) => {
      const clash = await tx.query(`SELECT 1 FROM contact_info_kinds WHERE type = $1 AND lower(name) = lower($2)`, [input.type, name]);
      if (clash.length) throw badInput('name', 'A kind with this name already exists for this type', 'DUPLICATE');
      const repo = tx.getRepository(ContactInfoKind);
      // The check above misses a twin committed meanwhile; the unique index catches it, reported the same way.
      const kind = await repo.save(repo.create({ name, type: input.type, code: null, position: 100 })).catch(duplicateNameOr);
      await this.audit.record(tx, actor, { entityType: 'ContactInfoKind', entityId: kind.id, entityLabel: name, action: AuditAction.CREATE, changes: [{ field: 'name', old: null, new: name }] });
      return kind;
    });
    this.kindsChanged();
    return created;
  }

  async updateKind(actor: Actor, id: string, input: UpdateContactInfoKindInput): Promise<ContactInfoKind> {
    requireAdmin(actor);
    requireId(id);
    const updated = await withTransaction(this.db, async (tx) => {
      const kind = await tx.getRepository(ContactInfoKind).findOne({ where: { id } });
      if (!kind) throw notFound('Kind of contact information');
      const name = input.name?.trim() ?? kind.name;
      if (name.toLowerCase() !== kind.name.toLowerCase()) {
        const clash = await tx.query(`SELECT 1 FROM contact_info_kinds WHERE type = $1 AND lower(name) = lower($2) AND id <> $3`, [kind.type, name, id]);
        if (clash.length) throw badInput('name', 'A kind with this name already exists for this type', 'DUPLICATE');
      }
      const position = input.position ?? kind.position;
      const [row] = await updateReturning<{ version: number }>(tx, `UPDATE contact_info_kinds SET name = $1, position = $2, version = version + 1 WHERE id = $3 AND version = $4 RETURNING version`, [name, position, id, input.version]).catch(duplicateNameOr);
      if (!row) throw conflict('The kind was changed by someone else; reload and try again');
      const changes = [
        ...(name !== kind.name ? [{ field: 'name', old: kind.name, new: name }] : []),
        ...(position !== kind.position ? [{ field: 'position', old: kind.position, new: position }] : []),
      ];
      if (changes.length) await this.audit.record(tx, actor, { entityType: 'ContactInfoKind', entityId: id, entityLabel: name, action: AuditAction.UPDATE, changes });
      return Object.assign(kind, { name, position, version: row.version });
    });
    this.kindsChanged();
    return updated;
  }

  async setKindDeletionMark(actor: Actor, id: string, mark: boolean): Promise<ContactInfoKind> {
    requireAdmin(actor);
    requireId(id);
    const marked = await withTransaction(this.db, async (tx) => {
      const kind = await tx.getRepository(ContactInfoKind).findOne({ where: { id } });
      if (!kind) throw notFound('Kind of contact information');
      if (kind.deletionMark !== mark) {
        await tx.query(`UPDATE contact_info_kinds SET deletion_mark = $1, version = version + 1 WHERE id = $2`, [mark, id]);
        kind.deletionMark = mark;
        kind.version += 1;
        await this.audit.record(tx, actor, { entityType: 'ContactInfoKind', entityId: id, entityLabel: kind.name, action: mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE, changes: [{ field: 'deletionMark', old: !mark, new: mark }] });
      }
      return kind;
    });
    this.kindsChanged();
    return marked;
  }
}

export { textSearchKey };
