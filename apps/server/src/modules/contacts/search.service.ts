import type { DataSource } from 'typeorm';
import { scopeOf } from '../auth/access';
import type { Actor } from '../auth/user.entity';
import { badInput } from '../../core/errors';
import { decodeCursor, encodeCursor } from '../../core/pagination';
import { searchPatterns } from './counterparty.service';
import type { CounterpartyService } from './counterparty.service';
import type { ContactPersonService } from './contact-person.service';
import type { Counterparty } from './counterparty.entity';
import type { ContactPerson } from './contact-person.entity';

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
 * best match per object, ranks prefix matches first and pages by keyset; two more load the objects.
 */
export class SearchService {
  constructor(
    private readonly db: DataSource,
    private readonly counterparties: CounterpartyService,
    private readonly persons: ContactPersonService,
  ) {}

  async search(actor: Actor, queryRaw: string, first: number, after?: string | null) {
    const query = queryRaw.trim();
    if (query.length < 2) throw badInput('query', 'Type at least 2 characters to search', 'TOO_SHORT');
    const p = searchPatterns(query);
    const prefix = p.text.slice(1); // 'abc%': the start of a name or key ranks first
    const cursor = decodeCursor(after, 4) as [number, string, string, string] | null;
    const scope = scopeOf(actor).read;
    const rows: Array<SearchHitRow & { total: number }> = await this.db.query(
      `WITH hits AS (
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
          WHERE c.search_text LIKE $1 AND NOT c.deletion_mark AND ($6::uuid[] IS NULL OR c.responsible_id = ANY($6))
         UNION ALL
         SELECT 'Counterparty', c.id, c.name, 2, lower(ci.type), ci.value
           FROM contact_info ci JOIN counterparties c ON c.id = ci.counterparty_id
          WHERE ${MATCH} AND NOT c.deletion_mark AND ($6::uuid[] IS NULL OR c.responsible_id = ANY($6))
         UNION ALL
         SELECT 'ContactPerson', p.id, concat_ws(' ', p.last_name, p.first_name, p.middle_name),
                CASE WHEN p.search_text LIKE $4 THEN 0 ELSE 1 END, 'name', concat_ws(' ', p.last_name, p.first_name, p.middle_name)
           FROM contact_persons p LEFT JOIN counterparties pc ON pc.id = p.counterparty_id
          WHERE p.search_text LIKE $1 AND NOT p.deletion_mark AND ($6::uuid[] IS NULL OR COALESCE(pc.responsible_id, p.responsible_id) = ANY($6))
         UNION ALL
         SELECT 'ContactPerson', p.id, concat_ws(' ', p.last_name, p.first_name, p.middle_name), 2, lower(ci.type), ci.value
           FROM contact_info ci JOIN contact_persons p ON p.id = ci.contact_person_id LEFT JOIN counterparties pc ON pc.id = p.counterparty_id
          WHERE ${MATCH} AND NOT p.deletion_mark AND ($6::uuid[] IS NULL OR COALESCE(pc.responsible_id, p.responsible_id) = ANY($6))
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
       SELECT t.total, page.* FROM (SELECT count(*)::int AS total FROM best) t LEFT JOIN page ON true
        ORDER BY page.rank, lower(page.label), page.kind, page.id::text`,
      [p.text, p.address, p.digits, prefix, query.replace(/\D/g, '') ? `%${query.replace(/\D/g, '')}%` : null, scope, cursor?.[0] ?? null, cursor?.[1] ?? null, cursor?.[2] ?? null, cursor?.[3] ?? null, first + 1, p.trunk],
    );
    const total = rows[0]?.total ?? 0;
    const hits = rows.filter((r) => r.id);
    const page = hits.slice(0, first);
    const [cps, persons] = await Promise.all([
      this.counterparties.byIds(actor, page.filter((r) => r.kind === 'Counterparty').map((r) => r.id)),
      this.persons.byIds(actor, page.filter((r) => r.kind === 'ContactPerson').map((r) => r.id)),
    ]);
    const nodes = new Map<string, Counterparty | ContactPerson>([...cps, ...persons].map((n) => [n.id, n]));
    const edges = page
      .filter((r) => nodes.has(r.id))
      .map((r) => ({
        // The database's lower(), not JavaScript's: the next page compares against it in SQL.
        cursor: encodeCursor([r.rank, r.sortLabel, r.kind, r.id]),
        matchedField: r.matchedField,
        matchedValue: r.matchedValue,
        node: nodes.get(r.id)!,
      }));
    return { totalCount: total, edges, pageInfo: { hasNextPage: hits.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }
}

/**
 * SQL twin of `textSearchKey` for one column, to tell which part of a counterparty's search text matched:
 * a name that happens to contain the digits of the query is a name match, not an INN match.
 */
const textKey = (column: string) => `btrim(regexp_replace(replace(lower(coalesce(${column}, '')), 'ё', 'е'), '\\s+', ' ', 'g'))`;

const MATCH = `((ci.type NOT IN ('PHONE','FAX') AND (ci.search_key LIKE $1 OR ci.search_key LIKE $2))
                OR ($3::text IS NOT NULL AND ci.type IN ('PHONE','FAX') AND (ci.search_key LIKE $3 OR ci.search_key LIKE $12)))`;
