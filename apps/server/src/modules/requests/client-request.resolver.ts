import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ClientRequest } from './client-request.entity';
import { ClientRequestFilter, ClientRequestOrder, CreateClientRequestInput, ResolveClientRequestInput, SetClientRequestSlaRuleInput, UpdateClientRequestInput } from './requests.inputs';
import { ClientRequestChange, ClientRequestConnection, ClientRequestCounts, ClientRequestSlaRule, ClientRequestViewerCan } from './requests.types';
import { CLIENT_REQUEST_CHANGED, type ClientRequestChangedPayload } from './client-request.service';
import { ClientRequestState } from './requests.enums';
import { KnowledgeArticle } from '../knowledge/knowledge-article.entity';
import { knowledgeLoaders } from '../knowledge/knowledge.loaders';
import { EventConnection } from '../activities/activities.types';
import { CrmObjectType } from '../activities/activities.enums';
import { Counterparty } from '../contacts/counterparty.entity';
import { ContactPerson } from '../contacts/contact-person.entity';
import { User } from '../auth/user.entity';
import { Product } from '../sales/catalog/product.entity';
import { AuditEntryConnection } from '../audit/audit.types';
import { PageArgs } from '../../core/pagination';
import { requireActor, type Context } from '../../core/context';
import { createLoaders } from '../../core/loaders';

@Resolver(() => ClientRequest)
export class ClientRequestResolver {
  @Query(() => ClientRequest, { description: 'One client request; NOT_FOUND when missing or outside my scope.' })
  clientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.get(requireActor(ctx), id);
  }

  @Query(() => ClientRequestConnection, { description: 'Client requests in my scope, newest first by default.' })
  clientRequests(
    @Args() page: PageArgs,
    @Arg('filter', () => ClientRequestFilter, { nullable: true, description: 'Which requests.' }) filter: ClientRequestFilter | null,
    @Arg('orderBy', () => ClientRequestOrder, { nullable: true, description: 'Sort order; newest first by default.' }) orderBy: ClientRequestOrder | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.requests.list(requireActor(ctx), page.first, page.after, filter ?? {}, orderBy);
  }

  @Query(() => ClientRequestCounts, { description: 'Counts for the Requests tab badge: open, mine, critical, breached, about to breach.' })
  clientRequestCounts(@Ctx() ctx: Context) {
    return ctx.services.requests.counts(requireActor(ctx));
  }

  @Query(() => [ClientRequestSlaRule], { description: 'The SLA rules: one per kind and priority (12 in all).' })
  clientRequestSlaRules(@Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.requests.slaRules();
  }

  @Mutation(() => ClientRequestSlaRule, { description: 'Changes an SLA rule (administrators only); requests registered from then on follow it.' })
  setClientRequestSlaRule(@Arg('input', { description: 'What to write.' }) input: SetClientRequestSlaRuleInput, @Ctx() ctx: Context) {
    return ctx.services.requests.setSlaRule(requireActor(ctx), input);
  }

  @Mutation(() => ClientRequest, { description: "Registers a client request and counts its deadlines; a critical one notifies the responsible's supervisor at once." })
  createClientRequest(@Arg('input', { description: 'What to write.' }) input: CreateClientRequestInput, @Ctx() ctx: Context) {
    return ctx.services.requests.create(requireActor(ctx), input);
  }

  @Mutation(() => ClientRequest, { description: 'Changes a request (not once closed or rejected); CONFLICT when `version` is stale.' })
  updateClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Arg('input', { description: 'What to write.' }) input: UpdateClientRequestInput, @Ctx() ctx: Context) {
    return ctx.services.requests.update(requireActor(ctx), id, input);
  }

  @Mutation(() => ClientRequest, { description: 'Takes a registered or reopened request into work; the first time records the reaction.' })
  takeClientRequestIntoWork(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.takeIntoWork(requireActor(ctx), id);
  }

  @Mutation(() => ClientRequest, { description: 'Puts a request in progress on hold, waiting for the client: the SLA clock stops.' })
  suspendClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.waitForClient(requireActor(ctx), id);
  }

  @Mutation(() => ClientRequest, { description: 'Resumes a request that waited for the client; its resolution deadline moves later by the working time it waited.' })
  resumeClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.resume(requireActor(ctx), id);
  }

  @Mutation(() => ClientRequest, { description: 'Resolves a request in progress with a solution; an applied published article is recorded and its use counted.' })
  resolveClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Arg('input', { description: 'What to write.' }) input: ResolveClientRequestInput, @Ctx() ctx: Context) {
    return ctx.services.requests.resolve(requireActor(ctx), id, input);
  }

  @Mutation(() => ClientRequest, { description: "Confirms that a resolved critical request may be closed (the responsible's supervisor or an administrator only)." })
  confirmClientRequestClosure(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.confirmClosure(requireActor(ctx), id);
  }

  @Mutation(() => ClientRequest, { description: 'Closes a resolved request; a critical one only after the confirmation (CONFLICT, reason CONFIRMATION_REQUIRED).' })
  closeClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.close(requireActor(ctx), id);
  }

  @Mutation(() => ClientRequest, { description: 'Rejects a registered or in-progress request with a reason.' })
  rejectClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Arg('reason', { description: 'Why it is rejected.' }) reason: string, @Ctx() ctx: Context) {
    return ctx.services.requests.reject(requireActor(ctx), id, reason);
  }

  @Mutation(() => ClientRequest, { description: 'Reopens a resolved request (the client came back); the time since the solution does not count.' })
  reopenClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.reopen(requireActor(ctx), id);
  }

  @Mutation(() => ClientRequest, { description: "Records the client's satisfaction with a resolved or closed request." })
  rateClientRequest(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Arg('satisfaction', () => Int, { description: '1 (bad) to 5 (excellent).' }) satisfaction: number, @Ctx() ctx: Context) {
    return ctx.services.requests.rate(requireActor(ctx), id, satisfaction);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Saves the problem and solution of a resolved request as a draft SOLUTION article (once per request).' })
  saveClientRequestAsSolution(@Arg('id', () => ID, { description: 'Id of the request.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.requests.saveAsSolution(requireActor(ctx), id);
  }

  @Subscription(() => ClientRequestChange, {
    topics: CLIENT_REQUEST_CHANGED,
    topicId: ({ context }: { context: Context }) => context.actor?.id ?? 'anonymous',
    filter: ({ payload, context }: { payload: ClientRequestChangedPayload; context: Context }) => !!context.actor && payload.userIds.includes(context.actor.id),
    description: "A request I am (or was) responsible for, or one of my direct subordinates', was created or changed, by anyone (refresh the Requests tab and badge).",
  })
  clientRequestChanged(@Root() payload: ClientRequestChangedPayload, @Ctx() ctx: Context) {
    // A socket's context lives as long as the subscription: its loaders would serve every push the objects of the first.
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    return ctx.services.requests.changedFor(requireActor(ctx), payload);
  }

  @FieldResolver(() => Counterparty, { nullable: true, description: 'The client.' })
  counterparty(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return r.counterpartyId ? ctx.loaders.counterparty.load(r.counterpartyId) : null;
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'Who contacted us.' })
  contactPerson(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return r.contactPersonId ? ctx.loaders.contactPerson.load(r.contactPersonId) : null;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product it concerns.' })
  product(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return r.productId ? ctx.loaders.product.load(r.productId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The responsible user.' })
  responsible(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(r.responsibleId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who confirmed the closure.' })
  closureConfirmedBy(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return r.closureConfirmedById ? ctx.loaders.user.load(r.closureConfirmedById) : null;
  }

  @FieldResolver(() => KnowledgeArticle, { nullable: true, description: 'The knowledge-base article applied in the solution.' })
  knowledgeArticle(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return r.knowledgeArticleId ? knowledgeLoaders(ctx).article.load(r.knowledgeArticleId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'True while waiting for the client: the SLA clock is stopped.' })
  slaPaused(@Root() r: ClientRequest) {
    return r.state === ClientRequestState.WAITING_FOR_CLIENT;
  }

  @FieldResolver(() => Boolean, { description: 'The reaction came (or, still registered, is now) after its deadline.' })
  reactionBreached(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return ctx.services.requests.sla(r).reactionBreached;
  }

  @FieldResolver(() => Boolean, { description: 'The resolution came (or, still open, is now) after its deadline.' })
  resolutionBreached(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return ctx.services.requests.sla(r).resolutionBreached;
  }

  @FieldResolver(() => Boolean, { description: 'Open and past a deadline now (shown red).' })
  overdue(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return ctx.services.requests.sla(r).overdue;
  }

  @FieldResolver(() => Boolean, { description: "Open, not yet late, with 80% of a deadline's working time used (shown amber)." })
  aboutToBreach(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return ctx.services.requests.sla(r).aboutToBreach;
  }

  @FieldResolver(() => EventConnection, { description: 'Events entered based on it (call-backs, visits, the supervisor\'s control task) that I may see, by start.' })
  events(@Root() r: ClientRequest, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.events.list(requireActor(ctx), page.first, page.after, { basedOn: { type: CrmObjectType.CLIENT_REQUEST, id: r.id } });
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Change history, newest first.' })
  history(@Root() r: ClientRequest, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.historyPage('ClientRequest', r.id, page.first, page.after);
  }

  @FieldResolver(() => ClientRequestViewerCan, { description: 'What I may do with it now.' })
  viewerCan(@Root() r: ClientRequest, @Ctx() ctx: Context) {
    return ctx.services.requests.viewerCan(requireActor(ctx), r);
  }
}
