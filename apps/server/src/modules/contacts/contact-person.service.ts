import type { DataSource } from 'typeorm';
import { textSearchKey } from '@crm/contact-info';
import { ContactPerson, personFullName } from './contact-person.entity';
import { Counterparty } from './counterparty.entity';
import type { ContactPersonFilter, ContactPersonOrder, CreateContactPersonInput, UpdateContactPersonInput } from './contacts.inputs';
import { ContactPersonSortField } from './contacts.inputs';
import { ContactInfoService } from './contact-info.service';
import type { ContactInfo } from './contact-info.entity';
import { assertCanAssign, assertCanWrite, personScopeCondition } from './contacts.policy';
import { contactInfoMatchSql, searchPatterns } from './counterparty.service';
import { canRead, canWrite } from '../auth/access';
import { User, type Actor } from '../auth/user.entity';
import { badInput, conflict, notFound } from '../../core/errors';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, SortDirection, toConnection } from '../../core/pagination';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import type { EntityManager } from 'typeorm';
import { isId, requireId } from '../../core/ids';

const ENTITY = 'ContactPerson';

/** Sort keys: the SQL to order by and the same as text for the keyset cursor (microseconds kept). */
const TS = (col: string) => ({ sql: col, text: `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, time: true });
const PERSON_SORT_KEYS: Record<ContactPersonSortField, Array<{ sql: string; text: string; time?: boolean }>> = {
  [ContactPersonSortField.NAME]: [
    { sql: 'p.last_name', text: 'p.last_name' },
    { sql: `coalesce(p.first_name, '')`, text: `coalesce(p.first_name, '')` },
  ],
  [ContactPersonSortField.CREATED_AT]: [TS('p.created_at')],
  [ContactPersonSortField.UPDATED_AT]: [TS('p.updated_at')],
};

const snapshot = (p: ContactPerson) => ({
  counterpartyId: p.counterpartyId,
  lastName: p.lastName,
  firstName: p.firstName,
  middleName: p.middleName,
  position: p.position,
  role: p.role,
  birthday: p.birthday,
  comment: p.comment,
  responsibleId: p.responsibleId,
});

type PersonWithOwner = ContactPerson & { governingResponsibleId: string };

export class ContactPersonService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly contactInfo: ContactInfoService,
  ) {}

  private scoped(actor: Actor) {
    const qb = this.db.getRepository(ContactPerson).createQueryBuilder('p').leftJoin(Counterparty, 'pc', 'pc.id = p.counterparty_id');
    const cond = personScopeCondition(actor);
    if (cond) qb.andWhere(cond.sql, cond.params);
    return qb;
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<ContactPerson[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('p.id = ANY(:ids)', { ids }).getMany();
  }

  /** For the counterparty card: not marked persons of counterparties the actor can already read. */
  async byCounterparties(actor: Actor, counterpartyIds: readonly string[]): Promise<ContactPerson[]> {
    if (!counterpartyIds.length) return [];
    return this.scoped(actor)
      .andWhere('p.counterparty_id = ANY(:cids)', { cids: counterpartyIds })
      .andWhere('NOT p.deletion_mark')
      .orderBy('p.last_name')
      .addOrderBy('p.id')
      .getMany();
  }

  /**
   * `byCounterparties` with each person's contact information in the same statement (the card shows their phone
   * and e-mail): the loader primes the persons' contact-information loader with it.
   */
  async byCounterpartiesWithContactInfo(actor: Actor, counterpartyIds: readonly string[]): Promise<{ persons: ContactPerson[]; contactInfo: Map<string, ContactInfo[]> }> {
    if (!counterpartyIds.length) return { persons: [], contactInfo: new Map() };
    const { entities, raw } = await this.scoped(actor)
      .addSelect(ContactInfoService.jsonOfOwnerSql('contact_person_id', 'p.id'), 'contact_info')
      .andWhere('p.counterparty_id = ANY(:cids)', { cids: counterpartyIds })
      .andWhere('NOT p.deletion_mark')
      .orderBy('p.last_name')
      .addOrderBy('p.id')
      .getRawAndEntities();
    return { persons: entities, contactInfo: new Map(raw.map((r) => [r.p_id as string, this.contactInfo.fromJson(r.contact_info)])) };
  }

  async get(actor: Actor, id: string): Promise<ContactPerson> {
    const [p] = await this.byIds(actor, [requireId(id)]);
    if (!p) throw notFound('Contact person');
    return p;
  }

  /** The user whose scope governs a person: the counterparty's responsible, or the person's own. */
  private async load(tx: EntityManager, id: string): Promise<PersonWithOwner | null> {
    const p = await tx.getRepository(ContactPerson).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) return null;
    const owner = p.counterpartyId ? await tx.getRepository(Counterparty).findOne({ where: { id: p.counterpartyId } }) : null;
    return Object.assign(p, { governingResponsibleId: owner?.responsibleId ?? p.responsibleId });
  }

  viewerCan(actor: Actor, p: ContactPerson, governingResponsibleId: string) {
    const write = canWrite(actor, governingResponsibleId);
    return { update: write && !p.deletionMark, delete: write && !p.deletionMark, restore: write && p.deletionMark };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: ContactPersonFilter = {}, order?: ContactPersonOrder | null) {
    const keys = PERSON_SORT_KEYS[order?.field ?? ContactPersonSortField.NAME];
    const dir = order?.direction ?? SortDirection.ASC;
    const cursor = decodeCursor(
      after,
      keys.length + 1,
      (values) =>
        values.every((v) => typeof v === 'string') &&
        keys.every((k, i) => !k.time || !Number.isNaN(Date.parse(values[i] as string))) &&
        isId(values[values.length - 1]),
    );
    const qb = this.scoped(actor).andWhere('p.deletion_mark = :mark', { mark: filter.deletionMark ?? false });
    if (filter.counterpartyId) qb.andWhere('p.counterparty_id = :cid', { cid: filter.counterpartyId });
    if (filter.search?.trim()) {
      const s = searchPatterns(filter.search.trim());
      qb.andWhere(
        `(p.search_text LIKE :sText OR p.id IN (SELECT ci.contact_person_id FROM contact_info ci WHERE ci.contact_person_id IS NOT NULL AND ${contactInfoMatchSql()}))`,
        { sText: s.text, sAddress: s.address, sDigits: s.digits, sTrunk: s.trunk },
      );
    }
    const total = await qb.clone().getCount();
    if (cursor) {
      const params = Object.fromEntries(cursor.map((v, i) => [`c${i}`, v]));
      qb.andWhere(`(${[...keys.map((k) => k.sql), 'p.id'].join(', ')}) ${dir === SortDirection.ASC ? '>' : '<'} (${cursor.map((_, i) => `:c${i}`).join(', ')})`, params);
    }
    keys.forEach((k, i) => {
      qb.addSelect(k.text, `sort_${i}`);
      if (i === 0) qb.orderBy(k.sql, dir);
      else qb.addOrderBy(k.sql, dir);
    });
    qb.addOrderBy('p.id', dir).limit(first + 1);
    const { entities, raw } = await qb.getRawAndEntities();
    const sortValues = new Map(raw.map((r) => [r.p_id as string, keys.map((_, i) => r[`sort_${i}`] as string)]));
    return toConnection(entities, first, total, (p) => [...sortValues.get(p.id)!, p.id]);
  }

  private async checkCounterparty(tx: EntityManager, actor: Actor, counterpartyId: string): Promise<Counterparty> {
    const c = await tx.getRepository(Counterparty).findOne({ where: { id: counterpartyId } });
    if (!c || !canRead(actor, c.responsibleId)) throw badInput('counterpartyId', 'The counterparty does not exist', 'NOT_FOUND');
    if (!canWrite(actor, c.responsibleId)) throw badInput('counterpartyId', 'You cannot add persons to this counterparty', 'FORBIDDEN');
    return c;
  }

  private async checkResponsible(tx: EntityManager, actor: Actor, responsibleId: string) {
    const user = await tx.getRepository(User).findOne({ where: { id: responsibleId } });
    if (!user || !user.active) throw badInput('responsibleId', 'The responsible user does not exist or is deactivated', 'NOT_FOUND');
    assertCanAssign(actor, responsibleId);
  }

  async create(actor: Actor, input: CreateContactPersonInput): Promise<ContactPerson> {
    return withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(ContactPerson);
      const counterparty = input.counterpartyId ? await this.checkCounterparty(tx, actor, input.counterpartyId) : null;
      const responsibleId = counterparty?.responsibleId ?? input.responsibleId ?? actor.id;
      if (!counterparty) await this.checkResponsible(tx, actor, responsibleId);
      const p = repo.create({
        counterpartyId: counterparty?.id ?? null,
        lastName: input.lastName.trim(),
        firstName: input.firstName?.trim() || null,
        middleName: input.middleName?.trim() || null,
        position: input.position?.trim() || null,
        role: input.role?.trim() || null,
        birthday: input.birthday || null,
        comment: input.comment?.trim() || null,
        responsibleId,
      });
      if (!p.lastName) throw badInput('lastName', 'Enter a last name', 'REQUIRED');
      validBirthday(p.birthday);
      p.searchText = textSearchKey(personFullName(p));
      const prepared = await this.contactInfo.prepare(tx, input.contactInfo ?? []);
      const saved = await repo.save(p);
      const ciChange = await this.contactInfo.replace(tx, { contactPersonId: saved.id }, prepared);
      await this.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: saved.id,
        entityLabel: personFullName(saved),
        action: AuditAction.CREATE,
        changes: [...diffSnapshots({}, snapshot(saved)), ...(ciChange ? [ciChange] : [])],
      });
      return saved;
    });
  }

  async update(actor: Actor, id: string, input: UpdateContactPersonInput): Promise<ContactPerson> {
    requireId(id);
    return withTransaction(this.db, async (tx) => {
      const p = await this.load(tx, id);
      if (!p || !canRead(actor, p.governingResponsibleId)) throw notFound('Contact person');
      assertCanWrite(actor, p.governingResponsibleId, 'Contact person');
      if (p.deletionMark) throw conflict('The contact person is marked for deletion; restore them first', { reason: 'MARKED_FOR_DELETION' });
      if (p.version !== input.version) throw conflict('The contact person was changed by someone else; reload to see their changes', { currentVersion: p.version });
      const before = snapshot(p);
      if (input.counterpartyId !== undefined && input.counterpartyId !== p.counterpartyId) {
        if (input.counterpartyId) {
          const c = await this.checkCounterparty(tx, actor, input.counterpartyId);
          p.counterpartyId = c.id;
          p.responsibleId = c.responsibleId;
        } else {
          p.counterpartyId = null;
        }
      }
      if (input.lastName != null) p.lastName = input.lastName.trim();
      if (input.firstName !== undefined) p.firstName = input.firstName?.trim() || null;
      if (input.middleName !== undefined) p.middleName = input.middleName?.trim() || null;
      if (input.position !== undefined) p.position = input.position?.trim() || null;
      if (input.role !== undefined) p.role = input.role?.trim() || null;
      if (input.birthday !== undefined) p.birthday = input.birthday || null;
      if (input.comment !== undefined) p.comment = input.comment?.trim() || null;
      if (input.responsibleId && input.responsibleId !== p.responsibleId && !p.counterpartyId) {
        await this.checkResponsible(tx, actor, input.responsibleId);
        p.responsibleId = input.responsibleId;
      }
      if (!p.lastName) throw badInput('lastName', 'Enter a last name', 'REQUIRED');
      validBirthday(p.birthday);
      p.searchText = textSearchKey(personFullName(p));
      let ciChange = null;
      if (input.contactInfo) {
        const prepared = await this.contactInfo.prepare(tx, input.contactInfo);
        ciChange = await this.contactInfo.replace(tx, { contactPersonId: id }, prepared);
      }
      const changes = [...diffSnapshots(before, snapshot(p)), ...(ciChange ? [ciChange] : [])];
      if (!changes.length) return p;
      const [row] = await updateReturning<{ version: number; updated_at: Date }>(
        tx,
        `UPDATE contact_persons SET counterparty_id = $1, last_name = $2, first_name = $3, middle_name = $4, position = $5, role = $6,
                birthday = $7, comment = $8, responsible_id = $9, search_text = $10, version = version + 1, updated_at = now()
          WHERE id = $11 AND version = $12 RETURNING version, updated_at`,
        [p.counterpartyId, p.lastName, p.firstName, p.middleName, p.position, p.role, p.birthday, p.comment, p.responsibleId, p.searchText, id, input.version],
      );
      if (!row) throw conflict('The contact person was changed by someone else; reload to see their changes');
      p.version = row.version;
      p.updatedAt = row.updated_at;
      await this.audit.record(tx, actor, { entityType: ENTITY, entityId: id, entityLabel: personFullName(p), action: AuditAction.UPDATE, changes });
      return p;
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<ContactPerson> {
    requireId(id);
    return withTransaction(this.db, async (tx) => {
      const p = await this.load(tx, id);
      if (!p || !canRead(actor, p.governingResponsibleId)) throw notFound('Contact person');
      assertCanWrite(actor, p.governingResponsibleId, 'Contact person');
      if (p.deletionMark === mark) return p;
      const [row] = await updateReturning<{ version: number; updated_at: Date }>(
        tx,
        `UPDATE contact_persons SET deletion_mark = $1, version = version + 1, updated_at = now() WHERE id = $2 RETURNING version, updated_at`,
        [mark, id],
      );
      Object.assign(p, { deletionMark: mark, version: row.version, updatedAt: row.updated_at });
      await this.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: id,
        entityLabel: personFullName(p),
        action: mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE,
        changes: [{ field: 'deletionMark', old: !mark, new: mark }],
      });
      return p;
    });
  }
}

function validBirthday(birthday: string | null) {
  if (!birthday) return;
  const d = new Date(`${birthday}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthday) throw badInput('birthday', 'This date does not exist', 'DATE_INVALID');
  if (d.getTime() > Date.now()) throw badInput('birthday', 'A birthday cannot be in the future', 'DATE_IN_FUTURE');
}
