import { closeDatabase, lit, openDatabase, rows, run, type Database } from "../db/duckdb.ts";
import { computeIndicators, families } from "../indicators/index.ts";
import { buildDetailTables } from "../output/build.ts";
import type { Effects } from "../effects.ts";
import { ingest, type IngestResult } from "../ingest/index.ts";
import { outputTables } from "../output/tables.ts";
import { writeTable } from "../output/write.ts";
import { defaultAsOf, todayIso } from "./as-of.ts";
import { acquireLocks } from "./lock.ts";
import { discard, planStaging, prepare, publish, recover } from "./publish.ts";

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
}

export interface RefreshResult {
  readonly ingest: IngestResult;
  readonly asOf: string;
  readonly outDir: string;
  readonly dbPath: string;
  readonly rejected: number;
  readonly signals: number;
  /** Signals of severity `hoog`: with --strict they make the exit status 1. */
  readonly highSignals: number;
}

const seconds = (start: number) =>
  `${((performance.now() - start) / 1000).toFixed(1).replace(".", ",")} s`;

/**
 * Validates and loads the exports, writes every output table, and publishes the new database
 * and output folder only when all of it is complete: all-or-nothing (spec/outputs.md).
 */
export async function refresh(options: RefreshOptions, effects: Effects): Promise<RefreshResult> {
  const staging = planStaging(options.outDir, options.dbPath);
  // The database and the output folder are each locked: two refreshes that share either one
  // would publish over each other.
  const release = acquireLocks(
    staging.dbInOut
      ? [[`${staging.outDir}.lock`, staging.dbPath]]
      : [
          [`${staging.dbPath}.lock`, staging.dbPath],
          [`${staging.outDir}.lock`, staging.outDir],
        ],
  );
  let db: Database | undefined;
  try {
    await recover(staging.outDir, staging.dbInOut ? undefined : staging.dbPath);
    await prepare(staging);
    db = await openDatabase(staging.stagedDb);
    // One transaction: the staged file is written once, not fsynced after every statement.
    await run(db, "begin transaction");
    const loaded = await ingest(db, options.dataDir, effects, { mappingPath: options.mappingPath });
    const asOf = options.asOf ?? (await defaultAsOf(db, options.today ?? todayIso()));
    await run(db, `insert into load_info values ('as_of', ${lit(asOf)})`);
    let start = performance.now();
    await computeIndicators(db, families, asOf);
    await buildDetailTables(db);
    const [signals] = await rows<{ high: bigint; total: bigint }>(
      db,
      "select count(*) filter (where severity = 'hoog') as high, count(*) as total from signals",
    );
    effects.progress(`indicatoren en signalen berekend (${seconds(start)})`);
    start = performance.now();
    for (const table of outputTables) await writeTable(db, table, staging.stagedOut);
    effects.progress(`schrijven ${outputTables.length} tabellen (${seconds(start)})`);
    await run(db, "commit");
    closeDatabase(db);
    db = undefined;
    effects.progress("publiceren: nieuwe database en uitvoer omwisselen");
    await publish(staging);
    const rejected = loaded.quality.reduce((sum, q) => sum + q.rows_rejected, 0);
    return {
      ingest: loaded,
      asOf,
      outDir: staging.outDir,
      dbPath: staging.dbPath,
      rejected,
      signals: Number(signals!.total),
      highSignals: Number(signals!.high),
    };
  } catch (error) {
    if (db) closeDatabase(db);
    await discard(staging);
    throw error;
  } finally {
    release();
  }
}
