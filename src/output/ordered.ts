import { ident, sql, type Sql } from "../db/sql.ts";
import type { OutputTable } from "./tables.ts";

/** The select list of a table, with dates as ISO text where `datesAsText`. */
export function selectList(table: OutputTable, datesAsText: boolean): Sql[] {
  return table.columns.map((c) =>
    datesAsText && c.type === "date"
      ? sql`strftime(${ident(c.name)}, '%Y-%m-%d') as ${ident(c.name)}`
      : ident(c.name),
  );
}

/**
 * The sort of every output file: by every column left to right, nulls first. `column` names a
 * column in the query being sorted (its own name by default).
 */
export function orderList(
  table: OutputTable,
  column: (name: string, index: number) => Sql = (name) => ident(name),
): Sql[] {
  return table.columns.map((c, i) => sql`${column(c.name, i)} nulls first`);
}

/** The query of a table with dates as ISO text, sorted by every column left to right. */
export function orderedQuery(table: OutputTable, datesAsText: boolean): Sql {
  return sql`select ${selectList(table, datesAsText)} from (${table.source}) order by ${orderList(table)}`;
}
