// What the read of an export's CSV file through DuckDB's read_csv shares: the shape of a file
// that read_csv is told, the file as the readers see it, the sinks its records go to, and the
// SQL of read_csv itself and of its fields.
import type { Database } from "../db/duckdb.ts";
import { ident, join as joinSql, sql, type Sql } from "../db/sql.ts";
import type { Dialect } from "./dialect.ts";
import type { HeaderPlan } from "./header.ts";
import type { Prescan } from "./prescan.ts";
import type { RawTarget } from "./read-file.ts";

/** read_csv's NULL marker: a character the prescan does not let through, so empty stays ''. */
const NULL_MARK = "\u0001";

/** What read_csv must be told of a file, and the lines of its records. */
export type Shape = Pick<Prescan, "fieldCount" | "newline" | "anchors"> &
  Partial<Pick<Prescan, "dirtyFields" | "blankFields">>;

/** One file of an export, as the sinks read it. */
export interface FileToRead {
  readonly target: RawTarget;
  readonly path: string;
  readonly fileIndex: number;
  readonly dialect: Dialect;
  readonly plan: HeaderPlan;
  /** The header's names, trimmed and in lower case, by field index. */
  readonly headerNames: readonly string[];
}

/** Where read_csv's records of a file go, and how they are counted and taken back. */
export interface Sink {
  /** Reads the file in `shape` into the sink; false when read_csv refuses it (nothing kept). */
  insert(shape: Shape): Promise<boolean>;
  /** Removes the file's rows. */
  clear(): Promise<void>;
  /** The number of the file's rows. */
  count(): Promise<number>;
  /** Gives every row its physical line (when insert could not) and takes out the rows that repeat the header, returning their lines. */
  settle(shape: Shape): Promise<number[]>;
  /**
   * Set when the rows get their lines while read: moves the lines of rows read with the anchors
   * of `from` to those of `to` (the same records, read with the same fields and line ends).
   */
  readonly reline?: (from: Shape, to: Shape) => Promise<void>;
  /** True when the rows are typed and checked while read (one-pass.ts). */
  readonly checked: boolean;
}

/** Makes the sink of a file: chk_<file> when typed while read; undefined for the raw table. */
export type SinkFactory = (db: Database, file: FileToRead) => Promise<Sink | undefined>;

/** True when read_csv reads both shapes alike (the lines' anchors aside). */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.fieldCount === b.fieldCount && a.newline === b.newline;
}

/** DuckDB's read_csv of a file in the shape the prescan found, every field as text (c0, c1, …). */
export function readCsvSql(path: string, dialect: Dialect, scan: Shape): Sql {
  const names = Array.from({ length: scan.fieldCount }, (_, i) => `c${i}`);
  const columns = sql`{${joinSql(names.map((n) => sql`${n}: 'VARCHAR'`))}}`;
  const options = [
    sql`delim = ${dialect.delimiter}`,
    sql`quote = '"'`,
    sql`escape = '"'`,
    sql`header = true`,
    sql`skip = ${dialect.sepHint ? 1 : 0}`,
    sql`new_line = ${scan.newline === "\n" ? "\\n" : "\\r\\n"}`,
    sql`auto_detect = false`,
    sql`ignore_errors = true`,
    sql`nullstr = ${NULL_MARK}`,
    sql`parallel = true`,
    sql`columns = ${columns}`,
  ];
  return sql`read_csv(${path}, ${joinSql(options)})`;
}

/** The raw table's columns from read_csv's fields, in the target's order (NULL when absent). */
export function fieldsSql(target: RawTarget, plan: HeaderPlan): Sql[] {
  return target.columns.map((c) => {
    const index = plan.columns.find((p) => p.spec.name === c)?.index;
    return index === undefined ? sql`null::varchar` : ident(`c${index}`);
  });
}

/**
 * SQL that is true for a row repeating the header (two exports pasted together), as the scanner
 * path decides (isHeader in records.ts): every loaded column holds its own header name. A column
 * that is not loaded cannot be compared, so a row matching on all loaded columns counts, which
 * only a header can in practice. `field` is a loaded column's SQL by its index in the file.
 */
export function repeatsHeaderSql(
  file: FileToRead,
  field: (column: string, index: number) => Sql,
): Sql | undefined {
  const { target, plan, headerNames: header } = file;
  const same = target.columns.flatMap((c) => {
    const index = plan.columns.find((p) => p.spec.name === c)?.index;
    const name = index === undefined ? undefined : header[index];
    return name === undefined ? [] : [sql`lower(trim(${field(c, index!)})) = ${name}`];
  });
  return same.length ? joinSql(same, " and ") : undefined;
}
