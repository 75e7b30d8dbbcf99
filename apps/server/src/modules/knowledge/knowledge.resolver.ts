import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeSection } from './knowledge-section.entity';
import { KnowledgeArticleKind } from './knowledge.enums';
import {
  CreateKnowledgeArticleInput,
  CreateKnowledgeSectionInput,
  KnowledgeArticleFilter,
  UpdateKnowledgeArticleInput,
  UpdateKnowledgeSectionInput,
} from './knowledge.inputs';
import {
  KnowledgeArticleConnection,
  KnowledgeArticleViewerCan,
  KnowledgeSearchHit,
  KnowledgeSearchHitConnection,
  KnowledgeSectionConnection,
} from './knowledge.types';
import { knowledgeLoaders } from './knowledge.loaders';
import { Counterparty } from '../contacts/counterparty.entity';
import { User } from '../auth/user.entity';
import { Product } from '../sales/catalog/product.entity';
import { AuditEntryConnection } from '../audit/audit.types';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';

@Resolver(() => KnowledgeArticle)
export class KnowledgeArticleResolver {
  @Query(() => KnowledgeArticle, { description: 'One article; NOT_FOUND when missing or a draft I may not see.' })
  knowledgeArticle(@Arg('id', () => ID, { description: 'Id of the article.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.knowledge.get(requireActor(ctx), id);
  }

  @Query(() => KnowledgeArticleConnection, { description: 'Knowledge-base articles I may see, by title.' })
  knowledgeArticles(@Args() page: PageArgs, @Arg('filter', () => KnowledgeArticleFilter, { nullable: true, description: 'Which articles.' }) filter: KnowledgeArticleFilter | null, @Ctx() ctx: Context) {
    return ctx.services.knowledge.list(requireActor(ctx), page.first, page.after, filter ?? { deletionMark: false });
  }

  @Query(() => KnowledgeSearchHitConnection, { description: 'Full-text search of the knowledge base (Russian and English stemming, web-search syntax: "phrase", or, -word), best first.' })
  searchKnowledge(
    @Arg('query', { description: 'What to look for.' }) query: string,
    @Args() page: PageArgs,
    @Arg('kind', () => KnowledgeArticleKind, { nullable: true, description: 'Only this kind.' }) kind: KnowledgeArticleKind | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.knowledge.search(requireActor(ctx), query, page.first, page.after, kind);
  }

  @Query(() => [KnowledgeSearchHit], { description: 'Published SOLUTION articles matching any significant word of a text (a request being typed), best first.' })
  suggestSolutions(
    @Arg('text', { description: 'The text typed so far (the first 2000 characters count).' }) text: string,
    @Arg('first', () => Int, { defaultValue: 5, description: 'How many, 1 to 20.' }) first: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.knowledge.suggestSolutions(requireActor(ctx), text, first);
  }

  @Query(() => KnowledgeArticleConnection, { description: 'Published PRODUCT and COMPETITOR articles about any of these products or competitors (for client interest and offer cards).' })
  relatedKnowledge(
    @Arg('productIds', () => [ID], { defaultValue: [], description: 'Products of the interest or offer.' }) productIds: string[],
    @Arg('competitorIds', () => [ID], { defaultValue: [], description: 'Competitors (counterparties) of the interest.' }) competitorIds: string[],
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.knowledge.related(page.first, page.after, productIds, competitorIds);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Writes an article: a draft, or published at once by an editor.' })
  createKnowledgeArticle(@Arg('input', { description: 'What to write.' }) input: CreateKnowledgeArticleInput, @Ctx() ctx: Context) {
    return ctx.services.knowledge.create(requireActor(ctx), input);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Changes an article (editors; the author while it is a draft); CONFLICT when `version` is stale.' })
  updateKnowledgeArticle(@Arg('id', () => ID, { description: 'Id of the article.' }) id: string, @Arg('input', { description: 'What to write.' }) input: UpdateKnowledgeArticleInput, @Ctx() ctx: Context) {
    return ctx.services.knowledge.update(requireActor(ctx), id, input);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Publishes an article: everyone sees it (editors only).' })
  publishKnowledgeArticle(@Arg('id', () => ID, { description: 'Id of the article.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.knowledge.setPublished(requireActor(ctx), id, true);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Turns an article back into a draft (editors only).' })
  unpublishKnowledgeArticle(@Arg('id', () => ID, { description: 'Id of the article.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.knowledge.setPublished(requireActor(ctx), id, false);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Marks an article for deletion (true) or restores it (false): editors, or the author of a draft.' })
  setKnowledgeArticleDeletionMark(@Arg('id', () => ID, { description: 'Id of the article.' }) id: string, @Arg('mark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.knowledge.setDeletionMark(requireActor(ctx), id, mark);
  }

  @FieldResolver(() => KnowledgeSection, { nullable: true, description: 'The section it is filed in.' })
  section(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    return a.sectionId ? knowledgeLoaders(ctx).section.load(a.sectionId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who wrote it.' })
  author(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(a.authorId);
  }

  @FieldResolver(() => [ID], { description: 'Ids of the products it is about.' })
  async productIds(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    return (await knowledgeLoaders(ctx).links.load(a.id)).productIds;
  }

  @FieldResolver(() => [Product], { description: 'The products it is about.' })
  async products(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    const { productIds } = await knowledgeLoaders(ctx).links.load(a.id);
    return (await ctx.loaders.product.loadMany(productIds)).filter((p): p is Product => !!p && !(p instanceof Error));
  }

  @FieldResolver(() => [ID], { description: 'Ids of the competitors (counterparties) it is about.' })
  async competitorIds(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    return (await knowledgeLoaders(ctx).links.load(a.id)).competitorIds;
  }

  @FieldResolver(() => [Counterparty], { description: 'The competitors it is about that I may see.' })
  async competitors(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    const { competitorIds } = await knowledgeLoaders(ctx).links.load(a.id);
    return (await ctx.loaders.counterparty.loadMany(competitorIds)).filter((c): c is Counterparty => !!c && !(c instanceof Error));
  }

  @FieldResolver(() => KnowledgeArticleViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() a: KnowledgeArticle, @Ctx() ctx: Context) {
    return ctx.services.knowledge.viewerCan(requireActor(ctx), a);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() a: KnowledgeArticle, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('KnowledgeArticle', a.id, page.first, page.after);
  }
}

@Resolver(() => KnowledgeSearchHit)
export class KnowledgeSearchHitResolver {
  @FieldResolver(() => KnowledgeArticle, { nullable: true, description: 'The whole article.' })
  article(@Root() hit: KnowledgeSearchHit, @Ctx() ctx: Context) {
    return knowledgeLoaders(ctx).article.load(hit.id);
  }
}

@Resolver(() => KnowledgeSection)
export class KnowledgeSectionResolver {
  @Query(() => KnowledgeSectionConnection, { description: 'Knowledge-base sections by name: all of them, the top level, or the children of one.' })
  knowledgeSections(
    @Args() page: PageArgs,
    @Arg('parentId', () => ID, { nullable: true, description: 'Only the subsections of this section.' }) parentId: string | null,
    @Arg('topLevelOnly', { defaultValue: false, description: 'True: only top-level sections (ignored with parentId).' }) topLevelOnly: boolean,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.knowledge.sections(page.first, page.after, parentId, topLevelOnly);
  }

  @Mutation(() => KnowledgeSection, { description: 'Creates a section (editors only).' })
  createKnowledgeSection(@Arg('input', { description: 'What to write.' }) input: CreateKnowledgeSectionInput, @Ctx() ctx: Context) {
    return ctx.services.knowledge.createSection(requireActor(ctx), input);
  }

  @Mutation(() => KnowledgeSection, { description: 'Renames or moves a section (editors only); CONFLICT when `version` is stale.' })
  updateKnowledgeSection(@Arg('id', () => ID, { description: 'Id of the section.' }) id: string, @Arg('input', { description: 'What to write.' }) input: UpdateKnowledgeSectionInput, @Ctx() ctx: Context) {
    return ctx.services.knowledge.updateSection(requireActor(ctx), id, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes an empty section (editors only); CONFLICT when it has subsections or articles.' })
  deleteKnowledgeSection(@Arg('id', () => ID, { description: 'Id of the section.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.knowledge.deleteSection(requireActor(ctx), id);
  }

  @FieldResolver(() => KnowledgeSection, { nullable: true, description: 'The parent section.' })
  parent(@Root() s: KnowledgeSection, @Ctx() ctx: Context) {
    return s.parentId ? knowledgeLoaders(ctx).section.load(s.parentId) : null;
  }
}
