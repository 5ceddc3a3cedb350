import type { FileSpec } from "../contract/index.ts";
import { ident, lit } from "../db/duckdb.ts";
import type { Dialect } from "./dialect.ts";
import type { Encoding } from "./decode.ts";
import type { FileRead } from "./read-file.ts";
import { cleanTableName, rawTableName } from "./schema.ts";

/**
 * Exports that did not change since the previous refresh: their tables are copied from the
 * previous database (attached as `from`) instead of being read and checked again.
 */
export interface Reuse {
  /** The schema name of the attached previous database. */
  readonly from: string;
  /** The unchanged exports, with what reading their files found last time. */
  readonly reads: ReadonlyMap<FileSpec, readonly FileRead[]>;
}

/** True when an export's checks depend on no export that is read anew. */
export function stagingReusable(spec: FileSpec, reuse: Reuse, specs: readonly FileSpec[]): boolean {
  if (!reuse.reads.has(spec)) return false;
  if (!spec.columns.some((c) => c.refersToProject)) return true;
  const projects = specs.find((s) => s.key === "projects");
  return projects !== undefined && reuse.reads.has(projects);
}

const copy = (from: string, table: string, order: string) =>
  `create table ${ident(table)} as select * from ${ident(from)}.${ident(table)} order by ${order};`;

/** Copies an export's raw table, its source files and its unreadable rows (bad_row). */
export function copyRawSql(spec: FileSpec, from: string, withChecks: boolean): string {
  const rejects = withChecks ? "" : " and reason = 'bad_row'";
  return `${copy(from, rawTableName(spec), "file_index, line")}
insert into source_files select * from ${ident(from)}.source_files where file = ${lit(spec.file)} order by file_index;
insert into rejects select * from ${ident(from)}.rejects where file = ${lit(spec.file)}${rejects} order by line, reason;`;
}

/** Copies an export's clean table (its rejects come with copyRawSql; its view is made anew). */
export function copyCheckedSql(spec: FileSpec, from: string): string {
  return copy(from, cleanTableName(spec), "file_index, line");
}

/** What a FileRead is on disk: the spec and column specs by name. */
interface StoredRead {
  name: string;
  fileIndex: number;
  encoding: Encoding;
  fellBack: boolean;
  dialect: Dialect;
  columns: { name: string; index: number; header: string }[];
  ignored: string[];
  width: number;
  rowsRead: number;
}

/** An export's reads as JSON, for the previous-refresh bookkeeping table. */
export function storeReads(reads: readonly FileRead[]): string {
  const stored: StoredRead[] = reads.map((r) => ({
    name: r.name,
    fileIndex: r.fileIndex,
    encoding: r.encoding,
    fellBack: r.fellBack,
    dialect: r.dialect,
    columns: r.plan.columns.map((c) => ({ name: c.spec.name, index: c.index, header: c.header })),
    ignored: [...r.plan.ignored],
    width: r.plan.width,
    rowsRead: r.rowsRead,
  }));
  return JSON.stringify(stored);
}

/**
 * The reads of an export from their JSON. Unreadable rows are not kept: they are in the copied
 * rejects already.
 */
export function loadReads(spec: FileSpec, json: string): FileRead[] {
  const stored = JSON.parse(json) as StoredRead[];
  return stored.map((s) => ({
    spec,
    name: s.name,
    fileIndex: s.fileIndex,
    encoding: s.encoding,
    fellBack: s.fellBack,
    dialect: s.dialect,
    plan: {
      columns: s.columns.map((c) => {
        const column = spec.columns.find((x) => x.name === c.name);
        if (!column) throw new Error(`onbekende kolom in vorige verversing: ${c.name}`);
        return { spec: column, index: c.index, header: c.header };
      }),
      ignored: s.ignored,
      width: s.width,
      problems: [],
    },
    rowsRead: s.rowsRead,
    badRows: [],
  }));
}
