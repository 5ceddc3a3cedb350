import type { ColumnSpec, ColumnType, FileSpec } from "../contract/index.ts";
import { ident } from "../db/duckdb.ts";

const SQL_TYPES: Readonly<Record<ColumnType, string>> = {
  text: "varchar",
  date: "date",
  number: "double",
  integer: "integer",
  boolean: "boolean",
  vocabulary: "varchar",
  municipality: "varchar",
};

export function sqlType(column: ColumnSpec): string {
  return SQL_TYPES[column.type];
}

/** raw_<file>: every record as text, as read, with its file and physical line. */
export function rawTableName(spec: FileSpec): string {
  return `raw_${spec.key}`;
}

/**
 * stg_<file>: a view of every raw record typed and checked, with its problem if any (a view, not
 * a table: its rejects and clean rows are each read once, and writing it would cost more).
 */
export function stagingTableName(spec: FileSpec): string {
  return `stg_${spec.key}`;
}

/** The clean table of a file: the rows that loaded, typed, with their physical line. */
export function cleanTableName(spec: FileSpec): string {
  return spec.key;
}

/** DDL of the tables every database has, whatever the exports held. */
export const baseSchemaSql = `
create table if not exists rejects (
  file varchar, line integer, "column" varchar, value varchar, reason varchar, message_nl varchar
);
create table warnings (
  file varchar, line integer, "column" varchar, value varchar, kind varchar, message_nl varchar
);
create table data_quality (
  file varchar, status varchar, rows_read integer, rows_loaded integer, rows_rejected integer,
  warnings integer, note varchar
);
create table load_info (key varchar, value varchar);
`;

/** An empty raw table with every contract column, for a file that is absent. */
export function emptyRawTableSql(spec: FileSpec): string {
  const columns = spec.columns.map((c) => `, ${ident(c.name)} varchar`).join("");
  return `create table ${ident(rawTableName(spec))} (file_index integer, line integer${columns})`;
}

/** The clean table's column list with SQL types. */
export function cleanColumnsSql(spec: FileSpec): string {
  return [
    "file_index integer",
    "line integer",
    ...spec.columns.map((c) => `${ident(c.name)} ${sqlType(c)}`),
  ].join(", ");
}
