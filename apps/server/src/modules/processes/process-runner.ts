import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ProcessEngineError,
  start as startEngine,
  step as stepEngine,
  type Assignee,
  type Command,
  type CreateTaskCommand,
  type JsonObject,
  type JsonValue,
  type ProcessEvent,
  type ProcessState,
  type StepResult,
} from '@crm/process-engine';
import { ProcessInstance, ProcessTask, ProcessTemplate } from './process.entities';
import { OPEN_TASK_STATES, ProcessStatus, ProcessTaskState } from './processes.enums';
import type { ProcessActions } from './process-actions';
import { processMessages } from './process-messages';
import type { Actor, Locale } from '../auth/user.entity';
import { CrmObjectType } from '../activities/activities.enums';
import type { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import type { NotificationService } from '../notifications/notification.service';
import { NotificationKind } from '../notifications/notification.entity';
import type { WorkCalendarService } from '../work-calendar/work-calendar.service';
import { addWorkingDays, type WorkCalendar } from '../work-calendar/work-time';
import { DomainError, conflict } from '../../core/errors';
import { isId } from '../../core/ids';
import { hydrate } from '../../core/database/hydrate';
import { updateReturning } from '../../core/database/transaction';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** What the runner needs of the rest of the server. */
export interface RunnerDeps {
  db: DataSource;
  audit: AuditService;
  notifications: NotificationService;
  workCalendar: WorkCalendarService;
  actions: ProcessActions;
  templates: TemplateStore;
  hooks: ProcessHooks;
}

/**
 * Test seams for crash safety: `afterCommand` runs inside the transaction after each applied command (throwing
 * there is a crash mid-transition: everything rolls back), `dropPushes` makes the pushes after commit vanish (a
 * crash between the commit and the push: the tasks wait for redelivery).
 */
export interface ProcessHooks {
  afterCommand?: (command: Command, instanceId: string) => void | Promise<void>;
  dropPushes?: boolean;
}

export interface UserFacts {
  id: string;
  active: boolean;
  fullName: string;
  locale: Locale;
  supervisorId: string | null;
  role: string;
  timeZone: string;
}

export async function userFacts(q: Queryable, ids: readonly string[]): Promise<Map<string, UserFacts>> {
  const wanted = [...new Set(ids.filter(isId))];
  if (!wanted.length) return new Map();
  const rows: Array<{ id: string; active: boolean; full_name: string; locale: Locale; supervisor_id: string | null; role: string; time_zone: string }> = await q.query(
    `SELECT id, active, full_name, locale, supervisor_id, role, time_zone FROM users WHERE id = ANY($1::uuid[])`,
    [wanted],
  );
  return new Map(rows.map((u) => [u.id, { id: u.id, active: u.active, fullName: u.full_name, locale: u.locale, supervisorId: u.supervisor_id, role: u.role, timeZone: u.time_zone }]));
}

/** Template versions are never changed once published, so each is read once per process and kept. */
export class TemplateStore {
  private readonly byIdCache = new Map<string, ProcessTemplate>();

  constructor(private readonly db: DataSource) {}

  private keep(row: Record<string, unknown>): ProcessTemplate {
    const t = hydrate(this.db, ProcessTemplate, row, '')!;
    const cached = this.byIdCache.get(t.id);
    if (cached) return cached;
    this.byIdCache.set(t.id, t);
    return t;
  }

  async byId(q: Queryable, id: string): Promise<ProcessTemplate | null> {
    if (!isId(id)) return null;
    const cached = this.byIdCache.get(id);
    if (cached) return cached;
    const [row] = await q.query(`SELECT * FROM process_templates WHERE id = $1`, [id]);
    return row ? this.keep(row) : null;
  }

  /** Several versions at once: those not seen yet in one statement. */
  async byIds(q: Queryable, ids: readonly string[]): Promise<ProcessTemplate[]> {
    const missing = [...new Set(ids.filter((id) => isId(id) && !this.byIdCache.has(id)))];
    if (missing.length) for (const row of await q.query(`SELECT * FROM process_templates WHERE id = ANY($1::uuid[])`, [missing])) this.keep(row);
    return ids.map((id) => this.byIdCache.get(id)).filter((t): t is ProcessTemplate => !!t);
  }

  /** The newest published version of a code. */
  async latest(q: Queryable, code: string): Promise<ProcessTemplate | null> {
    const [row] = await q.query(`SELECT * FROM process_templates WHERE code = $1 AND published ORDER BY version DESC LIMIT 1`, [code]);
    return row ? this.keep(row) : null;
  }
}

/** An engine error as the API reports it: a conflict naming the engine's code and the point. */
export function engineFailure(err: unknown, field?: string): unknown {
  if (!(err instanceof ProcessEngineError)) return err;
  if (err.code === 'INVALID_PARAMETERS' && field) {
    return new DomainError('BAD_USER_INPUT', err.message, { field, reason: 'INVALID_PARAMETERS', problems: err.details });
  }
  if (err.code === 'INVALID_MAP') return conflict(`The route map is not valid: ${err.message}`, { reason: 'INVALID_MAP', problems: err.details });
  return conflict(`The process cannot continue: ${err.message}`, { reason: err.code, pointId: err.pointId });
}

interface Live {
  row: ProcessInstance;
  template: ProcessTemplate;
  state: ProcessState;
}

export interface StartArgs {
  template: ProcessTemplate;
  parameters: JsonObject;
  /** The subject document snapshot expressions read as `subject`. */
  snapshot: JsonValue;
  subject: { type: CrmObjectType; id: string } | null;
  responsibleId: string | null;
  parent?: { live: Live; tokenId: string };
  /** Where to report bad parameters (top-level start only). */
  parametersField?: string;
}

const SUBJECT_TYPES = new Set<string>(Object.values(CrmObjectType));

/**
 * One transition of one process tree, inside the caller's transaction: steps the engine, persists each new state
 * with a version check, and applies the commands — tasks, nested processes, automatic steps, cancellations, and
 * a nested process's end reported to its parent — until every instance waits again. Pushes and notifications
 * are collected and go out only after commit.
 *
 * Every transition locks the root instance of its tree first, so two transitions of one tree (two approvers
 * answering at the same instant) run one after the other and the second sees the first's state.
 */
export class Transition {
  /** New tasks: `taskAssigned` to their performers after commit. */
  readonly assigned = new Map<string, ProcessTask>();
  /** Changed tasks: `taskUpdated` to their performers (and to the previous performer of a redirected task). */
  readonly updated = new Map<string, { task: ProcessTask; to: string[] }>();
  private readonly live = new Map<string, Live>();
  private readonly queue: Array<{ instanceId: string; event: ProcessEvent }> = [];
  private calendar?: WorkCalendar;
  private readonly at: string;

  constructor(
    readonly tx: EntityManager,
    private readonly deps: RunnerDeps,
    readonly actor: Actor | null,
    readonly now: Date,
  ) {
    this.at = now.toISOString();
  }

  /** Locks the tree of an instance (its root first) and loads the instance; null when it does not exist. */
  async lockTree(instanceId: string): Promise<ProcessInstance | null> {
    if (!isId(instanceId)) return null;
    const [root] = await this.tx.query(`SELECT root_instance_id FROM process_instances WHERE id = $1`, [instanceId]);
    if (!root) return null;
    await this.load(root.root_instance_id);
    return (await this.load(instanceId))?.row ?? null;
  }

  private async load(id: string): Promise<Live | null> {
    const known = this.live.get(id);
    if (known) return known;
    const [raw] = await this.tx.query(`SELECT * FROM process_instances WHERE id = $1 FOR UPDATE`, [id]);
    if (!raw) return null;
    const row = hydrate(this.tx.connection, ProcessInstance, raw, '')!;
    const template = await this.deps.templates.byId(this.tx, row.templateId);
    if (!template) throw conflict('The template of the process is missing', { reason: 'TEMPLATE_NOT_FOUND' });
    const live = { row, template, state: row.state };
    this.live.set(id, live);
    return live;
  }

  instance(id: string): ProcessInstance | null {
    return this.live.get(id)?.row ?? null;
  }

  /** Starts a top-level instance and runs its tree until everything waits. */
  async start(args: StartArgs): Promise<ProcessInstance> {
    const row = await this.create(args);
    await this.settle();
    return row;
  }

  /**
   * Creates an instance and applies its first commands. A nested one starts inside its parent's transition and
   * does not settle the queue itself: the parent's remaining commands are applied first, then the queue runs.
   */
  private async create(args: StartArgs): Promise<ProcessInstance> {
    let result: StepResult;
    try {
      result = startEngine(args.template.map, args.parameters, { subject: args.snapshot, at: this.at });
    } catch (err) {
      throw engineFailure(err, args.parametersField);
    }
    const id = randomUUID();
    const parent = args.parent?.live.row;
    const status = result.state.status as ProcessStatus;
    const [raw] = await updateReturning<Record<string, unknown>>(
      this.tx,
      `INSERT INTO process_instances (id, template_id, template_code, subject_type, subject_id, responsible_id, parameters, state, status, result,
                                      parent_instance_id, parent_token_id, root_instance_id, started_by_id, started_at, finished_at, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, 1, $15)
       RETURNING *`,
      [
        id,
        args.template.id,
        args.template.code,
        args.subject?.type ?? null,
        args.subject?.id ?? null,
        args.responsibleId,
        JSON.stringify(result.state.parameters),
        JSON.stringify(result.state),
        status,
        result.state.result,
        parent?.id ?? null,
        args.parent?.tokenId ?? null,
        parent?.rootInstanceId ?? id,
        this.actor?.id ?? null,
        this.now,
        status === ProcessStatus.RUNNING ? null : this.now,
      ],
    );
    const row = hydrate(this.tx.connection, ProcessInstance, raw, '')!;
    const live: Live = { row, template: args.template, state: result.state };
    this.live.set(id, live);
    await this.deps.audit.record(this.tx, this.actor, {
      entityType: 'ProcessInstance',
      entityId: id,
      entityLabel: `${args.template.name} v${args.template.version}`,
      action: AuditAction.CREATE,
      changes: [
        { field: 'template', old: null, new: `${args.template.code} v${args.template.version}` },
        { field: 'subject', old: null, new: args.subject ? `${args.subject.type}:${args.subject.id}` : null },
        ...(parent ? [{ field: 'parent', old: null, new: parent.id }] : []),
      ],
    });
    await this.apply(live, result.commands);
    return row;
  }

  /** Sends an event to an instance of the locked tree and runs everything it causes. */
  async send(instanceId: string, event: ProcessEvent): Promise<void> {
    this.queue.push({ instanceId, event: { ...event, at: event.at ?? this.at } as ProcessEvent });
    await this.settle();
  }

  private async settle() {
    while (this.queue.length) {
      const { instanceId, event } = this.queue.shift()!;
      const live = await this.load(instanceId);
      if (!live) continue;
      let result: StepResult;
      try {
        result = stepEngine(live.template.map, live.state, event);
      } catch (err) {
        throw engineFailure(err);
      }
      live.state = result.state;
      await this.save(live);
      await this.apply(live, result.commands);
    }
  }

  /** Writes the new state with the version check (the row is locked, so a mismatch means a bug, not a race). */
  private async save(live: Live) {
    const s = live.state;
    const status = s.status as ProcessStatus;
    const finished = status !== ProcessStatus.RUNNING && live.row.status === ProcessStatus.RUNNING;
    const [row] = await updateReturning<{ version: number }>(
      this.tx,
      `UPDATE process_instances SET state = $3::jsonb, status = $4, result = $5, finished_at = CASE WHEN $4 = 'RUNNING' THEN NULL ELSE coalesce(finished_at, $6) END,
              version = version + 1, updated_at = $6
        WHERE id = $1 AND version = $2 RETURNING version`,
      [live.row.id, live.row.version, JSON.stringify(s), status, s.result, this.now],
    );
    if (!row) throw conflict('The process was changed at the same time; try again', { reason: 'VERSION_CONFLICT' });
    live.row.version = row.version;
    live.row.state = s;
    live.row.status = status;
    live.row.result = s.result;
    live.row.updatedAt = this.now;
    if (finished) {
      live.row.finishedAt = this.now;
      await this.deps.audit.record(this.tx, this.actor, {
        entityType: 'ProcessInstance',
        entityId: live.row.id,
        entityLabel: `${live.template.name} v${live.template.version}`,
        action: AuditAction.UPDATE,
        changes: [
          { field: 'status', old: ProcessStatus.RUNNING, new: status },
          { field: 'result', old: null, new: s.result },
        ],
      });
    }
  }

  private async apply(live: Live, commands: Command[]) {
    for (const c of commands) {
      switch (c.type) {
        case 'CreateTask':
          await this.createTask(live, c);
          break;
        case 'StartSubprocess': {
          const template = await this.deps.templates.latest(this.tx, c.templateCode);
          if (!template) throw conflict(`No published template ${c.templateCode} for the nested process at ${c.pointId}`, { reason: 'TEMPLATE_NOT_FOUND', pointId: c.pointId });
          const parentSubject = live.state.subject;
          const own = c.subject && typeof c.subject.type === 'string' && SUBJECT_TYPES.has(c.subject.type) && isId(c.subject.id) ? { type: c.subject.type as CrmObjectType, id: c.subject.id as string } : null;
          const base = parentSubject && typeof parentSubject === 'object' && !Array.isArray(parentSubject) ? parentSubject : {};
          const snapshot: JsonValue = c.subject === null ? parentSubject : { ...base, type: c.subject.type, id: c.subject.id };
          const inherited = live.row.subjectType && live.row.subjectId ? { type: live.row.subjectType, id: live.row.subjectId } : null;
          await this.create({ template, parameters: c.parameters, snapshot, subject: own ?? inherited, responsibleId: live.row.responsibleId, parent: { live, tokenId: c.tokenId } });
          break;
        }
        case 'RunProcessing': {
          const { output } = await this.deps.actions.run(this.tx, this.actor, c.action, c.args);
          this.queue.push({ instanceId: live.row.id, event: { type: 'ProcessingDone', tokenId: c.tokenId, output, at: this.at } });
          break;
        }
        case 'CancelTasks':
          await this.cancelWaits(live, c.tokens, c.reason);
          break;
        case 'Finish': {
          const parentId = live.row.parentInstanceId;
          if (parentId) {
            const parent = await this.load(parentId);
            // A parent that is itself being cancelled cancelled this child: it waits for nothing any more.
            if (parent && parent.state.status === 'RUNNING') {
              this.queue.push({ instanceId: parentId, event: { type: 'SubprocessFinished', tokenId: live.row.parentTokenId!, result: c.result, output: c.output, at: this.at } });
            }
          }
          break;
        }
      }
      await this.deps.hooks.afterCommand?.(c, live.row.id);
    }
  }

  private async cancelWaits(live: Live, tokens: Array<{ tokenId: string; waitingFor: string }>, reason: string | null) {
    for (const t of tokens) {
      if (t.waitingFor === 'TASK') {
        const rows = await updateReturning<Record<string, unknown>>(
          this.tx,
          `UPDATE process_tasks SET state = 'CANCELLED', completed_at = $3, comment = coalesce($4, comment), version = version + 1, updated_at = $3
            WHERE instance_id = $1 AND token_id = $2 AND state IN ('OPEN','ACCEPTED') RETURNING *`,
          [live.row.id, t.tokenId, this.now, reason],
        );
        for (const raw of rows) {
          const task = hydrate(this.tx.connection, ProcessTask, raw, '')!;
          this.updated.set(task.id, { task, to: [task.performerId] });
          await this.deps.audit.record(this.tx, this.actor, {
            entityType: 'ProcessTask',
            entityId: task.id,
            entityLabel: task.title,
            action: AuditAction.UPDATE,
            changes: [{ field: 'state', old: ProcessTaskState.OPEN, new: ProcessTaskState.CANCELLED }],
          });
        }
      } else if (t.waitingFor === 'SUBPROCESS') {
        const [child] = await this.tx.query(`SELECT id FROM process_instances WHERE parent_instance_id = $1 AND parent_token_id = $2 AND status = 'RUNNING'`, [live.row.id, t.tokenId]);
        if (child) this.queue.push({ instanceId: child.id, event: { type: 'Cancel', reason: reason ?? undefined, by: this.actor?.id, at: this.at } });
      }
    }
  }

  private async workCalendar(): Promise<WorkCalendar> {
    this.calendar ??= await this.deps.workCalendar.calendar(this.tx, this.now);
    return this.calendar;
  }

  private async afterWorkingDays(days: number | null): Promise<Date | null> {
    if (days === null || !Number.isFinite(days)) return null;
    try {
      return addWorkingDays(this.now, Math.max(0, Math.ceil(days)), await this.workCalendar());
    } catch {
      return null;
    }
  }

  /** Who a task goes to: the user, the role's holder, or (saying so) an administrator. */
  async resolvePerformer(a: Assignee): Promise<{ user: UserFacts; note: string | null }> {
    if (a.kind === 'USER') {
      const u = (await userFacts(this.tx, [a.userId])).get(a.userId);
      if (u?.active) return { user: u, note: null };
      return this.fallback(`The performer named by the route map (${a.userId}) is not an active user: an administrator got the task.`);
    }
    let ofName: string | null = null;
    if (a.role === 'HEAD_OF_SALES' && a.ofUserId) {
      const of = (await userFacts(this.tx, [a.ofUserId])).get(a.ofUserId);
      ofName = of?.fullName ?? null;
      if (of?.supervisorId) {
        const sup = (await userFacts(this.tx, [of.supervisorId])).get(of.supervisorId);
        if (sup?.active) return { user: sup, note: null };
      }
    }
    const [holder] = await this.tx.query(`SELECT user_id FROM process_roles WHERE role = $1`, [a.role]);
    if (holder) {
      const u = (await userFacts(this.tx, [holder.user_id])).get(holder.user_id);
      if (u?.active) return { user: u, note: null };
    }
    return this.fallback(
      a.role === 'HEAD_OF_SALES' && ofName
        ? `${ofName} has no supervisor and no HEAD_OF_SALES is set in the process roles: an administrator got the task.`
        : `No active ${a.role} is set in the process roles: an administrator got the task.`,
    );
  }

  private async fallback(note: string): Promise<{ user: UserFacts; note: string }> {
    const [admin] = await this.tx.query(`SELECT id FROM users WHERE role = 'ADMINISTRATOR' AND active ORDER BY created_at, id LIMIT 1`);
    if (!admin) throw conflict('Nobody can take the task: there is no active administrator', { reason: 'NO_PERFORMER' });
    return { user: (await userFacts(this.tx, [admin.id])).get(admin.id)!, note };
  }

  private async createTask(live: Live, c: CreateTaskCommand) {
    const { user, note } = await this.resolvePerformer(c.assignee);
    const deadline = await this.afterWorkingDays(c.deadlineDays);
    const escalateAt = c.escalateAfterDays !== null ? await this.afterWorkingDays(c.escalateAfterDays) : deadline;
    const [raw] = await updateReturning<Record<string, unknown>>(
      this.tx,
      `INSERT INTO process_tasks (instance_id, root_instance_id, token_id, point_id, title, description, performer_id, assignee, assignee_note, results,
                                  allow_redirect, state, subject_type, subject_id, deadline, escalate_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10::text[], $11, 'OPEN', $12, $13, $14, $15, $16, $16)
       ON CONFLICT (instance_id, token_id) DO NOTHING
       RETURNING *`,
      [
        live.row.id,
        live.row.rootInstanceId,
        c.tokenId,
        c.pointId,
        (c.title.trim() || c.pointId).slice(0, 500),
        c.description.slice(0, 5000),
        user.id,
        JSON.stringify(c.assignee),
        note,
        c.results,
        c.allowRedirect,
        live.row.subjectType,
        live.row.subjectId,
        deadline,
        escalateAt,
        this.now,
      ],
    );
    // A replay of the same token finds its task already there and creates nothing.
    if (!raw) return;
    const task = hydrate(this.tx.connection, ProcessTask, raw, '')!;
    this.assigned.set(task.id, task);
    await this.deps.audit.record(this.tx, this.actor, {
      entityType: 'ProcessTask',
      entityId: task.id,
      entityLabel: task.title,
      action: AuditAction.CREATE,
      changes: [
        { field: 'performer', old: null, new: user.id },
        { field: 'point', old: null, new: c.pointId },
        { field: 'deadline', old: null, new: deadline?.toISOString() ?? null },
      ],
    });
    await this.notifyAssigned(task, user, null);
  }

  /** The notification-centre message of a new (or redirected) task, in the performer's language. */
  async notifyAssigned(task: ProcessTask, performer: UserFacts, redirectedBy: string | null) {
    const m = processMessages(performer.locale);
    const body = [task.description, task.deadline ? m.deadline(task.deadline, performer.timeZone) : null, task.assigneeNote].filter(Boolean).join('\n');
    await this.deps.notifications.notify(this.tx, [performer.id], {
      kind: NotificationKind.PROCESS_TASK_ASSIGNED,
      title: redirectedBy ? m.redirected(task.title, redirectedBy) : m.assigned(task.title),
      body,
      object: { type: CrmObjectType.TASK, id: task.id },
    });
  }

  /** Whether the task is still to be done. */
  static isOpen(task: Pick<ProcessTask, 'state'>) {
    return OPEN_TASK_STATES.includes(task.state);
  }
}
