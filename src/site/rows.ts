import { ident, join, literal, sql, type Sql } from "../db/sql.ts";
import { detailTables } from "../output/tables.ts";

/** The column names of an output table of spec/outputs.md (`projects`, `events`, …). */
export function columnsOf(name: string): string[] {
  const table = detailTables.find((t) => t.name === name);
  if (!table) throw new Error(`site: no output table ${name}`);
  return table.columns.map((c) => c.name);
}

/** A struct of the columns `names` of the row `alias`: one element of a JSON list of rows. */
export function rowStruct(alias: string, names: readonly string[]): Sql {
  return sql`{${join(names.map((n) => sql`${literal(n)}: ${ident(alias)}.${ident(n)}`))}}`;
}

/**
 * A JSON object of `key` → `value` over the rows aggregated, its keys in order: byte-stable,
 * where DuckDB's json_group_object follows the order in which parallel threads met the rows.
 */
export function objectOf(key: Sql, value: Sql): Sql {
  return sql`to_json(map_from_entries(list((${key}, ${value}) order by ${key})))`;
}
