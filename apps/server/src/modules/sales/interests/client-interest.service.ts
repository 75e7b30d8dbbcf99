import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { DateTime } from 'luxon';
import { textSearchKey } from '@crm/contact-info';
import { ClientInterest, ClientInterestLine, ClientInterestStageChange } from './client-interest.entity';
import { InformationSource, LossReason, SalesScenario, SalesStage } from './sales-scenario.entity';
import { CLOSED_STATES, InterestState, OPEN_STATES, StageSemantic } from './interests.enums';
import {
  ClientInterestSortField,
  type ClientInterestBoardFilter,
  type ClientInterestFilter,
  type ClientInterestLineInput,
  type ClientInterestOrder,
  type CreateClientInterestInput,
  type MarkClientInterestLostInput,
  type UpdateClientInterestInput,
} from './interests.inputs';
import type { SalesScenarioService } from './sales-scenario.service';
import type { ProductService } from '../catalog/product.service';
import { updateVersioned } from '../catalog/versioned-update';
import { Role, User, type Actor } from '../../auth/user.entity';
import { canRead, canWrite, scopeOf } from '../../auth/access';
import { escapeLike } from '../../auth/user.service';
import { assertCanAssign, scopeCounterparties } from '../../contacts/contacts.policy';
import { Counterparty } from '../../contacts/counterparty.entity';
import { RelationType } from '../../contacts/contacts.enums';
import type { CounterpartyService } from '../../contacts/counterparty.service';
import type { ContactPersonService } from '../../contacts/contact-person.service';
import { diffSnapshots, type AuditService } from '../../audit/audit.service';
import { AuditAction } from '../../audit/audit-entry.entity';
import { badInput, conflict, forbidden, notFound } from '../../../core/errors';
import { isId, requireId } from '../../../core/ids';
import { requireLocalDate, requireMoney, requireQuantity, sumDecimals, toMoneyString, type Decimal } from '../../../core/decimal';
import { updateReturning, withTransaction } from '../../../core/database/transaction';
import { columnsOf, hydrate, pagesWithTotals, type PagePart } from '../../../core/database/hydrate';
import { documentNumberSql, nextNumberCte } from '../../../core/numbering';
import { decodeCursor, SortDirection, toConnection, type ConnectionShape } from '../../../core/pagination';
import { CrmObjectType } from '../../activities/activities.enums';
import type { AfterCommit } from '../../notifications/after-commit';
import { announceToResponsibles, type ChangedPayload } from '../../notifications/announce';
import type { PubSub } from '../../../core/pubsub';

const ENTITY = 'ClientInterest';
export const DEFAULT_STALLED_DAYS = 14;
export const DEFAULT_BOARD_CLOSED_DAYS = 30;

const snapshot = (ci: ClientInterest) => ({
  date: ci.date,
  counterpartyId: ci.counterpartyId,
  contactPersonId: ci.contactPersonId,
  responsibleId: ci.responsibleId,
  scenarioId: ci.scenarioId,
  stageId: ci.stageId,
  state: ci.state,
  probability: ci.probability,
  plannedAmount: ci.plannedAmount,
  plannedCloseDate: ci.plannedCloseDate,
  actualCloseDate: ci.actualCloseDate,
  need: ci.need,
  lossReasonId: ci.lossReasonId,
  lossComment: ci.lossComment,
  informationSourceId: ci.informationSourceId,
  deletionMark: ci.deletionMark,
});
type Snapshot = ReturnType<typeof snapshot> & { lines?: unknown; competitorIds?: string[] };

interface LineDraft {
  productId: string;
  quantity: string;
  price: string;
  amount: string;
}

const linesSnapshot = (lines: Array<Pick<LineDraft, 'productId' | 'quantity' | 'price' | 'amount'>>) =>
  lines.map((l) => ({ productId: l.productId, quantity: l.quantity, price: l.price, amount: l.amount }));

/** Per sort field: the SQL expression, its cursor value as text, its type, and the order over `pagesWithTotals`' page. */
const SORTS: Record<ClientInterestSortField, { expr: string; cursorSql: string; cast: string; pageOrder: string }> = {
  [ClientInterestSortField.CREATED_AT]: {
    expr: 'ci.created_at',
    pageOrder: 'page."ci_created_at" $dir',
    cursorSql: `to_char(ci.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cast: 'timestamptz',
  },
  [ClientInterestSortField.PLANNED_CLOSE_DATE]: {
    expr: `coalesce(ci.planned_close_date, DATE '9999-12-31')`,
    pageOrder: `coalesce(page."ci_planned_close_date", DATE '9999-12-31') $dir`,
    cursorSql: `to_char(coalesce(ci.planned_close_date, DATE '9999-12-31'), 'YYYY-MM-DD')`,
    cast: 'date',
  },
  [ClientInterestSortField.PLANNED_AMOUNT]: { expr: 'ci.planned_amount', cursorSql: 'ci.planned_amount::text', cast: 'numeric', pageOrder: 'page."ci_planned_amount" $dir' },
};
const CURSOR_VALUE_OK: Record<ClientInterestSortField, (v: unknown) => boolean> = {
  [ClientInterestSortField.CREATED_AT]: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  [ClientInterestSortField.PLANNED_CLOSE_DATE]: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  [ClientInterestSortField.PLANNED_AMOUNT]: (v) => typeof v === 'string' && /^\d{1,13}(\.\d{1,2})?$/.test(v),
};

/**
 * An interest is stalled when it is active, older than N days, and no event — planned or done, not cancelled —
 * based on it or with its client falls in the last N days or later. Read from the events table in SQL (the list
 * must filter and page in the database); two NOT EXISTS so each uses its own index of `events`.
 */
const STALLED_SQL = (days: string) => `(ci.state = 'ACTIVE' AND ci.created_at < now() - make_interval(days => :${days}::int)
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.based_on_type = '${CrmObjectType.CLIENT_INTEREST}' AND e.based_on_id = ci.id
                     AND e.state <> 'CANCELLED' AND e.start_at >= now() - make_interval(days => :${days}::int))
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.counterparty_id = ci.counterparty_id
                     AND e.state <> 'CANCELLED' AND e.start_at >= now() - make_interval(days => :${days}::int)))`;

/** One list a request asks for (see `lists`). */
export interface InterestPageRequest {
  first: number;
  after?: string | null;
  filter?: ClientInterestFilter;
  order?: ClientInterestOrder | null;
}

export interface BoardColumn {
  stage: SalesStage;
  count: number;
  plannedAmount: string;
  weightedAmount: string;
  cards: ConnectionShape<ClientInterest>;
}

export const CLIENT_INTEREST_CHANGED = 'CLIENT_INTEREST_CHANGED';

/** What a `clientInterestChanged` push carries: the interest's id and the users it is announced to. */
export type ClientInterestChangedPayload = ChangedPayload;

export interface Board {
  scenario: SalesScenario;
  columns: BoardColumn[];
  totalCount: number;
  plannedAmount: string;
  weightedAmount: string;
  /** The cards' clients when asked for (see `board`): id → the counterparty, null when outside the actor's scope. */
  counterparties: Map<string, Counterparty | null>;
}

/**
 * Client interests (deals): their lines, competitors, movement along the stages of a sales scenario, and the
 * reads of the Client interests tab (list, board, stalled). Row scope by the responsible manager, as events.
 * Every stage or state change appends a row to the stage history in the same transaction as the change and
 * its audit row.
 */
export class ClientInterestService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scenarios: SalesScenarioService,
    private readonly products: ProductService,
    private readonly counterparties: CounterpartyService,
    private readonly persons: ContactPersonService,
  ) {}

  /** Pushes after commit (set when the services are wired; absent in bare unit setups). */
  live?: { afterCommit: AfterCommit; pubSub: PubSub };

  /** Tells who sees the interest on their board (responsible now and before, their supervisors) that it changed, after commit. */
  private async announce(tx: EntityManager, id: string, responsibleIds: ReadonlyArray<string | null | undefined>) {
    if (this.live) await announceToResponsibles(tx, this.live, CLIENT_INTEREST_CHANGED, id, responsibleIds);
  }

  /** What a push tells a subscriber: the interest if it is (still) in their scope, else only that it changed. */
  async changedFor(actor: Actor, payload: ClientInterestChangedPayload): Promise<{ id: string; interest: ClientInterest | null }> {
    if (!payload.userIds.includes(actor.id)) throw notFound('Client interest');
    const [interest] = await this.byIds(actor, [payload.id]);
    return { id: payload.id, interest: interest ?? null };
  }

  // ---- reads ----

  private base(actor: Actor) {
    const qb = this.db.getRepository(ClientInterest).createQueryBuilder('ci');
    const ids = scopeOf(actor).read;
    if (ids) qb.andWhere('ci.responsible_id = ANY(:scopeIds)', { scopeIds: ids });
    return qb;
  }

  /** Interests by id that the actor may read (marked ones included: links keep working). */
  async byIds(actor: Actor, idsIn: readonly string[]): Promise<ClientInterest[]> {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    return this.base(actor).andWhere('ci.id = ANY(:ids)', { ids }).getMany();
  }

  async get(actor: Actor, id: string): Promise<ClientInterest> {
    const [ci] = await this.byIds(actor, [requireId(id)]);
    if (!ci) throw notFound('Client interest');
    return ci;
  }

  /** Lines of the given interests (the caller has read the interests), in order. */
  async linesOf(interestIds: readonly string[]): Promise<ClientInterestLine[]> {
    const ids = interestIds.filter(isId);
    if (!ids.length) return [];
    return this.db
      .getRepository(ClientInterestLine)
      .createQueryBuilder('l')
      .where('l.interest_id = ANY(:ids)', { ids })
      .orderBy('l.interest_id')
      .addOrderBy('l.line_no')
      .getMany();
  }

  /** Competitor counterparty ids of the given interests. */
  async competitorIdsOf(interestIds: readonly string[]): Promise<Array<{ interestId: string; counterpartyId: string }>> {
    const ids = interestIds.filter(isId);
    if (!ids.length) return [];
    const rows: Array<{ interest_id: string; counterparty_id: string }> = await this.db.query(
      `SELECT interest_id, counterparty_id FROM client_interest_competitors WHERE interest_id = ANY($1) ORDER BY interest_id, counterparty_id`,
      [ids],
    );
    return rows.map((r) => ({ interestId: r.interest_id, counterpartyId: r.counterparty_id }));
  }

  /** When each interest last saw an event (not cancelled, already started) based on it or with its client. */
  async lastActivityOf(interestIds: readonly string[]): Promise<Map<string, Date | null>> {
    const ids = interestIds.filter(isId);
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; at: Date | null }> = await this.db.query(
      `SELECT ci.id,
              greatest(
                (SELECT max(e.start_at) FROM events e WHERE e.based_on_type = $2 AND e.based_on_id = ci.id AND e.state <> 'CANCELLED' AND e.start_at <= now()),
                (SELECT max(e.start_at) FROM events e WHERE e.counterparty_id = ci.counterparty_id AND e.state <> 'CANCELLED' AND e.start_at <= now())
              ) AS at
         FROM client_interests ci WHERE ci.id = ANY($1)`,
      [ids, CrmObjectType.CLIENT_INTEREST],
    );
    return new Map(rows.map((r) => [r.id, r.at]));
  }

  /** Stage history of an interest the caller has read, oldest first, one page at a time. */
  async stageHistory(interestId: string, first: number, after?: string | null) {
    const cursor = decodeCursor(after, 1, ([id]) => typeof id === 'string' && /^\d{1,19}$/.test(id));
    const qb = this.db.getRepository(ClientInterestStageChange).createQueryBuilder('h').where('h.interest_id = :interestId', { interestId });
    const total = await qb.clone().getCount();
    if (cursor) qb.andWhere('h.id > :afterId', { afterId: cursor[0] });
    const rows = await qb.orderBy('h.id', 'ASC').limit(first + 1).getMany();
    return toConnection(rows, first, total, (h) => [String(h.id)]);
  }

  /**
   * The list's filter, for lists, the board and the stalled view alike (alias `ci`). Its parameters are named
   * with `tag`, so that several lists can share one statement (see `lists`).
   */
  private applyFilter(qb: SelectQueryBuilder<ClientInterest>, filter: ClientInterestFilter & ClientInterestBoardFilter, tag = '') {
    const n = (name: string) => `${name}${tag}`;
    const where = (sql: string, name: string, value: unknown) => qb.andWhere(sql.replace('?', `:${n(name)}`), { [n(name)]: value });
    if (!filter.includeDeleted) qb.andWhere('ci.deletion_mark = false');
    if (filter.stageId) where('ci.stage_id = ?', 'fStage', filter.stageId);
    if (filter.scenarioId) where('ci.scenario_id = ?', 'fScenario', filter.scenarioId);
    if (filter.state) where('ci.state = ?', 'fState', filter.state);
    if (filter.responsibleId) where('ci.responsible_id = ?', 'fResp', filter.responsibleId);
    if (filter.counterpartyId) where('ci.counterparty_id = ?', 'fCp', filter.counterpartyId);
    const search = filter.search ? textSearchKey(filter.search) : '';
    if (search) {
      // The client's name is matched on the counterparties' own search key (names and INN, lower-cased, ё → е).
      qb.andWhere(
        `(lower(ci.number) LIKE :${n('sLike')} OR lower(ci.need) LIKE :${n('sLike')}
          OR ci.counterparty_id IN (SELECT c.id FROM counterparties c WHERE c.search_text LIKE :${n('sLike')}))`,
        { [n('sLike')]: `%${escapeLike(search)}%` },
      );
    }
    if (filter.stalledDays != null) qb.andWhere(STALLED_SQL(n('stalledDays')), { [n('stalledDays')]: filter.stalledDays });
    if (filter.closedWithinDays != null) {
      where(`(ci.state NOT IN ('WON','LOST') OR ci.actual_close_date >= current_date - ?::int)`, 'closedDays', filter.closedWithinDays);
    }
    return qb;
  }

  /** The query of one list and its total, parameters named with `tag`. */
  private listQuery(actor: Actor, { first, after, filter = {}, order }: InterestPageRequest, tag: string): PagePart<ClientInterest> {
    const field = order?.field ?? ClientInterestSortField.CREATED_AT;
    const dir = order?.direction ?? SortDirection.DESC;
    const sort = SORTS[field];
    const cursor = decodeCursor(after, 2, ([v, id]) => CURSOR_VALUE_OK[field](v) && isId(id));
    const qb = this.applyFilter(this.base(actor), filter, tag);
    const page = qb.clone();
    if (cursor) {
      page.andWhere(`(${sort.expr}, ci.id) ${dir === SortDirection.ASC ? '>' : '<'} (CAST(:cv${tag} AS ${sort.cast}), CAST(:cid${tag} AS uuid))`, {
        [`cv${tag}`]: cursor[0],
        [`cid${tag}`]: cursor[1],
      });
    }
    page.addSelect(sort.cursorSql, 'sort_value').orderBy(sort.expr, dir).addOrderBy('ci.id', dir).limit(first + 1);
    return { count: qb, page, orderBy: `${sort.pageOrder.replace('$dir', dir)}, page."ci_id" ${dir}`, sortValue: true };
  }

  /**
   * Several lists in one statement (the counterparty field of a page of counterparties asks for one per row).
   * A request that is itself bad (a forged cursor) gets its error; the others their pages.
   */
  async lists(actor: Actor, requests: readonly InterestPageRequest[]): Promise<Array<ConnectionShape<ClientInterest> | Error>> {
    const parts = requests.map((r, i) => {
      try {
        return { part: this.listQuery(actor, r, `_${i}`), first: r.first };
      } catch (err) {
        return err as Error;
      }
    });
    const valid = parts.filter((p): p is { part: PagePart<ClientInterest>; first: number } => !(p instanceof Error));
    const results = valid.length ? await pagesWithTotals(this.db, ClientInterest, 'ci', valid.map((p) => p.part)) : [];
    let next = 0;
    return parts.map((p) => {
      if (p instanceof Error) return p;
      const { total, rows } = results[next++];
      const sortValues = new Map(rows.map((r) => [r.entity.id, r.raw.sort_value as string]));
      return toConnection(rows.map((r) => r.entity), p.first, total, (ci) => [sortValues.get(ci.id), ci.id]);
    });
  }

  async list(actor: Actor, first: number, after: string | null | undefined, filter: ClientInterestFilter = {}, order?: ClientInterestOrder | null) {
    const [page] = await this.lists(actor, [{ first, after, filter, order }]);
    if (page instanceof Error) throw page;
    return page;
  }

  /** Active interests with no event in `days` days, oldest first (my own, my team's or all, by role). */
  stalled(actor: Actor, days: number, first: number, after?: string | null, responsibleId?: string | null) {
    if (!Number.isInteger(days) || days < 1 || days > 3650) throw badInput('days', 'Days must be 1 to 3650', 'DAYS_RANGE');
    return this.list(actor, first, after, { stalledDays: days, responsibleId: responsibleId ?? undefined }, { field: ClientInterestSortField.CREATED_AT, direction: SortDirection.ASC });
  }

  /**
   * The kanban board of a scenario: per stage the number of interests, their planned and weighted amounts,
   * and the first cards (newest first). A column's next page is `clientInterests(after: its endCursor,
   * filter: {the same filter, stageId})`. One statement for the totals and the cards whatever the number of
   * stages or cards (the scenario and its stages are cached). With `withCounterparties` the cards' clients come
   * in it too, scoped as the counterparty loader reads them (null for those outside the actor's scope).
   */
  async board(
    actor: Actor,
    scenarioId: string | null | undefined,
    filter: ClientInterestBoardFilter = {},
    cardsPerColumn = 20,
    options: { withCounterparties?: boolean } = {},
  ): Promise<Board> {
    if (!Number.isInteger(cardsPerColumn) || cardsPerColumn < 1 || cardsPerColumn > 100) {
      throw badInput('cardsPerColumn', 'Cards per column must be 1 to 100', 'CARDS_RANGE');
    }
    const found = await this.scenarios.withStages(scenarioId ?? null);
    if (!found) throw badInput('scenarioId', 'The sales scenario does not exist', 'NOT_FOUND');
    const { scenario, stages } = found;
    const boardFilter = { ...filter, closedWithinDays: filter.closedWithinDays ?? DEFAULT_BOARD_CLOSED_DAYS, scenarioId: scenario.id };

    const totals = this.applyFilter(this.base(actor), boardFilter)
      .select('ci.stage_id', 'stage_id')
      .addSelect('count(*)::int', 'n')
      .addSelect('coalesce(sum(ci.planned_amount), 0)::text', 'amount')
      .addSelect('coalesce(round(sum(ci.planned_amount * ci.probability) / 100, 2), 0)::text', 'weighted')
      .groupBy('ci.stage_id');
    const sort = SORTS[ClientInterestSortField.CREATED_AT];
    const inner = this.applyFilter(this.base(actor), boardFilter)
      .andWhere('ci.stage_id = st.id')
      .select('ci.id', 'id')
      .addSelect(sort.cursorSql, 'sort_value')
      .orderBy('ci.created_at', 'DESC')
      .addOrderBy('ci.id', 'DESC')
      .limit(cardsPerColumn + 1);
    // The client of a card through the counterparties' own scope, as the counterparty loader would read it.
    const client = options.withCounterparties
      ? scopeCounterparties(this.db.getRepository(Counterparty).createQueryBuilder('cp').where('cp.id = card.counterparty_id'), actor, 'cp')
      : null;
    // Each column's totals, and its cards with their whole rows, in one statement; a column without cards is one row.
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT st.id AS board_stage_id, t.n AS board_n, t.amount AS board_amount, t.weighted AS board_weighted, x.sort_value AS board_sort_value,
              ${columnsOf(this.db, ClientInterest, 'card')}${client ? `, ${columnsOf(this.db, Counterparty, 'client')}` : ''}
         FROM sales_stages st
         LEFT JOIN (${totals.getQuery()}) t ON t.stage_id = st.id
         LEFT JOIN LATERAL (${inner.getQuery()}) x ON true
         LEFT JOIN client_interests card ON card.id = x.id
         ${client ? `LEFT JOIN LATERAL (${client.select('cp.*').getQuery()}) client ON true` : ''}
        WHERE st.scenario_id = :boardScenarioId
        ORDER BY st.id, x.sort_value DESC, x.id DESC`,
      { ...totals.getParameters(), ...inner.getParameters(), ...(client?.getParameters() ?? {}), boardScenarioId: scenario.id },
    );
    const raw: Array<Record<string, unknown>> = await this.db.query(sql, params);

    const totalsByStage = new Map<string, { n: number; amount: string; weighted: string }>();
    const cardsByStage = new Map<string, ClientInterest[]>();
    const sortValues = new Map<string, string>();
    const counterparties = new Map<string, Counterparty | null>();
    for (const r of raw) {
      const stageId = r.board_stage_id as string;
      if (r.board_n != null) totalsByStage.set(stageId, { n: Number(r.board_n), amount: r.board_amount as string, weighted: r.board_weighted as string });
      const card = hydrate(this.db, ClientInterest, r, 'card_');
      if (!card) continue;
      cardsByStage.set(stageId, [...(cardsByStage.get(stageId) ?? []), card]);
      sortValues.set(card.id, r.board_sort_value as string);
      if (client) counterparties.set(card.counterpartyId, hydrate(this.db, Counterparty, r, 'client_'));
    }

    const columns = stages.map((stage) => {
      const t = totalsByStage.get(stage.id);
      return {
        stage,
        count: t?.n ?? 0,
        plannedAmount: toMoneyString(t?.amount ?? '0'),
        weightedAmount: toMoneyString(t?.weighted ?? '0'),
        cards: toConnection(cardsByStage.get(stage.id) ?? [], cardsPerColumn, t?.n ?? 0, (ci) => [sortValues.get(ci.id), ci.id]),
      };
    });
    return {
      scenario,
      columns,
      totalCount: columns.reduce((n, c) => n + c.count, 0),
      plannedAmount: toMoneyString(sumDecimals(columns.map((c) => c.plannedAmount))),
      weightedAmount: toMoneyString(sumDecimals(columns.map((c) => c.weightedAmount))),
      counterparties,
    };
  }

  private async defaultScenario(tx?: EntityManager): Promise<SalesScenario | null> {
    return (tx ?? this.db.manager).getRepository(SalesScenario).findOne({ where: { isDefault: true, deletionMark: false } });
  }

  viewerCan(actor: Actor, ci: ClientInterest) {
    const write = canWrite(actor, ci.responsibleId) && !ci.deletionMark;
    const open = OPEN_STATES.includes(ci.state);
    const privileged = actor.role === Role.ADMINISTRATOR || actor.role === Role.SUPERVISOR;
    return {
      update: write && open,
      move: write && ci.state === InterestState.ACTIVE,
      markWon: write && open,
      markLost: write && open,
      suspend: write && ci.state === InterestState.ACTIVE,
      resume: write && ci.state === InterestState.SUSPENDED,
      reopen: write && privileged && CLOSED_STATES.includes(ci.state),
      delete: canWrite(actor, ci.responsibleId),
    };
  }

  /** Titles for references ("based on"): number and client name. */
  titles = async (actor: Actor, idsIn: readonly string[]) => {
    const ids = idsIn.filter(isId);
    if (!ids.length) return [];
    const scope = scopeOf(actor).read;
    const rows: Array<{ id: string; number: string; name: string }> = await this.db.query(
      `SELECT ci.id, ci.number, c.name FROM client_interests ci JOIN counterparties c ON c.id = ci.counterparty_id
        WHERE ci.id = ANY($1) AND ($2::uuid[] IS NULL OR ci.responsible_id = ANY($2))`,
      [ids, scope],
    );
    return rows.map((r) => ({ id: r.id, title: `${r.number} · ${r.name}` }));
  };

  /** The parties an event entered "based on" an interest takes: its client and contact person. */
  partiesOf = async (actor: Actor, id: string) => {
    const [ci] = await this.byIds(actor, [id]);
    return { counterpartyId: ci?.counterpartyId ?? null, contactPersonId: ci?.contactPersonId ?? null };
  };

  // ---- checks shared by create and update ----

  /** Client and contact person: visible to the actor; the person belongs to the client (or to no one). */
  private async checkParties(actor: Actor, counterpartyId: string, contactPersonId: string | null) {
    const [c] = await this.counterparties.byIds(actor, [counterpartyId]);
    if (!c) throw badInput('counterpartyId', 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
    if (c.deletionMark) throw badInput('counterpartyId', 'The counterparty is marked for deletion', 'DELETED');
    if (contactPersonId) {
      const [p] = await this.persons.byIds(actor, [contactPersonId]);
      if (!p) throw badInput('contactPersonId', 'The contact person does not exist or is outside your scope', 'NOT_FOUND');
      if (p.counterpartyId && p.counterpartyId !== counterpartyId) {
        throw badInput('contactPersonId', 'This person belongs to another counterparty', 'CONTACT_OF_OTHER_COUNTERPARTY');
      }
    }
    return c;
  }

  /** Competitors: distinct counterparties, visible to the actor, with the COMPETITOR relation. */
  private async checkCompetitors(actor: Actor, ids: readonly string[], counterpartyId: string): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const found = new Map((await this.counterparties.byIds(actor, unique)).map((c) => [c.id, c]));
    unique.forEach((id, i) => {
      const c = found.get(id);
      if (!c) throw badInput(`competitorIds.${i}`, 'The counterparty does not exist or is outside your scope', 'NOT_FOUND');
      if (id === counterpartyId) throw badInput(`competitorIds.${i}`, 'The client cannot be its own competitor', 'COMPETITOR_IS_CLIENT');
      if (!c.relationTypes.includes(RelationType.COMPETITOR)) {
        throw badInput(`competitorIds.${i}`, `${c.name} is not marked as a competitor`, 'NOT_A_COMPETITOR');
      }
    });
    return unique.sort();
  }

  /** Lines with their amounts (quantity × price rounded half up to kopecks); price defaults to the product's. */
  private async draftLines(lines: readonly ClientInterestLineInput[]): Promise<LineDraft[]> {
    const parsed = lines.map((l, i) => ({
      productId: l.productId,
      quantity: requireQuantity(l.quantity, `lines.${i}.quantity`),
      price: l.price != null ? requireMoney(l.price, `lines.${i}.price`) : null,
    }));
    const products = new Map((await this.products.byIds(parsed.map((l) => l.productId))).map((p) => [p.id, p]));
    return parsed.map((l, i) => {
      const product = products.get(l.productId);
      if (!product) throw badInput(`lines.${i}.productId`, 'The product does not exist', 'NOT_FOUND');
      if (product.deletionMark) throw badInput(`lines.${i}.productId`, `${product.name} is marked for deletion`, 'DELETED');
      const price: Decimal = l.price ?? requireMoney(product.price, `lines.${i}.price`);
      const amount = toMoneyString(l.quantity.times(price));
      requireMoney(amount, `lines.${i}.price`);
      return { productId: l.productId, quantity: l.quantity.toFixed(3), price: price.toFixed(2), amount };
    });
  }

  private async checkResponsible(tx: EntityManager, actor: Actor, responsibleId: string) {
    const user = await tx.getRepository(User).findOne({ where: { id: responsibleId } });
    if (!user || !user.active) throw badInput('responsibleId', 'The responsible user does not exist or is deactivated', 'NOT_FOUND');
    assertCanAssign(actor, responsibleId);
  }

  private async checkInformationSource(tx: EntityManager, id: string) {
    const s = await tx.getRepository(InformationSource).findOne({ where: { id } });
    if (!s) throw badInput('informationSourceId', 'The information source does not exist', 'NOT_FOUND');
    if (!s.active) throw badInput('informationSourceId', `«${s.name}» is no longer in use`, 'INACTIVE');
  }

  private async stageInTx(tx: EntityManager, id: string): Promise<SalesStage | null> {
    return tx.getRepository(SalesStage).findOne({ where: { id } });
  }

  private async stagesOfScenarioInTx(tx: EntityManager, scenarioId: string): Promise<SalesStage[]> {
    return this.scenarios.stagesOf([scenarioId], tx);
  }

  /** The scenario and starting stage of a new interest. */
  private async startingStage(tx: EntityManager, scenarioId: string | null | undefined, stageId: string | null | undefined) {
    let scenario: SalesScenario | null;
    if (scenarioId) {
      scenario = await tx.getRepository(SalesScenario).findOne({ where: { id: scenarioId } });
      if (!scenario) throw badInput('scenarioId', 'The sales scenario does not exist', 'NOT_FOUND');
    } else if (stageId) {
      const stage = await this.stageInTx(tx, stageId);
      if (!stage) throw badInput('stageId', 'The stage does not exist', 'NOT_FOUND');
      scenario = await tx.getRepository(SalesScenario).findOne({ where: { id: stage.scenarioId } });
    } else {
      scenario = await this.defaultScenario(tx);
      if (!scenario) throw badInput('scenarioId', 'There is no default sales scenario: choose one', 'REQUIRED');
    }
    if (!scenario) throw badInput('scenarioId', 'The sales scenario does not exist', 'NOT_FOUND');
    if (scenario.deletionMark) throw badInput('scenarioId', 'The sales scenario is marked for deletion', 'DELETED');
    const stages = await this.stagesOfScenarioInTx(tx, scenario.id);
    let stage: SalesStage | undefined;
    if (stageId) {
      stage = stages.find((s) => s.id === stageId);
      if (!stage) throw badInput('stageId', 'The stage does not belong to the sales scenario', 'STAGE_OF_OTHER_SCENARIO');
      if (stage.semantic !== StageSemantic.IN_PROGRESS) {
        throw badInput('stageId', 'A new interest starts at an in-progress stage; win or lose it afterwards', 'STAGE_NOT_IN_PROGRESS');
      }
    } else {
      stage = stages.find((s) => s.semantic === StageSemantic.IN_PROGRESS);
      if (!stage) throw badInput('scenarioId', 'The sales scenario has no in-progress stage', 'NO_STAGES');
    }
    return { scenario, stage };
  }

  private today(actor: Actor) {
    return DateTime.now().setZone(actor.timeZone || 'Europe/Moscow').toISODate()!;
  }

  // ---- writes ----

  private async appendHistory(tx: EntityManager, actor: Actor | null, ci: ClientInterest, fromStageId: string | null, fromState: InterestState | null) {
    await tx.query(
      `INSERT INTO client_interest_stage_history (interest_id, at, user_id, from_stage_id, to_stage_id, from_state, to_state, amount, probability)
       VALUES ($1, now(), $2, $3, $4, $5, $6, $7, $8)`,
      [ci.id, actor?.id ?? null, fromStageId, ci.stageId, fromState, ci.state, ci.plannedAmount, ci.probability],
    );
  }

  private label(ci: ClientInterest, counterpartyName?: string) {
    return counterpartyName ? `${ci.number} · ${counterpartyName}` : ci.number;
  }

  async create(actor: Actor, input: CreateClientInterestInput): Promise<ClientInterest> {
    const need = input.need.trim();
    if (!need) throw badInput('need', 'Describe the need', 'REQUIRED');
    const plannedAmount = input.plannedAmount != null ? requireMoney(input.plannedAmount, 'plannedAmount') : null;
    const plannedCloseDate = input.plannedCloseDate != null ? requireLocalDate(input.plannedCloseDate, 'plannedCloseDate') : null;
    const date = input.date != null ? requireLocalDate(input.date, 'date') : this.today(actor);
    const client = await this.checkParties(actor, input.counterpartyId, input.contactPersonId ?? null);
    const competitorIds = await this.checkCompetitors(actor, input.competitorIds ?? [], input.counterpartyId);
    const lines = await this.draftLines(input.lines ?? []);
    const amount = plannedAmount ? plannedAmount.toFixed(2) : toMoneyString(sumDecimals(lines.map((l) => l.amount)));
    requireMoney(amount, 'plannedAmount');

    return withTransaction(this.db, async (tx) => {
      const responsibleId = input.responsibleId ?? actor.id;
      await this.checkResponsible(tx, actor, responsibleId);
      if (input.informationSourceId) await this.checkInformationSource(tx, input.informationSourceId);
      const { scenario, stage } = await this.startingStage(tx, input.scenarioId, input.stageId);
      const repo = tx.getRepository(ClientInterest);
      const ci = repo.create({
        date,
        counterpartyId: input.counterpartyId,
        contactPersonId: input.contactPersonId ?? null,
        responsibleId,
        scenarioId: scenario.id,
        stageId: stage.id,
        state: InterestState.ACTIVE,
        probability: input.probability ?? stage.probability,
        plannedAmount: amount,
        plannedCloseDate,
        actualCloseDate: null,
        need,
        lossReasonId: null,
        lossComment: null,
        informationSourceId: input.informationSourceId ?? null,
        deletionMark: false,
        createdById: actor.id,
      });
      // The number is taken last: the counter row stays locked until commit, so every other write comes first and
      // the row holds a unique placeholder meanwhile (invisible to others until commit).
      ci.id = randomUUID();
      ci.number = `~${ci.id}`;
      const saved = await repo.save(ci);
      await this.writeLines(tx, saved.id, lines);
      await this.writeCompetitors(tx, saved.id, competitorIds);
      await this.appendHistory(tx, actor, saved, null, null);
      const [numbered] = await updateReturning<{ number: string }>(
        tx,
        `WITH n AS (${nextNumberCte('$2::text', '$3::int')}) UPDATE client_interests SET number = ${documentNumberSql('n')} FROM n WHERE id = $1 RETURNING number`,
        [saved.id, 'CI', new Date().getUTCFullYear()],
      );
      saved.number = numbered.number;
      await this.audit.record(tx, actor, {
        entityType: ENTITY,
        entityId: saved.id,
        entityLabel: this.label(saved, client.name),
        action: AuditAction.CREATE,
        changes: diffSnapshots({}, { ...snapshot(saved), lines: linesSnapshot(lines), competitorIds }),
      });
      await this.announce(tx, saved.id, [saved.responsibleId]);
      return saved;
    });
  }

  private async writeLines(tx: EntityManager, interestId: string, lines: LineDraft[]) {
    await tx.query(`DELETE FROM client_interest_lines WHERE interest_id = $1`, [interestId]);
    if (!lines.length) return;
    await tx.query(
      `INSERT INTO client_interest_lines (interest_id, line_no, product_id, quantity, price, amount)
       SELECT $1, n, p, q, pr, a FROM unnest($2::int[], $3::uuid[], $4::numeric[], $5::numeric[], $6::numeric[]) AS t(n, p, q, pr, a)`,
      [interestId, lines.map((_, i) => i + 1), lines.map((l) => l.productId), lines.map((l) => l.quantity), lines.map((l) => l.price), lines.map((l) => l.amount)],
    );
  }

  private async writeCompetitors(tx: EntityManager, interestId: string, ids: string[]) {
    await tx.query(`DELETE FROM client_interest_competitors WHERE interest_id = $1`, [interestId]);
    if (!ids.length) return;
    await tx.query(`INSERT INTO client_interest_competitors (interest_id, counterparty_id) SELECT $1, unnest($2::uuid[])`, [interestId, ids]);
  }

  /** Loads an interest for a change: locked, visible, writable, of the expected version. */
  private async forChange(tx: EntityManager, actor: Actor, idRaw: string, version?: number | null, allowMarked = false) {
    const id = requireId(idRaw);
    const ci = await tx.getRepository(ClientInterest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!ci || !canRead(actor, ci.responsibleId)) throw notFound('Client interest');
    if (!canWrite(actor, ci.responsibleId)) throw forbidden('You can only change client interests you are responsible for');
    if (version != null && ci.version !== version) {
      throw conflict('The client interest was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: ci.version });
    }
    if (ci.deletionMark && !allowMarked) throw conflict('The client interest is marked for deletion; restore it first', { reason: 'MARKED_FOR_DELETION' });
    return ci;
  }

  /** Writes the changed interest with the version check in the same statement, and its audit row. */
  private async write(tx: EntityManager, actor: Actor | null, ci: ClientInterest, before: Snapshot, after: Snapshot = snapshot(ci), action = AuditAction.UPDATE) {
    const changes = diffSnapshots(before, after);
    if (!changes.length) return ci;
    const { version, updatedAt } = await updateVersioned(tx, 'client_interests', ci.id, ci.version, snapshot(ci), 'client interest');
    ci.version = version;
    ci.updatedAt = updatedAt;
    await this.audit.record(tx, actor, { entityType: ENTITY, entityId: ci.id, entityLabel: ci.number, action, changes });
    await this.announce(tx, ci.id, [ci.responsibleId, before.responsibleId]);
    return ci;
  }

  private assertOpen(ci: ClientInterest) {
    if (!OPEN_STATES.includes(ci.state)) {
      throw conflict(`The interest is ${ci.state.toLowerCase()}; reopen it first`, { reason: 'INTEREST_CLOSED', state: ci.state });
    }
  }

  async update(actor: Actor, id: string, input: UpdateClientInterestInput): Promise<ClientInterest> {
    const current = await this.get(actor, id);
    if (input.need != null && !input.need.trim()) throw badInput('need', 'Describe the need', 'REQUIRED');
    const plannedAmount = input.plannedAmount != null ? requireMoney(input.plannedAmount, 'plannedAmount') : null;
    if (input.plannedCloseDate != null) requireLocalDate(input.plannedCloseDate, 'plannedCloseDate');
    if (input.date != null) requireLocalDate(input.date, 'date');
    if (input.probability === null) throw badInput('probability', 'Probability cannot be empty', 'REQUIRED');
    if (input.plannedAmount === null && !input.lines) throw badInput('plannedAmount', 'Planned amount cannot be empty', 'REQUIRED');
    // Parties, competitors and products are checked through their own services before the transaction (a query
    // on the DataSource inside it would wait for a second connection); the change must then find that version.
    const counterpartyId = input.counterpartyId ?? current.counterpartyId;
    const contactPersonId = input.contactPersonId !== undefined ? input.contactPersonId : current.contactPersonId;
    const partiesChange = input.counterpartyId !== undefined || input.contactPersonId !== undefined;
    if (partiesChange) await this.checkParties(actor, counterpartyId, contactPersonId);
    const competitorIds = input.competitorIds ? await this.checkCompetitors(actor, input.competitorIds, counterpartyId) : null;
    const lines = input.lines ? await this.draftLines(input.lines) : null;

    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id, input.version);
      if ((partiesChange || competitorIds) && ci.version !== current.version) {
        throw conflict('The client interest was changed by someone else; reload to see their changes', { reason: 'VERSION_CONFLICT', currentVersion: ci.version });
      }
      this.assertOpen(ci);
      const oldLines = lines ? linesSnapshot(await tx.getRepository(ClientInterestLine).find({ where: { interestId: ci.id }, order: { lineNo: 'ASC' } })) : undefined;
      const oldCompetitors = competitorIds
        ? ((await tx.query(`SELECT counterparty_id FROM client_interest_competitors WHERE interest_id = $1 ORDER BY counterparty_id`, [ci.id])) as Array<{ counterparty_id: string }>).map((r) => r.counterparty_id)
        : undefined;
      const before: Snapshot = { ...snapshot(ci), ...(oldLines && { lines: oldLines }), ...(oldCompetitors && { competitorIds: oldCompetitors }) };
      ci.counterpartyId = counterpartyId;
      ci.contactPersonId = contactPersonId ?? null;
      if (input.need != null) ci.need = input.need.trim();
      if (input.plannedCloseDate !== undefined) ci.plannedCloseDate = input.plannedCloseDate ?? null;
      if (input.date != null) ci.date = input.date;
      if (input.probability != null) ci.probability = input.probability;
      if (plannedAmount) ci.plannedAmount = plannedAmount.toFixed(2);
      else if (lines) ci.plannedAmount = toMoneyString(sumDecimals(lines.map((l) => l.amount)));
      requireMoney(ci.plannedAmount, 'plannedAmount');
      if (input.informationSourceId !== undefined && input.informationSourceId !== ci.informationSourceId) {
        if (input.informationSourceId) await this.checkInformationSource(tx, input.informationSourceId);
        ci.informationSourceId = input.informationSourceId ?? null;
      }
      if (input.responsibleId && input.responsibleId !== ci.responsibleId) {
        await this.checkResponsible(tx, actor, input.responsibleId);
        ci.responsibleId = input.responsibleId;
      }
      if (lines) await this.writeLines(tx, ci.id, lines);
      if (competitorIds) await this.writeCompetitors(tx, ci.id, competitorIds);
      const after: Snapshot = { ...snapshot(ci), ...(lines && { lines: linesSnapshot(lines) }), ...(competitorIds && { competitorIds }) };
      return this.write(tx, actor, ci, before, after);
    });
  }

  /**
   * Moves an active interest to another stage of its scenario. A SUCCESS stage wins it; a FAILURE stage is
   * refused (a loss needs its reason: markClientInterestLost). The probability becomes the stage's default.
   */
  async move(actor: Actor, id: string, stageIdRaw: string, version?: number | null): Promise<ClientInterest> {
    const stageId = requireId(stageIdRaw, 'stageId');
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id, version);
      const stage = await this.stageInTx(tx, stageId);
      if (!stage) throw badInput('stageId', 'The stage does not exist', 'NOT_FOUND');
      if (stage.scenarioId !== ci.scenarioId) throw badInput('stageId', "The stage belongs to another sales scenario than the interest's", 'STAGE_OF_OTHER_SCENARIO');
      if (ci.state !== InterestState.ACTIVE) {
        throw conflict(`Only an active interest can be moved; this one is ${ci.state.toLowerCase()}`, { reason: 'NOT_ACTIVE', state: ci.state });
      }
      if (stage.semantic === StageSemantic.FAILURE) {
        throw badInput('stageId', 'A lost interest needs a loss reason: use markClientInterestLost instead of moving it', 'LOSS_REASON_REQUIRED');
      }
      if (stage.id === ci.stageId) return ci;
      return this.transition(tx, actor, ci, stage, stage.semantic === StageSemantic.SUCCESS ? InterestState.WON : InterestState.ACTIVE);
    });
  }

  /** Changes stage and/or state, appends the history row, writes the change and its audit row. */
  private async transition(
    tx: EntityManager,
    actor: Actor | null,
    ci: ClientInterest,
    stage: SalesStage,
    state: InterestState,
    patch: Partial<Pick<ClientInterest, 'lossReasonId' | 'lossComment' | 'probability'>> = {},
  ) {
    const before = snapshot(ci);
    const fromStageId = ci.stageId;
    const fromState = ci.state;
    ci.stageId = stage.id;
    ci.state = state;
    if (fromStageId !== stage.id || CLOSED_STATES.includes(state) || CLOSED_STATES.includes(fromState)) ci.probability = stage.probability;
    if (state === InterestState.LOST) ci.probability = 0;
    if (CLOSED_STATES.includes(state)) {
      ci.actualCloseDate = actor ? this.today(actor) : DateTime.now().toISODate()!;
    } else {
      ci.actualCloseDate = null;
    }
    if (state !== InterestState.LOST) {
      ci.lossReasonId = null;
      ci.lossComment = null;
    }
    Object.assign(ci, patch);
    await this.write(tx, actor, ci, before);
    await this.appendHistory(tx, actor, ci, fromStageId, fromState);
    return ci;
  }

  private async closingStage(tx: EntityManager, ci: ClientInterest, semantic: StageSemantic) {
    const stage = (await this.stagesOfScenarioInTx(tx, ci.scenarioId)).find((s) => s.semantic === semantic);
    if (!stage) throw conflict(`The sales scenario has no ${semantic} stage`, { reason: 'NO_CLOSING_STAGE' });
    return stage;
  }

  async markLost(actor: Actor, id: string, input: MarkClientInterestLostInput): Promise<ClientInterest> {
    const lossReasonId = requireId(input.lossReasonId, 'lossReasonId');
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id, input.version);
      this.assertOpen(ci);
      const reason = await tx.getRepository(LossReason).findOne({ where: { id: lossReasonId } });
      if (!reason) throw badInput('lossReasonId', 'The loss reason does not exist', 'NOT_FOUND');
      if (!reason.active) throw badInput('lossReasonId', `«${reason.name}» is no longer in use`, 'INACTIVE');
      const stage = await this.closingStage(tx, ci, StageSemantic.FAILURE);
      return this.transition(tx, actor, ci, stage, InterestState.LOST, { lossReasonId: reason.id, lossComment: input.comment?.trim() || null });
    });
  }

  async win(actor: Actor, id: string): Promise<ClientInterest> {
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id);
      this.assertOpen(ci);
      return this.transition(tx, actor, ci, await this.closingStage(tx, ci, StageSemantic.SUCCESS), InterestState.WON);
    });
  }

  /**
   * In-transaction hook for the sales documents: when a chain closes (paid and shipped), its interest is won.
   * Runs in the caller's transaction; the actor must be able to see the interest (the document's rights were
   * checked by its own service). An interest already won or lost is left as it is.
   */
  async markWon(tx: EntityManager, actor: Actor, idRaw: string): Promise<ClientInterest> {
    const id = requireId(idRaw, 'interestId');
    const ci = await tx.getRepository(ClientInterest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!ci || !canRead(actor, ci.responsibleId)) throw notFound('Client interest');
    if (!OPEN_STATES.includes(ci.state)) return ci;
    return this.transition(tx, actor, ci, await this.closingStage(tx, ci, StageSemantic.SUCCESS), InterestState.WON);
  }

  /**
   * In-transaction hook for business processes (modules/processes): a running Sale moves its interest on its own
   * authority (access was checked when the process started); `actor` is whoever caused the step, for the history
   * and the audit. `stageOrder` is the N-th in-progress stage of the interest's scenario (the last one when there
   * are fewer); a loss takes the least specific active loss reason (the last by sort, «Другое») with `comment`.
   * Only an active interest moves between stages; a won or lost one is left as it is. Null when it does not exist.
   */
  async followProcess(
    tx: EntityManager,
    actor: Actor | null,
    idRaw: string,
    change: { stageOrder: number } | { outcome: 'WON' } | { outcome: 'LOST'; comment: string },
  ): Promise<ClientInterest | null> {
    if (!isId(idRaw)) return null;
    const ci = await tx.getRepository(ClientInterest).findOne({ where: { id: idRaw }, lock: { mode: 'pessimistic_write' } });
    if (!ci || !OPEN_STATES.includes(ci.state)) return ci;
    if ('stageOrder' in change) {
      const working = (await this.stagesOfScenarioInTx(tx, ci.scenarioId)).filter((s) => s.semantic === StageSemantic.IN_PROGRESS);
      const stage = working[Math.min(Math.max(1, Math.trunc(change.stageOrder)), working.length) - 1];
      if (!stage || ci.state !== InterestState.ACTIVE || stage.id === ci.stageId) return ci;
      return this.transition(tx, actor, ci, stage, InterestState.ACTIVE);
    }
    if (change.outcome === 'WON') return this.transition(tx, actor, ci, await this.closingStage(tx, ci, StageSemantic.SUCCESS), InterestState.WON);
    const [reason] = await tx.query(`SELECT id FROM loss_reasons WHERE active ORDER BY sort DESC, name LIMIT 1`);
    if (!reason) throw conflict('There is no active loss reason to close the interest with', { reason: 'NO_LOSS_REASON' });
    const stage = await this.closingStage(tx, ci, StageSemantic.FAILURE);
    return this.transition(tx, actor, ci, stage, InterestState.LOST, { lossReasonId: reason.id, lossComment: change.comment.slice(0, 2000) || null });
  }

  async suspend(actor: Actor, id: string): Promise<ClientInterest> {
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id);
      if (ci.state !== InterestState.ACTIVE) throw conflict(`Only an active interest can be suspended; this one is ${ci.state.toLowerCase()}`, { reason: 'NOT_ACTIVE', state: ci.state });
      const stage = (await this.stageInTx(tx, ci.stageId))!;
      return this.transition(tx, actor, ci, stage, InterestState.SUSPENDED);
    });
  }

  async resume(actor: Actor, id: string): Promise<ClientInterest> {
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id);
      if (ci.state !== InterestState.SUSPENDED) throw conflict(`Only a suspended interest can be resumed; this one is ${ci.state.toLowerCase()}`, { reason: 'NOT_SUSPENDED', state: ci.state });
      const stage = (await this.stageInTx(tx, ci.stageId))!;
      return this.transition(tx, actor, ci, stage, InterestState.ACTIVE);
    });
  }

  /**
   * Reopens a won or lost interest (supervisor or administrator): back to the stage it was closed from, or the
   * scenario's first in-progress stage.
   */
  async reopen(actor: Actor, id: string): Promise<ClientInterest> {
    if (actor.role !== Role.ADMINISTRATOR && actor.role !== Role.SUPERVISOR) throw forbidden('Only a supervisor or an administrator can reopen a closed interest');
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id);
      if (!CLOSED_STATES.includes(ci.state)) throw conflict(`Only a won or lost interest can be reopened; this one is ${ci.state.toLowerCase()}`, { reason: 'NOT_CLOSED', state: ci.state });
      const stages = await this.stagesOfScenarioInTx(tx, ci.scenarioId);
      const [last] = await tx.query(
        `SELECT from_stage_id FROM client_interest_stage_history WHERE interest_id = $1 AND to_state = $2 ORDER BY id DESC LIMIT 1`,
        [ci.id, ci.state],
      );
      const stage =
        stages.find((s) => s.id === last?.from_stage_id && s.semantic === StageSemantic.IN_PROGRESS) ??
        stages.find((s) => s.semantic === StageSemantic.IN_PROGRESS);
      if (!stage) throw conflict('The sales scenario has no in-progress stage', { reason: 'NO_STAGES' });
      return this.transition(tx, actor, ci, stage, InterestState.ACTIVE);
    });
  }

  async setDeletionMark(actor: Actor, id: string, mark: boolean): Promise<ClientInterest> {
    return withTransaction(this.db, async (tx) => {
      const ci = await this.forChange(tx, actor, id, undefined, true);
      const before = snapshot(ci);
      ci.deletionMark = mark;
      return this.write(tx, actor, ci, before, snapshot(ci), mark ? AuditAction.MARK_FOR_DELETION : AuditAction.RESTORE);
    });
  }
}
