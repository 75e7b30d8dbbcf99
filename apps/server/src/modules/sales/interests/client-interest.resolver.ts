import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ClientInterest, ClientInterestLine, ClientInterestStageChange } from './client-interest.entity';
import { InformationSource, LossReason, SalesScenario, SalesStage } from './sales-scenario.entity';
import {
  ClientInterestBoardFilter,
  ClientInterestFilter,
  ClientInterestOrder,
  CreateClientInterestInput,
  MarkClientInterestLostInput,
  UpdateClientInterestInput,
} from './interests.inputs';
import { ClientInterestBoard, ClientInterestChange, ClientInterestConnection, ClientInterestStageChangeConnection, ClientInterestViewerCan } from './interests.types';
import { CLIENT_INTEREST_CHANGED, DEFAULT_STALLED_DAYS, type ClientInterestChangedPayload } from './client-interest.service';
import { createLoaders } from '../../../core/loaders';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../../contacts/counterparty.entity';
import { ContactPerson } from '../../contacts/contact-person.entity';
import { User } from '../../auth/user.entity';
import { AuditEntryConnection } from '../../audit/audit.types';
import { DecimalScalar, toDecimal, toMoneyString } from '../../../core/decimal';
import { PageArgs } from '../../../core/pagination';
import { requireActor, type Context } from '../../../core/context';

/** Whether the operation selects the field at `path` below the current one (through fragments too). */
function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const within = (set: SelectionSetNode | undefined, depth: number): boolean =>
    !!set &&
    set.selections.some((sel) => {
      if (sel.kind === 'Field') return sel.name.value === path[depth] && (depth === path.length - 1 || within(sel.selectionSet, depth + 1));
      if (sel.kind === 'InlineFragment') return within(sel.selectionSet, depth);
      return within(info.fragments[sel.name.value]?.selectionSet, depth);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet, 0));
}

@Resolver(() => ClientInterest)
export class ClientInterestResolver {
  @Query(() => ClientInterestConnection, { description: 'Client interests in my scope, newest first unless ordered otherwise, one page at a time.' })
  clientInterests(
    @Args() page: PageArgs,
    @Arg('filter', () => ClientInterestFilter, { nullable: true, description: 'Which interests to list.' }) filter: ClientInterestFilter | null,
    @Arg('orderBy', () => ClientInterestOrder, { nullable: true, description: 'Sort order; newest first by default.' }) orderBy: ClientInterestOrder | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.interests.list(requireActor(ctx), page.first, page.after, filter ?? {}, orderBy);
  }

  @Query(() => ClientInterest, { description: 'One client interest; NOT_FOUND when it does not exist or is outside my scope.' })
  clientInterest(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.interests.get(requireActor(ctx), id);
  }

  @Query(() => ClientInterestBoard, { description: 'The kanban board of a sales scenario (the default one when omitted), within my scope.' })
  async clientInterestBoard(
    @Arg('scenarioId', () => ID, { nullable: true, description: 'The scenario; the default one when omitted.' }) scenarioId: string | null,
    @Arg('filter', () => ClientInterestBoardFilter, { nullable: true, description: 'Which interests to show.' }) filter: ClientInterestBoardFilter | null,
    @Arg('cardsPerColumn', () => Int, { defaultValue: 20, description: 'Cards in the first page of each column, 1 to 100.' }) cardsPerColumn: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const withCounterparties = selects(info, ['columns', 'cards', 'edges', 'node', 'counterparty']);
    const board = await ctx.services.interests.board(requireActor(ctx), scenarioId, filter ?? {}, cardsPerColumn, { withCounterparties });
    // The cards' clients came with them, scoped as the loader scopes them: naming them costs no statement.
    for (const [id, counterparty] of board.counterparties) ctx.loaders.counterparty.prime(id, counterparty);
    return board;
  }

  @Query(() => ClientInterestConnection, {
    description: 'Active interests in my scope with no event (planned or done, based on the interest or with its client) for `days` days, oldest first.',
  })
  stalledClientInterests(
    @Arg('days', () => Int, { defaultValue: DEFAULT_STALLED_DAYS, description: 'Days without an event, 1 to 3650.' }) days: number,
    @Args() page: PageArgs,
    @Arg('responsibleId', () => ID, { nullable: true, description: 'Only this responsible manager.' }) responsibleId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.interests.stalled(requireActor(ctx), days, page.first, page.after, responsibleId);
  }

  @Query(() => ClientInterestStageChangeConnection, { description: 'Stage and state changes of an interest, oldest first.' })
  async clientInterestStageHistory(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Args() page: PageArgs, @Ctx() ctx: Context) {
    const ci = await ctx.services.interests.get(requireActor(ctx), id);
    return ctx.services.interests.stageHistory(ci.id, page.first, page.after);
  }

  @Subscription(() => ClientInterestChange, {
    topics: CLIENT_INTEREST_CHANGED,
    topicId: ({ context }: { context: Context }) => context.actor?.id ?? 'anonymous',
    filter: ({ payload, context }: { payload: ClientInterestChangedPayload; context: Context }) => !!context.actor && payload.userIds.includes(context.actor.id),
    description:
      "An interest I am (or was) responsible for, or one of my direct subordinates', was created, moved or changed, by anyone (refresh the board, lists and its card).",
  })
  clientInterestChanged(@Root() payload: ClientInterestChangedPayload, @Ctx() ctx: Context) {
    // A socket's context lives as long as the subscription: its loaders would serve every push the objects of the first.
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    return ctx.services.interests.changedFor(requireActor(ctx), payload);
  }

  @Mutation(() => ClientInterest, { description: 'Registers a client interest at the first stage (or the given in-progress stage) of its scenario.' })
  createClientInterest(@Arg('input', { description: 'What to create.' }) input: CreateClientInterestInput, @Ctx() ctx: Context) {
    return ctx.services.interests.create(requireActor(ctx), input);
  }

  @Mutation(() => ClientInterest, { description: 'Changes an open client interest; CONFLICT when `version` is stale or it is won or lost.' })
  updateClientInterest(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Arg('input', { description: 'The changes, with the version you read.' }) input: UpdateClientInterestInput, @Ctx() ctx: Context) {
    return ctx.services.interests.update(requireActor(ctx), id, input);
  }

  @Mutation(() => ClientInterest, {
    description:
      'Moves an active interest to another stage of its scenario (a SUCCESS stage wins it). A FAILURE stage is refused with reason LOSS_REASON_REQUIRED: use markClientInterestLost.',
  })
  moveClientInterestToStage(
    @Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string,
    @Arg('stageId', () => ID, { description: 'The target stage.' }) stageId: string,
    @Arg('version', () => Int, { nullable: true, description: 'The version you read; when given, a stale one is refused with CONFLICT.' }) version: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.interests.move(requireActor(ctx), id, stageId, version);
  }

  @Mutation(() => ClientInterest, { description: 'Marks an active or suspended interest lost, with a loss reason; it goes to the FAILURE stage.' })
  markClientInterestLost(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Arg('input', { description: 'The loss reason and a comment.' }) input: MarkClientInterestLostInput, @Ctx() ctx: Context) {
    return ctx.services.interests.markLost(requireActor(ctx), id, input);
  }

  @Mutation(() => ClientInterest, { description: 'Marks an active or suspended interest won; it goes to the SUCCESS stage.' })
  markClientInterestWon(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.interests.win(requireActor(ctx), id);
  }

  @Mutation(() => ClientInterest, { description: 'Puts an active interest on hold at its stage.' })
  suspendClientInterest(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.interests.suspend(requireActor(ctx), id);
  }

  @Mutation(() => ClientInterest, { description: 'Resumes a suspended interest.' })
  resumeClientInterest(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.interests.resume(requireActor(ctx), id);
  }

  @Mutation(() => ClientInterest, { description: 'Reopens a won or lost interest (supervisor or administrator), back to the stage it was closed from.' })
  reopenClientInterest(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.interests.reopen(requireActor(ctx), id);
  }

  @Mutation(() => ClientInterest, { description: 'Marks a client interest for deletion (true) or restores it (false).' })
  setClientInterestDeletionMark(@Arg('id', () => ID, { description: 'Id of the client interest.' }) id: string, @Arg('deletionMark', { description: 'True to mark, false to restore.' }) mark: boolean, @Ctx() ctx: Context) {
    return ctx.services.interests.setDeletionMark(requireActor(ctx), id, mark);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The client (null when outside my scope).' })
  counterparty(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.counterparty.load(ci.counterpartyId);
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'The contact person.' })
  contactPerson(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ci.contactPersonId ? ctx.loaders.contactPerson.load(ci.contactPersonId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The responsible manager.' })
  responsible(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(ci.responsibleId);
  }

  @FieldResolver(() => SalesScenario, { description: 'Its sales scenario.' })
  scenario(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.salesScenario.load(ci.scenarioId);
  }

  @FieldResolver(() => SalesStage, { description: 'Its current stage.' })
  stage(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.salesStage.load(ci.stageId);
  }

  @FieldResolver(() => LossReason, { nullable: true, description: 'Why it was lost.' })
  lossReason(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ci.lossReasonId ? ctx.loaders.lossReason.load(ci.lossReasonId) : null;
  }

  @FieldResolver(() => InformationSource, { nullable: true, description: 'Where the client heard of us.' })
  informationSource(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ci.informationSourceId ? ctx.loaders.informationSource.load(ci.informationSourceId) : null;
  }

  @FieldResolver(() => [ClientInterestLine], { description: 'Its product lines, in order.' })
  lines(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.linesOfInterest.load(ci.id);
  }

  @FieldResolver(() => [Counterparty], { description: 'Competitors in the deal (those in my scope).' })
  async competitors(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    const ids = await ctx.loaders.competitorIdsOfInterest.load(ci.id);
    const found = await ctx.loaders.counterparty.loadMany(ids);
    return found.filter((c): c is Counterparty => !!c && !(c instanceof Error));
  }

  @FieldResolver(() => [ID], { description: 'Ids of all competitors in the deal.' })
  competitorIds(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.competitorIdsOfInterest.load(ci.id);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Planned amount × probability / 100, rounded to kopecks.' })
  weightedAmount(@Root() ci: ClientInterest) {
    return toMoneyString(toDecimal(ci.plannedAmount).times(ci.probability).dividedBy(100));
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the last event (started, not cancelled) based on it or with its client took place.' })
  lastActivityAt(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.loaders.lastActivityOfInterest.load(ci.id);
  }

  @FieldResolver(() => ClientInterestViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() ci: ClientInterest, @Ctx() ctx: Context) {
    return ctx.services.interests.viewerCan(requireActor(ctx), ci);
  }

  @FieldResolver(() => ClientInterestStageChangeConnection, { description: 'Its stage and state changes, oldest first (for the card).' })
  stageHistory(@Root() ci: ClientInterest, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.interests.stageHistory(ci.id, page.first, page.after);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Its change history, newest first.' })
  history(@Root() ci: ClientInterest, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('ClientInterest', ci.id, page.first, page.after);
  }
}

@Resolver(() => ClientInterestLine)
export class ClientInterestLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'The catalog item.' })
  product(@Root() l: ClientInterestLine, @Ctx() ctx: Context) {
    return ctx.loaders.product.load(l.productId);
  }
}

@Resolver(() => ClientInterestStageChange)
export class ClientInterestStageChangeResolver {
  @FieldResolver(() => SalesStage, { nullable: true, description: 'The stage before; null for the creation.' })
  fromStage(@Root() h: ClientInterestStageChange, @Ctx() ctx: Context) {
    return h.fromStageId ? ctx.loaders.salesStage.load(h.fromStageId) : null;
  }

  @FieldResolver(() => SalesStage, { nullable: true, description: 'The stage after.' })
  toStage(@Root() h: ClientInterestStageChange, @Ctx() ctx: Context) {
    return ctx.loaders.salesStage.load(h.toStageId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who made the change.' })
  user(@Root() h: ClientInterestStageChange, @Ctx() ctx: Context) {
    return h.userId ? ctx.loaders.user.load(h.userId) : null;
  }
}

@Resolver(() => Counterparty)
export class CounterpartyInterestsResolver {
  @FieldResolver(() => ClientInterestConnection, { description: 'Its client interests in my scope, newest first (for the card).' })
  clientInterests(@Root() c: Counterparty, @Args() page: PageArgs, @Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.loaders.interestPages.load({ first: page.first, after: page.after, filter: { counterpartyId: c.id } });
  }
}
