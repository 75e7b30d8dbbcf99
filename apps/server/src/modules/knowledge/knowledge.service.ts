import type { DataSource, EntityManager } from 'typeorm';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeSection } from './knowledge-section.entity';
import { KnowledgeArticleKind } from './knowledge.enums';
import type {
  CreateKnowledgeArticleInput,
  CreateKnowledgeSectionInput,
  KnowledgeArticleFilter,
  UpdateKnowledgeArticleInput,
  UpdateKnowledgeSectionInput,
} from './knowledge.inputs';
import { HIGHLIGHT_END, HIGHLIGHT_START, type KnowledgeSearchHit } from './knowledge.types';
import { Role, type Actor } from '../auth/user.entity';
import { RelationType } from '../contacts/contacts.enums';
import type { CounterpartyService } from '../contacts/counterparty.service';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { isId, requireId } from '../../core/ids';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, toConnection } from '../../core/pagination';

const ARTICLE = 'KnowledgeArticle';
const SECTION = 'KnowledgeSection';
const MAX_SUGGESTIONS = 20;
const MAX_QUERY = 500;
const MAX_SUGGEST_TEXT = 2000;

/**
 * Who edits the knowledge base: administrators, supervisors and service engineers (they write the solutions
 * of the support line). Everyone else reads published articles and writes drafts of their own — a manager's
 * "save as solution" — which an editor reviews and publishes.
 */
export const EDITOR_ROLES: readonly Role[] = [Role.ADMINISTRATOR, Role.SUPERVISOR, Role.SERVICE_ENGINEER];
export const isEditor = (actor: Actor) => EDITOR_ROLES.includes(actor.role);

/** Products as the catalog exposes them; only existence is needed here. */
export interface ProductLookup {
  byIds(ids: readonly string[]): Promise<Array<{ id: string }>>;
}

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
/** Search words in both languages: the Russian and the English stems are in the document's vector. */
const SEARCH_QUERY = `(websearch_to_tsquery('russian', $1) || websearch_to_tsquery('english', $1))`;
/**
 * Suggestions match ANY significant word of the typed text. The Russian configuration alone parses it: it stems
 * Russian words and hands Latin-script words to the English stemmer, each with its stop words dropped — the
 * English configuration would keep Russian stop words («не», «и») and match nearly everything.
 */
const SUGGEST_QUERY = `(SELECT CASE WHEN numnode(t.q) = 0 THEN NULL ELSE replace(t.q::text, ' & ', ' | ')::tsquery END FROM (SELECT plainto_tsquery('russian', $1) AS q) t)`;

const snapshot = (a: KnowledgeArticle, productIds: string[], competitorIds: string[]) => ({
  kind: a.kind,
  title: a.title,
  body: a.body,
  keywords: a.keywords,
  sectionId: a.sectionId,
  published: a.published,
  deletionMark: a.deletionMark,
  productIds: [...productIds].sort(),
  competitorIds: [...competitorIds].sort(),
});

/**
 * A snippet as plain text: tags and Markdown syntax taken out, so a client showing it as text shows words, and the
 * highlight markers (which cannot come from the body: they are removed from it first) are the only markup left.
 */
export function plainSnippet(headline: string): string {
  return headline
    .replace(/<\/?[a-zA-Z!?][^>]*>?/g, ' ')
    .replace(/!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)?/g, '$1')
    .replace(/(^|\s)#{1,6}\s/g, '$1')
    .replace(/[*_`~>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanKeywords(keywords: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  (keywords ?? []).forEach((k, i) => {
    const word = k.trim().replace(/\s+/g, ' ');
    if (!word) return;
    if (word.length > 100) throw badInput(`keywords.${i}`, 'A keyword is at most 100 characters', 'TOO_LONG');
    if (!seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      out.push(word);
    }
  });
  return out;
}


export class KnowledgeService {
  /** The catalog, once the sales module provides it; product links are checked through it. */
  products?: ProductLookup;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly counterparties: CounterpartyService,
  ) {}

  // ---------- access ----------

  /** SQL: the articles the actor may see (alias `a`); its params are appended to `params`. */
  private visible(actor: Actor, params: unknown[], a = 'a'): string {
    if (isEditor(actor)) return 'true';
    params.push(actor.id);
    return `(${a}.published OR ${a}.author_id = $${params.length})`;
  }

  canSee(actor: Actor, a: Pick<KnowledgeArticle, 'published' | 'authorId'>) {
    return a.published || isEditor(actor) || a.authorId === actor.id;
  }

  viewerCan(actor: Actor, a: KnowledgeArticle) {
    const own = a.authorId === actor.id && !a.published;
    return { update: isEditor(actor) || own, publish: isEditor(actor), delete: isEditor(actor) || own };
  }

  private assertCanEdit(actor: Actor, a: KnowledgeArticle) {
    if (!this.canSee(actor, a)) throw notFound('Knowledge article');
    if (!this.viewerCan(actor, a).update) {
      throw forbidden(a.published ? 'Only editors change a published article' : 'Only its author or an editor changes a draft');
    }
  }

  // ---------- reads ----------

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<KnowledgeArticle[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    const qb = this.db.getRepository(KnowledgeArticle).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids });
    if (!isEditor(actor)) qb.andWhere('(a.published OR a.author_id = :me)', { me: actor.id });
    return qb.getMany();
  }

  async get(actor: Actor, id: string): Promise<KnowledgeArticle> {
    const [a] = await this.byIds(actor, [requireId(id)]);
    if (!a) throw notFound('Knowledge article');
    return a;
  }

  /** Product and competitor links of articles, for the loaders. */
  async linksOf(articleIds: readonly string[]): Promise<{ products: Array<{ article_id: string; product_id: string }>; competitors: Array<{ article_id: string; counterparty_id: string }> }> {
    if (!articleIds.length) return { products: [], competitors: [] };
    const [products, competitors] = await Promise.all([
      this.db.query(`SELECT article_id, product_id FROM knowledge_article_products WHERE article_id = ANY($1::uuid[])`, [articleIds]),
      this.db.query(`SELECT article_id, counterparty_id FROM knowledge_article_competitors WHERE article_id = ANY($1::uuid[])`, [articleIds]),
    ]);
    return { products, competitors };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: KnowledgeArticleFilter) {
    const cursor = decodeCursor(after, 2, ([t, id]) => typeof t === 'string' && isId(id)) as [string, string] | null;
    const qb = this.db.getRepository(KnowledgeArticle).createQueryBuilder('a');
    if (!isEditor(actor)) qb.andWhere('(a.published OR a.author_id = :me)', { me: actor.id });
    qb.andWhere('a.deletion_mark = :dm', { dm: filter.deletionMark ?? false });
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.published !== undefined && filter.published !== null) qb.andWhere('a.published = :pub', { pub: filter.published });
    if (filter.authorId) qb.andWhere('a.author_id = :author', { author: filter.authorId });
    if (filter.sectionId) {
      if (filter.includeSubsections) {
        qb.andWhere(
          `a.section_id IN (WITH RECURSIVE below AS (SELECT CAST(:section AS uuid) AS id UNION SELECT s.id FROM knowledge_sections s JOIN below b ON s.parent_id = b.id) SELECT id FROM below)`,
          { section: filter.sectionId },
        );
      } else qb.andWhere('a.section_id = :section', { section: filter.sectionId });
    }
    if (filter.productId) qb.andWhere('EXISTS (SELECT 1 FROM knowledge_article_products p WHERE p.article_id = a.id AND p.product_id = :product)', { product: filter.productId });
    if (filter.competitorId) {
      qb.andWhere('EXISTS (SELECT 1 FROM knowledge_article_competitors c WHERE c.article_id = a.id AND c.counterparty_id = :competitor)', { competitor: filter.competitorId });
    }
    const search = filter.search?.trim();
    if (search) qb.andWhere(`a.search_vector @@ (websearch_to_tsquery('russian', :search) || websearch_to_tsquery('english', :search))`, { search });
    const total = await qb.clone().getCount();
    if (cursor) qb.andWhere('(a.title, a.id) > (:ct, :cid)', { ct: cursor[0], cid: cursor[1] });
    const rows = await qb.orderBy('a.title').addOrderBy('a.id').limit(first + 1).getMany();
    return toConnection(rows, first, total, (a) => [a.title, a.id]);
  }

  /** Full-text search, best first, with highlighted plain-text snippets. */
  async search(actor: Actor, queryRaw: string, first: number, after: string | null | undefined, kind?: KnowledgeArticleKind | null) {
    const query = queryRaw.trim();
    if (!query) throw badInput('query', 'Enter words to search for', 'REQUIRED');
    if (query.length > MAX_QUERY) throw badInput('query', `At most ${MAX_QUERY} characters`, 'TOO_LONG');
    const cursor = decodeCursor(after, 2, ([r, id]) => typeof r === 'number' && Number.isFinite(r) && isId(id)) as [number, string] | null;
    const params: unknown[] = [query, kind ?? null];
    const where = `a.search_vector @@ q.q AND NOT a.deletion_mark AND ($2::text IS NULL OR a.kind = $2) AND ${this.visible(actor, params)}`;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM knowledge_articles a, (SELECT ${SEARCH_QUERY} AS q) q WHERE ${where}`, params);
    const at = params.length;
    const rows: Array<{ id: string; title: string; kind: KnowledgeArticleKind; published: boolean; rank: number; snippet: string }> = await this.db.query(
      `WITH q AS (SELECT ${SEARCH_QUERY} AS q),
       page AS (
         SELECT a.id, ts_rank(a.search_vector, q.q) AS rank FROM knowledge_articles a, q
          WHERE ${where} AND ($${at + 1}::real IS NULL OR (ts_rank(a.search_vector, q.q), a.id) < ($${at + 1}::real, $${at + 2}::uuid))
          ORDER BY rank DESC, a.id DESC LIMIT $${at + 3})
       SELECT a.id, a.title, a.kind, a.published, p.rank,
              ts_headline('russian', translate(CASE WHEN a.body = '' THEN a.title ELSE a.body END, $${at + 4}, ''), q.q, $${at + 5}) AS snippet
         FROM page p JOIN knowledge_articles a ON a.id = p.id, q
        ORDER BY p.rank DESC, p.id DESC`,
      [...params, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1, HIGHLIGHT_START + HIGHLIGHT_END, HEADLINE_OPTIONS],
    );
    const hits: KnowledgeSearchHit[] = rows.map((r) => ({ ...r, rank: Number(r.rank), snippet: plainSnippet(r.snippet) }));
    return toConnection(hits, first, n, (h) => [h.rank, h.id]);
  }

  /** Published SOLUTION articles sharing the most words with a request's text, best first. */
  async suggestSolutions(actor: Actor, text: string, first = 5): Promise<KnowledgeSearchHit[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) throw badInput('first', `From 1 to ${MAX_SUGGESTIONS}`, 'OUT_OF_RANGE');
    const words = text.slice(0, MAX_SUGGEST_TEXT).trim();
    if (!words) return [];
    const rows: Array<{ id: string; title: string; kind: KnowledgeArticleKind; published: boolean; rank: number; snippet: string }> = await this.db.query(
      `WITH q AS (SELECT ${SUGGEST_QUERY} AS q),
       page AS (
         SELECT a.id, ts_rank(a.search_vector, q.q) AS rank FROM knowledge_articles a, q
          WHERE q.q IS NOT NULL AND a.search_vector @@ q.q AND a.kind = 'SOLUTION' AND a.published AND NOT a.deletion_mark
          ORDER BY rank DESC, a.usage_count DESC, a.id LIMIT $2)
       SELECT a.id, a.title, a.kind, a.published, p.rank,
              ts_headline('russian', translate(CASE WHEN a.body = '' THEN a.title ELSE a.body END, $3, ''), q.q, $4) AS snippet
         FROM page p JOIN knowledge_articles a ON a.id = p.id, q
        ORDER BY p.rank DESC, a.usage_count DESC, a.id`,
      [words, first, HIGHLIGHT_START + HIGHLIGHT_END, HEADLINE_OPTIONS],
    );
    void actor; // Published articles are for everyone.
    return rows.map((r) => ({ ...r, rank: Number(r.rank), snippet: plainSnippet(r.snippet) }));
  }

  /** Published PRODUCT and COMPETITOR articles about any of the given products or competitors (for interest and offer cards). */
  async related(first: number, after: string | null | undefined, productIds: readonly string[], competitorIds: readonly string[]) {
    productIds.forEach((id, i) => requireId(id, `productIds.${i}`));
    competitorIds.forEach((id, i) => requireId(id, `competitorIds.${i}`));
    if (productIds.length > 500 || competitorIds.length > 500) throw badInput('productIds', 'At most 500 ids', 'TOO_MANY');
    const cursor = decodeCursor(after, 3, ([k, t, id]) => typeof k === 'string' && typeof t === 'string' && isId(id)) as [string, string, string] | null;
    const where = `a.published AND NOT a.deletion_mark AND a.kind IN ('PRODUCT','COMPETITOR')
      AND (EXISTS (SELECT 1 FROM knowledge_article_products p WHERE p.article_id = a.id AND p.product_id = ANY($1::uuid[]))
        OR EXISTS (SELECT 1 FROM knowledge_article_competitors c WHERE c.article_id = a.id AND c.counterparty_id = ANY($2::uuid[])))`;
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM knowledge_articles a WHERE ${where}`, [productIds, competitorIds]);
    const ids: Array<{ id: string }> = await this.db.query(
      `SELECT a.id FROM knowledge_articles a WHERE ${where} AND ($3::text IS NULL OR (a.kind, a.title, a.id) > ($3::text, $4::text, $5::uuid))
        ORDER BY a.kind, a.title, a.id LIMIT $6`,
      [productIds, competitorIds, cursor?.[0] ?? null, cursor?.[1] ?? null, cursor?.[2] ?? null, first + 1],
    );
    const rows = ids.length ? await this.db.getRepository(KnowledgeArticle).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids: ids.map((r) => r.id) }).getMany() : [];
    const byId = new Map(rows.map((a) => [a.id, a]));
    return toConnection(ids.map((r) => byId.get(r.id)!).filter(Boolean), first, n, (a) => [a.kind, a.title, a.id]);
  }

  // ---------- article changes ----------

  /** Checks product and competitor links before a transaction (their services read outside it). */
  private async checkLinks(actor: Actor, productIds: string[] | undefined, competitorIds: string[] | undefined) {
    if (productIds?.length) {
      const unique = [...new Set(productIds)];
      if (this.products) {
        const found = new Set((await this.products.byIds(unique)).map((p) => p.id));
        const missing = productIds.findIndex((id) => !found.has(id));
        if (missing >= 0) throw badInput(`productIds.${missing}`, 'The product does not exist', 'NOT_FOUND');
      } else {
        const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM products WHERE id = ANY($1::uuid[])`, [unique]);
        const found = new Set(rows.map((r) => r.id));
        const missing = productIds.findIndex((id) => !found.has(id));
        if (missing >= 0) throw badInput(`productIds.${missing}`, 'The product does not exist', 'NOT_FOUND');
      }
    }
    if (competitorIds?.length) {
      const found = new Map((await this.counterparties.byIds(actor, [...new Set(competitorIds)])).map((c) => [c.id, c]));
      competitorIds.forEach((id, i) => {
        const c = found.get(id);
        if (!c) throw badInput(`competitorIds.${i}`, 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
        if (!c.relationTypes.includes(RelationType.COMPETITOR)) throw badInput(`competitorIds.${i}`, 'The counterparty is not marked as a competitor', 'NOT_COMPETITOR');
      });
    }
  }

  private async checkSection(tx: EntityManager, sectionId: string | null | undefined) {
    if (!sectionId) return;
    if (!(await tx.getRepository(KnowledgeSection).exists({ where: { id: sectionId } }))) throw badInput('sectionId', 'The section does not exist', 'NOT_FOUND');
  }

  private async setLinks(tx: EntityManager, articleId: string, productIds: string[] | undefined, competitorIds: string[] | undefined) {
    if (productIds) {
      await tx.query(`DELETE FROM knowledge_article_products WHERE article_id = $1`, [articleId]);
      if (productIds.length) {
        await tx.query(`INSERT INTO knowledge_article_products (article_id, product_id) SELECT $1, p FROM unnest($2::uuid[]) AS p ON CONFLICT DO NOTHING`, [articleId, productIds]);
      }
    }
    if (competitorIds) {
      await tx.query(`DELETE FROM knowledge_article_competitors WHERE article_id = $1`, [articleId]);
      if (competitorIds.length) {
        await tx.query(`INSERT INTO knowledge_article_competitors (article_id, counterparty_id) SELECT $1, c FROM unnest($2::uuid[]) AS c ON CONFLICT DO NOTHING`, [
          articleId,
          competitorIds,
        ]);
      }
    }
  }

  private async currentLinks(tx: EntityManager, articleId: string) {
    const products: Array<{ product_id: string }> = await tx.query(`SELECT product_id FROM knowledge_article_products WHERE article_id = $1`, [articleId]);
    const competitors: Array<{ counterparty_id: string }> = await tx.query(`SELECT counterparty_id FROM knowledge_article_competitors WHERE article_id = $1`, [articleId]);
    return { productIds: products.map((r) => r.product_id), competitorIds: competitors.map((r) => r.counterparty_id) };
  }

  async create(actor: Actor, input: CreateKnowledgeArticleInput): Promise<KnowledgeArticle> {
    if (input.published && !isEditor(actor)) throw forbidden('Only editors (supervisors, service engineers, administrators) publish articles');
    const title = input.title.trim();
    if (!title) throw badInput('title', 'Enter a title', 'REQUIRED');
    const keywords = cleanKeywords(input.keywords);
    await this.checkLinks(actor, input.productIds, input.competitorIds);
    return withTransaction(this.db, (tx) =>
      this.insert(tx, actor, {
        kind: input.kind,
        title,
        body: input.body ?? '',
        keywords,
        sectionId: input.sectionId ?? null,
        productIds: [...new Set(input.productIds ?? [])],
        competitorIds: [...new Set(input.competitorIds ?? [])],
        published: input.published ?? false,
        sourceRequestId: null,
      }),
    );
  }

  /** Inserts an article in the caller's transaction (links checked by the caller). */
  async insert(
    tx: EntityManager,
    actor: Actor,
    a: { kind: KnowledgeArticleKind; title: string; body: string; keywords: string[]; sectionId: string | null; productIds: string[]; competitorIds: string[]; published: boolean; sourceRequestId: string | null },
  ): Promise<KnowledgeArticle> {
    await this.checkSection(tx, a.sectionId);
    const repo = tx.getRepository(KnowledgeArticle);
    const saved = await repo.save(
      repo.create({
        kind: a.kind,
        title: a.title,
        body: a.body,
        keywords: a.keywords,
        sectionId: a.sectionId,
        published: a.published,
        publishedAt: a.published ? new Date() : null,
        authorId: actor.id,
        sourceRequestId: a.sourceRequestId,
      }),
    );
    await this.setLinks(tx, saved.id, a.productIds, a.competitorIds);
    await this.audit.record(tx, actor, { entityType: ARTICLE, entityId: saved.id, entityLabel: saved.title, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(saved, a.productIds, a.competitorIds)) });
    return saved;
  }

  private async forChange(tx: EntityManager, actor: Actor, idRaw: string, version?: number) {
    const id = requireId(idRaw);
    const a = await tx.getRepository(KnowledgeArticle).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!a || !this.canSee(actor, a)) throw notFound('Knowledge article');
    if (version !== undefined && a.version !== version) throw conflict('The article was changed by someone else; reload to see their changes', { currentVersion: a.version });
    return a;
  }

  private async save(tx: EntityManager, actor: Actor, a: KnowledgeArticle, before: ReturnType<typeof snapshot>, links: { productIds: string[]; competitorIds: string[] }, action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, snapshot(a, links.productIds, links.competitorIds));
    if (!changes.length) return a;
    const [row] = await updateReturning<{ version: number; updated_at: Date }>(
      tx,
      `UPDATE knowledge_articles SET kind = $1, title = $2, body = $3, keywords = $4, section_id = $5, published = $6, published_at = $7, deletion_mark = $8,
              version = version + 1, updated_at = now()
        WHERE id = $9 AND version = $10 RETURNING version, updated_at`,
      [a.kind, a.title, a.body, a.keywords, a.sectionId, a.published, a.publishedAt, a.deletionMark, a.id, a.version],
    );
    if (!row) throw conflict('The article was changed by someone else; reload to see their changes');
    a.version = row.version;
    a.updatedAt = row.updated_at;
    await this.audit.record(tx, actor, { entityType: ARTICLE, entityId: a.id, entityLabel: a.title, action, changes });
    return a;
  }

  async update(actor: Actor, id: string, input: UpdateKnowledgeArticleInput): Promise<KnowledgeArticle> {
    const keywords = input.keywords ? cleanKeywords(input.keywords) : undefined;
    if (input.title !== undefined && input.title !== null && !input.title.trim()) throw badInput('title', 'Enter a title', 'REQUIRED');
    await this.checkLinks(actor, input.productIds, input.competitorIds);
    return withTransaction(this.db, async (tx) => {
      const a = await this.forChange(tx, actor, id, input.version);
      this.assertCanEdit(actor, a);
      const links = await this.currentLinks(tx, a.id);
      const before = snapshot(a, links.productIds, links.competitorIds);
      if (input.kind) a.kind = input.kind;
      if (input.title != null) a.title = input.title.trim();
      if (input.body != null) a.body = input.body;
      if (keywords) a.keywords = keywords;
      if (input.sectionId !== undefined) {
        await this.checkSection(tx, input.sectionId);
        a.sectionId = input.sectionId ?? null;
      }
      const next = {
        productIds: input.productIds ? [...new Set(input.productIds)] : links.productIds,
        competitorIds: input.competitorIds ? [...new Set(input.competitorIds)] : links.competitorIds,
      };
      await this.setLinks(tx, a.id, input.productIds ? next.productIds : undefined, input.competitorIds ? next.competitorIds : undefined);
      return this.save(tx, actor, a, before, next);
    });
  }

  async setPublished(actor: Actor, id: string, published: boolean): Promise<KnowledgeArticle> {
    if (!isEditor(actor)) throw forbidden('Only editors (supervisors, service engineers, administrators) publish articles');
    return withTransaction(this.db, async (tx) => {
      const a = await this.forChange(tx, actor, id);
      if (a.deletionMark) throw conflict('The article is marked for deletion; restore it first', { reason: 'MARKED_FOR_DELETION' });
      if (a.published === published) return a;
      const links = await this.currentLinks(tx, a.id);
      const before = snapshot(a, links.productIds, links.competitorIds);
      a.published = published;
      if (published) a.publishedAt = new Date();
      return this.save(tx, actor, a, before, links);
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<KnowledgeArticle> {
    return withTransaction(this.db, async (tx) => {
      const a = await this.forChange(tx, actor, id);
      if (!this.viewerCan(actor, a).delete) throw forbidden('Only its author (while a draft) or an editor marks an article for deletion');
      if (a.deletionMark === mark) return a;
      const links = await this.currentLinks(tx, a.id);
      const before = snapshot(a, links.productIds, links.competitorIds);
      a.deletionMark = mark;
      return this.save(tx, actor, a, before, links, mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }

  /**
   * An article applied in a request's solution: it must be one the actor sees, published and not marked for
   * deletion. Checked before the request's transaction; the use is counted inside it with `countUse`.
   */
  async assertApplicable(actor: Actor, id: string, field: string) {
    const [a] = await this.byIds(actor, [id]);
    if (!a) throw badInput(field, 'The article does not exist or you cannot see it', 'NOT_FOUND');
    if (!a.published || a.deletionMark) throw badInput(field, 'Only a published article can be applied', 'NOT_PUBLISHED');
    return a;
  }

  /** Counts one use of an article, in the caller's transaction (not an edit: no version bump, no audit row). */
  async countUse(tx: EntityManager, id: string) {
    await tx.query(`UPDATE knowledge_articles SET usage_count = usage_count + 1 WHERE id = $1`, [id]);
  }

  /** The not-deleted article already saved from a request, if any. */
  async savedFrom(tx: EntityManager, requestId: string): Promise<string | null> {
    const [row] = await tx.query(`SELECT id FROM knowledge_articles WHERE source_request_id = $1 AND NOT deletion_mark LIMIT 1`, [requestId]);
    return row?.id ?? null;
  }

  // ---------- sections ----------

  async sections(first: number, after: string | null | undefined, parentId?: string | null, topLevelOnly = false) {
    const cursor = decodeCursor(after, 2, ([n, id]) => typeof n === 'string' && isId(id)) as [string, string] | null;
    const qb = this.db.getRepository(KnowledgeSection).createQueryBuilder('s');
    if (parentId) qb.andWhere('s.parent_id = :parent', { parent: requireId(parentId, 'parentId') });
    else if (topLevelOnly) qb.andWhere('s.parent_id IS NULL');
    const total = await qb.clone().getCount();
    if (cursor) qb.andWhere('(s.name, s.id) > (:cn, :cid)', { cn: cursor[0], cid: cursor[1] });
    const rows = await qb.orderBy('s.name').addOrderBy('s.id').limit(first + 1).getMany();
    return toConnection(rows, first, total, (s) => [s.name, s.id]);
  }

  async sectionsByIds(ids: readonly string[]): Promise<KnowledgeSection[]> {
    const valid = ids.filter(isId);
    if (!valid.length) return [];
    return this.db.getRepository(KnowledgeSection).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: valid }).getMany();
  }

  private requireEditor(actor: Actor) {
    if (!isEditor(actor)) throw forbidden('Only editors (supervisors, service engineers, administrators) manage knowledge-base sections');
  }

  async createSection(actor: Actor, input: CreateKnowledgeSectionInput): Promise<KnowledgeSection> {
    this.requireEditor(actor);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'Enter a name', 'REQUIRED');
    return withTransaction(this.db, async (tx) => {
      if (input.parentId && !(await tx.getRepository(KnowledgeSection).exists({ where: { id: input.parentId } }))) {
        throw badInput('parentId', 'The parent section does not exist', 'NOT_FOUND');
      }
      const repo = tx.getRepository(KnowledgeSection);
      const s = await repo.save(repo.create({ name, parentId: input.parentId ?? null }));
      await this.audit.record(tx, actor, { entityType: SECTION, entityId: s.id, entityLabel: s.name, action: AuditAction.CREATE, changes: diffSnapshots({}, { name: s.name, parentId: s.parentId }) });
      return s;
    });
  }

  async updateSection(actor: Actor, idRaw: string, input: UpdateKnowledgeSectionInput): Promise<KnowledgeSection> {
    this.requireEditor(actor);
    const id = requireId(idRaw);
    if (input.name != null && !input.name.trim()) throw badInput('name', 'Enter a name', 'REQUIRED');
    return withTransaction(this.db, async (tx) => {
      const s = await tx.getRepository(KnowledgeSection).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw notFound('Knowledge section');
      if (s.version !== input.version) throw conflict('The section was changed by someone else; reload to see their changes', { currentVersion: s.version });
      const before = { name: s.name, parentId: s.parentId };
      if (input.name != null) s.name = input.name.trim();
      if (input.parentId !== undefined) {
        if (input.parentId) {
          // Refuse cycles: the new parent must not be this section or one below it.
          const [row] = await tx.query(
            `WITH RECURSIVE below AS (SELECT $1::uuid AS id UNION SELECT s.id FROM knowledge_sections s JOIN below b ON s.parent_id = b.id)
             SELECT EXISTS (SELECT 1 FROM knowledge_sections WHERE id = $2) AS found, EXISTS (SELECT 1 FROM below WHERE id = $2) AS cycle`,
            [id, input.parentId],
          );
          if (!row.found) throw badInput('parentId', 'The parent section does not exist', 'NOT_FOUND');
          if (row.cycle) throw badInput('parentId', 'A section cannot be moved into itself or one of its subsections', 'CYCLE');
        }
        s.parentId = input.parentId ?? null;
      }
      const changes = diffSnapshots(before, { name: s.name, parentId: s.parentId });
      if (!changes.length) return s;
      const [row] = await updateReturning<{ version: number; updated_at: Date }>(
        tx,
        `UPDATE knowledge_sections SET name = $1, parent_id = $2, version = version + 1, updated_at = now() WHERE id = $3 AND version = $4 RETURNING version, updated_at`,
        [s.name, s.parentId, s.id, s.version],
      );
      s.version = row.version;
      s.updatedAt = row.updated_at;
      await this.audit.record(tx, actor, { entityType: SECTION, entityId: s.id, entityLabel: s.name, action: AuditAction.UPDATE, changes });
      return s;
    });
  }

  /** A real delete, allowed only for an empty section (nothing refers to it). */
  async deleteSection(actor: Actor, idRaw: string): Promise<boolean> {
    this.requireEditor(actor);
    const id = requireId(idRaw);
    return withTransaction(this.db, async (tx) => {
      const s = await tx.getRepository(KnowledgeSection).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw notFound('Knowledge section');
      const [row] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM knowledge_sections WHERE parent_id = $1) AS children, EXISTS (SELECT 1 FROM knowledge_articles WHERE section_id = $1) AS articles`,
        [id],
      );
      if (row.children || row.articles) throw conflict('Only an empty section can be deleted: move its subsections and articles first', { reason: 'NOT_EMPTY' });
      await tx.query(`DELETE FROM knowledge_sections WHERE id = $1`, [id]);
      await this.audit.record(tx, actor, { entityType: SECTION, entityId: s.id, entityLabel: s.name, action: AuditAction.DELETE, changes: diffSnapshots({ name: s.name, parentId: s.parentId }, {}) });
      return true;
    });
  }
}
