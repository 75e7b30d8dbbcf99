import type { DataSource, EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { validateMap, type JsonObject, type JsonValue, type RouteMap } from '@crm/process-engine';
import { ProcessInstance, ProcessRoleAssignment, ProcessTask, ProcessTemplate } from './process.entities';
import { OPEN_TASK_STATES, ProcessStatus, ProcessTaskState } from './processes.enums';
import type {
  CompleteProcessTaskInput,
  ProcessInstanceFilter,
  ProcessTaskFilter,
  PublishProcessTemplateInput,
  RedirectProcessTaskInput,
  SetProcessRoleInput,
  StartProcessInput,
} from './processes.inputs';
import { ProcessActions, actionProblems } from './process-actions';
import { processMessages } from './process-messages';
import { TemplateStore, Transition, userFacts, type ProcessHooks, type RunnerDeps } from './process-runner';
import { Role, type Actor } from '../auth/user.entity';
import { requireAdmin } from '../auth/access';
import { CrmObjectType } from '../activities/activities.enums';
import type { ObjectRefs } from '../activities/object-refs';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import type { AfterCommit } from '../notifications/after-commit';
import type { NotificationService } from '../notifications/notification.service';
import { NotificationKind } from '../notifications/notification.entity';
import type { WorkCalendarService } from '../work-calendar/work-calendar.service';
import type { ClientInterestService } from '../sales/interests/client-interest.service';
import type { CommercialOfferService } from '../sales/documents/commercial-offer.service';
import { DomainError, badInput, conflict, forbidden, notFound } from '../../core/errors';
import { isId, requireId } from '../../core/ids';
import { Decimal } from '../../core/decimal';
import { hydrate } from '../../core/database/hydrate';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { decodeCursor, toConnection } from '../../core/pagination';
import type { PubSub } from '../../core/pubsub';

export const TASK_ASSIGNED = 'PROCESS_TASK_ASSIGNED';
export const TASK_UPDATED = 'PROCESS_TASK_UPDATED';

/** A task as pushed: the whole row, so each open tab is answered from the message itself. Dates are ISO strings. */
export interface TaskPayload {
  recipientId: string;
  task: Record<string, unknown>;
}

const DATE_FIELDS = ['deadline', 'escalateAt', 'escalatedAt', 'acceptedAt', 'completedAt', 'pushedAt', 'createdAt', 'updatedAt'] as const;

export function taskToJson(t: ProcessTask): Record<string, unknown> {
  const out: Record<string, unknown> = { ...t };
  for (const f of DATE_FIELDS) out[f] = t[f] ? t[f]!.toISOString() : null;
  return out;
}

export function taskFromJson(json: Record<string, unknown>): ProcessTask {
  const t = Object.assign(new ProcessTask(), json);
  for (const f of DATE_FIELDS) (t as unknown as Record<string, Date | null>)[f] = json[f] ? new Date(json[f] as string) : null;
  return t;
}

/**
 * Reads the subject documents of processes (the interest and its offer) whoever's step it is: a lawyer
 * completing a contract task may not see the manager's interest, yet the process must. Used for reads only.
 */
const PROCESS_READER: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  role: Role.ADMINISTRATOR,
  fullName: 'Business processes',
  email: 'processes@localhost',
  via: 'token',
  timeZone: 'Europe/Moscow',
  teamIds: [],
};

/** Whose processes and tasks an actor sees: theirs, their team's (supervisor), or all (administrator; null). */
export function processScope(actor: Actor): string[] | null {
  if (actor.role === Role.ADMINISTRATOR) return null;
  if (actor.role === Role.SUPERVISOR) return actor.teamIds;
  return [actor.id];
}

/** An instance is visible when its responsible, its starter or one of its performers is in scope. */
const visibleInstance = (alias: string, scope: string) =>
  `(${scope}::uuid[] IS NULL OR ${alias}.responsible_id = ANY(${scope}) OR ${alias}.started_by_id = ANY(${scope})
     OR EXISTS (SELECT 1 FROM process_tasks vt WHERE vt.instance_id = ${alias}.id AND vt.performer_id = ANY(${scope})))`;

/** A task is visible when its performer is in scope, or its process belongs to someone in scope. */
const visibleTask = (alias: string, scope: string) =>
  `(${scope}::uuid[] IS NULL OR ${alias}.performer_id = ANY(${scope})
     OR EXISTS (SELECT 1 FROM process_instances vi WHERE vi.id = ${alias}.instance_id AND (vi.responsible_id = ANY(${scope}) OR vi.started_by_id = ANY(${scope}))))`;

const OPEN_STATES_SQL = `('OPEN','ACCEPTED')`;

function parseJsonObject(value: unknown, field: string, what: string): JsonObject {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      throw badInput(field, `${what} is not valid JSON`, 'JSON_INVALID');
    }
  }
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw badInput(field, `${what} must be a JSON object`, 'JSON_OBJECT_REQUIRED');
  return v as JsonObject;
}

export class ProcessService {
  /** "Now" for deadlines, overdue and escalation; tests move it to see deadlines pass. */
  now: () => Date = () => new Date();
  /** Test seams for crash safety (see ProcessHooks). */
  readonly hooks: ProcessHooks = {};
  readonly templateStore: TemplateStore;
  private readonly deps: RunnerDeps;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    notifications: NotificationService,
    private readonly afterCommit: AfterCommit,
    workCalendar: WorkCalendarService,
    private readonly pubSub: PubSub,
    private readonly refs: ObjectRefs,
    private readonly interests: ClientInterestService,
    private readonly offers: CommercialOfferService,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.templateStore = new TemplateStore(db);
    this.deps = { db, audit, notifications, workCalendar, actions: new ProcessActions(interests), templates: this.templateStore, hooks: this.hooks };
  }

  // ---------------------------------------------------------------- templates

  /** The newest published version of every template (or every version, or those of one code), by code. */
  async templates(filter: { code?: string | null; allVersions?: boolean } = {}): Promise<ProcessTemplate[]> {
    const rows = filter.allVersions
      ? await this.db.query(`SELECT * FROM process_templates WHERE ($1::text IS NULL OR code = $1) ORDER BY code, version DESC LIMIT 1000`, [filter.code ?? null])
      : await this.db.query(
          `SELECT DISTINCT ON (code) * FROM process_templates WHERE published AND ($1::text IS NULL OR code = $1) ORDER BY code, version DESC LIMIT 1000`,
          [filter.code ?? null],
        );
    return rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessTemplate, r, '')!);
  }

  /** A template version; the newest published one without `version`. */
  async template(code: string, version?: number | null): Promise<ProcessTemplate> {
    const [row] =
      version != null
        ? await this.db.query(`SELECT * FROM process_templates WHERE code = $1 AND version = $2`, [code, version])
        : await this.db.query(`SELECT * FROM process_templates WHERE code = $1 AND published ORDER BY version DESC LIMIT 1`, [code]);
    if (!row) throw notFound('Process template');
    return hydrate(this.db, ProcessTemplate, row, '')!;
  }

  templatesByIds(ids: readonly string[]): Promise<ProcessTemplate[]> {
    return this.templateStore.byIds(this.db, ids);
  }

  /** Every problem of a route map at once, each naming its point: the engine's checks and this server's actions. */
  validate(mapIn: unknown, code?: string): Array<{ code: string; pointId: string | null; message: string; field: string | null }> {
    const map = { ...parseJsonObject(mapIn, 'map', 'The route map') } as unknown as RouteMap;
    if (code) map.code = code;
    // A draft being drawn has no code yet: that is not a problem of the map.
    if (typeof map.code !== 'string' || !map.code) map.code = 'DRAFT';
    const problems = [...validateMap(map), ...actionProblems(map)];
    return problems.map((p) => ({ code: p.code, pointId: p.pointId ?? null, message: p.message, field: p.field ?? null }));
  }

  /** Publishes a route map as the next version of its code (administrators); a bad map changes nothing. */
  async publish(actor: Actor, input: PublishProcessTemplateInput): Promise<ProcessTemplate> {
    requireAdmin(actor);
    const map = parseJsonObject(input.map, 'input.map', 'The route map') as unknown as RouteMap;
    if (map.code !== undefined && map.code !== input.code) throw badInput('input.map', `The map's code ${String(map.code)} differs from ${input.code}`, 'CODE_MISMATCH');
    map.code = input.code;
    const name = (input.name ?? (typeof map.name === 'string' ? map.name : '')).trim();
    if (!name) throw badInput('input.name', 'Give the template a name', 'REQUIRED');
    map.name = name;
    const problems = this.validate(map);
    if (problems.length) {
      const where = problems
        .slice(0, 5)
        .map((p) => (p.pointId ? `${p.pointId}: ${p.message}` : p.message))
        .join('; ');
      throw new DomainError('BAD_USER_INPUT', `The route map has ${problems.length} problem(s): ${where}`, { field: 'input.map', reason: 'INVALID_MAP', problems });
    }
    const description = input.description?.trim() || (typeof map.description === 'string' ? map.description : null);
    try {
      return await withTransaction(this.db, async (tx) => {
        const [row] = await updateReturning<Record<string, unknown>>(
          tx,
          `INSERT INTO process_templates (code, version, name, description, map, published, built_in, created_by_id)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4::jsonb, true, false, $5 FROM process_templates WHERE code = $1
           RETURNING *`,
          [input.code, name, description, JSON.stringify(map), actor.id],
        );
        const t = hydrate(this.db, ProcessTemplate, row, '')!;
        await this.audit.record(tx, actor, {
          entityType: 'ProcessTemplate',
          entityId: t.id,
          entityLabel: `${t.code} v${t.version}`,
          action: AuditAction.CREATE,
          changes: [
            { field: 'code', old: null, new: t.code },
            { field: 'version', old: null, new: t.version },
            { field: 'name', old: null, new: t.name },
          ],
        });
        return t;
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict('Another version of this template was published at the same time; publish again', { reason: 'VERSION_CONFLICT' });
      throw err;
    }
  }

  // ---------------------------------------------------------------- process roles

  async roles(): Promise<ProcessRoleAssignment[]> {
    const rows = await this.db.query(`SELECT * FROM process_roles ORDER BY role`);
    return rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessRoleAssignment, r, '')!);
  }

  /** Sets (or clears, with no user) who holds a role (administrators). */
  async setRole(actor: Actor, input: SetProcessRoleInput): Promise<ProcessRoleAssignment | null> {
    requireAdmin(actor);
    return withTransaction(this.db, async (tx) => {
      const [old] = await tx.query(`SELECT * FROM process_roles WHERE role = $1 FOR UPDATE`, [input.role]);
      if (old && input.version != null && old.version !== input.version) {
        throw conflict('The role was changed by someone else; reload to see their change', { reason: 'VERSION_CONFLICT', currentVersion: old.version });
      }
      const audit = (entityId: string, newUser: string | null) =>
        this.audit.record(tx, actor, {
          entityType: 'ProcessRole',
          entityId,
          entityLabel: input.role,
          action: old ? (newUser ? AuditAction.UPDATE : AuditAction.DELETE) : AuditAction.CREATE,
          changes: [{ field: 'userId', old: old?.user_id ?? null, new: newUser }],
        });
      if (!input.userId) {
        if (old) {
          await tx.query(`DELETE FROM process_roles WHERE role = $1`, [input.role]);
          await audit(old.id, null);
        }
        return null;
      }
      const user = (await userFacts(tx, [input.userId])).get(input.userId);
      if (!user?.active) throw badInput('input.userId', 'The user does not exist or is deactivated', 'NOT_FOUND');
      const [row] = await updateReturning<Record<string, unknown>>(
        tx,
        `INSERT INTO process_roles (role, user_id) VALUES ($1, $2)
         ON CONFLICT (role) DO UPDATE SET user_id = EXCLUDED.user_id, version = process_roles.version + 1, updated_at = now()
         RETURNING *`,
        [input.role, input.userId],
      );
      if (old?.user_id !== input.userId) await audit(row.id as string, input.userId);
      return hydrate(this.db, ProcessRoleAssignment, row, '')!;
    });
  }

  // ---------------------------------------------------------------- subjects

  /** What a process's expressions read as `subject`: for an interest, the Sale's snapshot (README of the engine). */
  async snapshotOf(subject: { type: CrmObjectType; id: string } | null): Promise<JsonValue> {
    if (!subject) return null;
    if (subject.type === CrmObjectType.CLIENT_INTEREST) return this.saleSnapshot(subject.id);
    const titles = await this.refs.titles(PROCESS_READER, [subject]);
    return { type: subject.type, id: subject.id, title: titles.get(`${subject.type}:${subject.id}`) ?? null };
  }

  private async saleSnapshot(id: string): Promise<JsonObject> {
    const [ci] = await this.interests.byIds(PROCESS_READER, [id]);
    if (!ci) return { type: CrmObjectType.CLIENT_INTEREST, id, title: null };
    const [title] = await this.interests.titles(PROCESS_READER, [id]);
    const page = await this.offers.list(PROCESS_READER, 1, null, { interestId: id });
    const offer = page.edges[0]?.node ?? null;
    const lines = offer ? await this.offers.linesOf([offer.id]) : [];
    const maxDiscount = lines.reduce((max, l) => Decimal.max(max, new Decimal(l.discountPercent ?? '0')), new Decimal(0));
    return {
      type: CrmObjectType.CLIENT_INTEREST,
      id,
      number: ci.number,
      title: title?.title ?? ci.number,
      responsibleId: ci.responsibleId,
      counterpartyId: ci.counterpartyId,
      amount: offer ? String(offer.total) : String(ci.plannedAmount),
      maxDiscountPct: maxDiscount.toString(),
      // Non-standard terms and contracts are not modelled yet: a sale always concludes a contract.
      nonStandardTerms: false,
      hasActiveContract: false,
      offerId: offer?.id ?? null,
      state: ci.state,
    };
  }

  // ---------------------------------------------------------------- reads

  async instance(actor: Actor, idRaw: string): Promise<ProcessInstance> {
    const id = requireId(idRaw);
    const [found] = await this.instancesByIds(actor, [id]);
    if (!found) throw notFound('Business process');
    return found;
  }

  async instancesByIds(actor: Actor, idsIn: readonly string[]): Promise<ProcessInstance[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    const rows = await this.db.query(`SELECT i.* FROM process_instances i WHERE i.id = ANY($1::uuid[]) AND ${visibleInstance('i', '$2')}`, [ids, processScope(actor)]);
    return rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessInstance, r, '')!);
  }

  /** Nested processes of the given ones (the caller has read those), oldest first. */
  async childrenOf(parentIds: readonly string[]): Promise<ProcessInstance[]> {
    if (!parentIds.length) return [];
    const rows = await this.db.query(`SELECT * FROM process_instances WHERE parent_instance_id = ANY($1::uuid[]) ORDER BY started_at, id`, [parentIds]);
    return rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessInstance, r, '')!);
  }

  /** Which of the given instances have an open task past its deadline (a top-level one: in its nested ones too). */
  async overdueOf(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT i.id FROM unnest($1::uuid[]) AS i(id)
        WHERE EXISTS (SELECT 1 FROM process_tasks t WHERE t.instance_id = i.id AND t.state IN ${OPEN_STATES_SQL} AND t.deadline < $2)
           OR EXISTS (SELECT 1 FROM process_tasks t WHERE t.root_instance_id = i.id AND t.state IN ${OPEN_STATES_SQL} AND t.deadline < $2)`,
      [ids, this.now()],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The monitor: processes in my scope, newest first. */
  async instances(actor: Actor, first: number, after: string | null | undefined, filter: ProcessInstanceFilter = {}) {
    const cursor = decodeCursor(after, 2, ([at, id]) => typeof at === 'string' && !Number.isNaN(Date.parse(at)) && isId(id)) as [string, string] | null;
    const where: string[] = [visibleInstance('i', '$1')];
    const params: unknown[] = [processScope(actor)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.templateId) {
      const t = await this.templateStore.byId(this.db, filter.templateId);
      if (!t) throw badInput('filter.templateId', 'The template does not exist', 'NOT_FOUND');
      add((p) => `i.template_code = ${p}`, t.code);
    }
    if (filter.templateCode) add((p) => `i.template_code = ${p}`, filter.templateCode);
    if (filter.status) add((p) => `i.status = ${p}`, filter.status);
    if (filter.subjectId) add((p) => `i.subject_id = ${p}`, filter.subjectId);
    if (filter.responsibleId) add((p) => `i.responsible_id = ${p}`, filter.responsibleId);
    if (filter.topLevel) where.push('i.parent_instance_id IS NULL');
    if (filter.overdue != null) {
      add(
        (p) => `${filter.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM process_tasks t WHERE (t.instance_id = i.id OR t.root_instance_id = i.id) AND t.state IN ${OPEN_STATES_SQL} AND t.deadline < ${p})`,
        this.now(),
      );
    }
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM process_instances i WHERE ${where.join(' AND ')}`, params);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(i.started_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    const rows = await this.db.query(`SELECT i.* FROM process_instances i WHERE ${where.join(' AND ')} ORDER BY i.started_at DESC, i.id DESC LIMIT $${params.length}`, params);
    const list: ProcessInstance[] = rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessInstance, r, '')!);
    return toConnection(list, first, n, (i) => [i.startedAt.toISOString(), i.id]);
  }

  async task(actor: Actor, idRaw: string): Promise<ProcessTask> {
    const id = requireId(idRaw);
    const [t] = await this.tasksByIds(actor, [id]);
    if (!t) throw notFound('Task');
    return t;
  }

  async tasksByIds(actor: Actor, idsIn: readonly string[]): Promise<ProcessTask[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    const rows = await this.db.query(`SELECT t.* FROM process_tasks t WHERE t.id = ANY($1::uuid[]) AND ${visibleTask('t', '$2')}`, [ids, processScope(actor)]);
    return rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessTask, r, '')!);
  }

  /** Tasks of the given processes (the caller has read those), in the order they were given. */
  async tasksOfInstances(instanceIds: readonly string[]): Promise<ProcessTask[]> {
    if (!instanceIds.length) return [];
    const rows = await this.db.query(`SELECT * FROM process_tasks WHERE instance_id = ANY($1::uuid[]) ORDER BY created_at, id`, [instanceIds]);
    return rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessTask, r, '')!);
  }

  /** Titles for references to tasks (events "based on" a task), within the actor's scope. */
  titles = async (actor: Actor, ids: readonly string[]) => (await this.tasksByIds(actor, ids)).map((t) => ({ id: t.id, title: t.title }));

  /** An event based on a task takes the client of the task's subject (the interest's, the offer's). */
  partiesOf = async (actor: Actor, id: string) => {
    const [t] = await this.tasksByIds(actor, [id]);
    return t?.subjectType && t.subjectId ? this.refs.partiesOf(actor, { type: t.subjectType, id: t.subjectId }) : null;
  };

  /**
   * Tasks by deadline (those without one last): mine (`mine`), or every task I may see — my own, my team's
   * (supervisor), those of processes in my scope, all (administrator).
   */
  async tasks(actor: Actor, first: number, after: string | null | undefined, filter: ProcessTaskFilter = {}, mine = false) {
    const cursor = decodeCursor(after, 2, ([d, id]) => (d === null || (typeof d === 'string' && !Number.isNaN(Date.parse(d)))) && isId(id)) as [string | null, string] | null;
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (mine) add((p) => `t.performer_id = ${p}`, actor.id);
    else add((p) => visibleTask('t', p), processScope(actor));
    if (filter.state) {
      if (filter.state === ProcessTaskState.OPEN && !filter.exactState) where.push(`t.state IN ${OPEN_STATES_SQL}`);
      else add((p) => `t.state = ${p}`, filter.state);
    }
    if (filter.overdue != null) {
      add((p) => (filter.overdue ? `(t.state IN ${OPEN_STATES_SQL} AND t.deadline < ${p})` : `NOT (t.state IN ${OPEN_STATES_SQL} AND coalesce(t.deadline < ${p}, false))`), this.now());
    }
    if (filter.performerId) add((p) => `t.performer_id = ${p}`, filter.performerId);
    if (filter.instanceId) add((p) => `t.instance_id = ${p}`, filter.instanceId);
    if (filter.subjectId) add((p) => `t.subject_id = ${p}`, filter.subjectId);
    if (filter.templateCode) add((p) => `EXISTS (SELECT 1 FROM process_instances ti WHERE ti.id = t.instance_id AND ti.template_code = ${p})`, filter.templateCode);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM process_tasks t WHERE ${where.join(' AND ')}`, params);
    const sortKey = `coalesce(t.deadline, 'infinity'::timestamptz)`;
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(${sortKey}, t.id) > (coalesce($${params.length - 1}::timestamptz, 'infinity'::timestamptz), $${params.length}::uuid)`);
    }
    params.push(first + 1);
    const rows = await this.db.query(`SELECT t.* FROM process_tasks t WHERE ${where.join(' AND ')} ORDER BY ${sortKey}, t.id LIMIT $${params.length}`, params);
    const list: ProcessTask[] = rows.map((r: Record<string, unknown>) => hydrate(this.db, ProcessTask, r, '')!);
    return toConnection(list, first, n, (t) => [t.deadline ? t.deadline.toISOString() : null, t.id]);
  }

  /** My open tasks for the Tasks tab: all, overdue, due today, not yet accepted. */
  async taskCounts(actor: Actor, timeZone = actor.timeZone) {
    const now = this.now();
    const endOfToday = DateTime.fromJSDate(now).setZone(timeZone).endOf('day').toJSDate();
    const [row] = await this.db.query(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE deadline < $2)::int AS overdue,
              count(*) FILTER (WHERE deadline >= $2 AND deadline <= $3)::int AS today,
              count(*) FILTER (WHERE state = 'OPEN')::int AS not_accepted
         FROM process_tasks WHERE performer_id = $1 AND state IN ${OPEN_STATES_SQL}`,
      [actor.id, now, endOfToday],
    );
    return { open: row.open, overdue: row.overdue, today: row.today, notAccepted: row.not_accepted };
  }

  // ---------------------------------------------------------------- what a viewer may do

  canCancel(actor: Actor, i: ProcessInstance) {
    if (i.status !== ProcessStatus.RUNNING || i.parentInstanceId) return false;
    const scope = processScope(actor);
    return scope === null || (!!i.responsibleId && scope.includes(i.responsibleId)) || (!!i.startedById && scope.includes(i.startedById));
  }

  taskViewerCan(actor: Actor, t: ProcessTask) {
    const open = OPEN_TASK_STATES.includes(t.state);
    const scope = processScope(actor);
    return {
      accept: open && t.state === ProcessTaskState.OPEN && t.performerId === actor.id,
      complete: open && (t.performerId === actor.id || actor.role === Role.ADMINISTRATOR),
      redirect: open && t.allowRedirect && (scope === null || scope.includes(t.performerId)),
    };
  }

  isOverdue(t: Pick<ProcessTask, 'state' | 'deadline'>) {
    return OPEN_TASK_STATES.includes(t.state) && !!t.deadline && t.deadline.getTime() < this.now().getTime();
  }

  // ---------------------------------------------------------------- commands

  /** One transaction of a process tree; the transition's pushes go out after it commits. */
  private transact<T>(actor: Actor | null, work: (tr: Transition) => Promise<T>): Promise<T> {
    return withTransaction(this.db, async (tx) => {
      const tr = new Transition(tx, this.deps, actor, this.now());
      const out = await work(tr);
      this.afterCommit.run(tx, () => this.push(tr));
      return out;
    });
  }

  /** After commit: `taskAssigned` to each new task's performer, `taskUpdated` to each changed task's. */
  private push(tr: Pick<Transition, 'assigned' | 'updated'>) {
    if (this.hooks.dropPushes) return;
    for (const { task, to } of tr.updated.values()) {
      for (const userId of new Set(to)) this.pubSub.publish(TASK_UPDATED, userId, { recipientId: userId, task: taskToJson(task) } satisfies TaskPayload);
    }
    const assigned = [...tr.assigned.values()];
    for (const task of assigned) this.pubSub.publish(TASK_ASSIGNED, task.performerId, { recipientId: task.performerId, task: taskToJson(task) } satisfies TaskPayload);
    if (assigned.length) {
      // The outbox mark: a task whose push is lost with the process is pushed again by `redeliver`.
      const marking = this.db
        .query(`UPDATE process_tasks SET pushed_at = now() WHERE id = ANY($1::uuid[]) AND pushed_at IS NULL`, [assigned.map((t) => t.id)])
        .then(() => undefined, (err) => this.onError(err));
      this.marking.add(marking);
      void marking.finally(() => this.marking.delete(marking));
    }
  }

  /** Outbox marks still being written; awaited when the server stops, before its connections close. */
  private readonly marking = new Set<Promise<void>>();

  async settled(): Promise<void> {
    await Promise.all([...this.marking]);
  }

  /**
   * Starts a process on a subject. Sale on an interest needs the right to change the interest; a process without
   * a subject can be started by supervisors and administrators only.
   */
  async start(actor: Actor, input: StartProcessInput): Promise<ProcessInstance> {
    const template = await this.templateFor(input);
    const declared = new Set((template.map.parameters ?? []).map((p) => p.name));
    const parameters = parseJsonObject(input.parameters, 'input.parameters', 'The parameters');
    let subject: { type: CrmObjectType; id: string } | null = null;
    let responsibleId = actor.id;
    if (input.subject) {
      subject = { type: input.subject.type, id: requireId(input.subject.id, 'input.subject.id') };
      if (template.map.subjectType && template.map.subjectType !== subject.type) {
        throw badInput('input.subject.type', `${template.name} runs on ${template.map.subjectType}, not ${subject.type}`, 'SUBJECT_TYPE_MISMATCH');
      }
      if (subject.type === CrmObjectType.CLIENT_INTEREST) {
        const [ci] = await this.interests.byIds(actor, [subject.id]);
        if (!ci) throw badInput('input.subject.id', 'The client interest does not exist or is outside your scope', 'NOT_FOUND');
        const scope = processScope(actor);
        if (scope !== null && !scope.includes(ci.responsibleId)) throw forbidden('You can only start processes on client interests you are responsible for');
        responsibleId = ci.responsibleId;
        if (declared.has('interestId') && parameters.interestId === undefined) parameters.interestId = ci.id;
        if (declared.has('managerId') && parameters.managerId === undefined) parameters.managerId = ci.responsibleId;
      } else {
        await this.refs.assertVisible(actor, subject, 'input.subject');
      }
    } else {
      if (template.map.subjectType) throw badInput('input.subject', `${template.name} runs on a ${template.map.subjectType}: give it`, 'REQUIRED');
      if (actor.role !== Role.ADMINISTRATOR && actor.role !== Role.SUPERVISOR) throw forbidden('Only supervisors and administrators can start a process without a subject');
    }
    if (declared.has('initiatorId') && parameters.initiatorId === undefined) parameters.initiatorId = actor.id;
    const snapshot = await this.snapshotOf(subject);
    try {
      return await this.transact(actor, async (tr) => {
        if (subject) {
          const [running] = await tr.tx.query(
            `SELECT id FROM process_instances WHERE template_code = $1 AND subject_type = $2 AND subject_id = $3 AND status = 'RUNNING' AND parent_instance_id IS NULL`,
            [template.code, subject.type, subject.id],
          );
          if (running) throw conflict(`A ${template.name} process is already running on it`, { reason: 'PROCESS_ALREADY_RUNNING', instanceId: running.id });
        }
        return tr.start({ template, parameters, snapshot, subject, responsibleId, parametersField: 'input.parameters' });
      });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict(`A ${template.name} process is already running on it`, { reason: 'PROCESS_ALREADY_RUNNING' });
      throw err;
    }
  }

  private async templateFor(input: StartProcessInput): Promise<ProcessTemplate> {
    if (input.templateId) {
      const t = await this.templateStore.byId(this.db, input.templateId);
      if (!t) throw badInput('input.templateId', 'The template does not exist', 'NOT_FOUND');
      if (!t.published) throw badInput('input.templateId', 'The template version is not published', 'NOT_PUBLISHED');
      if (input.templateCode && input.templateCode !== t.code) throw badInput('input.templateCode', `The template ${input.templateId} is ${t.code}`, 'CODE_MISMATCH');
      return t;
    }
    if (!input.templateCode) throw badInput('input.templateCode', 'Give the template (its id or code)', 'REQUIRED');
    const t = await this.templateStore.latest(this.db, input.templateCode);
    if (!t) throw badInput('input.templateCode', `There is no published template ${input.templateCode}`, 'NOT_FOUND');
    return t;
  }

  /** Locks a task for a change, after its process tree: visible to the actor, else NOT_FOUND. */
  private async lockTask(tr: Transition, actor: Actor, id: string, lockTree: boolean): Promise<ProcessTask> {
    const [peek] = await tr.tx.query(`SELECT instance_id FROM process_tasks t WHERE t.id = $1 AND ${visibleTask('t', '$2')}`, [id, processScope(actor)]);
    if (!peek) throw notFound('Task');
    if (lockTree) await tr.lockTree(peek.instance_id);
    const [raw] = await tr.tx.query(`SELECT * FROM process_tasks WHERE id = $1 FOR UPDATE`, [id]);
    return hydrate(this.db, ProcessTask, raw, '')!;
  }

  private assertOpen(t: ProcessTask) {
    if (t.state === ProcessTaskState.DONE) throw conflict(`The task is already done (${t.result})`, { reason: 'TASK_ALREADY_DONE', state: t.state });
    if (t.state === ProcessTaskState.CANCELLED) throw conflict('The task was cancelled: the process no longer needs it', { reason: 'TASK_CANCELLED', state: t.state });
  }

  private async writeTask(tx: EntityManager, sets: string, id: string, version: number, params: unknown[]): Promise<ProcessTask> {
    const [raw] = await updateReturning<Record<string, unknown>>(
      tx,
      `UPDATE process_tasks SET ${sets}, version = version + 1, updated_at = $3 WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, this.now(), ...params],
    );
    if (!raw) throw conflict('The task was changed at the same time; reload it', { reason: 'VERSION_CONFLICT' });
    return hydrate(this.db, ProcessTask, raw, '')!;
  }

  /** The performer takes the task on («принять к исполнению»); accepting it again changes nothing. */
  async accept(actor: Actor, idRaw: string): Promise<ProcessTask> {
    const id = requireId(idRaw);
    return this.transact(actor, async (tr) => {
      const t = await this.lockTask(tr, actor, id, false);
      if (t.performerId !== actor.id) throw forbidden('Only its performer can accept a task');
      this.assertOpen(t);
      if (t.state === ProcessTaskState.ACCEPTED) return t;
      const done = await this.writeTask(tr.tx, `state = 'ACCEPTED', accepted_at = $3`, t.id, t.version, []);
      await this.audit.record(tr.tx, actor, { entityType: 'ProcessTask', entityId: t.id, entityLabel: t.title, action: AuditAction.UPDATE, changes: [{ field: 'state', old: t.state, new: done.state }] });
      tr.updated.set(done.id, { task: done, to: [done.performerId] });
      return done;
    });
  }

  /**
   * Completes a task with one of its results: in the same transaction the process moves on (next tasks, nested
   * processes, automatic steps). Completing it again is a coded conflict, never a second advance.
   */
  async complete(actor: Actor, idRaw: string, input: CompleteProcessTaskInput): Promise<ProcessTask> {
    const id = requireId(idRaw);
    const result = input.result.trim();
    const comment = input.comment?.trim() || null;
    // The subject is read before the transaction: the process sees the interest as it is now (the new offer).
    const [peek] = await this.tasksByIds(actor, [id]);
    if (!peek) throw notFound('Task');
    const subject = peek.subjectType === CrmObjectType.CLIENT_INTEREST && peek.subjectId ? await this.snapshotOf({ type: peek.subjectType, id: peek.subjectId }) : undefined;
    return this.transact(actor, async (tr) => {
      const t = await this.lockTask(tr, actor, id, true);
      this.assertOpen(t);
      if (t.performerId !== actor.id && actor.role !== Role.ADMINISTRATOR) throw forbidden('Only its performer (or an administrator) can complete a task');
      // Only a process whose expressions read the interest itself gets the fresh snapshot (not a nested approval of an offer).
      const own = tr.instance(t.instanceId)?.state.subject as { type?: unknown } | null | undefined;
      const fresh = subject !== undefined && own?.type === CrmObjectType.CLIENT_INTEREST ? subject : undefined;
      if (!t.results.includes(result)) throw badInput('input.result', `Choose one of the task's results: ${t.results.join(', ')}`, 'INVALID_RESULT');
      const done = await this.writeTask(tr.tx, `state = 'DONE', result = $4, comment = $5, completed_at = $3, completed_by_id = $6, accepted_at = coalesce(accepted_at, $3)`, t.id, t.version, [
        result,
        comment,
        actor.id,
      ]);
      await this.audit.record(tr.tx, actor, {
        entityType: 'ProcessTask',
        entityId: t.id,
        entityLabel: t.title,
        action: AuditAction.UPDATE,
        changes: [
          { field: 'state', old: t.state, new: done.state },
          { field: 'result', old: null, new: result },
          ...(comment ? [{ field: 'comment', old: null, new: comment }] : []),
        ],
      });
      tr.updated.set(done.id, { task: done, to: [done.performerId] });
      await tr.send(t.instanceId, { type: 'TaskCompleted', tokenId: t.tokenId, taskId: t.id, result, comment: comment ?? undefined, by: actor.id, ...(fresh !== undefined ? { subject: fresh } : {}) });
      return done;
    });
  }

  /** Hands an open task to a colleague, when its point allows: its performer, their supervisor or an administrator. */
  async redirect(actor: Actor, idRaw: string, input: RedirectProcessTaskInput): Promise<ProcessTask> {
    const id = requireId(idRaw);
    const userId = requireId(input.userId, 'input.userId');
    const comment = input.comment?.trim() || null;
    return this.transact(actor, async (tr) => {
      const t = await this.lockTask(tr, actor, id, false);
      this.assertOpen(t);
      const scope = processScope(actor);
      if (scope !== null && !scope.includes(t.performerId)) throw forbidden('Only its performer, their supervisor or an administrator can redirect a task');
      if (!t.allowRedirect) throw conflict('This task cannot be redirected: its route map does not allow it', { reason: 'REDIRECT_NOT_ALLOWED' });
      if (userId === t.performerId) throw badInput('input.userId', 'The task is already theirs', 'SAME_PERFORMER');
      const users = await userFacts(tr.tx, [userId, actor.id]);
      const to = users.get(userId);
      if (!to?.active) throw badInput('input.userId', 'The user does not exist or is deactivated', 'NOT_FOUND');
      const moved = await this.writeTask(tr.tx, `performer_id = $4, redirected_from_id = $5, state = 'OPEN', accepted_at = NULL, pushed_at = NULL, assignee_note = NULL`, t.id, t.version, [
        userId,
        t.performerId,
      ]);
      await this.audit.record(tr.tx, actor, {
        entityType: 'ProcessTask',
        entityId: t.id,
        entityLabel: t.title,
        action: AuditAction.UPDATE,
        changes: [
          { field: 'performer', old: t.performerId, new: userId },
          ...(comment ? [{ field: 'comment', old: null, new: comment }] : []),
        ],
      });
      tr.updated.set(moved.id, { task: moved, to: [t.performerId] });
      tr.assigned.set(moved.id, moved);
      await tr.notifyAssigned(comment ? ({ ...moved, description: `${comment}\n\n${moved.description}` } as ProcessTask) : moved, to, users.get(actor.id)?.fullName ?? actor.fullName);
      return moved;
    });
  }

  /** Stops a running top-level process: its open tasks and nested processes are cancelled. */
  async cancel(actor: Actor, idRaw: string, reasonIn?: string | null): Promise<ProcessInstance> {
    const id = requireId(idRaw);
    const reason = reasonIn?.trim().slice(0, 2000) || null;
    await this.instance(actor, id);
    return this.transact(actor, async (tr) => {
      const i = await tr.lockTree(id);
      if (!i) throw notFound('Business process');
      if (i.parentInstanceId) throw conflict('A nested process is cancelled with the process it belongs to', { reason: 'NESTED_PROCESS', parentId: i.parentInstanceId });
      if (i.status !== ProcessStatus.RUNNING) throw conflict(`The process is already ${i.status.toLowerCase()}`, { reason: 'PROCESS_NOT_RUNNING', status: i.status });
      if (!this.canCancel(actor, i)) throw forbidden('You can only cancel processes of your own (or your team’s) subjects');
      await tr.tx.query(`UPDATE process_instances SET cancel_reason = $2 WHERE id = $1`, [id, reason]);
      await tr.send(id, { type: 'Cancel', reason: reason ?? undefined, by: actor.id });
      const row = tr.instance(id)!;
      row.cancelReason = reason;
      return row;
    });
  }

  // ---------------------------------------------------------------- scheduled work

  /**
   * Pushes `taskAssigned` again for open tasks whose push never went out (the server died between the commit
   * and the push). Claimed with SKIP LOCKED so several instances do not push the same task; the mark commits
   * only after the push, so a crash in between pushes again rather than never (a tab ignores a task it has).
   */
  async redeliver(graceMs = 5_000, limit = 200): Promise<number> {
    return withTransaction(this.db, async (tx) => {
      const rows = await updateReturning<Record<string, unknown>>(
        tx,
        `UPDATE process_tasks t SET pushed_at = now()
           FROM (SELECT id FROM process_tasks WHERE pushed_at IS NULL AND state IN ${OPEN_STATES_SQL} AND updated_at <= $1
                  ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
          WHERE t.id = due.id RETURNING t.*`,
        [new Date(Date.now() - graceMs), limit],
      );
      const tasks = rows.map((r) => hydrate(this.db, ProcessTask, r, '')!);
      for (const task of tasks) this.pubSub.publish(TASK_ASSIGNED, task.performerId, { recipientId: task.performerId, task: taskToJson(task) } satisfies TaskPayload);
      return tasks.length;
    });
  }

  /**
   * Escalates every overdue open task once, however many instances tick: the claim marks `escalated_at` (rows
   * another instance is claiming are skipped); the performer's supervisor is notified (the performer when they
   * have none), in the same transaction, and the performer's tabs get the changed task.
   */
  async escalateDue(now: Date = this.now(), limit = 100): Promise<string[]> {
    const updated: ProcessTask[] = [];
    const ids = await withTransaction(this.db, async (tx) => {
      const rows = await updateReturning<Record<string, unknown>>(
        tx,
        `UPDATE process_tasks t SET escalated_at = $1, version = version + 1, updated_at = $1
           FROM (SELECT id FROM process_tasks WHERE escalated_at IS NULL AND state IN ${OPEN_STATES_SQL} AND escalate_at < $1
                  ORDER BY escalate_at LIMIT $2 FOR UPDATE SKIP LOCKED) due
          WHERE t.id = due.id RETURNING t.*`,
        [now, limit],
      );
      if (!rows.length) return [];
      const tasks = rows.map((r) => hydrate(this.db, ProcessTask, r, '')!);
      const performers = await userFacts(tx, tasks.map((t) => t.performerId));
      const supervisors = await userFacts(tx, [...performers.values()].map((u) => u.supervisorId).filter((s): s is string => !!s));
      for (const task of tasks) {
        updated.push(task);
        await this.audit.record(tx, null, { entityType: 'ProcessTask', entityId: task.id, entityLabel: task.title, action: AuditAction.UPDATE, changes: [{ field: 'escalatedAt', old: null, new: now.toISOString() }] });
        const performer = performers.get(task.performerId);
        const supervisor = performer?.supervisorId ? supervisors.get(performer.supervisorId) : undefined;
        const to = supervisor?.active ? supervisor : performer;
        if (!to?.active) continue;
        const m = processMessages(to.locale);
        await this.deps.notifications.notify(tx, [to.id], {
          kind: NotificationKind.PROCESS_TASK_OVERDUE,
          title: m.overdue(task.title),
          body: [m.performer(performer?.fullName ?? '—'), task.deadline ? m.deadline(task.deadline, to.timeZone) : null].filter(Boolean).join('\n'),
          object: { type: CrmObjectType.TASK, id: task.id },
        });
      }
      return tasks.map((t) => t.id);
    });
    if (updated.length && !this.hooks.dropPushes) {
      for (const task of updated) this.pubSub.publish(TASK_UPDATED, task.performerId, { recipientId: task.performerId, task: taskToJson(task) } satisfies TaskPayload);
    }
    return ids;
  }
}
