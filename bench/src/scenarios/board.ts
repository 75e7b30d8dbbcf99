import type { Pool } from 'pg';
import { Dec, money } from '@crm/server/src/modules/sales/money';
import type { BenchUser, Role } from '../fixtures';
import { check, type ReadOp, type ReadScenario } from './types';

/** The pipeline board (client interests, «Доска») as the web app asks for it (BoardView: ClientInterestBoard). */
const QUERY = `query ClientInterestBoard($scenarioId: ID, $filter: ClientInterestBoardFilter, $cardsPerColumn: Int!) {
  clientInterestBoard(scenarioId: $scenarioId, filter: $filter, cardsPerColumn: $cardsPerColumn) {
    totalCount plannedAmount weightedAmount
    scenario { id name }
    columns {
      count plannedAmount weightedAmount
      stage { ...SalesStageFields }
      cards { edges { node { ...InterestCardFields } } }
    }
  }
}
fragment SalesStageFields on SalesStage { id name probability semantic sort }
fragment InterestCardFields on ClientInterest {
  id number state need plannedAmount probability plannedCloseDate
  counterparty { id name }
  responsible { id fullName }
  viewerCan { move }
}`;

/** The web's cards per column (BoardView's CARDS_PER_COLUMN). */
const CARDS = 30;
/** The server's DEFAULT_BOARD_CLOSED_DAYS: won and lost interests stay on the board this many days. */
const CLOSED_DAYS = 30;

/**
 * The floor: per stage of the scenario, the count and sums of the interests in scope (not marked, open or closed
 * within 30 days), and the newest 30 cards, read in index order per responsible user and merged (as the list's
 * floor does), each with its client and responsible.
 */
const FLOOR = `
WITH t AS (
  SELECT ci.stage_id, count(*)::int AS n, sum(ci.planned_amount)::text AS amount, round(sum(ci.planned_amount * ci.probability) / 100, 2)::text AS weighted
    FROM client_interests ci
   WHERE ci.responsible_id = ANY($1) AND ci.scenario_id = $2 AND NOT ci.deletion_mark
     AND (ci.state NOT IN ('WON', 'LOST') OR ci.actual_close_date >= current_date - $3::int)
   GROUP BY ci.stage_id
)
SELECT st.id, st.name, st.probability, st.semantic, st.sort, sc.name AS scenario, t.n, t.amount, t.weighted,
       (SELECT json_agg(json_build_array(x.id, x.number, x.state, x.need, x.planned_amount::text, x.probability, x.planned_close_date, c.name, u.full_name, x.responsible_id)
                        ORDER BY x.created_at DESC, x.id DESC)
          FROM (SELECT y.* FROM unnest($1::uuid[]) AS r(id)
                 CROSS JOIN LATERAL (
                   SELECT ci.* FROM client_interests ci
                    WHERE ci.stage_id = st.id AND ci.responsible_id = r.id AND NOT ci.deletion_mark
                      AND (ci.state NOT IN ('WON', 'LOST') OR ci.actual_close_date >= current_date - $3::int)
                    ORDER BY ci.created_at DESC, ci.id DESC LIMIT $4) y
                 ORDER BY y.created_at DESC, y.id DESC LIMIT $4) x
          LEFT JOIN counterparties c ON c.id = x.counterparty_id AND c.responsible_id = ANY($1)
          LEFT JOIN users u ON u.id = x.responsible_id) AS cards
  FROM sales_stages st JOIN sales_scenarios sc ON sc.id = st.scenario_id LEFT JOIN t ON t.stage_id = st.id
 WHERE st.scenario_id = $2
 ORDER BY st.sort, st.id`;

type Params = { user: BenchUser };

const sum = (values: string[]) => money(values.reduce((s, v) => s.plus(v), new Dec(0)));

function op(role: Role, users: BenchUser[], pool: Pool, scenarioId: () => Promise<string>): ReadOp<Params> {
  return {
    scenario: 'board',
    name: 'board: pipeline of the default scenario',
    role,
    targetP95: 30,
    params: (i) => ({ user: users[i % users.length] }),
    async api({ user }) {
      // The web asks with the scenario chosen in the toolbar (the default one) and no filter.
      const r = await user.client.gql(QUERY, { scenarioId: await scenarioId(), filter: {}, cardsPerColumn: CARDS });
      const b = check(r).clientInterestBoard;
      return {
        sql: r.sql,
        answer: {
          scenario: b.scenario.name,
          totals: [b.totalCount, b.plannedAmount, b.weightedAmount],
          columns: b.columns.map((c: any) => ({
            stage: [c.stage.id, c.stage.name, c.stage.probability, c.stage.semantic, c.stage.sort],
            totals: [c.count, c.plannedAmount, c.weightedAmount],
            cards: c.cards.edges.map(({ node: n }: any) => [
              n.id, n.number, n.state, n.need, n.plannedAmount, n.probability, n.plannedCloseDate, n.counterparty?.name ?? null, n.responsible?.fullName ?? null, n.viewerCan.move,
            ]),
          })),
        },
      };
    },
    async floor({ user }) {
      const rows = (await pool.query(FLOOR, [user.scope, await scenarioId(), CLOSED_DAYS, CARDS])).rows;
      const columns = rows.map((s) => ({
        stage: [s.id, s.name, s.probability, s.semantic, s.sort],
        totals: [s.n ?? 0, money(s.amount ?? '0'), money(s.weighted ?? '0')],
        cards: (s.cards ?? []).map((c: any[]) => [...c.slice(0, 9), c[2] === 'ACTIVE' && user.scope.includes(c[9])]),
      }));
      return {
        scenario: rows[0]?.scenario,
        totals: [columns.reduce((n, c) => n + (c.totals[0] as number), 0), sum(columns.map((c) => c.totals[1] as string)), sum(columns.map((c) => c.totals[2] as string))],
        columns,
      };
    },
  };
}

export const boardScenario: ReadScenario = {
  name: 'board',
  description: 'The pipeline board of client interests: the default scenario\'s stages with counts, planned and weighted sums, and the newest 30 cards of each.',
  ops(f, pool) {
    let id: Promise<string> | null = null;
    const scenarioId = () => (id ??= pool.query(`SELECT id FROM sales_scenarios WHERE is_default`).then((r) => r.rows[0].id as string));
    return (['MANAGER', 'SUPERVISOR'] as Role[]).map((role) => op(role, f.byRole(role), pool, scenarioId));
  },
};
