import DataLoader from 'dataloader';
import type { Context } from '../../core/context';
import type { KnowledgeArticle } from './knowledge-article.entity';
import type { KnowledgeSection } from './knowledge-section.entity';

function createKnowledgeLoaders(ctx: Context) {
  const { services, actor } = ctx;
  const links = new DataLoader<string, { productIds: string[]; competitorIds: string[] }>(async (ids) => {
    const { products, competitors } = await services.knowledge.linksOf(ids);
    const out = new Map(ids.map((id) => [id, { productIds: [] as string[], competitorIds: [] as string[] }]));
    for (const p of products) out.get(p.article_id)?.productIds.push(p.product_id);
    for (const c of competitors) out.get(c.article_id)?.competitorIds.push(c.counterparty_id);
    return ids.map((id) => out.get(id)!);
  });
  return {
    /** Articles the actor may see (drafts only their own, unless an editor). */
    article: new DataLoader<string, KnowledgeArticle | null>(async (ids) => {
      const rows = actor ? await services.knowledge.byIds(actor, ids) : [];
      const map = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    section: new DataLoader<string, KnowledgeSection | null>(async (ids) => {
      const map = new Map((await services.knowledge.sectionsByIds(ids)).map((s) => [s.id, s]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    links,
  };
}

export type KnowledgeLoaders = ReturnType<typeof createKnowledgeLoaders>;

/**
 * This request's knowledge-base loaders, created on first use. Keyed by the request's core loader set, so they
 * live exactly as long as it does (a subscription push replaces `ctx.loaders`, and with it these).
 */
const perRequest = new WeakMap<object, KnowledgeLoaders>();
export function knowledgeLoaders(ctx: Context): KnowledgeLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    loaders = createKnowledgeLoaders(ctx);
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}
