import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Whole entity rows read alongside other data in one hand-written statement: `columnsOf` selects every column
 * of an entity under a prefix (`c.name AS "c_name"`, from the entity's metadata, so columns added later come
 * along), `hydrate` turns such a row back into the entity exactly as TypeORM's own reads do.
 */
export function columnsOf(db: DataSource, target: EntityTarget<ObjectLiteral>, alias: string, prefix = `${alias}_`): string {
  return db
    .getMetadata(target)
    .columns.map((c) => `${alias}.${c.databaseName} AS "${prefix}${c.databaseName}"`)
    .join(', ');
}

/** The entity from a row selected with `columnsOf`; null when the row has none (an outer join that missed). */
export function hydrate<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>, row: Record<string, unknown>, prefix: string): T | null {
  const meta = db.getMetadata(target);
  const primary = meta.primaryColumns[0];
  if (row[`${prefix}${primary.databaseName}`] == null) return null;
  const entity = meta.create() as T;
  for (const c of meta.columns) c.setEntityValue(entity, db.driver.prepareHydratedValue(row[`${prefix}${c.databaseName}`], c));
  return entity;
}

/** One list of a `pagesWithTotals` statement: the filtered list without the cursor, the page, and its order. */
export interface PagePart<T extends ObjectLiteral> {
  /** The filtered list (no cursor, order or limit): what the total counts. */
  count: SelectQueryBuilder<T>;
  /** The same with the cursor, order and limit; null asks for the total only. */
  page: SelectQueryBuilder<T> | null;
  /** The page's order over the `page` CTE's column aliases, e.g. `page."e_start_at" ASC, page."e_id" ASC`. */
  orderBy: string;
  /** The page selects a `sort_value` column (for its cursors) besides the entity's columns. */
  sortValue?: boolean;
}

/**
 * Keyset pages and the totals of their lists in one statement, however many lists a request asks for (the
 * Tasks tab asks for three, and for counts). Each part keeps its named parameters (distinct across parts, or
 * equal in value), bound once for the combined statement; each total rides along even when its page is empty.
 */
export async function pagesWithTotals<T extends ObjectLiteral>(
  db: DataSource,
  target: EntityTarget<T>,
  alias: string,
  parts: Array<PagePart<T>>,
): Promise<Array<{ total: number; rows: Array<{ entity: T; raw: Record<string, unknown> }> }>> {
  const parameters: ObjectLiteral = {};
  // The same columns in every branch, whatever each page selects besides.
  const columns = db
    .getMetadata(target)
    .columns.map((c) => `page."${alias}_${c.databaseName}"`)
    .join(', ');
  const branches = parts.map((p, k) => {
    Object.assign(parameters, p.count.getParameters(), p.page?.getParameters() ?? {});
    const countSql = p.count.clone().select('count(*)::int', 'total').orderBy().limit(undefined).getQuery();
    const page = p.page ?? p.count.clone().andWhere('false');
    return `(WITH page AS (${page.getQuery()})
             SELECT ${k} AS part, row_number() OVER (ORDER BY ${p.orderBy}) AS n, t.total, ${columns}, ${p.page && p.sortValue ? 'page.sort_value' : 'NULL::text AS sort_value'}
               FROM (${countSql}) t LEFT JOIN page ON true)`;
  });
  const [sql, params] = db.driver.escapeQueryWithParameters(`${branches.join(' UNION ALL ')} ORDER BY part, n`, parameters);
  const raw: Array<Record<string, unknown>> = await db.query(sql, params);
  const out = parts.map(() => ({ total: 0, rows: [] as Array<{ entity: T; raw: Record<string, unknown> }> }));
  for (const r of raw) {
    const o = out[Number(r.part)];
    o.total = Number(r.total ?? 0);
    const entity = hydrate(db, target, r, `${alias}_`);
    if (entity) o.rows.push({ entity, raw: r });
  }
  return out;
}
