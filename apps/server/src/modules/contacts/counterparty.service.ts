import type { DataSource, EntityManager } from 'typeorm';
import { phoneQueryDigits, textSearchKey, addressSearchKey, validateInn, validateKpp, normalizeContactInfo } from '@crm/contact-info';
import { Counterparty, CounterpartyGroup } from './counterparty.entity';
import { LegalType, RelationType, ContactInfoType } from './contacts.enums';
import type { CounterpartyFilter, CounterpartyOrder, CreateCounterpartyInput, DuplicateCheckInput, UpdateCounterpartyInput } from './contacts.inputs';
import { CounterpartySortField } from './contacts.inputs';
import { ContactInfoService } from './contact-info.service';
import type { ContactInfo } from './contact-info.entity';
import { scopeCounterparties, assertCanWrite, assertCanAssign, requireGroupEditor } from './contacts.policy';
import { GroupTree } from '../../core/group-tree';
import { canRead, canWrite, scopeOf } from '../auth/access';
import type { Actor } from '../auth/user.entity';
import { User } from '../auth/user.entity';
import { badInput, conflict, notFound } from '../../core/errors';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, SortDirection, toConnection } from '../../core/pagination';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { escapeLike } from '../auth/user.service';
import { isId, requireId } from '../../core/ids';
import { columnsOf, hydrate } from '../../core/database/hydrate';

const ENTITY = 'Counterparty';

const SORT_COLUMNS: Record<CounterpartySortField, string> = {
  [CounterpartySortField.NAME]: 'c.name',
  [CounterpartySortField.CREATED_AT]: 'c.created_at',
  [CounterpartySortField.UPDATED_AT]: 'c.updated_at',
};

const snapshot = (c: Counterparty) => ({
  name: c.name,
  fullName: c.fullName,
  legalType: c.legalType,
  inn: c.inn,
  kpp: c.kpp,
  groupId: c.groupId,
  relationTypes: [...c.relationTypes].sort(),
  responsibleId: c.responsibleId,
  informationSource: c.informationSource,
  comment: c.comment,
});

const searchTextOf = (c: Pick<Counterparty, 'name' | 'fullName' | 'inn'>) => textSearchKey([c.name, c.fullName, c.inn].filter(Boolean).join(' '));

/** The fragments a search string is matched with: text (names, INN, e-mails), address, and phone digits. */
export function searchPatterns(search: string) {
  const text = textSearchKey(search);
  const address = addressSearchKey(search);
  const digits = phoneQueryDigits(search);
  // "8 495 12…" typed with the Russian trunk prefix is the start of +7 495 12…: also try it anchored.
  const trunk = digits && digits.length < 11 && /^\s*8/.test(search) && digits.startsWith('8') ? `7${digits.slice(1)}%` : null;
  return {
    text: `%${escapeLike(text)}%`,
    address: `%${escapeLike(address || text)}%`,
    digits: digits ? `%${digits}%` : null,
    trunk,
  };
}

/** SQL matching contact_info rows (alias `ci`) against the patterns of `searchPatterns`. */
export function contactInfoMatchSql(ci = 'ci') {
  return `((${ci}.type NOT IN ('PHONE','FAX') AND (${ci}.search_key LIKE :sText OR ${ci}.search_key LIKE :sAddress))
          OR (:sDigits::text IS NOT NULL AND ${ci}.type IN ('PHONE','FAX') AND (${ci}.search_key LIKE :sDigits OR ${ci}.search_key LIKE :sTrunk)))`;
}

export interface DuplicateMatch {
  counterpartyId: string;
  responsibleId: string;
  matchedOn: 'INN' | 'PHONE' | 'EMAIL';
  value: string;
}

export class CounterpartyService {
  /** The counterparty group tree: anyone creates a group; supervisors and administrators change or delete them. */
  readonly groups: GroupTree<CounterpartyGroup>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly contactInfo: ContactInfoService,
  ) {
    this.groups = new GroupTree<CounterpartyGroup>(db, audit, {
      entity: CounterpartyGroup,
      table: 'counterparty_groups',
      auditType: 'CounterpartyGroup',
      noun: 'counterparty group',
      members: { table: 'counterparties', column: 'group_id', key: 'counterparties', noun: 'counterparties' },
      requireEditor: requireGroupEditor,
      requireCreator: () => undefined,
    });
  }

  /** For DataLoaders: only what the actor may read; missing ids simply do not come back. */
  async byIds(actor: Actor, idsIn: readonly string[]): Promise<Counterparty[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    const qb = this.db.getRepository(Counterparty).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids });
    return scopeCounterparties(qb, actor).getMany();
  }

  /** One counterparty with its contact information, in one statement (the card). */
  async getWithContactInfo(actor: Actor, id: string): Promise<{ counterparty: Counterparty; contactInfo: ContactInfo[] }> {
    requireId(id);
    const scope = scopeOf(actor).read;
    const [row] = await this.db.query(
      `SELECT ${columnsOf(this.db, Counterparty, 'c', 'c_')}, ${ContactInfoService.jsonOfOwnerSql('counterparty_id', 'c.id')} AS contact_info
         FROM counterparties c WHERE c.id = $1 AND ($2::uuid[] IS NULL OR c.responsible_id = ANY($2))`,
      [id, scope],
    );
    const counterparty = row ? hydrate(this.db, Counterparty, row, 'c_') : null;
    if (!counterparty) throw notFound('Counterparty');
    return { counterparty, contactInfo: this.contactInfo.fromJson(row.contact_info) };
  }

  async get(actor: Actor, id: string): Promise<Counterparty> {
    const [c] = await this.byIds(actor, [requireId(id)]);
    if (!c) throw notFound('Counterparty');
    return c;
  }

  viewerCan(actor: Actor, c: Counterparty) {
    const write = canWrite(actor, c.responsibleId);
    return { update: write && !c.deletionMark, delete: write && !c.deletionMark, restore: write && c.deletionMark };
  }

  /**
   * A page of the list and its total in one statement. The usual view (by name, live rows, a scope of a few
   * responsible users) reads each responsible's rows in the order of their own index and merges them, so a page
   * costs about `first` index entries per responsible whatever the scope's size; PostgreSQL cannot read
   * `responsible_id = ANY(…)` in name order itself, and would walk the name index past everyone else's rows.
   */
  async list(actor: Actor, first: number, after: string | null | undefined, filter: CounterpartyFilter = {}, order?: CounterpartyOrder | null) {
    const field = order?.field ?? CounterpartySortField.NAME;
    const dir = order?.direction ?? SortDirection.ASC;
    const column = SORT_COLUMNS[field];
    const cursor = decodeCursor(after, 2);
    const params: unknown[] = [];
    const param = (v: unknown) => `$${params.push(v)}`;
    const live = !(filter.deletionMark ?? false);
    const where = [live ? 'NOT c.deletion_mark' : 'c.deletion_mark'];
    if (filter.relationType) where.push(`${param(filter.relationType)} = ANY(c.relation_types)`);
    if (filter.responsibleId) where.push(`c.responsible_id = ${param(filter.responsibleId)}::uuid`);
    if (filter.groupId) where.push(`c.group_id = ${param(filter.groupId)}::uuid`);
    if (filter.search?.trim()) {
      const p = searchPatterns(filter.search.trim());
      const named = { sText: param(p.text), sAddress: param(p.address), sDigits: param(p.digits), sTrunk: param(p.trunk) };
      const match = contactInfoMatchSql().replace(/:(sText|sAddress|sDigits|sTrunk)\b/g, (_, k: keyof typeof named) => named[k]);
      where.push(`(c.search_text LIKE ${named.sText} OR c.id IN (SELECT ci.counterparty_id FROM contact_info ci WHERE ci.counterparty_id IS NOT NULL AND ${match}))`);
    }
    const scope = scopeOf(actor).read;
    const filters = where.join(' AND ');
    const keyset = cursor ? `(${column}, c.id) ${dir === SortDirection.ASC ? '>' : '<'} (${param(cursor[0])}, ${param(cursor[1])}::uuid)` : 'true';
    const orderBy = `${column} ${dir}, c.id ${dir}`;
    const limit = param(first + 1);
    let page: string;
    let count: string;
    if (scope && field === CounterpartySortField.NAME && live && !filter.responsibleId) {
      const ids = param(scope);
      page = `SELECT x.* FROM unnest(${ids}::uuid[]) AS r(id)
               CROSS JOIN LATERAL (SELECT c.* FROM counterparties c WHERE c.responsible_id = r.id AND ${filters} AND ${keyset} ORDER BY ${orderBy} LIMIT ${limit}) x
               ORDER BY x.name ${dir}, x.id ${dir} LIMIT ${limit}`;
      count = `SELECT count(*)::int AS total FROM counterparties c WHERE c.responsible_id = ANY(${ids}) AND ${filters}`;
    } else {
      const scoped = scope ? `c.responsible_id = ANY(${param(scope)}) AND ` : '';
      page = `SELECT c.* FROM counterparties c WHERE ${scoped}${filters} AND ${keyset} ORDER BY ${orderBy} LIMIT ${limit}`;
      count = `SELECT count(*)::int AS total FROM counterparties c WHERE ${scoped}${filters}`;
    }
    // The total rides along even when the page is empty.
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `WITH page AS (${page})
       SELECT t.total, ${column}::text AS sort_value, ${columnsOf(this.db, Counterparty, 'c', 'c_')},
              ${ContactInfoService.jsonOfOwnerSql('counterparty_id', 'c.id')} AS contact_info
         FROM (${count}) t LEFT JOIN page c ON true
        ORDER BY ${orderBy}`,
      params,
    );
    const total = Number(rows[0]?.total ?? 0);
    const entities = rows.map((r) => hydrate(this.db, Counterparty, r, 'c_')).filter((c): c is Counterparty => !!c);
    const sortValues = new Map(rows.map((r) => [r.c_id as string, r.sort_value as string]));
    // Each row's contact information came along (the list shows the main phone): the resolver primes its loader.
    const contactInfo = new Map(rows.filter((r) => r.c_id).map((r) => [r.c_id as string, this.contactInfo.fromJson(r.contact_info)]));
    return { ...toConnection(entities, first, total, (c) => [sortValues.get(c.id), c.id]), contactInfo };
  }

  private async validate(tx: EntityManager, actor: Actor, c: Counterparty, input: { inn?: string | null; kpp?: string | null; groupId?: string | null; responsibleId?: string | null }) {
    if (!c.name.trim()) throw badInput('name', 'Enter a name', 'REQUIRED');
    if (c.inn) {
      const r = validateInn(c.inn);
      if (!r.ok) throw badInput('inn', r.message, r.code);
      c.inn = r.value;
      const expected = c.legalType === LegalType.LEGAL_ENTITY ? 10 : 12;
      if (c.inn.length !== expected) {
        throw badInput('inn', `The INN of ${c.legalType === LegalType.LEGAL_ENTITY ? 'a legal entity has 10' : 'a person has 12'} digits`, 'INN_LEGAL_TYPE');
      }
    }
    if (c.kpp) {
      const r = validateKpp(c.kpp);
      if (!r.ok) throw badInput('kpp', r.message, r.code);
      c.kpp = r.value;
      if (c.legalType !== LegalType.LEGAL_ENTITY) throw badInput('kpp', 'Only a legal entity has a KPP', 'KPP_LEGAL_TYPE');
    }
    if (input.groupId && !(await tx.getRepository(CounterpartyGroup).exists({ where: { id: input.groupId } }))) {
      throw badInput('groupId', 'The group does not exist', 'NOT_FOUND');
    }
    if (input.responsibleId) {
      const user = await tx.getRepository(User).findOne({ where: { id: input.responsibleId } });
      if (!user || !user.active) throw badInput('responsibleId', 'The responsible user does not exist or is deactivated', 'NOT_FOUND');
      assertCanAssign(actor, input.responsibleId);
    }
  }

  async create(actor: Actor, input: CreateCounterpartyInput): Promise<Counterparty> {
    return withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(Counterparty);
      const c = repo.create({
        name: input.name.trim(),
        fullName: input.fullName?.trim() || null,
        legalType: input.legalType ?? LegalType.LEGAL_ENTITY,
        inn: input.inn?.trim() || null,
        kpp: input.kpp?.trim() || null,
        groupId: input.groupId ?? null,
        relationTypes: [...new Set(input.relationTypes ?? [RelationType.CLIENT])],
        responsibleId: input.responsibleId ?? actor.id,
        informationSource: input.informationSource?.trim() || null,
        comment: input.comment?.trim() || null,
        createdById: actor.id,
      });
      await this.validate(tx, actor, c, { ...input, responsibleId: c.responsibleId });
      const prepared = await this.contactInfo.prepare(tx, input.contactInfo ?? []);
      if (prepared.some((p) => p.id)) throw badInput('contactInfo.id', 'A new counterparty has no existing records', 'NOT_FOUND');
      c.searchText = searchTextOf(c);
      const saved = await repo.save(c);
      const ciChange = await this.contactInfo.replace(tx, { counterpartyId: saved.id }, prepared);
      await this.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: saved.id,
        entityLabel: saved.name,
        action: AuditAction.CREATE,
        changes: [...diffSnapshots({}, snapshot(saved)), ...(ciChange ? [ciChange] : [])],
      });
      return saved;
    });
  }

  async update(actor: Actor, id: string, input: UpdateCounterpartyInput): Promise<Counterparty> {
    requireId(id);
    return withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(Counterparty);
      const c = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c || !canRead(actor, c.responsibleId)) throw notFound(ENTITY);
      assertCanWrite(actor, c.responsibleId, ENTITY);
      if (c.deletionMark) throw conflict('The counterparty is marked for deletion; restore it first', { reason: 'MARKED_FOR_DELETION' });
      if (c.version !== input.version) {
        throw conflict('The counterparty was changed by someone else; reload to see their changes', { currentVersion: c.version });
      }
      const before = snapshot(c);
      if (input.name !== undefined && input.name !== null) c.name = input.name.trim();
      if (input.fullName !== undefined) c.fullName = input.fullName?.trim() || null;
      if (input.legalType) c.legalType = input.legalType;
      if (input.inn !== undefined) c.inn = input.inn?.trim() || null;
      if (input.kpp !== undefined) c.kpp = input.kpp?.trim() || null;
      if (input.groupId !== undefined) c.groupId = input.groupId ?? null;
      if (input.relationTypes) c.relationTypes = [...new Set(input.relationTypes)];
      if (input.informationSource !== undefined) c.informationSource = input.informationSource?.trim() || null;
      if (input.comment !== undefined) c.comment = input.comment?.trim() || null;
      const newResponsible = input.responsibleId && input.responsibleId !== c.responsibleId ? input.responsibleId : null;
      if (newResponsible) c.responsibleId = newResponsible;
      await this.validate(tx, actor, c, { groupId: input.groupId, responsibleId: newResponsible });
      c.searchText = searchTextOf(c);
      let ciChange = null;
      if (input.contactInfo) {
        const prepared = await this.contactInfo.prepare(tx, input.contactInfo);
        ciChange = await this.contactInfo.replace(tx, { counterpartyId: id }, prepared);
      }
      const changes = [...diffSnapshots(before, snapshot(c)), ...(ciChange ? [ciChange] : [])];
      if (!changes.length) return c;
      // The version check and the write are one statement: two saves from the same version cannot both win.
      const [row] = await updateReturning<{ version: number; updated_at: Date }>(
        tx,
        `UPDATE counterparties SET name = $1, full_name = $2, legal_type = $3, inn = $4, kpp = $5, group_id = $6, relation_types = $7,
                responsible_id = $8, information_source = $9, comment = $10, search_text = $11, version = version + 1, updated_at = now()
          WHERE id = $12 AND version = $13 RETURNING version, updated_at`,
        [c.name, c.fullName, c.legalType, c.inn, c.kpp, c.groupId, c.relationTypes, c.responsibleId, c.informationSource, c.comment, c.searchText, id, input.version],
      );
      if (!row) throw conflict('The counterparty was changed by someone else; reload to see their changes');
      c.version = row.version;
      c.updatedAt = row.updated_at;
      await this.audit.record(tx, actor, { entityType: ENTITY, entityId: id, entityLabel: c.name, action: AuditAction.UPDATE, changes });
      return c;
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<Counterparty> {
    requireId(id);
    return withTransaction(this.db, async (tx) => {
      const c = await tx.getRepository(Counterparty).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c || !canRead(actor, c.responsibleId)) throw notFound(ENTITY);
      assertCanWrite(actor, c.responsibleId, ENTITY);
      if (c.deletionMark === mark) return c;
      const [row] = await updateReturning<{ version: number; updated_at: Date }>(
        tx,
        `UPDATE counterparties SET deletion_mark = $1, version = version + 1, updated_at = now() WHERE id = $2 RETURNING version, updated_at`,
        [mark, id],
      );
      Object.assign(c, { deletionMark: mark, version: row.version, updatedAt: row.updated_at });
      await this.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: id,
        entityLabel: c.name,
        action: mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE,
        changes: [{ field: 'deletionMark', old: !mark, new: mark }],
      });
      return c;
    });
  }

  /**
   * Existing counterparties that share the INN, a phone or an e-mail. All counterparties are checked, not
   * only visible ones, since the point is to find a client someone else already owns; callers only reveal
   * the name of those the actor may read.
   */
  async duplicates(input: DuplicateCheckInput): Promise<DuplicateMatch[]> {
    const matches: DuplicateMatch[] = [];
    const inn = input.inn?.trim();
    const phones: string[] = [];
    const emails: string[] = [];
    // Values that do not parse cannot match anything stored (stored values are normalised), so they are skipped.
    for (const ci of input.contactInfo ?? []) {
      const r = normalizeContactInfo(ci.type, ci.value ?? '');
      if (!r.ok) continue;
      if (ci.type === ContactInfoType.PHONE || ci.type === ContactInfoType.FAX) phones.push(r.value.normalized);
      if (ci.type === ContactInfoType.EMAIL) emails.push(r.value.normalized);
    }
    if (!inn && !phones.length && !emails.length) return matches;
    const rows: Array<{ id: string; responsible_id: string; matched_on: DuplicateMatch['matchedOn']; value: string }> = await this.db.query(
      `SELECT c.id, c.responsible_id, 'INN' AS matched_on, c.inn AS value FROM counterparties c
        WHERE $1::text IS NOT NULL AND c.inn = $1 AND NOT c.deletion_mark AND c.id IS DISTINCT FROM $4
       UNION ALL
       SELECT c.id, c.responsible_id, CASE WHEN ci.type = 'EMAIL' THEN 'EMAIL' ELSE 'PHONE' END, ci.value
         FROM contact_info ci JOIN counterparties c ON c.id = ci.counterparty_id
        WHERE ((ci.type IN ('PHONE','FAX') AND ci.normalized = ANY($2)) OR (ci.type = 'EMAIL' AND ci.normalized = ANY($3)))
          AND NOT c.deletion_mark AND c.id IS DISTINCT FROM $4
       LIMIT 50`,
      [inn || null, phones, emails, input.excludeId ?? null],
    );
    return rows.map((r) => ({ counterpartyId: r.id, responsibleId: r.responsible_id, matchedOn: r.matched_on, value: r.value }));
  }

  // ---- groups ----

  async groupsByIds(ids: readonly string[]): Promise<CounterpartyGroup[]> {
    if (!ids.length) return [];
    return this.db.getRepository(CounterpartyGroup).createQueryBuilder('g').where('g.id = ANY(:ids)', { ids }).getMany();
  }

  /** All groups (a small tree, loaded whole by the pickers and the editor), by name. */
  async listGroups(includeDeleted = false): Promise<CounterpartyGroup[]> {
    const qb = this.db.getRepository(CounterpartyGroup).createQueryBuilder('g');
    if (!includeDeleted) qb.where('g.deletion_mark = false');
    return qb.orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').limit(5000).getMany();
  }
}
