import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { ProcessState, RoutePoint } from '@crm/process-engine';
import { activePoints, renderTemplate } from '@crm/process-engine';
import { ProcessInstance, ProcessRoleAssignment, ProcessTask, ProcessTemplate } from './process.entities';
import {
  ActivePoint,
  ProcessHistoryEntry,
  ProcessInstanceConnection,
  ProcessInstanceViewerCan,
  ProcessTaskConnection,
  ProcessTaskCounts,
  ProcessTaskViewerCan,
  RouteMapProblem,
} from './processes.types';
import {
  CompleteProcessTaskInput,
  ProcessInstanceFilter,
  ProcessTaskFilter,
  PublishProcessTemplateInput,
  RedirectProcessTaskInput,
  SetProcessRoleInput,
  StartProcessInput,
} from './processes.inputs';
import { ProcessHistoryKind, ProcessWaitKind, RoutePointType } from './processes.enums';
import { TASK_ASSIGNED, TASK_UPDATED, taskFromJson, type TaskPayload } from './process.service';
import { ObjectRef } from '../activities/activities.types';
import { CrmObjectType } from '../activities/activities.enums';
import { User } from '../auth/user.entity';
import { PageArgs } from '../../core/pagination';
import { createLoaders } from '../../core/loaders';
import { requireActor, type Context } from '../../core/context';

const pointOf = (points: RoutePoint[], id: string) => points.find((p) => p.id === id);
/** A point's name with its `{{placeholders}}` filled from the process's data, as its tasks are titled. */
const nameOf = (p: RoutePoint | undefined, id: string, s: ProcessState) =>
  p ? renderTemplate(p.name, { parameters: s.parameters, subject: s.subject, vars: s.vars, results: s.results }) || id : id;
const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** Who may receive a push: the payload names its one recipient, and the topic is theirs. */
const topicId = ({ context }: { context: Context }) => context.actor?.id ?? 'anonymous';
const forMe = ({ payload, context }: { payload: TaskPayload; context: Context }) => !!context.actor && payload.recipientId === context.actor.id;

@Resolver(() => ProcessTemplate)
export class ProcessTemplateResolver {
  @Query(() => [ProcessTemplate], { description: 'Route-map templates: the newest published version of each code (or every version).' })
  processTemplates(
    @Arg('code', () => String, { nullable: true, description: 'Only this code.' }) code: string | null,
    @Arg('allVersions', () => Boolean, { defaultValue: false, description: 'True: every version, newest first within a code.' }) allVersions: boolean,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.processes.templates({ code, allVersions });
  }

  @Query(() => ProcessTemplate, { description: 'One template version (the newest published one without `version`); NOT_FOUND when there is none.' })
  processTemplate(
    @Arg('code', { description: 'Template code, e.g. SALE.' }) code: string,
    @Arg('version', () => Int, { nullable: true, description: 'Version number.' }) version: number | null,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.processes.template(code, version);
  }

  @Query(() => [RouteMapProblem], { description: 'Checks a route map without publishing it: every problem, each naming its point; empty when it can be published.' })
  validateProcessTemplate(
    @Arg('map', () => GraphQLJSON, { description: 'The route map as JSON.' }) map: unknown,
    @Arg('code', () => String, { nullable: true, description: 'The code it would be published under (the map\'s own, or a placeholder).' }) code: string | null,
    @Ctx() ctx: Context,
  ) {
    requireActor(ctx);
    return ctx.services.processes.validate(map, code ?? undefined);
  }

  @Mutation(() => ProcessTemplate, {
    description: 'Publishes a route map as the next version of its code (administrators). A map with problems is refused (BAD_USER_INPUT, reason INVALID_MAP, `extensions.problems` lists each with its pointId); running processes keep their version.',
  })
  publishProcessTemplate(@Arg('input', { description: 'The code, name and route map.' }) input: PublishProcessTemplateInput, @Ctx() ctx: Context) {
    return ctx.services.processes.publish(requireActor(ctx), input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who published this version (none for the built-in ones).' })
  createdBy(@Root() t: ProcessTemplate, @Ctx() ctx: Context) {
    return t.createdById ? ctx.loaders.user.load(t.createdById) : null;
  }
}

@Resolver(() => ProcessRoleAssignment)
export class ProcessRoleResolver {
  @Query(() => [ProcessRoleAssignment], { description: 'Who holds each process role (tasks addressed to a role go to its holder).' })
  processRoles(@Ctx() ctx: Context) {
    requireActor(ctx);
    return ctx.services.processes.roles();
  }

  @Mutation(() => ProcessRoleAssignment, { nullable: true, description: 'Sets who holds a process role, or clears it (administrators); null when cleared.' })
  setProcessRole(@Arg('input', { description: 'The role and its holder.' }) input: SetProcessRoleInput, @Ctx() ctx: Context) {
    return ctx.services.processes.setRole(requireActor(ctx), input);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user who holds it.' })
  user(@Root() r: ProcessRoleAssignment, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(r.userId);
  }
}

@Resolver(() => ProcessInstance)
export class ProcessInstanceResolver {
  @Query(() => ProcessInstance, { description: 'One business process; NOT_FOUND when it does not exist or is outside my scope.' })
  processInstance(@Arg('id', () => ID, { description: 'Id of the process.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.processes.instance(requireActor(ctx), id);
  }

  @Query(() => ProcessInstanceConnection, { description: 'The process monitor: processes in my scope (mine, my team’s, all for administrators), newest first.' })
  processInstances(
    @Args() page: PageArgs,
    @Arg('filter', () => ProcessInstanceFilter, { nullable: true, description: 'Which processes; all in my scope when omitted.' }) filter: ProcessInstanceFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.processes.instances(requireActor(ctx), page.first, page.after, filter ?? {});
  }

  @Mutation(() => ProcessInstance, { description: 'Starts a business process on a subject; its first tasks are pushed to their performers after commit.' })
  startProcess(@Arg('input', { description: 'The template, subject and parameters.' }) input: StartProcessInput, @Ctx() ctx: Context) {
    return ctx.services.processes.start(requireActor(ctx), input);
  }

  @Mutation(() => ProcessInstance, { description: 'Starts the Sale process on a client interest (its manager and the interest are filled in).' })
  startSaleProcess(
    @Arg('interestId', () => ID, { description: 'The client interest.' }) interestId: string,
    @Arg('parameters', () => GraphQLJSON, { nullable: true, description: 'More parameters, e.g. {"discountLimitPct": "10"}.' }) parameters: unknown,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.processes.start(requireActor(ctx), { templateCode: 'SALE', subject: { type: CrmObjectType.CLIENT_INTEREST, id: interestId }, parameters });
  }

  @Mutation(() => ProcessInstance, { description: 'Stops a running top-level process: its open tasks and nested processes are cancelled.' })
  cancelProcess(
    @Arg('id', () => ID, { description: 'Id of the top-level process.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the history.' }) reason: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.processes.cancel(requireActor(ctx), id, reason);
  }

  @FieldResolver(() => ProcessTemplate, { description: 'The template version it runs on.' })
  template(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return ctx.loaders.processTemplate.load(i.templateId);
  }

  @FieldResolver(() => String, { description: 'Name of its template, e.g. Sale.' })
  async name(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return (await ctx.loaders.processTemplate.load(i.templateId))?.name ?? i.templateCode;
  }

  @FieldResolver(() => ObjectRef, { nullable: true, description: 'What it runs on (a client interest, an offer...).' })
  subject(@Root() i: ProcessInstance) {
    return i.subjectType && i.subjectId ? { type: i.subjectType, id: i.subjectId } : null;
  }

  @FieldResolver(() => [ActivePoint], { description: 'Where it waits now (empty once finished).' })
  async activePoints(@Root() i: ProcessInstance, @Ctx() ctx: Context): Promise<ActivePoint[]> {
    const template = await ctx.loaders.processTemplate.load(i.templateId);
    const points = template?.map.points ?? [];
    const state = i.state as ProcessState;
    return activePoints(state).map((a) => {
      const p = pointOf(points, a.pointId);
      return {
        id: a.pointId,
        pointId: a.pointId,
        name: nameOf(p, a.pointId, state),
        type: (p?.type ?? RoutePointType.ACTION) as RoutePointType,
        waitingFor: a.kind as ProcessWaitKind,
        since: date(a.since),
        arrived: a.arrived ?? null,
        branches: a.branches ?? null,
        tokenId: a.tokenId,
        instanceId: i.id,
      };
    });
  }

  @FieldResolver(() => [ProcessHistoryEntry], { description: 'The passed path: each point passed, who, when, with what result and comment.' })
  async history(@Root() i: ProcessInstance, @Ctx() ctx: Context): Promise<ProcessHistoryEntry[]> {
    const template = await ctx.loaders.processTemplate.load(i.templateId);
    const points = template?.map.points ?? [];
    const state = i.state as ProcessState;
    return state.history.map((h) => ({
      seq: h.seq,
      point: h.pointId,
      pointId: h.pointId,
      name: nameOf(pointOf(points, h.pointId), h.pointId, state),
      type: h.type as RoutePointType,
      kind: h.kind as ProcessHistoryKind,
      result: h.result ?? null,
      exit: h.exit ?? null,
      comment: h.comment ?? null,
      at: date(h.at),
      byId: h.by ?? null,
      taskId: h.taskId ?? null,
    }));
  }

  @FieldResolver(() => [ProcessTask], { description: 'Its tasks, open and past, in the order they were given.' })
  tasks(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return ctx.loaders.tasksOfProcess.load(i.id);
  }

  @FieldResolver(() => [ProcessInstance], { description: 'The processes nested in it (an approval inside a sale), oldest first.' })
  children(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return ctx.loaders.childrenOfProcess.load(i.id);
  }

  @FieldResolver(() => ProcessInstance, { nullable: true, description: 'The process it is nested in; null for a top-level one (or one outside my scope).' })
  parent(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return i.parentInstanceId ? ctx.loaders.processInstance.load(i.parentInstanceId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who started it (none when a process started it).' })
  startedBy(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return i.startedById ? ctx.loaders.user.load(i.startedById) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Whose process it is (the manager of the sale).' })
  responsible(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return i.responsibleId ? ctx.loaders.user.load(i.responsibleId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'An open task of it (of a top-level process: of its nested ones too) is past its deadline.' })
  overdue(@Root() i: ProcessInstance, @Ctx() ctx: Context) {
    return i.status === 'RUNNING' ? ctx.loaders.processOverdue.load(i.id) : false;
  }

  @FieldResolver(() => ProcessInstanceViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() i: ProcessInstance, @Ctx() ctx: Context): ProcessInstanceViewerCan {
    return { cancel: ctx.services.processes.canCancel(requireActor(ctx), i) };
  }
}

@Resolver(() => ActivePoint)
export class ActivePointResolver {
  @FieldResolver(() => ProcessTask, { nullable: true, description: 'The open task at this point (a task point).' })
  async task(@Root() a: ActivePoint, @Ctx() ctx: Context) {
    if (a.waitingFor !== ProcessWaitKind.TASK || !a.tokenId) return null;
    return (await ctx.loaders.tasksOfProcess.load(a.instanceId)).find((t) => t.tokenId === a.tokenId) ?? null;
  }

  @FieldResolver(() => ProcessInstance, { nullable: true, description: 'The nested process running at this point (a nested-process point).' })
  async child(@Root() a: ActivePoint, @Ctx() ctx: Context) {
    if (a.waitingFor !== ProcessWaitKind.SUBPROCESS || !a.tokenId) return null;
    return (await ctx.loaders.childrenOfProcess.load(a.instanceId)).find((c) => c.parentTokenId === a.tokenId) ?? null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'The deadline of the open task at this point.' })
  async deadline(@Root() a: ActivePoint, @Ctx() ctx: Context) {
    return (await this.task(a, ctx))?.deadline ?? null;
  }
}

@Resolver(() => ProcessHistoryEntry)
export class ProcessHistoryEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who completed the task (or cancelled the process).' })
  by(@Root() h: ProcessHistoryEntry, @Ctx() ctx: Context) {
    return h.byId ? ctx.loaders.user.load(h.byId) : null;
  }
}

@Resolver(() => ProcessTask)
export class ProcessTaskResolver {
  @Query(() => ProcessTaskConnection, { description: 'My business-process tasks, by deadline (those without one last).' })
  myTasks(@Args() page: PageArgs, @Arg('filter', () => ProcessTaskFilter, { nullable: true, description: 'Which tasks; all (of every state) when omitted.' }) filter: ProcessTaskFilter | null, @Ctx() ctx: Context) {
    return ctx.services.processes.tasks(requireActor(ctx), page.first, page.after, filter ?? {}, true);
  }

  @Query(() => ProcessTaskConnection, { description: 'Same as `myTasks`.' })
  myProcessTasks(@Args() page: PageArgs, @Arg('filter', () => ProcessTaskFilter, { nullable: true, description: 'Which tasks; all (of every state) when omitted.' }) filter: ProcessTaskFilter | null, @Ctx() ctx: Context) {
    return ctx.services.processes.tasks(requireActor(ctx), page.first, page.after, filter ?? {}, true);
  }

  @Query(() => ProcessTaskConnection, {
    description: 'Tasks I may see, by deadline: mine, my team’s (supervisors), those of processes of my subjects; all for administrators.',
  })
  processTasks(@Args() page: PageArgs, @Arg('filter', () => ProcessTaskFilter, { nullable: true, description: 'Which tasks; all (of every state) when omitted.' }) filter: ProcessTaskFilter | null, @Ctx() ctx: Context) {
    return ctx.services.processes.tasks(requireActor(ctx), page.first, page.after, filter ?? {}, false);
  }

  @Query(() => ProcessTask, { description: 'One task; NOT_FOUND when it does not exist or is outside my scope.' })
  processTask(@Arg('id', () => ID, { description: 'Id of the task.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.processes.task(requireActor(ctx), id);
  }

  @Query(() => ProcessTaskCounts, { description: 'Counts of my open process tasks for the Tasks tab.' })
  processTaskCounts(@Ctx() ctx: Context) {
    return ctx.services.processes.taskCounts(requireActor(ctx));
  }

  @Mutation(() => ProcessTask, { description: 'Accepts a task of mine («принять к исполнению»).' })
  acceptTask(@Arg('id', () => ID, { description: 'Id of the task.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.processes.accept(requireActor(ctx), id);
  }

  @Mutation(() => ProcessTask, { description: 'Same as `acceptTask`.' })
  acceptProcessTask(@Arg('id', () => ID, { description: 'Id of the task.' }) id: string, @Ctx() ctx: Context) {
    return ctx.services.processes.accept(requireActor(ctx), id);
  }

  @Mutation(() => ProcessTask, {
    description:
      "Completes a task with one of its results; the process moves on in the same transaction and the next tasks are pushed after commit. A result not of the task is BAD_USER_INPUT (INVALID_RESULT); a done task CONFLICT (TASK_ALREADY_DONE); someone else's FORBIDDEN.",
  })
  completeTask(@Arg('id', () => ID, { description: 'Id of the task.' }) id: string, @Arg('input', { description: 'The result and a comment.' }) input: CompleteProcessTaskInput, @Ctx() ctx: Context) {
    return ctx.services.processes.complete(requireActor(ctx), id, input);
  }

  @Mutation(() => ProcessTask, { description: 'Same as `completeTask`.' })
  completeProcessTask(@Arg('id', () => ID, { description: 'Id of the task.' }) id: string, @Arg('input', { description: 'The result and a comment.' }) input: CompleteProcessTaskInput, @Ctx() ctx: Context) {
    return ctx.services.processes.complete(requireActor(ctx), id, input);
  }

  @Mutation(() => ProcessTask, { description: 'Hands a task to a colleague, when its point allows it (its performer, their supervisor or an administrator).' })
  redirectTask(@Arg('id', () => ID, { description: 'Id of the task.' }) id: string, @Arg('input', { description: 'The new performer and why.' }) input: RedirectProcessTaskInput, @Ctx() ctx: Context) {
    return ctx.services.processes.redirect(requireActor(ctx), id, input);
  }

  @Mutation(() => ProcessTask, { description: 'Same as `redirectTask`, with the new performer and the comment as arguments.' })
  redirectProcessTask(
    @Arg('id', () => ID, { description: 'Id of the task.' }) id: string,
    @Arg('userId', () => ID, { description: 'The new performer.' }) userId: string,
    @Arg('comment', () => String, { nullable: true, description: 'Why, for the new performer.' }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.processes.redirect(requireActor(ctx), id, { userId, comment: comment ?? undefined });
  }

  @Subscription(() => ProcessTask, {
    topics: TASK_ASSIGNED,
    topicId,
    filter: forMe,
    description: 'A task was given to me (a new one, or one handed to me); pushed to every open tab of mine, and of no one else.',
  })
  taskAssigned(@Root() payload: TaskPayload, @Ctx() ctx: Context) {
    // A socket's context lives as long as the subscription: its loaders would serve every push the objects of the first.
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    requireActor(ctx);
    return taskFromJson(payload.task);
  }

  @Subscription(() => ProcessTask, {
    topics: TASK_UPDATED,
    topicId,
    filter: forMe,
    description: 'A task of mine changed (accepted, done, cancelled, escalated, or handed to someone else); pushed to every open tab of mine only.',
  })
  taskUpdated(@Root() payload: TaskPayload, @Ctx() ctx: Context) {
    ctx.loaders = createLoaders(ctx.services, ctx.actor);
    requireActor(ctx);
    return taskFromJson(payload.task);
  }

  @FieldResolver(() => ProcessInstance, { nullable: true, description: 'The process it belongs to.' })
  process(@Root() t: ProcessTask, @Ctx() ctx: Context) {
    return ctx.loaders.processInstance.load(t.instanceId);
  }

  @FieldResolver(() => ObjectRef, { nullable: true, description: 'What it is about (the interest, the offer...): open it from the task.' })
  subject(@Root() t: ProcessTask) {
    return t.subjectType && t.subjectId ? { type: t.subjectType, id: t.subjectId } : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who is to do it.' })
  performer(@Root() t: ProcessTask, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(t.performerId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who had it before it was redirected.' })
  redirectedFrom(@Root() t: ProcessTask, @Ctx() ctx: Context) {
    return t.redirectedFromId ? ctx.loaders.user.load(t.redirectedFromId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who completed it.' })
  completedBy(@Root() t: ProcessTask, @Ctx() ctx: Context) {
    return t.completedById ? ctx.loaders.user.load(t.completedById) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The role the route map addressed it to (e.g. LAWYER, HEAD_OF_SALES); null when it named a person.' })
  assigneeRole(@Root() t: ProcessTask) {
    return t.assignee?.kind === 'ROLE' ? t.assignee.role : null;
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its deadline.' })
  overdue(@Root() t: ProcessTask, @Ctx() ctx: Context) {
    return ctx.services.processes.isOverdue(t);
  }

  @FieldResolver(() => ProcessTaskViewerCan, { description: 'What I may do with it.' })
  viewerCan(@Root() t: ProcessTask, @Ctx() ctx: Context): ProcessTaskViewerCan {
    return ctx.services.processes.taskViewerCan(requireActor(ctx), t);
  }
}
