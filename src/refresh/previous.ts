import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FileSpec } from "../contract/index.ts";
import { closeDatabase, openDatabase, rows, run, type Database } from "../db/duckdb.ts";
import { join as joinSql, sql, type Sql } from "../db/sql.ts";
import type { QualityRow } from "../ingest/quality.ts";
import { defaultAsOf } from "./as-of.ts";
import { parseFileStats, type FileStats } from "./file-stats.ts";
import type { Fingerprints } from "./fingerprint.ts";

/** One file of the output folder as the previous refresh wrote it. */
export interface OutputFile {
  readonly name: string;
  readonly size: number;
}

/** What the previous refresh of a database recorded about its inputs and results. */
export interface Previous {
  readonly asOf: string;
  /** The peildatum the previous data gives today (when --as-of is not given). */
  readonly defaultAsOf: string;
  readonly code: string;
  readonly mapping: string;
  /** The settings the outputs were computed with (settingsJson, as JSON text). */
  readonly settings: string;
  /** Per export key: its fingerprint and its reads as JSON. */
  readonly exports: ReadonlyMap<string, { readonly fingerprint: string; readonly reads: string }>;
  readonly outputs: readonly OutputFile[];
  readonly quality: readonly QualityRow[];
  readonly signals: number;
  readonly highSignals: number;
  /** The export files it hashed (file-stats.ts). */
  readonly fileStats?: FileStats;
  /** Its workbook's sheet names in order (absent before they were recorded). */
  readonly workbookSheets?: readonly string[];
}

/** SQL creating the bookkeeping table of a refresh (its inputs, for the next refresh). */
export const refreshFilesSql = sql`create table refresh_files (file varchar, fingerprint varchar, reads varchar)`;

/** SQL recording the inputs and the output files of a refresh in its database. */
export function recordInputsSql(
  prints: Fingerprints,
  reads: ReadonlyMap<FileSpec, string>,
  outputs: readonly OutputFile[],
  workbookSheets: readonly string[] = [],
): Sql {
  const info = [
    ["code", prints.code],
    ["mapping", prints.mapping],
    ["outputs", JSON.stringify(outputs)],
    ["file_stats", JSON.stringify(prints.stats)],
    ["workbook_sheets", JSON.stringify(workbookSheets)],
  ] as const;
  const values = [...prints.exports].map(
    ([spec, print]) => sql`(${spec.key}, ${print}, ${reads.get(spec) ?? "[]"})`,
  );
  const files = values.length ? sql`insert into refresh_files values ${joinSql(values)};` : sql``;
  return sql`insert into load_info values ${joinSql(info.map(([k, v]) => sql`(${k}, ${v})`))};
${refreshFilesSql};
${files}`;
}

/** Records the inputs and the output files of a refresh in its database. */
export async function recordInputs(
  db: Database,
  prints: Fingerprints,
  reads: ReadonlyMap<FileSpec, string>,
  outputs: readonly OutputFile[],
  workbookSheets: readonly string[] = [],
): Promise<void> {
  await run(db, recordInputsSql(prints, reads, outputs, workbookSheets));
}

/** The output table files of a folder, with their sizes. */
export function listOutputs(dir: string, names: readonly string[]): OutputFile[] {
  return names.map((name) => ({ name, size: statSync(join(dir, name)).size }));
}

/** True when every output file is there with the size the previous refresh wrote. */
export function outputsIntact(dir: string, outputs: readonly OutputFile[]): boolean {
  return (
    outputs.length > 0 &&
    outputs.every((o) => {
      const path = join(dir, o.name);
      return existsSync(path) && statSync(path).size === o.size;
    })
  );
}

/**
 * Reads what the previous refresh recorded, from its database (opened read-only); undefined
 * when there is none, or when it was written by a version without this bookkeeping.
 */
export async function readPrevious(dbPath: string, today: string): Promise<Previous | undefined> {
  if (!existsSync(dbPath)) return undefined;
  let db: Database | undefined;
  try {
    db = await openDatabase(dbPath, { readOnly: true });
    const info = new Map(
      (await rows<{ key: string; value: string }>(db, sql`select key, value from load_info`)).map(
        (r) => [r.key, r.value],
      ),
    );
    const files = await rows<{ file: string; fingerprint: string; reads: string }>(
      db,
      sql`select file, fingerprint, reads from refresh_files`,
    );
    const quality = await rows<QualityRow>(db, sql`select * from data_quality`);
    const [signals] = await rows<{ high: bigint; total: bigint }>(
      db,
      sql`select count(*) filter (where severity = 'hoog') as high, count(*) as total from signals`,
    );
    const asOf = info.get("as_of");
    const code = info.get("code");
    const outputs = info.get("outputs");
    if (!asOf || !code || outputs === undefined) return undefined;
    const fileStats = parseFileStats(info.get("file_stats"));
    const workbookSheets = parseSheets(info.get("workbook_sheets"));
    return {
      asOf,
      defaultAsOf: await defaultAsOf(db, today),
      code,
      mapping: info.get("mapping") ?? "",
      settings: info.get("settings") ?? "",
      exports: new Map(files.map((f) => [f.file, { fingerprint: f.fingerprint, reads: f.reads }])),
      outputs: JSON.parse(outputs) as OutputFile[],
      quality: quality.map((q) => ({ ...q })),
      signals: Number(signals!.total),
      highSignals: Number(signals!.high),
      ...(fileStats ? { fileStats } : {}),
      ...(workbookSheets ? { workbookSheets } : {}),
    };
  } catch {
    // A database from before this bookkeeping, or not a database of ours: read everything anew.
    return undefined;
  } finally {
    if (db) closeDatabase(db);
  }
}

/** The recorded sheet names, or undefined when absent or not a list of names. */
function parseSheets(json: string | undefined): string[] | undefined {
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every((n) => typeof n === "string") ? parsed : undefined;
}
