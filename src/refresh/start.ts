import { existsSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import type { FileSpec } from "../contract/index.ts";
import { files as allFiles } from "../contract/index.ts";
import { openDatabase, rows, run, type Database } from "../db/duckdb.ts";
import { sql, type Sql } from "../db/sql.ts";
import { keptCandidates, loadReads, pruneSql, keptExports, type Reuse } from "../ingest/reuse.ts";
import { cleanTableName } from "../ingest/schema.ts";
import { exportOnlyTables } from "../output/build.ts";
import { martTables } from "../site/index.ts";
import type { Fingerprints } from "./fingerprint.ts";
import type { Previous } from "./previous.ts";

/** The exports whose fingerprint equals the previous refresh's (none without one). */
export function sameExports(prints: Fingerprints, previous: Previous | undefined): FileSpec[] {
  if (!previous || previous.code !== prints.code || previous.mapping !== prints.mapping) return [];
  return [...prints.exports].flatMap(([spec, print]) =>
    previous.exports.get(spec.key)?.fingerprint === print ? [spec] : [],
  );
}

/**
 * Starts the staged database as a copy of the previous one, pruned to the unchanged exports'
 * tables (pruneSql), so that nothing unchanged is read, checked or even copied row by row.
 */
export async function startFromPrevious(
  stagedDb: string,
  dbPath: string,
  previous: Previous,
  same: readonly FileSpec[],
): Promise<{
  db: Database;
  reuse?: Reuse;
  kept?: readonly string[];
  keptClean?: readonly string[];
  /** The site marts the previous refresh left (pruneSql keeps them). */
  marts?: readonly string[];
}> {
  const present = same.filter((spec) => previous.exports.get(spec.key)!.reads !== "[]");
  if (!present.length) return { db: await openDatabase(stagedDb) };
  await copyFile(dbPath, stagedDb);
  if (existsSync(`${dbPath}.wal`)) await copyFile(`${dbPath}.wal`, `${stagedDb}.wal`);
  const db = await openDatabase(stagedDb);
  const reads = new Map(
    present.map((spec) => [spec, loadReads(spec, previous.exports.get(spec.key)!.reads)] as const),
  );
  const reuse: Reuse = { reads };
  const names = async (query: Sql) => (await rows<{ name: string }>(db, query)).map((r) => r.name);
  const tables = await names(
    sql`select table_name as name from duckdb_tables() where database_name = current_database() and not temporary`,
  );
  const views = await names(
    sql`select view_name as name from duckdb_views() where database_name = current_database() and not internal and not temporary`,
  );
  const marts = martTables().filter((name) => tables.includes(name));
  await run(db, pruneSql(reuse, allFiles, tables, views, exportOnlyTables, marts));
  const kept = keptCandidates(reuse, allFiles, exportOnlyTables)
    .map((t) => t.name)
    .filter((name) => tables.includes(name));
  // The clean tables that pruneSql kept: those of the exports whose checks need not run again.
  const keptClean = keptExports(reuse, allFiles).map(cleanTableName);
  return { db, reuse, kept, keptClean, marts };
}
