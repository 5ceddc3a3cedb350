// Tabular payloads for the pages as Arrow IPC (apache-arrow): repeated text dictionary-encoded,
// integers as Int32, numbers as Float64, dates as ISO text; docs/components/arrow.js reads them
// back into the row objects the pages use.
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type DataType,
} from "apache-arrow";
import { ident, join as joinSql, sql, type Sql } from "../src/db/sql.ts";
import { orderList, orderedQuery, selectList } from "../src/output/ordered.ts";
import { outputTables, type OutputType } from "../src/output/tables.ts";
import { readDatabase } from "./db.ts";

/** A column of a payload: its name and the kind of its values (as the output tables'). */
export interface Column {
  readonly name: string;
  readonly type: OutputType;
}

function arrowType(
  type: OutputType,
  values: readonly unknown[],
  dictionaryId: () => number,
): DataType {
  switch (type) {
    case "integer":
      return new Int32();
    case "number":
      return new Float64();
    case "boolean":
      return new Bool();
    case "text":
    case "date":
      // Dictionary-encoded where values repeat (scopes, sectors, dates); plain where most are
      // unique (messages, names), which a dictionary would only make larger.
      return new Set(values).size * 2 <= values.length
        ? new Dictionary(new Utf8(), new Int32(), dictionaryId())
        : new Utf8();
  }
}

function cell(value: unknown, type: OutputType): unknown {
  // An empty cell is null, as in the CSV files (spec/outputs.md: empty = null).
  if (value == null || value === "") return null;
  if (type === "integer" || type === "number") return Number(value);
  if (type === "date" && value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** Rows as an Arrow IPC stream with `columns`, in order. */
export function arrowIpc(columns: readonly Column[], rows: readonly Record<string, unknown>[]) {
  // Dictionary ids numbered per payload (0, 1, … in column order), not by apache-arrow's
  // process-wide counter: the same payload has the same bytes in whichever process writes it.
  let dictionaries = 0;
  const dictionaryId = () => dictionaries++;
  const vectors = Object.fromEntries(
    columns.map((c) => {
      const values = rows.map((r) => cell(r[c.name], c.type));
      return [c.name, vectorFromArray(values, arrowType(c.type, values, dictionaryId))];
    }),
  );
  return tableToIPC(new Table(vectors), "stream");
}

/**
 * An output table's rows as JSON: the row objects that docs/components/arrow.js `rowsOf` reads
 * from its Arrow payload (same cells: numbers as numbers, dates as ISO text, empty as null), for a
 * small table that a page needs before any chart and without apache-arrow.
 */
export async function outputJson(name: string): Promise<string> {
  const table = outputTables.find((t) => t.name === name);
  if (!table) throw new Error(`loader: no output table ${name}`);
  const rows = await readDatabase((q) => q<Record<string, unknown>>(orderedQuery(table, true)));
  return JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(table.columns.map((c) => [c.name, cell(r[c.name], c.type)])),
    ),
  );
}

/** The rows of `query` (from the refresh's database) as Arrow IPC with `columns`. */
export async function queryArrow(columns: readonly Column[], query: Sql): Promise<Uint8Array> {
  return arrowIpc(columns, await readDatabase((q) => q<Record<string, unknown>>(query)));
}

/**
 * An output table of spec/outputs.md, as its CSV holds it (same rows, order and values); with
 * `where` (column → value) only the rows that have those values.
 */
export async function outputArrow(
  name: string,
  where: Readonly<Record<string, string>> = {},
): Promise<Uint8Array> {
  const table = outputTables.find((t) => t.name === name);
  if (!table) throw new Error(`loader: no output table ${name}`);
  const conditions = Object.entries(where).map(
    ([column, value]) => sql`${ident(column)} = ${value}`,
  );
  if (conditions.length === 0) return queryArrow(table.columns, orderedQuery(table, true));
  // The rows of orderedQuery that match, in its order (sorted again after the filter).
  return queryArrow(
    table.columns,
    sql`select ${joinSql(selectList(table, true))} from (${table.source})
      where ${joinSql(conditions, " and ")} order by ${joinSql(orderList(table))}`,
  );
}
