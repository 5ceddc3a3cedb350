import type { DuckDBConnection } from "@duckdb/node-api";
import { join } from "node:path";
import type { Database } from "../db/duckdb.ts";
import { sql, type Sql } from "../db/sql.ts";
import { csvCopySql, parquetCopySql, uniqueFirstSql } from "./copy.ts";
import { dutchCsv, plainCsv } from "./csv.ts";
import type { OutputTable } from "./tables.ts";
import { writeCsvRows } from "./write-rows.ts";

export { orderedQuery } from "./ordered.ts";

/** A piece of writing that runs on whichever connection it is given; returns rows written. */
type Job = (connection: DuckDBConnection) => Promise<number>;

/** Runs a statement built with `sql` on a connection; returns the rows it wrote or changed. */
async function runCounted(connection: DuckDBConnection, query: Sql): Promise<number> {
  const result = await connection.run(query.text);
  return result.rowsChanged;
}

/** The rows of a query built with `sql`, as JavaScript objects. */
async function objects(
  connection: DuckDBConnection,
  query: Sql,
): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(query.text)).getRowObjectsJS();
}

/** The two CSV statements of a table, or undefined if a column needs JavaScript formatting. */
async function csvStatements(
  c: DuckDBConnection,
  table: OutputTable,
  dir: string,
): Promise<[Sql, Sql] | undefined> {
  const types = (await objects(c, sql`describe (${table.source})`)).map((r) =>
    String(r.column_type),
  );
  // Sorting by a unique first column alone gives the same order for much less work.
  const check = uniqueFirstSql(table, types);
  const unique = check ? (await c.runAndReadAll(check.text)).getRowsJS()[0]?.[0] === true : false;
  const path = (suffix: string) => join(dir, `${table.name}${suffix}`);
  const plain = csvCopySql(table, types, plainCsv, path(".csv"), unique);
  const dutch = csvCopySql(table, types, dutchCsv, path(".nl.csv"), unique);
  return plain && dutch ? [plain, dutch] : undefined;
}

/**
 * The jobs that write a table: its two CSV files (formatted and written by DuckDB, or in
 * JavaScript for a column type the SQL cells do not cover) and its Parquet file. The CSV jobs
 * share one preparation, run by whichever of them starts first.
 */
function tableJobs(db: Database, table: OutputTable, dir: string): Job[] {
  let prepared: Promise<[Sql, Sql] | undefined> | undefined;
  const csv =
    (k: 0 | 1): Job =>
    async (c) => {
      const statements = await (prepared ??= csvStatements(c, table, dir));
      if (statements) return runCounted(c, statements[k]);
      // The JavaScript fallback writes both files at once.
      return k === 0 ? writeCsvRows({ instance: db.instance, connection: c }, table, dir) : 0;
    };
  const parquet: Job = (c) =>
    runCounted(c, parquetCopySql(table, join(dir, `${table.name}.parquet`)));
  return [csv(0), csv(1), parquet];
}

/** Writes a table as NAME.csv, NAME.nl.csv and NAME.parquet into a folder; returns its rows. */
export async function writeTable(db: Database, table: OutputTable, dir: string): Promise<number> {
  const [first, ...rest] = tableJobs(db, table, dir);
  const count = await first!(db.connection);
  for (const job of rest) await job(db.connection);
  return count;
}

/**
 * Writes every table (its three files each) into a folder, running up to `connections`
 * statements at a time: on the database's connection and on extra ones, closed at the end.
 */
export async function writeTables(
  db: Database,
  tables: readonly OutputTable[],
  dir: string,
  connections = 2,
): Promise<void> {
  const jobs = tables.flatMap((table) => tableJobs(db, table, dir));
  const extra = await Promise.all(
    Array.from({ length: Math.max(0, connections - 1) }, () => db.instance.connect()),
  );
  let next = 0;
  let failed = false;
  const worker = async (connection: DuckDBConnection) => {
    while (next < jobs.length && !failed) {
      try {
        await jobs[next++]!(connection);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every worker stops before the extra connections close, also when a statement fails.
  const settled = await Promise.allSettled([db.connection, ...extra].map(worker));
  for (const c of extra) c.closeSync();
  for (const s of settled) if (s.status === "rejected") throw s.reason;
}
