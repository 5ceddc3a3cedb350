import type { FileKey, FileSpec } from "../contract/index.ts";
import { ident, join, literal, sql, type Sql } from "../db/sql.ts";
import type { Dialect } from "./dialect.ts";
import type { Encoding } from "./decode.ts";
import type { FileRead } from "./read-file.ts";
import { cleanTableName, rawTableName } from "./schema.ts";

/**
 * Exports that did not change since the previous refresh. The database being written is a copy
 * of the previous one, pruned by pruneSql: their tables are there already and are neither read
 * nor checked again.
 */
export interface Reuse {
  /** The unchanged exports, with what reading their files found last time. */
  readonly reads: ReadonlyMap<FileSpec, readonly FileRead[]>;
}

/** True when an export's checks depend on no export that is read anew. */
export function stagingReusable(spec: FileSpec, reuse: Reuse, specs: readonly FileSpec[]): boolean {
  if (!reuse.reads.has(spec)) return false;
  const unchanged = (key: string) => {
    const other = specs.find((s) => s.key === key);
    return other !== undefined && reuse.reads.has(other);
  };
  if (spec.columns.some((c) => c.refersToProject) && !unchanged("projects")) return false;
  if (spec.columns.some((c) => c.refersToResponse) && !unchanged("survey_responses")) return false;
  return true;
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
  /** The sheet read, for a workbook. */
  sheet?: string;
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
    ...(r.sheet !== undefined ? { sheet: r.sheet } : {}),
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
    ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
  }));
}

/**
 * A table computed from some exports' clean tables alone (and ref_dates): an incremental
 * refresh that keeps those clean tables, at the same peildatum and settings, keeps it too
 * (test/output/build.test.ts checks `inputs` against DuckDB's parse of `query`).
 */
export interface ExportOnlyTable {
  readonly name: string;
  /** The exports whose clean tables it reads. */
  readonly inputs: readonly FileKey[];
  /** The query that fills it. */
  readonly query: Sql;
}

/** The unchanged exports whose clean tables an incremental refresh keeps (stagingReusable). */
export function keptExports(reuse: Reuse, specs: readonly FileSpec[]): FileSpec[] {
  return [...reuse.reads.keys()].filter((spec) => stagingReusable(spec, reuse, specs));
}

/**
 * The export-only tables whose inputs' clean tables an incremental refresh keeps: they may be
 * kept too, if the peildatum and the settings are the previous ones.
 */
export function keptCandidates(
  reuse: Reuse,
  specs: readonly FileSpec[],
  derived: readonly ExportOnlyTable[],
): ExportOnlyTable[] {
  const checked = new Set<string>(keptExports(reuse, specs).map((s) => s.key));
  return derived.filter((t) => t.inputs.every((key) => checked.has(key)));
}

/**
 * Prunes a copy of the previous database down to what an incremental refresh keeps: the raw
 * tables of the unchanged exports, the clean tables of those whose checks need not run again,
 * the export-only tables over those (keptCandidates), the site marts `marts`, and their rows of rejects and
 * source_files. Every other table and view goes (the refresh makes them anew). `tables` and
 * `views` are the copy's own, by name.
 */
export function pruneSql(
  reuse: Reuse,
  specs: readonly FileSpec[],
  tables: readonly string[],
  views: readonly string[],
  derived: readonly ExportOnlyTable[] = [],
  marts: readonly string[] = [],
): Sql {
  const reused = [...reuse.reads.keys()];
  const checked = keptExports(reuse, specs);
  const keep = new Set([
    "rejects",
    "source_files",
    ...reused.map(rawTableName),
    ...checked.map(cleanTableName),
    ...keptCandidates(reuse, specs, derived).map((t) => t.name),
    // The site marts stay until the refresh keeps each one or makes it anew (src/site/reuse.ts).
    ...marts,
  ]);
  const files = (list: readonly FileSpec[]) =>
    sql`[${join(list.map((s) => literal(s.file)))}]::varchar[]`;
  return join(
    [
      ...views.map((v) => sql`drop view ${ident(v)};`),
      ...tables.filter((t) => !keep.has(t)).map((t) => sql`drop table ${ident(t)};`),
      sql`delete from source_files where not list_contains(${files(reused)}, file);`,
      sql`delete from rejects where not list_contains(${files(checked)}, file)
      and not (list_contains(${files(reused)}, file) and reason = 'bad_row');`,
    ],
    "\n",
  );
}
