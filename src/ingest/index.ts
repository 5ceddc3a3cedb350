import { statSync } from "node:fs";
import { basename } from "node:path";
import { files as allFiles, type FileSpec } from "../contract/index.ts";
import { run, type Database } from "../db/duckdb.ts";
import { threadsFor } from "../db/threads.ts";
import { ident, join, sql, type Sql } from "../db/sql.ts";
import type { Effects } from "../effects.ts";
import { UnusableExportError } from "../errors.ts";
import { insertBadRows } from "./bad-rows.ts";
import type { Mapping } from "./mapping/index.ts";
import { besideEachOther, splitLanes } from "./lanes.ts";
import { planFolder, presentColumns, type ExportPlan, type FolderPlan } from "./plan.ts";
import { qualityRows, type QualityRow } from "./quality.ts";
import { finishChecked, onePassEligible, type CheckedPlan } from "./one-pass.ts";
import { createRawTable, readExport, type FileRead } from "./read-file.ts";
import { stagingReusable, type Reuse } from "./reuse.ts";
import { baseSchemaSql, emptyRawTableSql, ranksTableName, stagingTableName } from "./schema.ts";
import { macrosSql } from "./sql/macros.ts";
import { ranksSql } from "./sql/ranks.ts";
import { cleanSql, stagingRejectsSql, stagingSql, type PresentColumn } from "./sql/staging.ts";
import { surveyPrivacySql } from "./sql/survey-privacy.ts";
import { surveyWarningsSql } from "./sql/survey-warnings.ts";
import { knownNetworksSql } from "./sql/networks.ts";
import { organisationsSql, warningsSql } from "./sql/warnings.ts";
import { Stopwatch } from "../refresh/timing.ts";

export interface IngestOptions {
  /** The exports to read (default: all six of the contract). */
  readonly specs?: readonly FileSpec[];
  /** A mapping file that replaces the folder's own mapping.json (`--mapping FILE`). */
  readonly mappingPath?: string;
  /** Records each stage's time (the refresh's --json summary). */
  readonly stopwatch?: Stopwatch;
  /** The folder plan, when the caller made it already (see planFolder). */
  readonly folder?: FolderPlan;
  /** Unchanged exports to copy from the previous database instead of reading them. */
  readonly reuse?: Reuse;
  /** False to read every export into its raw table first (the reference path of one-pass.ts). */
  readonly onePass?: boolean;
}

export interface IngestResult {
  readonly quality: readonly QualityRow[];
  /** CSV files in the folder that are no export of the contract (ignored). */
  readonly unknownFiles: readonly string[];
  /** The files read per export, in name order. */
  readonly reads: ReadonlyMap<FileSpec, readonly FileRead[]>;
  /** The mapping that applied, if any. */
  readonly mapping?: Mapping;
}

/** The most rows an export's staging is materialised for (in memory) instead of a view. */
const STAGED_ROWS = 1_000_000;

/**
 * Runs inserts whose row order does not matter (rejects, warnings: outputs sort them). DuckDB
 * 1.5.6 silently drops an insert of more than one row group (122,880 rows) into a table whose
 * first insert in the same transaction was empty, as a refresh does; its unordered insert path
 * does not (test/ingest/odd-files.test.ts: a million duplicate keys). Set for this connection's
 * session only: a one-pass read in the other lane (lanes.ts) needs insertion order kept.
 */
async function unordered(db: Database, query: Sql): Promise<void> {
  await run(db, sql`set session preserve_insertion_order = false`);
  try {
    await run(db, query);
  } finally {
    await run(db, sql`reset session preserve_insertion_order`);
  }
}

/**
 * Loads a folder of exports into the database: raw_* (text as read) → stg_* (mapping applied,
 * typed, checked) → clean tables, with rejects, warnings and data_quality. Throws
 * UnusableExportError, before anything is loaded, when the mapping or a file cannot be used.
 */
export async function ingest(
  db: Database,
  dataDir: string,
  effects: Effects,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const specs = options.specs ?? allFiles;
  const watch = options.stopwatch ?? new Stopwatch();
  const folder = options.folder ?? (await planFolder(dataDir, specs, options.mappingPath));
  const { reuse } = options;
  const checked = (spec: FileSpec) => reuse !== undefined && stagingReusable(spec, reuse, specs);
  const mappingName = folder.mapping?.name;
  // DuckDB's threads for this database's work from here on (the refresh's indicators too).
  const sizes = new Map(folder.exports.flatMap((p) => p.paths).map((p) => [p, statSync(p).size]));
  const bytes = [...sizes.values()].reduce((n, size) => n + size, 0);
  await run(db, sql`set threads = ${threadsFor(bytes)}`);
  await run(db, sql`${macrosSql}${baseSchemaSql}`);
  await run(
    db,
    sql`create table if not exists source_files (file varchar, file_index integer, name varchar)`,
  );
  const reads = new Map<FileSpec, FileRead[]>();
  const present = new Map<FileSpec, PresentColumn[]>();
  const readPlan = async (laneDb: Database, plan: ExportPlan): Promise<void> => {
    const { spec } = plan;
    const start = performance.now();
    if (!plan.paths.length) {
      await run(laneDb, emptyRawTableSql(spec));
      present.set(spec, []);
      effects.progress(`lezen   ${spec.file}: ontbreekt`);
      return;
    }
    const previous = reuse?.reads.get(spec);
    if (previous) {
      reads.set(spec, [...previous]);
      present.set(spec, presentColumns(plan, previous, mappingName));
      const rows = previous.reduce((sum, r) => sum + r.rowsRead, 0);
      effects.progress(
        `lezen   ${spec.file}: ongewijzigd, ${rows.toLocaleString("nl-NL")} rijen overgenomen (${watch.lap(`lezen ${spec.file}`, start)})`,
      );
      return;
    }
    await createRawTable(laneDb, spec, plan.rawColumns);
    const context = plan.entry ? { entry: plan.entry, mappingName: mappingName! } : {};
    const target = { spec, columns: plan.rawColumns, context };
    const fileReads: FileRead[] = [];
    const eligible = options.onePass !== false && onePassEligible(spec, plan.paths);
    const onePass: CheckedPlan | undefined = eligible
      ? { present: (header) => presentColumns(plan, [{ plan: header }], mappingName) }
      : undefined;
    for (const [index, path] of plan.paths.entries()) {
      const outcome = await readExport(laneDb, target, path, index, onePass);
      if (!outcome.ok) throw new UnusableExportError(outcome.problems);
      fileReads.push(outcome.read);
      const source = plan.sources?.[index];
      await insertBadRows(laneDb, spec, outcome.read.badRows, source);
      await run(
        laneDb,
        sql`insert into source_files values (${spec.file}, ${index}, ${basename(path)})`,
      );
    }
    reads.set(spec, fileReads);
    present.set(spec, presentColumns(plan, fileReads, mappingName));
    const rows = fileReads.reduce((sum, r) => sum + r.rowsRead, 0);
    const from = plan.paths.length > 1 ? ` uit ${plan.paths.length} bestanden` : "";
    const how = [...new Set(fileReads.map((r) => r.method))].join(", ");
    effects.progress(
      `lezen   ${spec.file}: ${rows.toLocaleString("nl-NL")} rijen${from}, met ${how} (${watch.lap(`lezen ${spec.file}`, start)})`,
    );
  };
  const checkPlan = async (laneDb: Database, plan: ExportPlan): Promise<void> => {
    const { spec } = plan;
    const start = performance.now();
    const fileReads = reads.get(spec) ?? [];
    if (fileReads.length && fileReads.every((r) => r.checked)) {
      await finishChecked(laneDb, spec, plan.sources, (query) => unordered(laneDb, query));
      effects.progress(`toetsen ${spec.file} (${watch.lap(`toetsen ${spec.file}`, start)})`);
      return;
    }
    // Staged once into a temporary table when its rejects and clean rows are read (a view was
    // computed again by each of up to four readers); a view when the checks are reused, and for
    // a large export read into its raw table, whose staging would take memory (STAGED_ROWS).
    const rowsRead = fileReads.reduce((sum, r) => sum + r.rowsRead, 0);
    const temporary = !checked(spec) && rowsRead <= STAGED_ROWS;
    await run(laneDb, stagingSql(spec, present.get(spec)!, { temporary }));
    if (!checked(spec)) {
      const ranks = ranksSql(spec);
      if (ranks) await run(laneDb, ranks);
      await unordered(laneDb, stagingRejectsSql(spec, plan.sources));
      await run(laneDb, cleanSql(spec));
      if (ranks) await run(laneDb, sql`drop table ${ident(ranksTableName(spec))}`);
    }
    if (temporary) await run(laneDb, sql`drop table ${ident(stagingTableName(spec))}`);
    const how = checked(spec) ? ": ongewijzigd, overgenomen" : "";
    effects.progress(`toetsen ${spec.file}${how} (${watch.lap(`toetsen ${spec.file}`, start)})`);
  };
  // Every export is read, then checked, in file order; the largest independent one in a lane of
  // its own beside the others (lanes.ts). A failure is the first in file order, as one lane's.
  let failedAt = Infinity;
  let failure: unknown;
  const lane = async (laneDb: Database, plans: readonly ExportPlan[]) => {
    let current: ExportPlan | undefined;
    try {
      for (const plan of plans) await readPlan(laneDb, (current = plan));
      for (const plan of plans) await checkPlan(laneDb, (current = plan));
    } catch (error) {
      const at = folder.exports.indexOf(current!);
      if (at < failedAt) [failedAt, failure] = [at, error];
    }
  };
  const { own, rest } = splitLanes(
    folder.exports,
    (p) => p.paths.length > 0 && !reuse?.reads.has(p.spec),
    (path) => sizes.get(path)!,
  );
  if (own) {
    await besideEachOther(
      db,
      (other) => lane(other, [own]),
      () => lane(db, rest),
    );
  } else {
    await lane(db, rest);
  }
  if (failedAt < Infinity) throw failure;
  const columnRows = [...present].flatMap(([spec, columns]) =>
    columns.map((c) => sql`(${spec.file}, ${c.spec.name})`),
  );
  await run(db, sql`create table file_columns (file varchar, "column" varchar)`);
  if (columnRows.length) await run(db, sql`insert into file_columns values ${join(columnRows)}`);
  const start = performance.now();
  await run(db, sql`${organisationsSql};${knownNetworksSql}`);
  await unordered(db, warningsSql);
  const surveyInputs = ["projects", "attendance", "survey_responses", "survey_relations"];
  if (surveyInputs.every((k) => specs.some((s) => s.key === k))) await run(db, surveyWarningsSql);
  await run(db, surveyPrivacySql);
  const mapped = new Map(
    folder.exports.flatMap((p) => (p.entry && mappingName ? [[p.spec, mappingName] as const] : [])),
  );
  const absent = new Map(
    folder.exports.flatMap((p) => (p.absentNote ? [[p.spec, p.absentNote] as const] : [])),
  );
  const quality = await qualityRows(db, specs, { reads, mapped, absent });
  effects.progress(`kwaliteit: waarschuwingen en telling (${watch.lap("kwaliteit", start)})`);
  return {
    quality,
    unknownFiles: folder.unknown,
    reads,
    ...(folder.mapping ? { mapping: folder.mapping } : {}),
  };
}
