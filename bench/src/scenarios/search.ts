import type { Pool } from 'pg';
import { searchPatterns } from '@crm/server/src/modules/contacts/counterparty.service';
import type { BenchUser, Role, Sample } from '../fixtures';
import { check, pick, type ReadOp, type ReadScenario } from './types';

/** The app bar's query (apps/web/src/app/shell/GlobalSearch.tsx), as typed. */
const QUERY = `query GlobalSearch($query: String!) {
  search(query: $query, first: 10) {
    totalCount
    edges { cursor matchedField matchedValue node { __typename ... on Counterparty { id name } ... on ContactPerson { id fullName } } }
  }
}`;

/**
 * The floor: one statement with the same answer over the same indexes, written as a person would tune it by hand:
 * the scope inside each trigram index scan (the responsible, or the governing responsible of persons and contact
 * information, beside the text in one GIN index), so that other managers' rows are never read, and the
 * contact-information matches found once (not once per owner type). It pages the best match per object in rank
 * order and counts them all. (Which of two equally good matches is shown is arbitrary on both sides, so answers
 * are compared on the objects, their order and the total.)
 */
const FLOOR = `
WITH ci_hits AS MATERIALIZED (
  SELECT ci.counterparty_id, ci.contact_person_id FROM contact_info ci
   WHERE ((ci.type NOT IN ('PHONE','FAX') AND (ci.search_key LIKE $1 OR ci.search_key LIKE $2))
      OR ($3::text IS NOT NULL AND ci.type IN ('PHONE','FAX') AND (ci.search_key LIKE $3 OR ci.search_key LIKE $6)))
     AND ci.governing_responsible_id = ANY($5)
), hits AS (
  SELECT 'Counterparty' AS kind, c.id, c.name AS label, CASE WHEN c.search_text LIKE $4 THEN 0 ELSE 1 END AS rank
    FROM counterparties c
   WHERE c.search_text LIKE $1 AND NOT c.deletion_mark AND c.responsible_id = ANY($5)
  UNION ALL
  SELECT 'Counterparty', c.id, c.name, 2
    FROM ci_hits h JOIN counterparties c ON c.id = h.counterparty_id
   WHERE NOT c.deletion_mark
  UNION ALL
  SELECT 'ContactPerson', p.id, concat_ws(' ', p.last_name, p.first_name, p.middle_name), CASE WHEN p.search_text LIKE $4 THEN 0 ELSE 1 END
    FROM contact_persons p
   WHERE p.search_text LIKE $1 AND NOT p.deletion_mark AND p.governing_responsible_id = ANY($5)
  UNION ALL
  SELECT 'ContactPerson', p.id, concat_ws(' ', p.last_name, p.first_name, p.middle_name), 2
    FROM ci_hits h JOIN contact_persons p ON p.id = h.contact_person_id
   WHERE NOT p.deletion_mark
), best AS (
  SELECT kind, id, label, min(rank) AS rank FROM hits GROUP BY kind, id, label
)
SELECT t.total, page.kind, page.id, page.label
  FROM (SELECT count(*)::int AS total FROM best) t
  LEFT JOIN LATERAL (SELECT * FROM best ORDER BY rank, lower(label), kind, id::text LIMIT 10) page ON true
 ORDER BY page.rank, lower(page.label), page.kind, page.id::text`;

type Kind = 'phone' | 'inn' | 'name' | 'email';

/** What a person types: the last 7 digits of a phone as written, an INN, the start of a name, a mail domain. */
export function fragmentOf(kind: Kind, s: Sample): string | null {
  switch (kind) {
    case 'phone':
      return s.phone ? `${s.phone.slice(4, 7)}-${s.phone.slice(7, 9)}-${s.phone.slice(9, 11)}` : null;
    case 'inn':
      return s.inn;
    case 'name': {
      const core = s.name.replace(/^(ООО|АО|ПАО|ЗАО|НКО|ГУП|ИП)\s+/, '').replace(/[«»]/g, '');
      return (core.match(/[А-ЯЁа-яё]{4,}/)?.[0] ?? core).slice(0, 6).toLowerCase();
    }
    case 'email':
      return s.email ? s.email.split('@')[1].split('.')[0].slice(0, 10) : null;
  }
}

const LABELS: Record<Kind, string> = { phone: 'phone fragment', inn: 'INN', name: 'name fragment', email: 'e-mail fragment' };

function op(kind: Kind, role: Role, users: BenchUser[], pool: Pool): ReadOp<{ user: BenchUser; query: string }> {
  return {
    scenario: 'search',
    name: `search: ${LABELS[kind]}`,
    role,
    targetP95: 20,
    params(i) {
      // Walk the samples until one has the value (not every counterparty has an INN).
      for (let k = i; ; k += users.length) {
        const { user, sample } = pick(users, k);
        const query = fragmentOf(kind, sample);
        if (query) return { user, query };
        if (k > i + users.length * 50) throw new Error(`no sample has a ${kind}`);
      }
    },
    async api({ user, query }) {
      const r = await user.client.gql(QUERY, { query });
      const d = check(r).search;
      return {
        sql: r.sql,
        answer: { total: d.totalCount, hits: d.edges.map((e: any) => [e.node.__typename, e.node.id, e.node.name ?? e.node.fullName]) },
      };
    },
    async floor({ user, query }) {
      const p = searchPatterns(query);
      const prefix = p.text.slice(1);
      const r = await pool.query(FLOOR, [p.text, p.address, p.digits, prefix, user.scope, p.trunk]);
      return { total: r.rows[0]?.total ?? 0, hits: r.rows.filter((x) => x.id).map((x) => [x.kind, x.id, x.label]) };
    },
  };
}

export const searchScenario: ReadScenario = {
  name: 'search',
  description: 'Global search (the app bar, first 10 hits with the total) by a phone fragment, an INN, a name fragment and an e-mail fragment.',
  ops(f, pool) {
    const kinds: Kind[] = ['phone', 'inn', 'name', 'email'];
    return (['MANAGER', 'SUPERVISOR'] as Role[]).flatMap((role) => kinds.map((k) => op(k, role, f.byRole(role), pool)));
  },
};
