import type { ColumnSpec, ColumnType, FileSpec } from "../contract/index.ts";
import { ident, join, sql, trusted, type Sql } from "../db/sql.ts";

const SQL_TYPES: Readonly<Record<ColumnType, string>> = {
  text: "varchar",
  date: "date",
  number: "double",
  integer: "integer",
  boolean: "boolean",
  vocabulary: "varchar",
  municipality: "varchar",
  list: "varchar[]",
};

export function sqlType(column: ColumnSpec): Sql {
  return trusted(SQL_TYPES[column.type]);
}

/** raw_<file>: every record as text, as read, with its file and physical line. */
export function rawTableName(spec: FileSpec): string {
  return `raw_${spec.key}`;
}

/**
 * stg_<file>: every raw record typed and checked, with its problem if any; a temporary table
 * while its rejects and clean rows are read, else a view (staging.ts, stagingSql).
 */
export function stagingTableName(spec: FileSpec): string {
  return `stg_${spec.key}`;
}

/** stg_<file>_ranks: the key ranks of a staged file's rows (staging.ts, ranksSql). */
export function ranksTableName(spec: FileSpec): string {
  return `${stagingTableName(spec)}_ranks`;
}

/** chk_<file>: a file typed and checked while read (the one-pass read, one-pass.ts). */
export function checkedTableName(spec: FileSpec): string {
  return `chk_${spec.key}`;
}

/** The clean table of a file: the rows that loaded, typed, with their physical line. */
export function cleanTableName(spec: FileSpec): string {
  return spec.key;
}

/** DDL of the tables every database has, whatever the exports held. */
export const baseSchemaSql = sql`
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
export function emptyRawTableSql(spec: FileSpec): Sql {
  const columns = join(
    spec.columns.map((c) => sql`, ${ident(c.name)} varchar`),
    "",
  );
  return sql`create table ${ident(rawTableName(spec))} (file_index integer, line integer${columns})`;
}
