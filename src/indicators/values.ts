import { join, sql, type Sql } from "../db/sql.ts";
import type { CatalogEntry } from "./types.ts";

/**
 * The `values_long` and `final` CTEs of a family's query, generated from its catalog entries:
 * one branch per entry, so an indicator id is written once (in its entry) and a catalog entry
 * without a value cannot exist.
 */
export function valuesCtes(entries: readonly CatalogEntry[]): Sql {
  if (entries.length === 0) throw new Error("indicator: een familie zonder indicatoren");
  const branches = entries.map((e) => {
    if (!e.value) throw new Error(`indicator ${e.id}: de catalogus geeft geen waarde`);
    const where = e.value.where ? sql`\n  where ${e.value.where}` : sql``;
    return sql`  select scope_type, scope, ${e.id} as indicator, d as period_end, ${e.value.expr} as value
  from ${e.value.from}${where}`;
  });
  return sql`values_long as (
${join(branches, "\n  union all\n")}
),
final as (
  select scope_type, scope, indicator, period_end, value from values_long
)`;
}
