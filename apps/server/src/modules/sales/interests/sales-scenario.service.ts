import type { DataSource, EntityManager } from 'typeorm';
import { InformationSource, LossReason, SalesScenario, SalesStage } from './sales-scenario.entity';
import { StageSemantic } from './interests.enums';
import type { CreateReferenceItemInput, CreateSalesScenarioInput, CreateSalesStageInput, UpdateReferenceItemInput, UpdateSalesScenarioInput, UpdateSalesStageInput } from './interests.inputs';
import { updateVersioned } from '../catalog/versioned-update';
import { requireAdmin } from '../../auth/access';
import type { Actor } from '../../auth/user.entity';
import { diffSnapshots, type AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { withTransaction } from '../../../core/database/transaction';
import { columnsOf, hydrate } from '../../../core/database/hydrate';
import { LocalCache, type CacheBus } from '../../../core/cache-bus';

const SCENARIO = 'SalesScenario';
const STAGE = 'SalesStage';

/** The cache of scenarios with their stages on the bus (any change to a scenario or a stage empties it). */
export const SCENARIOS_CACHE = 'salesScenarios';
/** Changes empty it everywhere at once; the lifetime only bounds a lost message. */
const SCENARIOS_CACHE_MS = 300_000;

/** A scenario with its stages in their order, as the board shows them. */
export interface ScenarioWithStages {
  scenario: SalesScenario;
  stages: SalesStage[];
}

const stageSnapshot = (s: SalesStage) => ({ name: s.name, probability: s.probability, semantic: s.semantic, sort: s.sort });
const scenarioSnapshot = (s: SalesScenario) => ({ name: s.name, isDefault: s.isDefault, deletionMark: s.deletionMark });
const refSnapshot = (r: LossReason | InformationSource) => ({ name: r.name, sort: r.sort, active: r.active });

type RefKind = { entity: typeof LossReason | typeof InformationSource; table: string; audit: string; what: string };
const REFS = {
  lossReason: { entity: LossReason, table: 'loss_reasons', audit: 'LossReason', what: 'loss reason' },
  informationSource: { entity: InformationSource, table: 'information_sources', audit: 'InformationSource', what: 'information source' },
} satisfies Record<string, RefKind>;

/**
 * Sales scenarios with their stages, and the small reference lists of the sale (loss reasons, information
 * sources). Everyone reads them; only an administrator changes them — they shape every manager's board.
 * A scenario always keeps at least one in-progress stage, one SUCCESS and one FAILURE stage; a stage that an
 * interest is at (or ever passed through) cannot be deleted.
 */
export class SalesScenarioService {
  /** Scenario id (or `default`) → the scenario with its stages: every board opens with them, and they seldom change. */
  private readonly withStagesCache = new LocalCache<ScenarioWithStages>(SCENARIOS_CACHE_MS, 100);

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly bus?: CacheBus,
  ) {
    bus?.on(SCENARIOS_CACHE, () => this.withStagesCache.drop());
  }

  /** A change to scenarios or stages, in a transaction; once it has committed, their cache is emptied everywhere. */
  private async change<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await withTransaction(this.db, work);
    if (this.bus) this.bus.invalidate(SCENARIOS_CACHE);
    else this.withStagesCache.drop();
    return result;
  }

  /**
   * A scenario (the default one when `id` is null) with its stages in order, read in one statement and then kept
   * (see SCENARIOS_CACHE); null when there is no such scenario. Marked scenarios are found by id, never as default.
   */
  async withStages(id: string | null): Promise<ScenarioWithStages | null> {
    if (id !== null && !isId(id)) return null;
    const key = id ?? 'default';
    const hit = this.withStagesCache.get(key);
    if (hit) return hit;
    const ticket = this.withStagesCache.ticket();
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${columnsOf(this.db, SalesScenario, 's')}, ${columnsOf(this.db, SalesStage, 'st')}
         FROM (SELECT * FROM sales_scenarios WHERE ${id ? 'id = $1' : 'is_default AND NOT deletion_mark ORDER BY id LIMIT 1'}) s
         LEFT JOIN sales_stages st ON st.scenario_id = s.id
        ORDER BY st.sort, st.id`,
      id ? [id] : [],
    );
    const scenario = rows.length ? hydrate(this.db, SalesScenario, rows[0], 's_') : null;
    if (!scenario) return null;
    const value = { scenario, stages: rows.map((r) => hydrate(this.db, SalesStage, r, 'st_')).filter((st): st is SalesStage => !!st) };
    this.withStagesCache.set(key, value, ticket);
    return value;
  }

  listScenarios(includeDeleted = false): Promise<SalesScenario[]> {
    const qb = this.db.getRepository(SalesScenario).createQueryBuilder('s');
    if (!includeDeleted) qb.where('s.deletion_mark = false');
    return qb.orderBy('s.is_default', 'DESC').addOrderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC').limit(1000).getMany();
  }

  async scenariosByIds(idsIn: readonly string[]): Promise<SalesScenario[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(SalesScenario).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).getMany();
  }

  async getScenario(id: string): Promise<SalesScenario> {
    const [s] = await this.scenariosByIds([requireId(id)]);
    if (!s) throw notFound(SCENARIO);
    return s;
  }

  async stagesByIds(idsIn: readonly string[]): Promise<SalesStage[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(SalesStage).createQueryBuilder('st').where('st.id = ANY(:ids)', { ids }).getMany();
  }

  /** Stages of the given scenarios, in their order. */
  async stagesOf(scenarioIds: readonly string[], tx?: EntityManager): Promise<SalesStage[]> {
    const ids = scenarioIds.filter(isId);
    if (!ids.length) return [];
    return (tx ?? this.db.manager)
      .getRepository(SalesStage)
      .createQueryBuilder('st')
      .where('st.scenario_id = ANY(:ids)', { ids })
      .orderBy('st.sort', 'ASC')
      .addOrderBy('st.id', 'ASC')
      .getMany();
  }

  lossReasons(includeInactive = false) {
    return this.listRefs(REFS.lossReason, includeInactive) as Promise<LossReason[]>;
  }

  informationSources(includeInactive = false) {
    return this.listRefs(REFS.informationSource, includeInactive) as Promise<InformationSource[]>;
  }

  lossReasonsByIds(ids: readonly string[]) {
    return this.refsByIds(REFS.lossReason, ids) as Promise<LossReason[]>;
  }

  informationSourcesByIds(ids: readonly string[]) {
    return this.refsByIds(REFS.informationSource, ids) as Promise<InformationSource[]>;
  }

  private listRefs(kind: RefKind, includeInactive: boolean) {
    const qb = this.db.getRepository(kind.entity).createQueryBuilder('r');
    if (!includeInactive) qb.where('r.active = true');
    return qb.orderBy('r.sort', 'ASC').addOrderBy('r.name', 'ASC').limit(1000).getMany();
  }

  private async refsByIds(kind: RefKind, idsIn: readonly string[]) {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.db.getRepository(kind.entity).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids }).getMany();
  }

  // ---- scenario administration ----

  private checkStageSet(stages: Array<{ semantic: StageSemantic }>, field: string) {
    const count = (s: StageSemantic) => stages.filter((x) => x.semantic === s).length;
    if (count(StageSemantic.IN_PROGRESS) < 1) throw badInput(field, 'A scenario needs at least one in-progress stage', 'IN_PROGRESS_STAGE_REQUIRED');
    if (count(StageSemantic.SUCCESS) !== 1) throw badInput(field, 'A scenario needs exactly one SUCCESS stage', 'ONE_SUCCESS_STAGE');
    if (count(StageSemantic.FAILURE) !== 1) throw badInput(field, 'A scenario needs exactly one FAILURE stage', 'ONE_FAILURE_STAGE');
  }

  private async clearDefaultScenario(tx: EntityManager, actor: Actor, exceptId?: string) {
    const current = await tx.getRepository(SalesScenario).findOne({ where: { isDefault: true }, lock: { mode: 'pessimistic_write' } });
    if (!current || current.id === exceptId) return;
    const before = scenarioSnapshot(current);
    current.isDefault = false;
    await this.writeScenario(tx, actor, current, before);
  }

  private async writeScenario(tx: EntityManager, actor: Actor, s: SalesScenario, before: ReturnType<typeof scenarioSnapshot>, action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, scenarioSnapshot(s));
    if (!changes.length) return s;
    const { version, updatedAt } = await updateVersioned(tx, 'sales_scenarios', s.id, s.version, scenarioSnapshot(s), 'sales scenario');
    s.version = version;
    s.updatedAt = updatedAt;
    await this.audit.record(tx, actor, { entityType: SCENARIO, entityId: s.id, entityLabel: s.name, action, changes });
    return s;
  }

  async createScenario(actor: Actor, input: CreateSalesScenarioInput): Promise<SalesScenario> {
    requireAdmin(actor);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'Enter a name', 'REQUIRED');
    input.stages.forEach((st, i) => {
      if (!st.name.trim()) throw badInput(`stages.${i}.name`, 'Enter a stage name', 'REQUIRED');
    });
    this.checkStageSet(input.stages, 'stages');
    return this.change(async (tx) => {
      if (input.isDefault) await this.clearDefaultScenario(tx, actor);
      const repo = tx.getRepository(SalesScenario);
      const scenario = await repo.save(repo.create({ name, isDefault: input.isDefault === true, deletionMark: false }));
      const stageRepo = tx.getRepository(SalesStage);
      const stages = await stageRepo.save(
        input.stages.map((st, i) => stageRepo.create({ scenarioId: scenario.id, sort: (i + 1) * 10, name: st.name.trim(), probability: st.probability, semantic: st.semantic })),
      );
      await this.audit.record(tx, actor, {
        entityType: SCENARIO,
        entityId: scenario.id,
        entityLabel: scenario.name,
        action: AuditAction.CREATE,
        changes: diffSnapshots({}, { ...scenarioSnapshot(scenario), stages: stages.map(stageSnapshot) }),
      });
      return scenario;
    });
  }

  private async scenarioForChange(tx: EntityManager, id: string, version?: number, field = 'id') {
    const s = await tx.getRepository(SalesScenario).findOne({ where: { id: requireId(id, field) }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw field === 'id' ? notFound(SCENARIO) : badInput(field, 'The sales scenario does not exist', 'NOT_FOUND');
    if (version !== undefined && s.version !== version) {
      throw conflict('The sales scenario was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: s.version });
    }
    return s;
  }

  async updateScenario(actor: Actor, id: string, input: UpdateSalesScenarioInput): Promise<SalesScenario> {
    requireAdmin(actor);
    return this.change(async (tx) => {
      const s = await this.scenarioForChange(tx, id, input.version);
      const before = scenarioSnapshot(s);
      if (input.name != null) {
        s.name = input.name.trim();
        if (!s.name) throw badInput('name', 'Enter a name', 'REQUIRED');
      }
      if (input.isDefault === false && s.isDefault) throw badInput('isDefault', 'Make another scenario the default instead', 'DEFAULT_REQUIRED');
      if (input.isDefault === true && !s.isDefault) {
        if (s.deletionMark) throw badInput('isDefault', 'A scenario marked for deletion cannot be the default', 'DELETED');
        await this.clearDefaultScenario(tx, actor, s.id);
        s.isDefault = true;
      }
      return this.writeScenario(tx, actor, s, before);
    });
  }

  async setScenarioDeletionMark(actor: Actor, id: string, mark: boolean): Promise<SalesScenario> {
    requireAdmin(actor);
    return this.change(async (tx) => {
      const s = await this.scenarioForChange(tx, id);
      if (mark && s.isDefault) throw conflict('The default scenario cannot be marked for deletion; make another one the default first', { reason: 'DEFAULT_SCENARIO' });
      const before = scenarioSnapshot(s);
      s.deletionMark = mark;
      return this.writeScenario(tx, actor, s, before, mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }

  async createStage(actor: Actor, input: CreateSalesStageInput): Promise<SalesStage> {
    requireAdmin(actor);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'Enter a name', 'REQUIRED');
    return this.change(async (tx) => {
      // Locking the scenario serialises stage changes of one scenario.
      const scenario = await this.scenarioForChange(tx, input.scenarioId, undefined, 'scenarioId');
      const stages = await this.stagesOf([scenario.id], tx);
      // New stages are working stages; by default they go after the last one of those (before SUCCESS/FAILURE).
      const lastWorking = stages.filter((s) => s.semantic === StageSemantic.IN_PROGRESS).pop();
      const sort = input.sort ?? (lastWorking ? lastWorking.sort + 1 : 1);
      const repo = tx.getRepository(SalesStage);
      const stage = await repo.save(repo.create({ scenarioId: scenario.id, sort, name, probability: input.probability, semantic: StageSemantic.IN_PROGRESS }));
      await this.audit.record(tx, actor, {
        entityType: STAGE,
        entityId: stage.id,
        entityLabel: `${scenario.name}: ${stage.name}`,
        action: AuditAction.CREATE,
        changes: diffSnapshots({}, { scenarioId: scenario.id, ...stageSnapshot(stage) }),
      });
      return stage;
    });
  }

  private async stageForChange(tx: EntityManager, id: string, version?: number) {
    const s = await tx.getRepository(SalesStage).findOne({ where: { id: requireId(id) }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw notFound(STAGE);
    if (version !== undefined && s.version !== version) {
      throw conflict('The stage was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: s.version });
    }
    return s;
  }

  async updateStage(actor: Actor, id: string, input: UpdateSalesStageInput): Promise<SalesStage> {
    requireAdmin(actor);
    return this.change(async (tx) => {
      const s = await this.stageForChange(tx, id, input.version);
      const before = stageSnapshot(s);
      if (input.name != null) {
        s.name = input.name.trim();
        if (!s.name) throw badInput('name', 'Enter a name', 'REQUIRED');
      }
      if (input.probability != null) s.probability = input.probability;
      if (input.sort != null) s.sort = input.sort;
      const changes = diffSnapshots(before, stageSnapshot(s));
      if (!changes.length) return s;
      const { version, updatedAt } = await updateVersioned(tx, 'sales_stages', s.id, s.version, { name: s.name, probability: s.probability, sort: s.sort }, 'stage');
      s.version = version;
      s.updatedAt = updatedAt;
      await this.audit.record(tx, actor, { entityType: STAGE, entityId: s.id, entityLabel: s.name, action: AuditAction.UPDATE, changes });
      return s;
    });
  }

  /** Deletes an unused in-progress stage for good; returns its id. */
  async deleteStage(actor: Actor, id: string): Promise<string> {
    requireAdmin(actor);
    return this.change(async (tx) => {
      const s = await this.stageForChange(tx, id);
      await this.scenarioForChange(tx, s.scenarioId);
      if (s.semantic !== StageSemantic.IN_PROGRESS) {
        throw conflict('The SUCCESS and FAILURE stages of a scenario cannot be deleted', { reason: 'STAGE_REQUIRED' });
      }
      const [use] = await tx.query(
        `SELECT (SELECT count(*)::int FROM client_interests WHERE stage_id = $1) AS interests,
                (SELECT count(*)::int FROM client_interest_stage_history WHERE from_stage_id = $1 OR to_stage_id = $1) AS history`,
        [s.id],
      );
      if (use.interests || use.history) {
        throw conflict('The stage is in use by client interests (now or in their history) and cannot be deleted', {
          reason: 'STAGE_IN_USE',
          interests: use.interests,
        });
      }
      const [left] = await tx.query(`SELECT count(*)::int AS n FROM sales_stages WHERE scenario_id = $1 AND semantic = 'IN_PROGRESS' AND id <> $2`, [s.scenarioId, s.id]);
      if (!left.n) throw conflict('A scenario needs at least one in-progress stage', { reason: 'IN_PROGRESS_STAGE_REQUIRED' });
      await tx.query(`DELETE FROM sales_stages WHERE id = $1`, [s.id]);
      await this.audit.record(tx, actor, { entityType: STAGE, entityId: s.id, entityLabel: s.name, action: AuditAction.DELETE, changes: diffSnapshots(stageSnapshot(s), {}) });
      return s.id;
    });
  }

  // ---- loss reasons and information sources ----

  async createRef(actor: Actor, which: keyof typeof REFS, input: CreateReferenceItemInput) {
    requireAdmin(actor);
    const kind: RefKind = REFS[which];
    const name = input.name.trim();
    if (!name) throw badInput('name', 'Enter a name', 'REQUIRED');
    return withTransaction(this.db, async (tx) => {
      const repo = tx.getRepository(kind.entity);
      const r = await repo.save(repo.create({ name, sort: input.sort ?? 100, active: true }));
      await this.audit.record(tx, actor, { entityType: kind.audit, entityId: r.id, entityLabel: r.name, action: AuditAction.CREATE, changes: diffSnapshots({}, refSnapshot(r)) });
      return r;
    });
  }

  async updateRef(actor: Actor, which: keyof typeof REFS, id: string, input: UpdateReferenceItemInput) {
    requireAdmin(actor);
    const kind: RefKind = REFS[which];
    return withTransaction(this.db, async (tx) => {
      const r = await tx.getRepository(kind.entity).findOne({ where: { id: requireId(id) }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw notFound(kind.audit);
      if (r.version !== input.version) {
        throw conflict(`The ${kind.what} was changed by someone else; reload to see their changes`, { reason: 'VERSION_CONFLICT', currentVersion: r.version });
      }
      const before = refSnapshot(r);
      if (input.name != null) {
        r.name = input.name.trim();
        if (!r.name) throw badInput('name', 'Enter a name', 'REQUIRED');
      }
      if (input.sort != null) r.sort = input.sort;
      if (input.active != null) r.active = input.active;
      const changes = diffSnapshots(before, refSnapshot(r));
      if (!changes.length) return r;
      const { version, updatedAt } = await updateVersioned(tx, kind.table, r.id, r.version, refSnapshot(r), kind.what);
      r.version = version;
      r.updatedAt = updatedAt;
      await this.audit.record(tx, actor, { entityType: kind.audit, entityId: r.id, entityLabel: r.name, action: AuditAction.UPDATE, changes });
      return r;
    });
  }
}
