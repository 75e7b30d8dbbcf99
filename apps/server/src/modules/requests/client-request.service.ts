import type { DataSource, EntityManager } from 'typeorm';
import { ClientRequest } from './client-request.entity';
import { ClientRequestChannel, ClientRequestKind, ClientRequestPriority, ClientRequestState, OPEN_STATES } from './requests.enums';
import type { ClientRequestFilter, ClientRequestOrder, CreateClientRequestInput, ResolveClientRequestInput, SetClientRequestSlaRuleInput, UpdateClientRequestInput } from './requests.inputs';
import { ClientRequestSortField } from './requests.inputs';
import type { ClientRequestSlaRule } from './requests.types';
import { ABOUT_TO_BREACH_SQL, OVERDUE_SQL, slaStatus, slaTimes, type SlaAllowance } from './sla';
import { requestMessages, type Locale } from './request-messages';
import { workingMinutesBetween } from '../work-calendar/work-time';
import type { WorkCalendarService } from '../work-calendar/work-calendar.service';
import type { NotificationService } from '../notifications/notification.service';
import { NotificationKind } from '../notifications/notification.entity';
import type { AfterCommit } from '../notifications/after-commit';
import type { KnowledgeService, ProductLookup } from '../knowledge/knowledge.service';
import { KnowledgeArticleKind } from '../knowledge/knowledge.enums';
import type { KnowledgeArticle } from '../knowledge/knowledge-article.entity';
import type { EventService } from '../activities/event.service';
import type { Event } from '../activities/event.entity';
import { CrmObjectType, EventKind, Importance } from '../activities/activities.enums';
import { Role, type Actor } from '../auth/user.entity';
import { canRead, canWrite, requireAdmin, scopeOf } from '../auth/access';
import { assertCanAssign } from '../contacts/contacts.policy';
import type { CounterpartyService } from '../contacts/counterparty.service';
import type { ContactPersonService } from '../contacts/contact-person.service';
import { escapeLike } from '../auth/user.service';
import { diffSnapshots, type AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/audit-entry.entity';
import { badInput, conflict, DomainError, forbidden, notFound } from '../../core/errors';
import { isId, requireId } from '../../core/ids';
import { updateReturning, withTransaction } from '../../core/database/transaction';
import { nextDocumentNumber } from '../../core/numbering';
import { decodeCursor, SortDirection, toConnection } from '../../core/pagination';
import type { PubSub } from '../../core/pubsub';
import { announceToResponsibles, type ChangedPayload } from '../notifications/announce';

export const CLIENT_REQUEST_CHANGED = 'CLIENT_REQUEST_CHANGED';
/** A request was created or changed; pushed to the users whose lists and badges it may change. */
export type ClientRequestChangedPayload = ChangedPayload;

const ENTITY = 'ClientRequest';
const S = ClientRequestState;

/** The states each action may start from; anything else is an illegal transition (CONFLICT, nothing changed). */
const ALLOWED_FROM = {
  update: [...OPEN_STATES, S.RESOLVED],
  takeIntoWork: [S.REGISTERED, S.REOPENED],
  waitForClient: [S.IN_PROGRESS],
  resume: [S.WAITING_FOR_CLIENT],
  resolve: [S.IN_PROGRESS],
  confirmClosure: [S.RESOLVED],
  close: [S.RESOLVED],
  reject: [S.REGISTERED, S.IN_PROGRESS],
  reopen: [S.RESOLVED],
  rate: [S.RESOLVED, S.CLOSED],
  saveAsSolution: [S.RESOLVED, S.CLOSED],
} satisfies Record<string, ClientRequestState[]>;
type Action = keyof typeof ALLOWED_FROM;

const VERB: Record<Action, string> = {
  update: 'changed',
  takeIntoWork: 'taken into work',
  waitForClient: 'put on hold for the client',
  resume: 'resumed',
  resolve: 'resolved',
  confirmClosure: 'confirmed for closure',
  close: 'closed',
  reject: 'rejected',
  reopen: 'reopened',
  rate: 'rated',
  saveAsSolution: 'saved as a solution',
};

function assertAllowed(r: ClientRequest, action: Action) {
  if (!(ALLOWED_FROM[action] as ClientRequestState[]).includes(r.state)) {
    throw conflict(`A request in state ${r.state} cannot be ${VERB[action]}`, { reason: 'ILLEGAL_TRANSITION', state: r.state, allowedFrom: ALLOWED_FROM[action] });
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const snapshot = (r: ClientRequest) => ({
  kind: r.kind,
  channel: r.channel,
  subject: r.subject,
  description: r.description,
  counterpartyId: r.counterpartyId,
  contactPersonId: r.contactPersonId,
  productId: r.productId,
  responsibleId: r.responsibleId,
  priority: r.priority,
  critical: r.critical,
  state: r.state,
  solution: r.solution,
  knowledgeArticleId: r.knowledgeArticleId,
  satisfaction: r.satisfaction,
  rejectReason: r.rejectReason,
  reactionDeadline: iso(r.reactionDeadline),
  resolutionDeadline: iso(r.resolutionDeadline),
  pausedMinutes: r.pausedMinutes,
  closureConfirmedById: r.closureConfirmedById,
});

interface UserFacts {
  id: string;
  active: boolean;
  fullName: string;
  locale: Locale;
  supervisorId: string | null;
}

interface Claimed {
  id: string;
  number: string;
  subject: string;
  responsible_id: string;
  counterparty_id: string | null;
  contact_person_id: string | null;
  deadline: Date;
}

const SORT_COLUMNS: Record<ClientRequestSortField, string> = {
  [ClientRequestSortField.REGISTERED_AT]: 'r.registered_at',
  [ClientRequestSortField.RESOLUTION_DEADLINE]: 'r.resolution_deadline',
};

export class ClientRequestService {
  /** "Now" for SLA arithmetic, escalation and lists; tests move it to see deadlines pass. */
  now: () => Date = () => new Date();
  /** The catalog, once the sales module provides it; a request's product is checked through it. */
  products?: ProductLookup;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly workCalendar: WorkCalendarService,
    private readonly notifications: NotificationService,
    private readonly afterCommit: AfterCommit,
    private readonly events: EventService,
    private readonly counterparties: CounterpartyService,
    private readonly persons: ContactPersonService,
    private readonly knowledge: KnowledgeService,
    private readonly pubSub: PubSub,
  ) {}

  // ---------- reads ----------

  private scoped(actor: Actor) {
    const qb = this.db.getRepository(ClientRequest).createQueryBuilder('r');
    const ids = scopeOf(actor).read;
    if (ids) qb.andWhere('r.responsible_id = ANY(:scopeIds)', { scopeIds: ids });
    return qb;
  }

  async byIds(actor: Actor, idsIn: readonly string[]): Promise<ClientRequest[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.scoped(actor).andWhere('r.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<ClientRequest> {
    const [r] = await this.byIds(actor, [requireId(id)]);
    if (!r) throw notFound('Client request');
    return r;
  }

  titles = async (actor: Actor, ids: readonly string[]) => (await this.byIds(actor, ids)).map((r) => ({ id: r.id, title: `${r.number} ${r.subject}` }));

  /** Events entered "based on" a request take its client. */
  partiesOf = async (actor: Actor, id: string) => {
    const [r] = await this.byIds(actor, [id]);
    return r ? { counterpartyId: r.counterpartyId, contactPersonId: r.contactPersonId } : null;
  };

  sla(r: ClientRequest) {
    return slaStatus(r, this.now());
  }

  /** The responsible's supervisors up the chain may confirm (their team includes the responsible), and administrators. */
  private canConfirm(actor: Actor, r: ClientRequest) {
    return actor.role === Role.ADMINISTRATOR || (actor.role === Role.SUPERVISOR && actor.id !== r.responsibleId && actor.teamIds.includes(r.responsibleId));
  }

  viewerCan(actor: Actor, r: ClientRequest) {
    const write = canWrite(actor, r.responsibleId);
    const may = (action: Action) => write && (ALLOWED_FROM[action] as ClientRequestState[]).includes(r.state);
    return {
      update: may('update'),
      takeIntoWork: may('takeIntoWork'),
      waitForClient: may('waitForClient'),
      resume: may('resume'),
      resolve: may('resolve'),
      confirmClosure: r.state === S.RESOLVED && r.critical && !r.closureConfirmedAt && this.canConfirm(actor, r),
      close: may('close') && (!r.critical || !!r.closureConfirmedAt),
      reject: may('reject'),
      reopen: may('reopen'),
      rate: may('rate'),
      saveAsSolution: canRead(actor, r.responsibleId) && (ALLOWED_FROM.saveAsSolution as ClientRequestState[]).includes(r.state) && !!r.solution,
    };
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: ClientRequestFilter = {}, order?: ClientRequestOrder | null) {
    const field = order?.field ?? ClientRequestSortField.REGISTERED_AT;
    const dir = order?.direction ?? SortDirection.DESC;
    const column = SORT_COLUMNS[field];
    const cursor = decodeCursor(after, 2, ([v, id]) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && isId(id));
    const qb = this.scoped(actor).setParameter('now', this.now());
    if (filter.state) qb.andWhere('r.state = :state', { state: filter.state });
    if (filter.states?.length) qb.andWhere('r.state = ANY(:states)', { states: filter.states });
    if (filter.open === true) qb.andWhere('r.state = ANY(:open)', { open: OPEN_STATES });
    if (filter.open === false) qb.andWhere('NOT (r.state = ANY(:open))', { open: OPEN_STATES });
    if (filter.critical !== undefined && filter.critical !== null) qb.andWhere('r.critical = :critical', { critical: filter.critical });
    if (filter.overdue === true) qb.andWhere(OVERDUE_SQL('r', ':now'));
    if (filter.overdue === false) qb.andWhere(`NOT ${OVERDUE_SQL('r', ':now')}`);
    if (filter.aboutToBreach === true) qb.andWhere(ABOUT_TO_BREACH_SQL('r', ':now'));
    if (filter.aboutToBreach === false) qb.andWhere(`NOT ${ABOUT_TO_BREACH_SQL('r', ':now')}`);
    if (filter.responsibleId) qb.andWhere('r.responsible_id = :resp', { resp: filter.responsibleId });
    if (filter.counterpartyId) qb.andWhere('r.counterparty_id = :cp', { cp: filter.counterpartyId });
    if (filter.contactPersonId) qb.andWhere('r.contact_person_id = :person', { person: filter.contactPersonId });
    if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.priority) qb.andWhere('r.priority = :priority', { priority: filter.priority });
    const search = filter.search?.trim().toLowerCase();
    if (search) qb.andWhere(`(lower(r.subject) LIKE :s OR lower(r.number) LIKE :s)`, { s: `%${escapeLike(search)}%` });
    const total = await qb.clone().getCount();
    if (cursor) qb.andWhere(`(${column}, r.id) ${dir === SortDirection.ASC ? '>' : '<'} (:cv, :cid)`, { cv: cursor[0], cid: cursor[1] });
    qb.orderBy(column, dir).addOrderBy('r.id', dir).limit(first + 1);
    const rows = await qb.getMany();
    const key = field === ClientRequestSortField.REGISTERED_AT ? 'registeredAt' : 'resolutionDeadline';
    return toConnection(rows, first, total, (r) => [r[key].toISOString(), r.id]);
  }

  /** Counts for the Requests tab badge over the open requests in the actor's scope. */
  async counts(actor: Actor) {
    const scope = scopeOf(actor).read;
    const [row] = await this.db.query(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE r.responsible_id = $2)::int AS mine,
              count(*) FILTER (WHERE r.critical)::int AS critical,
              count(*) FILTER (WHERE ${OVERDUE_SQL('r', '$3')})::int AS breached,
              count(*) FILTER (WHERE ${ABOUT_TO_BREACH_SQL('r', '$3')})::int AS about
         FROM client_requests r
        WHERE r.state = ANY($1) AND ($4::uuid[] IS NULL OR r.responsible_id = ANY($4))`,
      [OPEN_STATES, actor.id, this.now(), scope],
    );
    return { open: row.open, mine: row.mine, critical: row.critical, breached: row.breached, aboutToBreach: row.about };
  }

  // ---------- SLA rules ----------

  async slaRules(): Promise<ClientRequestSlaRule[]> {
    const rows = await this.db.query(
      `SELECT kind, priority, reaction_minutes, resolution_minutes, version, updated_at FROM client_request_sla_rules
        ORDER BY array_position(ARRAY['QUESTION','CLAIM','SERVICE'], kind), array_position(ARRAY['URGENT','HIGH','NORMAL','LOW'], priority)`,
    );
    return rows.map((r: any) => ({ kind: r.kind, priority: r.priority, reactionMinutes: r.reaction_minutes, resolutionMinutes: r.resolution_minutes, version: r.version, updatedAt: r.updated_at }));
  }

  /** Changes one rule; requests registered from now on (or whose kind or priority changes) follow it. */
  async setSlaRule(actor: Actor, input: SetClientRequestSlaRuleInput): Promise<ClientRequestSlaRule> {
    requireAdmin(actor);
    if (input.resolutionMinutes < input.reactionMinutes) throw badInput('resolutionMinutes', 'The resolution time cannot be shorter than the reaction time', 'LESS_THAN_REACTION');
    return withTransaction(this.db, async (tx) => {
      const [old] = await tx.query(`SELECT reaction_minutes, resolution_minutes, version FROM client_request_sla_rules WHERE kind = $1 AND priority = $2 FOR UPDATE`, [input.kind, input.priority]);
      if (!old) throw notFound('SLA rule');
      if (old.version !== input.version) throw conflict('The rule was changed by someone else; reload to see their changes', { currentVersion: old.version });
      const [row] = await updateReturning<any>(
        tx,
        `UPDATE client_request_sla_rules SET reaction_minutes = $3, resolution_minutes = $4, version = version + 1, updated_at = now()
          WHERE kind = $1 AND priority = $2 RETURNING kind, priority, reaction_minutes, resolution_minutes, version, updated_at`,
        [input.kind, input.priority, input.reactionMinutes, input.resolutionMinutes],
      );
      // The audit log keys objects by uuid: a rule's is derived from its kind and priority, the same across its changes.
      const [{ id }] = await tx.query(`SELECT md5($1)::uuid AS id`, [`sla:${input.kind}:${input.priority}`]);
      await this.audit.record(tx, actor, {
        entityType: 'ClientRequestSlaRule',
        entityId: id,
        entityLabel: `${input.kind} ${input.priority}`,
        action: AuditAction.UPDATE,
        changes: diffSnapshots(
          { reactionMinutes: old.reaction_minutes, resolutionMinutes: old.resolution_minutes },
          { reactionMinutes: row.reaction_minutes, resolutionMinutes: row.resolution_minutes },
        ),
      });
      return { kind: row.kind, priority: row.priority, reactionMinutes: row.reaction_minutes, resolutionMinutes: row.resolution_minutes, version: row.version, updatedAt: row.updated_at };
    });
  }

  private async allowance(tx: EntityManager, kind: ClientRequestKind, priority: ClientRequestPriority): Promise<SlaAllowance> {
    const [rule] = await tx.query(`SELECT reaction_minutes, resolution_minutes FROM client_request_sla_rules WHERE kind = $1 AND priority = $2`, [kind, priority]);
    if (!rule) throw new Error(`No SLA rule for ${kind}/${priority}`);
    return { reactionMinutes: rule.reaction_minutes, resolutionMinutes: rule.resolution_minutes };
  }

  /** Deadlines recounted from the registration with the request's allowance and pauses. */
  private async recount(tx: EntityManager, r: ClientRequest) {
    const cal = await this.workCalendar.calendar(tx, r.registeredAt);
    Object.assign(r, slaTimes(r.registeredAt, r, r.pausedMinutes, cal));
  }

  /** Adds the working minutes from `since` to now to the pause, and moves the resolution deadline by as much. */
  private async addPause(tx: EntityManager, r: ClientRequest, since: Date, now: Date) {
    const cal = await this.workCalendar.calendar(tx, r.registeredAt);
    r.pausedMinutes += Math.max(0, Math.round(workingMinutesBetween(since, now, cal)));
    Object.assign(r, slaTimes(r.registeredAt, r, r.pausedMinutes, cal));
  }

  // ---------- helpers of changes ----------

  /** The client: a counterparty and/or a contact person the actor may see; a person alone brings their counterparty. */
  private async resolveParties(actor: Actor, counterpartyId: string | null, contactPersonId: string | null) {
    if (!counterpartyId && !contactPersonId) throw badInput('counterpartyId', 'Name the client: a counterparty or a contact person', 'REQUIRED');
    if (counterpartyId) {
      const [c] = await this.counterparties.byIds(actor, [counterpartyId]);
      if (!c) throw badInput('counterpartyId', 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
    }
    if (contactPersonId) {
      const [p] = await this.persons.byIds(actor, [contactPersonId]);
      if (!p) throw badInput('contactPersonId', 'The contact person does not exist or is outside your scope', 'NOT_FOUND');
      if (counterpartyId && p.counterpartyId && p.counterpartyId !== counterpartyId) {
        throw badInput('contactPersonId', 'This person belongs to another counterparty', 'CONTACT_OF_OTHER_COUNTERPARTY');
      }
      counterpartyId ??= p.counterpartyId;
    }
    return { counterpartyId, contactPersonId };
  }

  private async checkProduct(productId: string) {
    const found = this.products
      ? (await this.products.byIds([productId])).length > 0
      : (await this.db.query(`SELECT 1 FROM products WHERE id = $1`, [productId])).length > 0;
    if (!found) throw badInput('productId', 'The product does not exist', 'NOT_FOUND');
  }

  private async userFacts(tx: EntityManager, ids: readonly string[]): Promise<Map<string, UserFacts>> {
    const rows: Array<{ id: string; active: boolean; full_name: string; locale: Locale; supervisor_id: string | null }> = ids.length
      ? await tx.query(`SELECT id, active, full_name, locale, supervisor_id FROM users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]])
      : [];
    return new Map(rows.map((u) => [u.id, { id: u.id, active: u.active, fullName: u.full_name, locale: u.locale, supervisorId: u.supervisor_id }]));
  }

  private async checkResponsible(tx: EntityManager, actor: Actor, responsibleId: string): Promise<UserFacts> {
    const user = (await this.userFacts(tx, [responsibleId])).get(responsibleId);
    if (!user || !user.active) throw badInput('responsibleId', 'The responsible user does not exist or is deactivated', 'NOT_FOUND');
    assertCanAssign(actor, responsibleId);
    return user;
  }

  /** Tells the responsible's supervisor that a request is critical (not when the supervisor marked it themselves). */
  private async notifyCritical(tx: EntityManager, actor: Actor, r: ClientRequest, responsible: UserFacts) {
    if (!responsible.supervisorId || responsible.supervisorId === actor.id) return;
    const supervisor = (await this.userFacts(tx, [responsible.supervisorId])).get(responsible.supervisorId);
    if (!supervisor?.active) return;
    const m = requestMessages(supervisor.locale);
    await this.notifications.notify(tx, [supervisor.id], {
      kind: NotificationKind.CLIENT_REQUEST_CRITICAL,
      title: m.critical(r.number, r.subject),
      body: m.responsible(responsible.fullName),
      object: { type: CrmObjectType.CLIENT_REQUEST, id: r.id },
    });
  }

  private async notifyAssigned(tx: EntityManager, actor: Actor, r: ClientRequest, responsible: UserFacts) {
    if (responsible.id === actor.id) return;
    await this.notifications.notify(tx, [responsible.id], {
      kind: NotificationKind.CLIENT_REQUEST_ASSIGNED,
      title: requestMessages(responsible.locale).assigned(r.number, r.subject),
      object: { type: CrmObjectType.CLIENT_REQUEST, id: r.id },
    });
  }

  /** Loads a request for a change: locked, visible, writable (unless `confirm`), of the expected version. */
  private async forChange(tx: EntityManager, actor: Actor, idRaw: string, opts: { version?: number; confirm?: boolean } = {}) {
    const id = requireId(idRaw);
    const r = await tx.getRepository(ClientRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r || !canRead(actor, r.responsibleId)) throw notFound('Client request');
    if (!opts.confirm && !canWrite(actor, r.responsibleId)) throw forbidden('You can only change requests you are responsible for');
    if (opts.version !== undefined && r.version !== opts.version) throw conflict('The request was changed by someone else; reload to see their changes', { currentVersion: r.version });
    return r;
  }

  /** Writes the changed request with the version check in the same statement, audits, and returns it. */
  private async save(tx: EntityManager, actor: Actor, r: ClientRequest, before: ReturnType<typeof snapshot>) {
    const changes = diffSnapshots(before, snapshot(r));
    const [row] = await updateReturning<{ version: number; updated_at: Date }>(
      tx,
      `UPDATE client_requests SET kind = $1, channel = $2, subject = $3, description = $4, counterparty_id = $5, contact_person_id = $6, product_id = $7,
              responsible_id = $8, priority = $9, critical = $10, state = $11, solution = $12, knowledge_article_id = $13, satisfaction = $14,
              reject_reason = $15, reaction_minutes = $16, resolution_minutes = $17, paused_minutes = $18, paused_at = $19, reaction_deadline = $20,
              reaction_warning_at = $21, resolution_deadline = $22, resolution_warning_at = $23, reacted_at = $24, resolved_at = $25, closed_at = $26,
              closure_confirmed_by_id = $27, closure_confirmed_at = $28, version = version + 1, updated_at = now()
        WHERE id = $29 AND version = $30 RETURNING version, updated_at`,
      [
        r.kind, r.channel, r.subject, r.description, r.counterpartyId, r.contactPersonId, r.productId,
        r.responsibleId, r.priority, r.critical, r.state, r.solution, r.knowledgeArticleId, r.satisfaction,
        r.rejectReason, r.reactionMinutes, r.resolutionMinutes, r.pausedMinutes, r.pausedAt, r.reactionDeadline,
        r.reactionWarningAt, r.resolutionDeadline, r.resolutionWarningAt, r.reactedAt, r.resolvedAt, r.closedAt,
        r.closureConfirmedById, r.closureConfirmedAt, r.id, r.version,
      ],
    );
    if (!row) throw conflict('The request was changed by someone else; reload to see their changes');
    r.version = row.version;
    r.updatedAt = row.updated_at;
    await this.audit.record(tx, actor, { entityType: ENTITY, entityId: r.id, entityLabel: `${r.number} ${r.subject}`, action: AuditAction.UPDATE, changes });
    await this.announce(tx, r.id, [r.responsibleId, before.responsibleId]);
    return r;
  }

  /** Tells the responsible users (now and before) and their supervisors that the request changed, after commit. */
  private async announce(tx: EntityManager, id: string, responsibleIds: string[]) {
    await announceToResponsibles(tx, { afterCommit: this.afterCommit, pubSub: this.pubSub }, CLIENT_REQUEST_CHANGED, id, responsibleIds);
  }

  /** What a push tells a subscriber: the request if it is (still) in their scope, else only that it changed. */
  async changedFor(actor: Actor, payload: ClientRequestChangedPayload): Promise<{ id: string; request: ClientRequest | null }> {
    if (!payload.userIds.includes(actor.id)) throw notFound('Client request');
    const [request] = await this.byIds(actor, [payload.id]);
    return { id: payload.id, request: request ?? null };
  }

  /** One state change: lock, check the transition, apply, save with audit. */
  private transition(
    actor: Actor,
    id: string,
    action: Action,
    apply: (tx: EntityManager, r: ClientRequest, now: Date) => Promise<void> | void,
    opts: { confirm?: boolean; guard?: (r: ClientRequest) => void } = {},
  ) {
    return withTransaction(this.db, async (tx) => {
      const r = await this.forChange(tx, actor, id, opts);
      opts.guard?.(r);
      assertAllowed(r, action);
      const before = snapshot(r);
      await apply(tx, r, this.now());
      return this.save(tx, actor, r, before);
    });
  }

  // ---------- changes ----------

  async create(actor: Actor, input: CreateClientRequestInput): Promise<ClientRequest> {
    const subject = input.subject.trim();
    if (!subject) throw badInput('subject', 'Enter a subject', 'REQUIRED');
    const parties = await this.resolveParties(actor, input.counterpartyId ?? null, input.contactPersonId ?? null);
    if (input.productId) await this.checkProduct(input.productId);
    return withTransaction(this.db, async (tx) => {
      const now = this.now();
      const responsibleId = input.responsibleId ?? actor.id;
      const responsible = await this.checkResponsible(tx, actor, responsibleId);
      const priority = input.priority ?? ClientRequestPriority.NORMAL;
      const allowance = await this.allowance(tx, input.kind, priority);
      const cal = await this.workCalendar.calendar(tx, now);
      const repo = tx.getRepository(ClientRequest);
      const r = repo.create({
        registeredAt: now,
        kind: input.kind,
        channel: input.channel ?? ClientRequestChannel.PHONE,
        subject,
        description: input.description?.trim() || null,
        ...parties,
        productId: input.productId ?? null,
        responsibleId,
        priority,
        critical: input.critical ?? false,
        state: S.REGISTERED,
        ...allowance,
        pausedMinutes: 0,
        ...slaTimes(now, allowance, 0, cal),
        createdById: actor.id,
      });
      // The number last: its counter row stays locked until commit.
      r.number = await nextDocumentNumber(tx, 'CR', now);
      const saved = await repo.save(r);
      await this.audit.record(tx, actor, { entityType: ENTITY, entityId: saved.id, entityLabel: `${saved.number} ${saved.subject}`, action: AuditAction.CREATE, changes: diffSnapshots({}, snapshot(saved)) });
      if (saved.critical) await this.notifyCritical(tx, actor, saved, responsible);
      await this.notifyAssigned(tx, actor, saved, responsible);
      await this.announce(tx, saved.id, [saved.responsibleId]);
      return saved;
    });
  }

  async update(actor: Actor, id: string, input: UpdateClientRequestInput): Promise<ClientRequest> {
    if (input.subject !== undefined && input.subject !== null && !input.subject.trim()) throw badInput('subject', 'Enter a subject', 'REQUIRED');
    // New parties and product are checked through their services before the transaction (see EventService.update):
    // the change below must then find the very version they were merged with.
    const partiesChange = input.counterpartyId !== undefined || input.contactPersonId !== undefined;
    const parties = partiesChange
      ? await this.get(actor, id).then(async (current) => ({
          version: current.version,
          ...(await this.resolveParties(
            actor,
            input.counterpartyId !== undefined ? input.counterpartyId : current.counterpartyId,
            input.contactPersonId !== undefined ? input.contactPersonId : current.contactPersonId,
          )),
        }))
      : null;
    if (input.productId) await this.checkProduct(input.productId);
    return withTransaction(this.db, async (tx) => {
      const r = await this.forChange(tx, actor, id, { version: input.version });
      assertAllowed(r, 'update');
      if (parties && parties.version !== r.version) throw conflict('The request was changed by someone else; reload to see their changes', { currentVersion: r.version });
      const before = snapshot(r);
      if (input.kind) r.kind = input.kind;
      if (input.channel) r.channel = input.channel;
      if (input.subject != null) r.subject = input.subject.trim();
      if (input.description !== undefined) r.description = input.description?.trim() || null;
      if (input.productId !== undefined) r.productId = input.productId ?? null;
      if (input.priority) r.priority = input.priority;
      if (parties) {
        r.counterpartyId = parties.counterpartyId;
        r.contactPersonId = parties.contactPersonId;
      }
      const reassigned = !!input.responsibleId && input.responsibleId !== r.responsibleId;
      const responsible = reassigned ? await this.checkResponsible(tx, actor, input.responsibleId!) : (await this.userFacts(tx, [r.responsibleId])).get(r.responsibleId)!;
      if (reassigned) r.responsibleId = input.responsibleId!;
      const becameCritical = input.critical === true && !r.critical;
      if (input.critical !== undefined && input.critical !== null) r.critical = input.critical;
      if (r.kind !== before.kind || r.priority !== before.priority) {
        Object.assign(r, await this.allowance(tx, r.kind, r.priority));
        await this.recount(tx, r);
      }
      if (!diffSnapshots(before, snapshot(r)).length) return r;
      await this.save(tx, actor, r, before);
      if (becameCritical || (reassigned && r.critical)) await this.notifyCritical(tx, actor, r, responsible);
      if (reassigned) await this.notifyAssigned(tx, actor, r, responsible);
      return r;
    });
  }

  /** The reaction: recorded the first time the request is taken into work. */
  takeIntoWork(actor: Actor, id: string) {
    return this.transition(actor, id, 'takeIntoWork', (_tx, r, now) => {
      r.state = S.IN_PROGRESS;
      r.reactedAt ??= now;
    });
  }

  /** Stops the SLA clock until the client answers. */
  waitForClient(actor: Actor, id: string) {
    return this.transition(actor, id, 'waitForClient', (_tx, r, now) => {
      r.state = S.WAITING_FOR_CLIENT;
      r.pausedAt = now;
    });
  }

  /** Restarts the clock: the working time spent waiting moves the resolution deadline later. */
  resume(actor: Actor, id: string) {
    return this.transition(actor, id, 'resume', async (tx, r, now) => {
      await this.addPause(tx, r, r.pausedAt!, now);
      r.state = S.IN_PROGRESS;
      r.pausedAt = null;
    });
  }

  async resolve(actor: Actor, id: string, input: ResolveClientRequestInput): Promise<ClientRequest> {
    const solution = input.solution.trim();
    if (!solution) throw badInput('solution', 'Describe the solution', 'REQUIRED');
    if (input.knowledgeArticleId) await this.knowledge.assertApplicable(actor, input.knowledgeArticleId, 'knowledgeArticleId');
    return withTransaction(this.db, async (tx) => {
      const r = await this.forChange(tx, actor, id);
      assertAllowed(r, 'resolve');
      const before = snapshot(r);
      r.state = S.RESOLVED;
      r.solution = solution;
      r.resolvedAt = this.now();
      r.closureConfirmedAt = null;
      r.closureConfirmedById = null;
      if (input.knowledgeArticleId) {
        r.knowledgeArticleId = input.knowledgeArticleId;
        await this.knowledge.countUse(tx, input.knowledgeArticleId);
      }
      await this.save(tx, actor, r, before);
      if (r.critical) {
        const responsible = (await this.userFacts(tx, [r.responsibleId])).get(r.responsibleId)!;
        const supervisor = responsible.supervisorId ? (await this.userFacts(tx, [responsible.supervisorId])).get(responsible.supervisorId) : undefined;
        if (supervisor?.active && supervisor.id !== actor.id) {
          await this.notifications.notify(tx, [supervisor.id], {
            kind: NotificationKind.CLIENT_REQUEST_CONFIRMATION_NEEDED,
            title: requestMessages(supervisor.locale).confirm(r.number, r.subject),
            body: solution.slice(0, 1000),
            object: { type: CrmObjectType.CLIENT_REQUEST, id: r.id },
          });
        }
      }
      return r;
    });
  }

  /** The supervisor's (or an administrator's) confirmation a critical request needs before it is closed. */
  confirmClosure(actor: Actor, id: string) {
    return this.transition(
      actor,
      id,
      'confirmClosure',
      (_tx, r, now) => {
        if (r.closureConfirmedAt) throw conflict('The closure is already confirmed', { reason: 'ALREADY_CONFIRMED' });
        r.closureConfirmedAt = now;
        r.closureConfirmedById = actor.id;
      },
      {
        confirm: true,
        guard: (r) => {
          if (!this.canConfirm(actor, r)) throw new DomainError('FORBIDDEN', "Only the responsible's supervisor or an administrator confirms the closure", { reason: 'NOT_SUPERVISOR' });
        },
      },
    );
  }

  close(actor: Actor, id: string) {
    return this.transition(actor, id, 'close', (_tx, r, now) => {
      if (!r.solution) throw conflict('A request is closed only with a solution', { reason: 'SOLUTION_REQUIRED' });
      if (r.critical && !r.closureConfirmedAt) {
        throw conflict("A critical request is closed only after its supervisor's confirmation", { reason: 'CONFIRMATION_REQUIRED' });
      }
      r.state = S.CLOSED;
      r.closedAt = now;
    });
  }

  reject(actor: Actor, id: string, reasonRaw: string) {
    const reason = reasonRaw.trim();
    if (!reason) throw badInput('reason', 'Give the reason', 'REQUIRED');
    if (reason.length > 2000) throw badInput('reason', 'At most 2000 characters', 'TOO_LONG');
    return this.transition(actor, id, 'reject', (_tx, r) => {
      r.state = S.REJECTED;
      r.rejectReason = reason;
    });
  }

  /** The client came back: the time since the solution does not count against the resolution deadline. */
  reopen(actor: Actor, id: string) {
    return this.transition(actor, id, 'reopen', async (tx, r, now) => {
      if (r.resolvedAt) await this.addPause(tx, r, r.resolvedAt, now);
      r.state = S.REOPENED;
      r.resolvedAt = null;
      r.closureConfirmedAt = null;
      r.closureConfirmedById = null;
    });
  }

  rate(actor: Actor, id: string, satisfaction: number) {
    if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) throw badInput('satisfaction', 'Rate from 1 to 5', 'OUT_OF_RANGE');
    return this.transition(actor, id, 'rate', (_tx, r) => {
      r.satisfaction = satisfaction;
    });
  }

  /** "Save as solution": a draft SOLUTION article from a resolved request (once per request). */
  async saveAsSolution(actor: Actor, id: string): Promise<KnowledgeArticle> {
    return withTransaction(this.db, async (tx) => {
      const r = await tx.getRepository(ClientRequest).findOne({ where: { id: requireId(id) }, lock: { mode: 'pessimistic_write' } });
      if (!r || !canRead(actor, r.responsibleId)) throw notFound('Client request');
      assertAllowed(r, 'saveAsSolution');
      if (!r.solution) throw conflict('The request has no solution to save', { reason: 'SOLUTION_REQUIRED' });
      const existing = await this.knowledge.savedFrom(tx, r.id);
      if (existing) throw conflict('This request was already saved as a solution', { reason: 'ALREADY_SAVED', articleId: existing });
      const body = [r.description ? `## Проблема\n\n${r.description}` : null, `## Решение\n\n${r.solution}`].filter(Boolean).join('\n\n');
      return this.knowledge.insert(tx, actor, {
        kind: KnowledgeArticleKind.SOLUTION,
        title: r.subject,
        body,
        keywords: [],
        sectionId: null,
        productIds: r.productId ? [r.productId] : [],
        competitorIds: [],
        published: false,
        sourceRequestId: r.id,
      });
    });
  }

  // ---------- escalation ----------

  /**
   * Escalates every breached deadline exactly once, however many instances tick at the same time: one statement
   * per deadline claims the due rows (rows another instance is claiming are skipped, not waited for) and marks
   * them escalated; in the same transaction the responsible and their supervisor are notified and the supervisor
   * gets a planned event «Взять под контроль…» based on the request, due now, in their Tasks tab.
   */
  async escalateDue(now: Date = this.now(), limit = 100): Promise<Array<{ id: string; deadline: 'REACTION' | 'RESOLUTION' }>> {
    const created: Event[] = [];
    const fired = await withTransaction(this.db, async (tx) => {
      const reaction = await updateReturning<Claimed>(
        tx,
        `UPDATE client_requests r SET reaction_escalated_at = $1
           FROM (SELECT id FROM client_requests WHERE reaction_escalated_at IS NULL AND state = 'REGISTERED' AND reaction_deadline < $1
                  ORDER BY reaction_deadline LIMIT $2 FOR UPDATE SKIP LOCKED) due
          WHERE r.id = due.id
         RETURNING r.id, r.number, r.subject, r.responsible_id, r.counterparty_id, r.contact_person_id, r.reaction_deadline AS deadline`,
        [now, limit],
      );
      const resolution = await updateReturning<Claimed>(
        tx,
        `UPDATE client_requests r SET resolution_escalated_at = $1
           FROM (SELECT id FROM client_requests WHERE resolution_escalated_at IS NULL AND state IN ('REGISTERED','IN_PROGRESS','REOPENED') AND resolution_deadline < $1
                  ORDER BY resolution_deadline LIMIT $2 FOR UPDATE SKIP LOCKED) due
          WHERE r.id = due.id
         RETURNING r.id, r.number, r.subject, r.responsible_id, r.counterparty_id, r.contact_person_id, r.resolution_deadline AS deadline`,
        [now, limit],
      );
      const claims = [...reaction.map((c) => ({ ...c, which: 'REACTION' as const })), ...resolution.map((c) => ({ ...c, which: 'RESOLUTION' as const }))];
      if (!claims.length) return [];
      const users = await this.userFacts(tx, claims.map((c) => c.responsible_id));
      const supervisors = await this.userFacts(tx, [...users.values()].map((u) => u.supervisorId).filter((s): s is string => !!s));
      for (const c of claims) {
        const field = c.which === 'REACTION' ? 'reactionEscalatedAt' : 'resolutionEscalatedAt';
        await this.audit.record(tx, null, { entityType: ENTITY, entityId: c.id, entityLabel: `${c.number} ${c.subject}`, action: AuditAction.UPDATE, changes: [{ field, old: null, new: now.toISOString() }] });
        await this.announce(tx, c.id, [c.responsible_id]);
        const responsible = users.get(c.responsible_id);
        const supervisor = responsible?.supervisorId ? supervisors.get(responsible.supervisorId) : undefined;
        const object = { type: CrmObjectType.CLIENT_REQUEST, id: c.id };
        for (const u of [responsible, supervisor]) {
          if (!u?.active) continue;
          const m = requestMessages(u.locale);
          await this.notifications.notify(tx, [u.id], { kind: NotificationKind.CLIENT_REQUEST_ESCALATED, title: m.breached(c.which, c.number, c.subject), body: m.responsible(responsible!.fullName), object });
        }
        if (supervisor?.active) {
          const m = requestMessages(supervisor.locale);
          created.push(
            await this.events.createInTransaction(tx, {
              kind: EventKind.OTHER,
              subject: m.takeControl(c.number),
              content: `${m.breached(c.which, c.number, c.subject)}\n${m.responsible(responsible!.fullName)}`,
              importance: Importance.HIGH,
              start: now,
              responsibleId: supervisor.id,
              counterpartyId: c.counterparty_id,
              contactPersonId: c.contact_person_id,
              basedOn: object,
            }),
          );
        }
      }
      this.afterCommit.run(tx, () => created.forEach((e) => this.events.announce(e)));
      return claims.map((c) => ({ id: c.id, deadline: c.which }));
    });
    return fired;
  }
}
