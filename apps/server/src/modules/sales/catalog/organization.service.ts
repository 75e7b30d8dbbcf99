import type { DataSource, EntityManager } from 'typeorm';
import { validateInn, validateKpp } from '@crm/contact-info';
import { BankAccount, Organization } from './organization.entity';
import type { CreateBankAccountInput, CreateOrganizationInput, UpdateBankAccountInput, UpdateOrganizationInput } from './catalog.inputs';
import { canEditOrganizations, requireOrganizationAdmin } from './catalog.policy';
import { validateAccountNumber, validateBik, validateCorrespondentAccount, validateOgrn, type Check } from './requisites';
import { updateVersioned } from './versioned-update';
import type { Actor } from '../../auth/user.entity';
import { diffSnapshots, type AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { withTransaction } from '../../../core/database/transaction';

const ORG = 'Organization';
const ACCOUNT = 'BankAccount';

const orgSnapshot = (o: Organization) => ({
  name: o.name,
  fullName: o.fullName,
  inn: o.inn,
  kpp: o.kpp,
  ogrn: o.ogrn,
  legalAddress: o.legalAddress,
  postalAddress: o.postalAddress,
  phone: o.phone,
  email: o.email,
  directorName: o.directorName,
  directorTitle: o.directorTitle,
  chiefAccountantName: o.chiefAccountantName,
  vatPayer: o.vatPayer,
  isDefault: o.isDefault,
  deletionMark: o.deletionMark,
});

const accountSnapshot = (a: BankAccount) => ({
  bankName: a.bankName,
  bik: a.bik,
  correspondentAccount: a.correspondentAccount,
  accountNumber: a.accountNumber,
  bankCity: a.bankCity,
  isDefault: a.isDefault,
  deletionMark: a.deletionMark,
});

const clean = (s: string | null | undefined) => (s == null ? null : s.trim() || null);

function checked(field: string, c: Check | { ok: true; value: string } | { ok: false; code: string; message: string }): string {
  if (c.ok) return c.value;
  throw badInput(field, c.message, 'reason' in c ? c.reason : c.code);
}

/** Requisites of an organization as it will be saved; INN/KPP/OGRN must agree with each other. */
function validateOrganization(o: Organization) {
  if (!o.name) throw badInput('name', 'Enter a name', 'REQUIRED');
  if (!o.fullName) throw badInput('fullName', 'Enter the full legal name', 'REQUIRED');
  o.inn = checked('inn', validateInn(o.inn ?? ''));
  if (o.kpp) o.kpp = checked('kpp', validateKpp(o.kpp));
  if (o.ogrn) o.ogrn = checked('ogrn', validateOgrn(o.ogrn));
  const company = o.inn.length === 10;
  if (company && !o.kpp) throw badInput('kpp', 'A company (10-digit INN) needs a KPP', 'REQUIRED');
  if (!company && o.kpp) throw badInput('kpp', 'A sole proprietor (12-digit INN) has no KPP', 'KPP_NOT_APPLICABLE');
  if (o.ogrn && (o.ogrn.length === 13) !== company) {
    throw badInput('ogrn', company ? 'A company has a 13-digit OGRN' : 'A sole proprietor has a 15-digit OGRNIP', 'OGRN_KIND');
  }
}

function validateAccount(a: BankAccount) {
  if (!a.bankName) throw badInput('bankName', 'Enter the bank name', 'REQUIRED');
  a.bik = checked('bik', validateBik(a.bik ?? ''));
  a.accountNumber = checked('accountNumber', validateAccountNumber(a.accountNumber ?? '', a.bik));
  if (a.correspondentAccount) a.correspondentAccount = checked('correspondentAccount', validateCorrespondentAccount(a.correspondentAccount, a.bik));
}

/**
 * Our own legal entities and their bank accounts, for print forms. Readable by everyone, changed only by an
 * administrator. Exactly one organization is the default (a fresh install seeds one); each organization with
 * accounts has one default account.
 */
export class OrganizationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  viewerCan(actor: Actor) {
    const edit = canEditOrganizations(actor);
    return { update: edit, delete: edit };
  }

  /** All our organizations (a handful): the default first, then by name. */
  list(includeDeleted = false): Promise<Organization[]> {
    const qb = this.db.getRepository(Organization).createQueryBuilder('o');
    if (!includeDeleted) qb.where('o.deletion_mark = false');
    return qb.orderBy('o.is_default', 'DESC').addOrderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').limit(1000).getMany();
  }

  async byIds(idsIn: readonly string[]): Promise<Organization[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(Organization).createQueryBuilder('o').where('o.id = ANY(:ids)', { ids }).getMany();
  }

  async get(id: string): Promise<Organization> {
    const [o] = await this.byIds([requireId(id)]);
    if (!o) throw notFound(ORG);
    return o;
  }

  /** The organization new documents use; null only if an administrator has removed every one. */
  getDefault(): Promise<Organization | null> {
    return this.db.getRepository(Organization).findOne({ where: { isDefault: true } });
  }

  /** Bank accounts of the given organizations (marked ones included), default first. */
  async accountsOf(orgIds: readonly string[]): Promise<BankAccount[]> {
    const ids = orgIds.filter(isId);
    if (!ids.length) return [];
    return this.db
      .getRepository(BankAccount)
      .createQueryBuilder('a')
      .where('a.organization_id = ANY(:ids)', { ids })
      .orderBy('a.is_default', 'DESC')
      .addOrderBy('a.created_at', 'ASC')
      .getMany();
  }

  async accountsByIds(idsIn: readonly string[]): Promise<BankAccount[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(BankAccount).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
  }

  /** The default account of an organization, if it has one. */
  defaultAccountOf(organizationId: string): Promise<BankAccount | null> {
    return this.db.getRepository(BankAccount).findOne({ where: { organizationId, isDefault: true, deletionMark: false } });
  }

  /** Takes the default flag away from the current default (before another becomes it, in the same transaction). */
  private async clearDefaultOrganization(tx: EntityManager, actor: Actor, exceptId?: string) {
    const current = await tx.getRepository(Organization).findOne({ where: { isDefault: true }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.id === exceptId) return;
    const before = orgSnapshot(current);
    current.isDefault = false;
    await this.writeOrganization(tx, actor, current, before);
  }

  async create(actor: Actor, input: CreateOrganizationInput): Promise<Organization> {
    requireOrganizationAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(Organization);
      const hasDefault = (await repo.count({ where: { isDefault: true } })) > 0;
      const o = repo.create({
        name: input.name.trim(),
        fullName: clean(input.fullName) ?? input.name.trim(),
        inn: input.inn,
        kpp: clean(input.kpp),
        ogrn: clean(input.ogrn),
        legalAddress: clean(input.legalAddress),
        postalAddress: clean(input.postalAddress),
        phone: clean(input.phone),
        email: clean(input.email),
        directorName: clean(input.directorName),
        directorTitle: clean(input.directorTitle),
        chiefAccountantName: clean(input.chiefAccountantName),
        vatPayer: input.vatPayer ?? true,
        isDefault: input.isDefault === true || !hasDefault,
        deletionMark: false,
      });
      validateOrganization(o);
      if (o.isDefault) await this.clearDefaultOrganization(tx, actor);
      const saved = await repo.save(o);
      await this.audit.record(tx, actor, { entityType: ORG, entityId: saved.id, entityLabel: saved.name, action: AuditAction.CREATE, changes: diffSnapshots({}, orgSnapshot(saved)) });
      return saved;
    });
  }

  private async orgForChange(tx: EntityManager, id: string, version?: number) {
    const o = await tx.getRepository(Organization).findOne({ where: { id: requireId(id) }, lock: { mode: 'pessimistic_write' } });
    if (!o) throw notFound(ORG);
    if (version !== undefined && o.version !== version) {
      throw conflict('The organization was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: o.version });
    }
    return o;
  }

  private async writeOrganization(tx: EntityManager, actor: Actor, o: Organization, before: ReturnType<typeof orgSnapshot>, action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, orgSnapshot(o));
    if (!changes.length) return o;
    const { deletionMark, isDefault, ...rest } = orgSnapshot(o);
    const { version, updatedAt } = await updateVersioned(tx, 'organizations', o.id, o.version, { ...rest, isDefault, deletionMark }, 'organization');
    o.version = version;
    o.updatedAt = updatedAt;
    await this.audit.record(tx, actor, { entityType: ORG, entityId: o.id, entityLabel: o.name, action, changes });
    return o;
  }

  async update(actor: Actor, id: string, input: UpdateOrganizationInput): Promise<Organization> {
    requireOrganizationAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      const o = await this.orgForChange(tx, id, input.version);
      const before = orgSnapshot(o);
      if (input.name != null) o.name = input.name.trim();
      if (input.fullName != null) o.fullName = input.fullName.trim();
      if (input.inn != null) o.inn = input.inn;
      for (const key of ['kpp', 'ogrn', 'legalAddress', 'postalAddress', 'phone', 'email', 'directorName', 'directorTitle', 'chiefAccountantName'] as const) {
        if (input[key] !== undefined) o[key] = clean(input[key]);
      }
      if (input.vatPayer != null) o.vatPayer = input.vatPayer;
      if (input.isDefault === false && o.isDefault) {
        throw badInput('isDefault', 'There must be a default organization: make another one the default instead', 'DEFAULT_REQUIRED');
      }
      validateOrganization(o);
      if (input.isDefault === true && !o.isDefault) {
        if (o.deletionMark) throw badInput('isDefault', 'An organization marked for deletion cannot be the default', 'DELETED');
        await this.clearDefaultOrganization(tx, actor, o.id);
        o.isDefault = true;
      }
      return this.writeOrganization(tx, actor, o, before);
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<Organization> {
    requireOrganizationAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      const o = await this.orgForChange(tx, id);
      if (mark && o.isDefault) throw conflict('The default organization cannot be marked for deletion; make another one the default first', { reason: 'DEFAULT_ORGANIZATION' });
      const before = orgSnapshot(o);
      o.deletionMark = mark;
      return this.writeOrganization(tx, actor, o, before, mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }

  // ---- bank accounts ----

  private async writeAccount(tx: EntityManager, actor: Actor, a: BankAccount, before: ReturnType<typeof accountSnapshot>, action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, accountSnapshot(a));
    if (!changes.length) return a;
    const { version, updatedAt } = await updateVersioned(tx, 'bank_accounts', a.id, a.version, accountSnapshot(a), 'bank account');
    a.version = version;
    a.updatedAt = updatedAt;
    await this.audit.record(tx, actor, { entityType: ACCOUNT, entityId: a.id, entityLabel: `${a.bankName} ${a.accountNumber}`, action, changes });
    return a;
  }

  private async clearDefaultAccount(tx: EntityManager, actor: Actor, organizationId: string, exceptId?: string) {
    const current = await tx.getRepository(BankAccount).findOne({ where: { organizationId, isDefault: true }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.id === exceptId) return;
    const before = accountSnapshot(current);
    current.isDefault = false;
    await this.writeAccount(tx, actor, current, before);
  }

  async createAccount(actor: Actor, input: CreateBankAccountInput): Promise<BankAccount> {
    requireOrganizationAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      // Locks the organization: two accounts added at once cannot both become its first (default) one.
      const org = await tx.getRepository(Organization).findOne({ where: { id: input.organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw badInput('organizationId', 'The organization does not exist', 'NOT_FOUND');
      if (org.deletionMark) throw badInput('organizationId', 'The organization is marked for deletion', 'DELETED');
      const repo = tx.getRepository(BankAccount);
      const hasDefault = (await repo.count({ where: { organizationId: org.id, isDefault: true } })) > 0;
      const a = repo.create({
        organizationId: org.id,
        bankName: input.bankName.trim(),
        bik: input.bik,
        correspondentAccount: clean(input.correspondentAccount),
        accountNumber: input.accountNumber,
        bankCity: clean(input.bankCity),
        isDefault: input.isDefault === true || !hasDefault,
        deletionMark: false,
      });
      validateAccount(a);
      if (a.isDefault) await this.clearDefaultAccount(tx, actor, org.id);
      const saved = await repo.save(a);
      await this.audit.record(tx, actor, {
        entityType: ACCOUNT,
        entityId: saved.id,
        entityLabel: `${saved.bankName} ${saved.accountNumber}`,
        action: AuditAction.CREATE,
        changes: diffSnapshots({}, { organizationId: saved.organizationId, ...accountSnapshot(saved) }),
      });
      return saved;
    });
  }

  private async accountForChange(tx: EntityManager, id: string, version?: number) {
    const a = await tx.getRepository(BankAccount).findOne({ where: { id: requireId(id) }, lock: { mode: 'pessimistic_write' } });
    if (!a) throw notFound(ACCOUNT);
    if (version !== undefined && a.version !== version) {
      throw conflict('The bank account was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: a.version });
    }
    return a;
  }

  async updateAccount(actor: Actor, id: string, input: UpdateBankAccountInput): Promise<BankAccount> {
    requireOrganizationAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      const a = await this.accountForChange(tx, id, input.version);
      const before = accountSnapshot(a);
      if (input.bankName != null) a.bankName = input.bankName.trim();
      if (input.bik != null) a.bik = input.bik;
      if (input.correspondentAccount !== undefined) a.correspondentAccount = clean(input.correspondentAccount);
      if (input.accountNumber != null) a.accountNumber = input.accountNumber;
      if (input.bankCity !== undefined) a.bankCity = clean(input.bankCity);
      if (input.isDefault === false && a.isDefault) {
        throw badInput('isDefault', 'Make another account the default instead', 'DEFAULT_REQUIRED');
      }
      validateAccount(a);
      if (input.isDefault === true && !a.isDefault) {
        if (a.deletionMark) throw badInput('isDefault', 'An account marked for deletion cannot be the default', 'DELETED');
        await this.clearDefaultAccount(tx, actor, a.organizationId, a.id);
        a.isDefault = true;
      }
      return this.writeAccount(tx, actor, a, before);
    });
  }

  async setAccountDeletionMark(actor: Actor, id: string, mark: boolean): Promise<BankAccount> {
    requireOrganizationAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      const a = await this.accountForChange(tx, id);
      const before = accountSnapshot(a);
      a.deletionMark = mark;
      // A marked account stops being the default; the organization then has none until another is chosen.
      if (mark) a.isDefault = false;
      return this.writeAccount(tx, actor, a, before, mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }
}
