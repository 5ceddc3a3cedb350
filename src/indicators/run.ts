import { rows, run, type Database } from "../db/duckdb.ts";
import { ident, join, sql, type Sql } from "../db/sql.ts";
import { contextSql, contextTables } from "./context.ts";
import { referenceDates } from "./dates.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";

/** Every catalog entry of the families, in catalog order. */
export function catalogOf(families: readonly IndicatorFamily[]): CatalogEntry[] {
  return families.flatMap((f) => f.entries);
}

/** SQL values list of the catalog, for the grid and the catalog table. */
function catalogValues(entries: readonly CatalogEntry[]): Sql {
  return join(
    entries.map(
      (e, i) =>
        sql`(${i + 1}, ${e.code}, ${e.id}, ${e.group}, ${e.name_nl}, ${e.name_en}, ${e.unit}, ${e.direction}, ${e.definition_nl}, ${e.newsThreshold}, ${e.subject_nl}, ${e.zeroWhenEmpty}, ${e.requires.map((r) => `${r}.csv`).join(",")}, ${e.scopeTypes.join(",")})`,
    ),
    ",\n  ",
  );
}

/**
 * Computes every indicator at every reference date for every scope into `indicators`
 * (scope_type, scope, indicator, period_end, value), with one row for every combination that
 * applies: counts over nothing are 0, shares over nothing null, and indicators whose input file
 * is absent null throughout. A refresh runs the two halves itself (src/refresh/compute.ts), with
 * the detail tables beside the families.
 */
export async function computeIndicators(
  db: Database,
  families: readonly IndicatorFamily[],
  asOf: string,
  quarters = 11,
  kept: ReadonlySet<string> = new Set(),
): Promise<void> {
  await computeContext(db, asOf, quarters, kept);
  await computeFamilies(db, families, kept);
}

/**
 * The context of computeIndicators (contextSql and the context tables not in `kept`), which the
 * families and the detail tables read.
 */
export async function computeContext(
  db: Database,
  asOf: string,
  quarters = 11,
  kept: ReadonlySet<string> = new Set(),
): Promise<void> {
  await run(db, contextSql(referenceDates(asOf, quarters)));
  for (const table of contextTables) {
    if (kept.has(table.name)) continue;
    await run(db, sql`create or replace table ${ident(table.name)} as ${table.query}`);
  }
}

/** The families of computeIndicators over its context (computeContext): `indicators`. */
export async function computeFamilies(
  db: Database,
  families: readonly IndicatorFamily[],
  kept: ReadonlySet<string> = new Set(),
): Promise<void> {
  const entries = catalogOf(families);
  await run(
    db,
    sql`create or replace table catalog as
     select * from (values ${catalogValues(entries)})
     as t(ord, code, indicator, "group", name_nl, name_en, unit, direction, definition_nl,
          news_threshold, subject_nl, zero_when_empty, requires, scope_types)`,
  );
  // One family at a time: in one union query DuckDB builds several families' hash tables at
  // once, which took a national refresh over its memory ceiling (bench/README.md, step 11). A
  // refresh runs the detail tables beside them (src/refresh/compute.ts): peak RSS 0,81-0,88 GB.
  await run(
    db,
    sql`create or replace table indicator_values
     (scope_type varchar, scope varchar, indicator varchar, period_end date, value double)`,
  );
  for (const family of families) {
    // Tables over exports alone, unless kept from the previous refresh (src/ingest/reuse.ts).
    for (const table of family.prepare ?? []) {
      if (kept.has(table.name)) continue;
      await run(db, sql`create or replace table ${ident(table.name)} as ${table.query}`);
    }
    for (const statement of family.builds ?? []) await run(db, statement);
    await run(
      db,
      sql`insert into indicator_values
       select scope_type::varchar, scope::varchar, indicator::varchar, period_end::date, value::double
       from (${family.sql})`,
    );
  }
  await run(
    db,
    sql`create or replace table indicators as
     with grid as (
       select s.scope_type, s.scope, c.indicator, c.ord, c.zero_when_empty, c.requires, r.d as period_end
       from catalog as c
       join (select * from scopes union all select * from iza_scopes where scope_type = 'iza_regio') as s
         on list_contains(string_split(c.scope_types, ','), s.scope_type)
       cross join ref_dates as r
     ),
     absent as (select file from data_quality where status = 'absent'),
     final as (
       select g.scope_type, g.scope, g.indicator, g.period_end,
         case
           when exists (select 1 from absent where list_contains(string_split(g.requires, ','), absent.file)) then null
           when g.zero_when_empty then coalesce(v.value, 0)
           else v.value
         end as value,
         g.ord
       from grid as g
       left join indicator_values as v using (scope_type, scope, indicator, period_end)
     )
     select scope_type, scope, indicator, period_end, value from final
     order by scope_type, scope, ord, period_end`,
  );
  const unknown = await rows<{ indicator: string }>(
    db,
    sql`select distinct indicator from indicator_values
     where indicator not in (select indicator from catalog) order by indicator`,
  );
  if (unknown.length) {
    const ids = unknown.map((u) => u.indicator).join(", ");
    throw new Error(`indicator: de SQL geeft een id die niet in de catalogus staat: ${ids}`);
  }
  const [dupes] = await rows<{ n: bigint }>(
    db,
    sql`select count(*) as n from (select scope_type, scope, indicator, period_end from indicator_values
     group by all having count(*) > 1)`,
  );
  if (Number(dupes!.n) > 0)
    throw new Error("indicator: een indicator gaf twee waarden voor één datum");
}
