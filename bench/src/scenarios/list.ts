import type { Pool } from 'pg';
import type { BenchUser, Role } from '../fixtures';
import { check, iso, pick, type ReadOp, type ReadScenario } from './types';

/** The Counterparties tab (CounterpartyListItem of the web app, plus the last contact date). */
const QUERY = `query Counterparties($first: Int!, $after: String) {
  counterparties(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    edges { cursor node { id name inn mainPhone relationTypes deletionMark updatedAt createdAt responsible { id fullName } lastContactAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * The floor: the page by keyset over (name, id) in scope, read in index order per responsible user and merged
 * (so a manager's page costs ~51 index entries, not a scan by name filtered to their rows), 51 rows (the 51st
 * tells whether a next page exists, as on the server), each with its responsible, first phone and latest
 * completed event, and the total.
 */
const FLOOR = `
SELECT t.total, p.id, p.name, p.inn, p.relation_types, p.deletion_mark, p.updated_at, p.created_at, u.id AS responsible_id, u.full_name,
       ph.value AS main_phone, lc.last_contact_at
  FROM (SELECT count(*)::int AS total FROM counterparties c WHERE c.responsible_id = ANY($1) AND NOT c.deletion_mark) t
  LEFT JOIN LATERAL (
    SELECT x.* FROM unnest($1::uuid[]) AS r(id)
     CROSS JOIN LATERAL (
       SELECT c.* FROM counterparties c
        WHERE c.responsible_id = r.id AND NOT c.deletion_mark AND ($2::text IS NULL OR (c.name, c.id) > ($2, $3::uuid))
        ORDER BY c.name, c.id LIMIT 51) x
     ORDER BY x.name, x.id LIMIT 51) p ON true
  LEFT JOIN users u ON u.id = p.responsible_id
  LEFT JOIN LATERAL (SELECT ci.value FROM contact_info ci WHERE ci.counterparty_id = p.id AND ci.type = 'PHONE' ORDER BY ci.position LIMIT 1) ph ON true
  LEFT JOIN LATERAL (SELECT e.start_at AS last_contact_at FROM events e
                      WHERE e.counterparty_id = p.id AND e.state = 'COMPLETED' AND e.responsible_id = ANY($1) ORDER BY e.start_at DESC LIMIT 1) lc ON true
 ORDER BY p.name, p.id`;

const PAGE = 50;

/** The server's cursor for the NAME order: the name and the id of the row the page continues after. */
const cursorOf = (name: string, id: string) => Buffer.from(JSON.stringify([name, id])).toString('base64url');

type Params = { user: BenchUser; after: { name: string; id: string } | null };

function op(role: Role, users: BenchUser[], pool: Pool, next: boolean): ReadOp<Params> {
  return {
    scenario: 'list',
    name: next ? 'list: next page by cursor' : 'list: first page',
    role,
    targetP95: 30,
    params(i) {
      const { user, sample } = pick(users, i);
      // "Next page" continues after a sampled counterparty, i.e. from anywhere in the list.
      return { user, after: next ? { name: sample.name, id: sample.id } : null };
    },
    async api({ user, after }) {
      const r = await user.client.gql(QUERY, { first: PAGE, after: after ? cursorOf(after.name, after.id) : null });
      const d = check(r).counterparties;
      return {
        sql: r.sql,
        answer: {
          total: d.totalCount,
          hasNextPage: d.pageInfo.hasNextPage,
          rows: d.edges.map((e: any) => [e.node.id, e.node.name, e.node.inn, e.node.mainPhone, e.node.responsible?.fullName, iso(e.node.lastContactAt)]),
        },
      };
    },
    async floor({ user, after }) {
      const r = await pool.query(FLOOR, [user.scope, after?.name ?? null, after?.id ?? null]);
      const rows = r.rows.filter((x) => x.id);
      return {
        total: r.rows[0].total,
        hasNextPage: rows.length > PAGE,
        rows: rows.slice(0, PAGE).map((x) => [x.id, x.name, x.inn, x.main_phone, x.full_name, iso(x.last_contact_at)]),
      };
    },
  };
}

export const listScenario: ReadScenario = {
  name: 'list',
  description: 'The Counterparties tab: 50 rows by name with responsible, main phone and last contact date, and the total; then a next page by cursor.',
  ops(f, pool) {
    return (['MANAGER', 'SUPERVISOR'] as Role[]).flatMap((role) => [op(role, f.byRole(role), pool, false), op(role, f.byRole(role), pool, true)]);
  },
};
