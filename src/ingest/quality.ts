import type { FileSpec } from "../contract/index.ts";
import { lit, rows, run, type Database } from "../db/duckdb.ts";
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

/** The Dutch note of a file that was read: how it was read and what was passed over. */
export function readNote(read: FileRead, warningCount: number): string {
  const parts: string[] = [];
  if (read.name.toLowerCase() !== read.spec.file) parts.push(`gelezen uit ${read.name}`);
  parts.push(
    read.fellBack
      ? "tekenset Windows-1252 (geen geldige UTF-8)"
      : `tekenset ${read.encoding.toUpperCase()}`,
  );
  parts.push(`scheidingsteken ${delimiterName(read.dialect.delimiter)}`);
  if (read.plan.ignored.length) parts.push(`genegeerde kolommen: ${read.plan.ignored.join(", ")}`);
  if (warningCount)
    parts.push(`${warningCount} ${warningCount === 1 ? "waarschuwing" : "waarschuwingen"}`);
  return parts.join("; ");
}

/** Counts what loaded and what was rejected per file and writes data_quality. */
export async function qualityRows(
  db: Database,
  specs: readonly FileSpec[],
  reads: ReadonlyMap<FileSpec, FileRead>,
): Promise<QualityRow[]> {
  const result: QualityRow[] = [];
  for (const spec of specs) {
    const read = reads.get(spec);
    const [counts] = await rows<{ loaded: bigint; rejected: bigint; warnings: bigint }>(
      db,
      `select
        (select count(*) from ${cleanTableName(spec)}) as loaded,
        (select count(*) from rejects where file = ${lit(spec.file)}) as rejected,
        (select count(*) from warnings where file = ${lit(spec.file)}) as warnings`,
    );
    const loaded = Number(counts!.loaded);
    const rejected = Number(counts!.rejected);
    const warnings = Number(counts!.warnings);
    if (!read) {
      result.push({
        file: spec.file,
        status: "absent",
        rows_read: 0,
        rows_loaded: 0,
        rows_rejected: 0,
        warnings,
        note: `${spec.file} (of ${spec.dutchFile}) ontbreekt; indicatoren die dit bestand nodig hebben blijven leeg`,
      });
      continue;
    }
    if (read.rowsRead !== loaded + rejected) {
      throw new Error(
        `telling klopt niet voor ${spec.file}: gelezen ${read.rowsRead}, geladen ${loaded}, afgewezen ${rejected}`,
      );
    }
    result.push({
      file: spec.file,
      status: "ok",
      rows_read: read.rowsRead,
      rows_loaded: loaded,
      rows_rejected: rejected,
      warnings,
      note: readNote(read, warnings),
    });
  }
  const values = result.map(
    (q) =>
      `(${lit(q.file)}, ${lit(q.status)}, ${q.rows_read}, ${q.rows_loaded}, ${q.rows_rejected}, ${q.warnings}, ${lit(q.note)})`,
  );
  await run(db, `insert into data_quality values ${values.join(", ")}`);
  return result;
}
