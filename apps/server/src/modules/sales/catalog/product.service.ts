import type { DataSource, EntityManager } from 'typeorm';
import { textSearchKey } from '@crm/contact-info';
import { Product, ProductGroup, VatRateRow } from './product.entity';
import { ProductKind, type VatRate } from './catalog.enums';
import type { CreateProductInput, ProductFilter, UpdateProductInput } from './catalog.inputs';
import { canEditCatalog, requireCatalogEditor } from './catalog.policy';
import { isUniqueViolation, updateVersioned } from './versioned-update';
import type { Actor } from '../../auth/user.entity';
import { escapeLike } from '../../auth/user.service';
import { diffSnapshots, type AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { requireMoney } from '../../../core/decimal';
import { withTransaction } from '../../../core/database/transaction';
import { decodeCursor, toConnection } from '../../../core/pagination';
import { GroupTree } from '../../../core/group-tree';

const PRODUCT = 'Product';
const GROUP = 'ProductGroup';

const snapshot = (p: Product) => ({
  name: p.name,
  kind: p.kind,
  article: p.article,
  unit: p.unit,
  vatRate: p.vatRate,
  price: p.price,
  costPrice: p.costPrice,
  groupId: p.groupId,
  trackSerials: p.trackSerials,
  warrantyMonths: p.warrantyMonths,
  description: p.description,
  deletionMark: p.deletionMark,
});

const searchTextOf = (p: Pick<Product, 'name' | 'article'>) => textSearchKey([p.name, p.article].filter(Boolean).join(' '));

/** Trimmed text, or null for empty. */
const clean = (s: string | null | undefined) => (s == null ? null : s.trim() || null);

/**
 * The product catalog: groups and items. Readable by every signed-in user; changed by administrators and
 * supervisors (catalog.policy.ts). Items are never deleted, only marked: documents refer to them.
 */
export class ProductService {
  /** Create, rename, move, mark and delete catalog groups (administrators and supervisors). */
  readonly groups: GroupTree<ProductGroup>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {
    this.groups = new GroupTree<ProductGroup>(db, audit, {
      entity: ProductGroup,
      table: 'product_groups',
      auditType: GROUP,
      noun: 'product group',
      members: { table: 'products', column: 'group_id', key: 'products', noun: 'products' },
      requireEditor: requireCatalogEditor,
    });
  }

  /** VAT rates in their order (active and retired). */
  vatRates(): Promise<VatRateRow[]> {
    return this.db.getRepository(VatRateRow).find({ order: { sort: 'ASC', code: 'ASC' } });
  }

  /** The percent of each rate, read from the table; null for «Без НДС». */
  async vatPercents(): Promise<Map<VatRate, string | null>> {
    return new Map((await this.vatRates()).map((r) => [r.code, r.percent]));
  }

  /** Products by id, marked ones included (documents keep referring to them). The catalog is readable by all roles. */
  async byIds(idsIn: readonly string[]): Promise<Product[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(Product).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
  }

  async get(id: string): Promise<Product> {
    const [p] = await this.byIds([requireId(id)]);
    if (!p) throw notFound(PRODUCT);
    return p;
  }

  viewerCan(actor: Actor) {
    const edit = canEditCatalog(actor);
    return { update: edit, delete: edit };
  }

  async list(first: number, after: string | null | undefined, filter: ProductFilter = {}) {
    const cursor = decodeCursor(after, 2, ([name, id]) => typeof name === 'string' && isId(id));
    const qb = this.db.getRepository(Product).createQueryBuilder('p');
    if (!filter.includeDeleted) qb.andWhere('p.deletion_mark = false');
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.groupId) {
      qb.andWhere(
        `p.group_id IN (WITH RECURSIVE sub(id) AS (SELECT :groupId::uuid UNION SELECT g.id FROM product_groups g JOIN sub ON g.parent_id = sub.id) SELECT id FROM sub)`,
        { groupId: filter.groupId },
      );
    }
    const search = filter.search ? textSearchKey(filter.search) : '';
    if (search) qb.andWhere('p.search_text LIKE :s', { s: `%${escapeLike(search)}%` });
    const total = await qb.clone().getCount();
    if (cursor) qb.andWhere('(p.name, p.id) > (:cName, :cId)', { cName: cursor[0], cId: cursor[1] });
    const rows = await qb.orderBy('p.name', 'ASC').addOrderBy('p.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, total, (p) => [p.name, p.id]);
  }

  private async checkVatRate(tx: EntityManager, code: VatRate, field = 'vatRate') {
    const rate = await tx.getRepository(VatRateRow).findOne({ where: { code } });
    if (!rate) throw badInput(field, `Unknown VAT rate ${code}`, 'VAT_RATE_UNKNOWN');
    if (!rate.active) throw badInput(field, `The VAT rate ${rate.name} is no longer in use`, 'VAT_RATE_INACTIVE');
  }

  /** Field rules shared by create and update; `p` is the product as it will be saved. */
  private validate(p: Product) {
    if (!p.name) throw badInput('name', 'Enter a name', 'REQUIRED');
    if (!p.unit) throw badInput('unit', 'Enter a unit of measure', 'REQUIRED');
    if (p.kind === ProductKind.SERVICE && p.trackSerials) throw badInput('trackSerials', 'A service has no serial numbers', 'SERVICE_WITH_SERIALS');
  }

  private articleTaken(err: unknown) {
    return isUniqueViolation(err, 'products_article_key') ? badInput('article', 'Another product already has this article', 'ARTICLE_TAKEN') : err;
  }

  async create(actor: Actor, input: CreateProductInput): Promise<Product> {
    requireCatalogEditor(actor);
    const price = requireMoney(input.price, 'price');
    const costPrice = input.costPrice != null ? requireMoney(input.costPrice, 'costPrice') : null;
    return withTransaction(this.db, async (tx) => {
      await this.checkVatRate(tx, input.vatRate);
      if (input.groupId) await this.groups.check(tx, input.groupId, 'groupId');
      const repo = tx.getRepository(Product);
      const p = repo.create({
        name: input.name.trim(),
        kind: input.kind ?? ProductKind.GOODS,
        article: clean(input.article),
        unit: input.unit?.trim() || 'шт',
        vatRate: input.vatRate,
        price: price.toFixed(2),
        costPrice: costPrice?.toFixed(2) ?? null,
        groupId: input.groupId ?? null,
        trackSerials: input.trackSerials ?? false,
        warrantyMonths: input.warrantyMonths ?? null,
        description: clean(input.description),
        deletionMark: false,
        createdById: actor.id,
      });
      this.validate(p);
      p.searchText = searchTextOf(p);
      const saved = await repo.save(p).catch((err) => {
        throw this.articleTaken(err);
      });
      await this.audit.record(tx, actor, { entityType: PRODUCT, entityId: saved.id, entityLabel: saved.name, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(saved)) });
      return saved;
    });
  }

  private async forChange(tx: EntityManager, id: string, version?: number) {
    const p = await tx.getRepository(Product).findOne({ where: { id: requireId(id) }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw notFound(PRODUCT);
    if (version !== undefined && p.version !== version) {
      throw conflict('The product was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: p.version });
    }
    return p;
  }

  private async write(tx: EntityManager, actor: Actor, p: Product, before: ReturnType<typeof snapshot>, action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, snapshot(p));
    if (!changes.length) return p;
    p.searchText = searchTextOf(p);
    const { version, updatedAt } = await updateVersioned(
      tx,
      'products',
      p.id,
      p.version,
      {
        name: p.name,
        kind: p.kind,
        article: p.article,
        unit: p.unit,
        vatRate: p.vatRate,
        price: p.price,
        costPrice: p.costPrice,
        groupId: p.groupId,
        trackSerials: p.trackSerials,
        warrantyMonths: p.warrantyMonths,
        description: p.description,
        deletionMark: p.deletionMark,
        searchText: p.searchText,
      },
      'product',
    ).catch((err) => {
      throw this.articleTaken(err);
    });
    p.version = version;
    p.updatedAt = updatedAt;
    await this.audit.record(tx, actor, { entityType: PRODUCT, entityId: p.id, entityLabel: p.name, action, changes });
    return p;
  }

  async update(actor: Actor, id: string, input: UpdateProductInput): Promise<Product> {
    requireCatalogEditor(actor);
    const price = input.price != null ? requireMoney(input.price, 'price') : null;
    const costPrice = input.costPrice != null ? requireMoney(input.costPrice, 'costPrice') : null;
    return withTransaction(this.db, async (tx) => {
      const p = await this.forChange(tx, id, input.version);
      const before = snapshot(p);
      if (input.name != null) p.name = input.name.trim();
      if (input.kind) p.kind = input.kind;
      if (input.article !== undefined) p.article = clean(input.article);
      if (input.unit != null) p.unit = input.unit.trim();
      if (input.vatRate && input.vatRate !== p.vatRate) {
        await this.checkVatRate(tx, input.vatRate);
        p.vatRate = input.vatRate;
      }
      if (price) p.price = price.toFixed(2);
      if (input.costPrice !== undefined) p.costPrice = costPrice?.toFixed(2) ?? null;
      if (input.groupId !== undefined && input.groupId !== p.groupId) {
        if (input.groupId) await this.groups.check(tx, input.groupId, 'groupId');
        p.groupId = input.groupId ?? null;
      }
      if (input.trackSerials != null) p.trackSerials = input.trackSerials;
      if (input.warrantyMonths !== undefined) p.warrantyMonths = input.warrantyMonths ?? null;
      if (input.description !== undefined) p.description = clean(input.description);
      this.validate(p);
      return this.write(tx, actor, p, before);
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<Product> {
    requireCatalogEditor(actor);
    return withTransaction(this.db, async (tx) => {
      const p = await this.forChange(tx, id);
      const before = snapshot(p);
      p.deletionMark = mark;
      return this.write(tx, actor, p, before, mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }

  // ---- groups ----

  /** All groups (the tree is small reference data, loaded whole by the catalog's tree view). */
  listGroups(includeDeleted = false): Promise<ProductGroup[]> {
    const qb = this.db.getRepository(ProductGroup).createQueryBuilder('g');
    if (!includeDeleted) qb.where('g.deletion_mark = false');
    return qb.orderBy('g.name', 'ASC').addOrderBy('g.id', 'ASC').limit(5000).getMany();
  }

  async groupsByIds(idsIn: readonly string[]): Promise<ProductGroup[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(ProductGroup).createQueryBuilder('g').where('g.id = ANY(:ids)', { ids }).getMany();
  }
}
