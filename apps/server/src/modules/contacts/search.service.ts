import type { DataSource } from 'typeorm';
import { scopeOf } from '../auth/access';
import type { Actor } from '../auth/user.entity';
import { badInput } from '../../core/errors';
import { decodeCursor, encodeCursor } from '../../core/pagination';
import { searchPatterns } from './counterparty.service';
import { Counterparty } from './counterparty.entity';
import { ContactPerson } from './contact-person.entity';
import { columnsOf, hydrate } from '../../core/database/hydrate';

export interface SearchHitRow {
  kind: 'Counterparty' | 'ContactPerson';
  id: string;
  label: string;
  sortLabel: string;
  rank: number;
  matchedField: string;
  matchedValue: string;
}

/**
 * Global search over counterparties and contact persons by any fragment: name, INN, phone in any writing,
 * e-mail, address. One SQL statement finds the hits (trigram indexes serve every `LIKE '%…%'`), keeps the
 * best match per object, ranks prefix matches first, pages by keyset and returns the page's objects.
 */
export class SearchService {
  constructor(private readonly db: DataSource) {}

  async search(actor: Actor, queryRaw: string, first: number, after?: string | null) {
    const query = queryRaw.trim();
    if (query.length < 2) throw badInput('query', 'Type at least 2 characters to search', 'TOO_SHORT');
    const p = searchPatterns(query);
    const prefix = p.text.slice(1); // 'abc%': the start of a name or key ranks first
    const cursor = decodeCursor(after, 4) as [number, string, string, string] | null;
    const scope = scopeOf(actor).read;
    const rows: Array<SearchHitRow & { total: number } & Record<string, unknown>> = await this.db.query(searchSql(this.db, scope !== null), [
      p.text,
      p.address,
      p.digits,
      prefix,
      query.replace(/\D/g, '') ? `%${query.replace(/\D/g, '')}%` : null,
      scope,
      cursor?.[0] ?? null,
      cursor?.[1] ?? null,
      cursor?.[2] ?? null,
      cursor?.[3] ?? null,
      first + 1,
      p.trunk,
    ]);
    const total = rows[0]?.total ?? 0;
    const hits = rows.filter((r) => r.id);
    const page = hits.slice(0, first);
    const edges = page.map((r) => ({
      // The database's lower(), not JavaScript's: the next page compares against it in SQL.
      cursor: encodeCursor([r.rank, r.sortLabel, r.kind, r.id]),
      matchedField: r.matchedField,
      matchedValue: r.matchedValue,
      node: (r.kind === 'Counterparty' ? hydrate(this.db, Counterparty, r, 'c_') : hydrate(this.db, ContactPerson, r, 'p_')) as Counterparty | ContactPerson,
    }));
    return { totalCount: total, edges, pageInfo: { hasNextPage: hits.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }
}

/**
 * The search statement. The scope is part of each trigram index scan: the counterparty's responsible, and for
 * persons and contact information their governing responsible (the counterparty's responsible, or a person's own
 * when on their own; kept by triggers, migration 1764921600000-SearchScope), each beside the text in one GIN index,
 * so rows of other managers are never read. Contact information is matched once (MATERIALIZED: the planner would
 * otherwise scan it once per owner type) and each match's owner is looked up by its key (LATERAL … LIMIT 1: the
 * trigram estimate of the matches is often 20× too high, and the planner then hashed all 300,000 persons), where
 * the owner's scope is checked again on the row itself; then the best match per object, the page by keyset, the
 * total, and the page's objects themselves, so a search is one statement. Without a scope (all records) the scope
 * parts are left out rather than made true. Parameters: $1 text, $2 address, $3 phone digits, $4 prefix,
 * $5 INN digits, $6 scope, $7–$10 cursor, $11 limit, $12 trunk-prefixed phone.
 */
export function searchSql(db: DataSource, scoped: boolean) {
  // Unscoped, $6 is null and named once only so that the driver can type it.
  const cpScope = scoped ? 'AND c.responsible_id = ANY($6)' : 'AND $6::uuid[] IS NULL';
  const personScope = scoped ? 'AND p.governing_responsible_id = ANY($6)' : '';
  const infoScope = scoped ? 'AND ci.governing_responsible_id = ANY($6)' : '';
  const personName = `concat_ws(' ', p.last_name, p.first_name, p.middle_name)`;
  return `WITH ci_hits AS MATERIALIZED (
       SELECT ci.counterparty_id, ci.contact_person_id, ci.type, ci.value FROM contact_info ci WHERE ${MATCH} ${infoScope}
     ), hits AS (
       SELECT 'Counterparty' AS kind, c.id, c.name AS label,
              CASE WHEN c.search_text LIKE $4 THEN 0 ELSE 1 END AS rank,
              CASE WHEN ${textKey('c.name')} LIKE $1 THEN 'name'
                   WHEN $5::text IS NOT NULL AND c.inn LIKE $5 THEN 'inn'
                   WHEN ${textKey('c.full_name')} LIKE $1 THEN 'fullName'
                   ELSE 'name' END AS matched_field,
              CASE WHEN ${textKey('c.name')} LIKE $1 THEN c.name
                   WHEN $5::text IS NOT NULL AND c.inn LIKE $5 THEN c.inn
                   WHEN ${textKey('c.full_name')} LIKE $1 THEN c.full_name
                   ELSE c.name END AS matched_value
         FROM counterparties c
        WHERE c.search_text LIKE $1 AND NOT c.deletion_mark ${cpScope}
       UNION ALL
       SELECT 'Counterparty', c.id, c.name, 2, lower(h.type), h.value
         FROM ci_hits h
        CROSS JOIN LATERAL (SELECT c.id, c.name FROM counterparties c WHERE c.id = h.counterparty_id AND NOT c.deletion_mark ${cpScope} LIMIT 1) c
        WHERE h.counterparty_id IS NOT NULL
       UNION ALL
       SELECT 'ContactPerson', p.id, ${personName}, CASE WHEN p.search_text LIKE $4 THEN 0 ELSE 1 END, 'name', ${personName}
         FROM contact_persons p
        WHERE p.search_text LIKE $1 AND NOT p.deletion_mark ${personScope}
       UNION ALL
       SELECT 'ContactPerson', p.id, ${personName}, 2, lower(h.type), h.value
         FROM ci_hits h
        CROSS JOIN LATERAL (SELECT p.id, p.last_name, p.first_name, p.middle_name
                              FROM contact_persons p WHERE p.id = h.contact_person_id AND NOT p.deletion_mark ${personScope} LIMIT 1) p
        WHERE h.contact_person_id IS NOT NULL
     ), best AS (
       SELECT DISTINCT ON (kind, id) * FROM hits ORDER BY kind, id, rank
     ), page AS (
       SELECT kind, id, label, lower(label) AS "sortLabel", rank, matched_field AS "matchedField", matched_value AS "matchedValue"
         FROM best
        WHERE $7::int IS NULL OR (rank, lower(label), kind, id::text) > ($7, $8, $9, $10)
        ORDER BY rank, lower(label), kind, id::text
        LIMIT $11
     )
     -- The count rides along even when the page is empty, so this stays one statement.
     SELECT t.total, page.*, ${columnsOf(db, Counterparty, 'c', 'c_')}, ${columnsOf(db, ContactPerson, 'p', 'p_')}
       FROM (SELECT count(*)::int AS total FROM best) t
       LEFT JOIN page ON true
       LEFT JOIN counterparties c ON page.kind = 'Counterparty' AND c.id = page.id
       LEFT JOIN contact_persons p ON page.kind = 'ContactPerson' AND p.id = page.id
      ORDER BY page.rank, lower(page.label), page.kind, page.id::text`;
}

/**
 * SQL twin of `textSearchKey` for one column, to tell which part of a counterparty's search text matched:
 * a name that happens to contain the digits of the query is a name match, not an INN match.
 */
const textKey = (column: string) => `btrim(regexp_replace(replace(lower(coalesce(${column}, '')), 'ё', 'е'), '\\s+', ' ', 'g'))`;

const MATCH = `((ci.type NOT IN ('PHONE','FAX') AND (ci.search_key LIKE $1 OR ci.search_key LIKE $2))
                OR ($3::text IS NOT NULL AND ci.type IN ('PHONE','FAX') AND (ci.search_key LIKE $3 OR ci.search_key LIKE $12)))`;
