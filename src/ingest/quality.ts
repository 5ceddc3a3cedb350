import type { FileSpec } from "../contract/index.ts";
import { rows, run, type Database } from "../db/duckdb.ts";
import { ident, join, sql } from "../db/sql.ts";
import { delimiterName } from "./dialect.ts";
import type { FileRead } from "./read-file.ts";
import { cleanTableName } from "./schema.ts";

/** One row of the data_quality table (spec/outputs.md). */
export interface QualityRow {
  file: string;
  status: "ok" | "absent" | "unusable";
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  warnings: number;
  note: string;
}

/** How one file was decoded and split (a workbook: which sheet). */
function howRead(read: FileRead): string {
  if (read.sheet !== undefined) return `werkmap, blad ${read.sheet}`;
  const encoding = read.fellBack
    ? "tekenset Windows-1252 (geen geldige UTF-8)"
    : `tekenset ${read.encoding.toUpperCase()}`;
  const trailing = read.dialect.trailingEveryRow
    ? "; afsluitend scheidingsteken op elke rij (genegeerd)"
    : "";
  return `${encoding}; scheidingsteken ${delimiterName(read.dialect.delimiter)}${trailing}`;
}

/**
 * The Dutch note of an export that was read (one file or several): where from, how it was
 * read, whether a mapping applied, and what was passed over.
 */
export function readNote(
  reads: readonly FileRead[],
  warningCount: number,
  mapping?: string,
): string {
  const parts: string[] = [];
  const [first] = reads;
  if (!first) return "";
  if (reads.length > 1 || first.name.toLowerCase() !== first.spec.file) {
    parts.push(`gelezen uit ${reads.map((r) => r.name).join(", ")}`);
  }
  if (mapping) parts.push(`volgens ${mapping}`);
  const hows = reads.map(howRead);
  if (new Set(hows).size === 1) parts.push(hows[0]!);
  else parts.push(...reads.map((r, i) => `${r.name}: ${hows[i]!.replaceAll("; ", ", ")}`));
  const ignored = [...new Set(reads.flatMap((r) => r.plan.ignored))];
  if (ignored.length) parts.push(`genegeerde kolommen: ${ignored.join(", ")}`);
  if (warningCount)
    parts.push(`${warningCount} ${warningCount === 1 ? "waarschuwing" : "waarschuwingen"}`);
  return parts.join("; ");
}

/** What data_quality says of each export besides the counts. */
export interface QualityInput {
  readonly reads: ReadonlyMap<FileSpec, readonly FileRead[]>;
  /** Exports read through a mapping entry: the mapping file's name. */
  readonly mapped: ReadonlyMap<FileSpec, string>;
  /** Notes for absent exports that a mapping's glob did not find. */
  readonly absent: ReadonlyMap<FileSpec, string>;
}

/** Counts what loaded and what was rejected per file and writes data_quality. */
export async function qualityRows(
  db: Database,
  specs: readonly FileSpec[],
  input: QualityInput,
): Promise<QualityRow[]> {
  const result: QualityRow[] = [];
  for (const spec of specs) {
    const reads = input.reads.get(spec) ?? [];
    const [counts] = await rows<{ loaded: bigint; rejected: bigint; warnings: bigint }>(
      db,
      sql`select
        (select count(*) from ${ident(cleanTableName(spec))}) as loaded,
        (select count(*) from rejects where file = ${spec.file}) as rejected,
        (select count(*) from warnings where file = ${spec.file}) as warnings`,
    );
    const loaded = Number(counts!.loaded);
    const rejected = Number(counts!.rejected);
    const warnings = Number(counts!.warnings);
    if (!reads.length) {
      const missing = input.absent.get(spec) ?? `${spec.file} (of ${spec.dutchFile}) ontbreekt`;
      result.push({
        file: spec.file,
        status: "absent",
        rows_read: 0,
        rows_loaded: 0,
        rows_rejected: 0,
        warnings,
        note: `${missing}; indicatoren die dit bestand nodig hebben blijven leeg`,
      });
      continue;
    }
    const rowsRead = reads.reduce((sum, r) => sum + r.rowsRead, 0);
    if (rowsRead !== loaded + rejected) {
      throw new Error(
        `telling klopt niet voor ${spec.file}: gelezen ${rowsRead}, geladen ${loaded}, afgewezen ${rejected}`,
      );
    }
    result.push({
      file: spec.file,
      status: "ok",
      rows_read: rowsRead,
      rows_loaded: loaded,
      rows_rejected: rejected,
      warnings,
      note: readNote(reads, warnings, input.mapped.get(spec)),
    });
  }
  const values = result.map(
    (q) =>
      sql`(${q.file}, ${q.status}, ${q.rows_read}, ${q.rows_loaded}, ${q.rows_rejected}, ${q.warnings}, ${q.note})`,
  );
  await run(db, sql`insert into data_quality values ${join(values)}`);
  return result;
}
