import { closeDatabase, openDatabase, rows, run, type Database } from "../db/duckdb.ts";
import { sql } from "../db/sql.ts";
import { computeAll } from "./compute.ts";
import type { Effects } from "../effects.ts";
import { files as allFiles } from "../contract/index.ts";
import { ingest, type IngestResult } from "../ingest/index.ts";
import { planFolder } from "../ingest/plan.ts";
import { loadReads, storeReads } from "../ingest/reuse.ts";
import { outputTables } from "../output/tables.ts";
import { WORKBOOK_FILE } from "../output/workbook/index.ts";
import { defaultAsOf, todayIso } from "./as-of.ts";
import { fingerprint, type Fingerprints } from "./fingerprint.ts";
import { computeChanges, noChanges, type ChangesSummary } from "./changes.ts";
import { acquireLocks } from "./lock.ts";
import {
  listOutputs,
  outputsIntact,
  readPrevious,
  recordInputs,
  type Previous,
} from "./previous.ts";
import { discard, planStaging, prepare, publish, recover, type Staging } from "./publish.ts";
import { Stopwatch, type StageTime } from "./timing.ts";
import { lastSteps } from "./last-steps.ts";
import { sameExports, startFromPrevious } from "./start.ts";
import { loadSettings } from "../settings/load.ts";
import { settingsJson } from "../settings/settings.ts";

export interface RefreshOptions {
  readonly dataDir: string;
  readonly outDir: string;
  readonly dbPath: string;
  /** ISO date; the default is derived from the data. */
  readonly asOf?: string;
  /** ISO date of today (a parameter so tests are reproducible). */
  readonly today?: string;
  /** A mapping file that replaces the exports folder's own mapping.json. */
  readonly mappingPath?: string;
  /** Read and compute everything, whatever the previous refresh recorded (`--full`). */
  readonly full?: boolean;
  /** A settings file that replaces the exports folder's own instellingen.json. */
  readonly settingsPath?: string;
}

/**
 * full: everything read and computed; incremental: unchanged exports copied from the previous
 * database, the rest read, everything computed; unchanged: nothing changed, nothing written.
 */
export type RefreshMode = "full" | "incremental" | "unchanged";

export interface RefreshResult {
  readonly ingest: IngestResult;
  readonly asOf: string;
  readonly outDir: string;
  readonly dbPath: string;
  readonly rejected: number;
  readonly signals: number;
  /** Signals of severity `hoog`: with --strict they make the exit status 1. */
  readonly highSignals: number;
  readonly mode: RefreshMode;
  /** Exports read from their files in this run (canonical names). */
  readonly reloaded: readonly string[];
  /** Exports copied unchanged from the previous database. */
  readonly reused: readonly string[];
  /** Output tables over unchanged exports alone, kept with their files from the previous refresh. */
  readonly kept: readonly string[];
  /** Output tables whose files (and workbook sheets) were copied: the same rows as before. */
  readonly copiedOutputs: readonly string[];
  /** Site marts copied from the previous refresh: their inputs hold the previous rows. */
  readonly keptMarts: readonly string[];
  readonly stages: readonly StageTime[];
  readonly seconds: number;
  /** What changed since the previous refresh ("Sinds de vorige verversing"). */
  readonly changes: ChangesSummary;
}

/**
 * The lock files of a refresh, each with what it guards: the database's (beside it) and the
 * output folder's, or one beside the output folder when the database lives inside it.
 */
export function lockPaths(staging: Staging): [string, string][] {
  return staging.dbInOut
    ? [[`${staging.outDir}.lock`, staging.dbPath]]
    : [
        [`${staging.dbPath}.lock`, staging.dbPath],
        [`${staging.outDir}.lock`, staging.outDir],
      ];
}

/**
 * Validates and loads the exports, writes every output table, and publishes the new database
 * and output folder only when all of it is complete: all-or-nothing (spec/outputs.md). Exports
 * whose content did not change since the previous refresh are copied from its database; when
 * nothing changed at all (exports, mapping, program, peildatum), nothing is written.
 */
export async function refresh(options: RefreshOptions, effects: Effects): Promise<RefreshResult> {
  const staging = planStaging(options.outDir, options.dbPath);
  // The database and the output folder are each locked: two refreshes that share either one
  // would publish over each other.
  const release = acquireLocks(lockPaths(staging));
  const watch = new Stopwatch();
  let db: Database | undefined;
  try {
    await recover(staging.outDir, staging.dbInOut ? undefined : staging.dbPath);
    let start = performance.now();
    const folder = await planFolder(options.dataDir, allFiles, options.mappingPath);
    const today = options.today ?? todayIso();
    const previous = options.full ? undefined : await readPrevious(staging.dbPath, today);
    const prints = await fingerprint(folder, previous?.fileStats);
    const { settings } = await loadSettings(options.dataDir, options.settingsPath);
    const settingsKey = JSON.stringify(settingsJson(settings));
    const same = sameExports(prints, previous);
    effects.progress(
      `vergelijken met de vorige verversing: ${compared(prints, previous, options.full, same.length)} (${watch.lap("vergelijken", start)})`,
    );
    if (previous && same.length === prints.exports.size) {
      const asOf = options.asOf ?? previous.defaultAsOf;
      if (
        asOf === previous.asOf &&
        settingsKey === previous.settings &&
        outputsIntact(staging.outDir, previous.outputs)
      ) {
        effects.progress("niets veranderd: de vorige database en uitvoer blijven staan");
        return unchangedResult(previous, folder.unknown, staging, watch);
      }
    }
    await prepare(staging);
    const started = same.length
      ? await startFromPrevious(staging.stagedDb, staging.dbPath, previous!, same)
      : { db: await openDatabase(staging.stagedDb) };
    db = started.db;
    const { reuse } = started;
    // No transaction: the staged database is not published until the end, so it needs none;
    // committed tables are compressed (the checks then parse each distinct value once) and can
    // leave memory, which keeps a national refresh under its memory ceiling.
    const loaded = await ingest(db, options.dataDir, effects, {
      folder,
      stopwatch: watch,
      ...(reuse ? { reuse } : {}),
    });
    const asOf = options.asOf ?? (await defaultAsOf(db, today));
    await run(
      db,
      sql`insert into load_info values ('as_of', ${asOf}), ('settings', ${settingsKey})`,
    );
    // Tables over unchanged exports alone, kept from the previous refresh at the same peildatum
    // and settings: neither computed nor written again.
    const kept = new Set(
      previous && asOf === previous.asOf && settingsKey === previous.settings
        ? (started.kept ?? [])
        : [],
    );
    if (kept.size)
      effects.progress(
        `ongewijzigd overgenomen (alleen uit ongewijzigde exports): ${[...kept].join(", ")}`,
      );
    start = performance.now();
    await computeAll(db, { asOf, quarters: settings.quarters, signals: settings.signals, kept });
    const [signals] = await rows<{ high: bigint; total: bigint }>(
      db,
      sql`select count(*) filter (where severity = 'hoog') as high, count(*) as total from signals`,
    );
    effects.progress(`indicatoren en signalen berekend (${watch.lap("indicatoren", start)})`);
    start = performance.now();
    // Every export whose clean table was made again is compared, even when its file did not
    // change (partners and funding are re-checked against changed projects). The clean tables
    // copied from the previous database as they were hold its rows: they need no comparison.
    const changes = await computeChanges(db, staging.dbPath, asOf, started.keptClean ?? []);
    effects.progress(`wijzigingen sinds de vorige verversing (${watch.lap("wijzigingen", start)})`);
    const { copied, sheets, marts } = await lastSteps(db, effects, watch, {
      dir: staging.stagedOut,
      copyFrom: staging.outDir,
      outputs: previous?.outputs ?? [],
      previousSheets: previous?.workbookSheets,
      asOf,
      today,
      ...(started.reuse ? { previousDb: staging.dbPath } : {}),
      kept,
      keptClean: started.keptClean ?? [],
      marts: started.marts ?? [],
    });
    const names = [
      ...outputTables.flatMap((t) => [`${t.name}.csv`, `${t.name}.nl.csv`, `${t.name}.parquet`]),
      WORKBOOK_FILE,
    ];
    const reads = new Map([...loaded.reads].map(([spec, r]) => [spec, storeReads(r)] as const));
    await recordInputs(db, prints, reads, listOutputs(staging.stagedOut, names), sheets);
    closeDatabase(db);
    db = undefined;
    effects.progress("publiceren: nieuwe database en uitvoer omwisselen");
    start = performance.now();
    await publish(staging);
    watch.lap("publiceren", start);
    const reusedSpecs = reuse ? [...reuse.reads.keys()] : [];
    return {
      ingest: loaded,
      asOf,
      outDir: staging.outDir,
      dbPath: staging.dbPath,
      rejected: loaded.quality.reduce((sum, q) => sum + q.rows_rejected, 0),
      signals: Number(signals!.total),
      highSignals: Number(signals!.high),
      mode: reuse ? "incremental" : "full",
      reloaded: [...loaded.reads.keys()].filter((s) => !reusedSpecs.includes(s)).map((s) => s.file),
      reused: reusedSpecs.map((s) => s.file),
      kept: [...kept],
      copiedOutputs: copied,
      keptMarts: marts,
      stages: watch.stages,
      seconds: watch.total(),
      changes,
    };
  } catch (error) {
    if (db) closeDatabase(db);
    await discard(staging);
    throw error;
  } finally {
    release();
  }
}

/** What the comparison with the previous refresh found, in Dutch. */
function compared(
  prints: Fingerprints,
  previous: Previous | undefined,
  full: boolean | undefined,
  same: number,
): string {
  if (full) return "--full: alles wordt opnieuw gelezen";
  if (!previous) return "geen vorige verversing gevonden: alles wordt gelezen";
  if (previous.code !== prints.code)
    return "het programma is gewijzigd: alles wordt opnieuw gelezen";
  if (previous.mapping !== prints.mapping)
    return "de mapping is gewijzigd: alles wordt opnieuw gelezen";
  return `${same} van ${prints.exports.size} exports ongewijzigd`;
}

/** The result of a refresh that found nothing changed: the previous one's, as recorded. */
function unchangedResult(
  previous: Previous,
  unknownFiles: readonly string[],
  staging: Staging,
  watch: Stopwatch,
): RefreshResult {
  const reads = new Map(
    allFiles.flatMap((spec) => {
      const stored = previous.exports.get(spec.key);
      return stored && stored.reads !== "[]"
        ? [[spec, loadReads(spec, stored.reads)] as const]
        : [];
    }),
  );
  return {
    ingest: { quality: previous.quality, unknownFiles, reads },
    asOf: previous.asOf,
    outDir: staging.outDir,
    dbPath: staging.dbPath,
    rejected: previous.quality.reduce((sum, q) => sum + q.rows_rejected, 0),
    signals: previous.signals,
    highSignals: previous.highSignals,
    mode: "unchanged",
    reloaded: [],
    reused: [...reads.keys()].map((s) => s.file),
    kept: [],
    copiedOutputs: [],
    keptMarts: [],
    stages: watch.stages,
    seconds: watch.total(),
    changes: noChanges(previous.asOf),
  };
}
