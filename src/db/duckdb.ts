import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { Sql } from "./sql.ts";

export { ident, isSql, join as joinSql, literal, sql, Sql, trusted, type SqlValue } from "./sql.ts";

/** An open DuckDB database and one connection to it. */
export interface Database {
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
}

/**
 * DuckDB's memory ceiling: beyond it, it spills to disk instead of taking the machine's memory
 * (its own default is 80 % of RAM). 1.5 GB keeps a national refresh's whole process (Node
 * included) under 2 GB (bench/README.md). REGIOMONITOR_MEMORY_LIMIT overrides it, e.g. `8GB`.
 */
export const MEMORY_LIMIT = process.env.REGIOMONITOR_MEMORY_LIMIT ?? "1.5GB";

/** Opens (or creates) a database file, or an in-memory database for `:memory:`. */
export async function openDatabase(
  path: string,
  { readOnly = false }: { readonly readOnly?: boolean } = {},
): Promise<Database> {
  // Every core the machine offers (issue 12: it was pinned to 2).
  const threads = String(availableParallelism());
  const options: Record<string, string> = { threads, memory_limit: MEMORY_LIMIT };
  if (readOnly) options.access_mode = "READ_ONLY";
  // An in-memory database has no file beside which to spill: give it a temporary folder.
  if (path === ":memory:") options.temp_directory = join(tmpdir(), "regiomonitor-duckdb");
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  return { instance, connection };
}

/** Closes the connection and the database, so the file is complete on disk. */
export function closeDatabase(db: Database): void {
  db.connection.closeSync();
  db.instance.closeSync();
}

/**
 * With REGIOMONITOR_SQL_TIMES set, every statement's wall time, the process's CPU time during it
 * (DuckDB's threads included) and its first 160 characters (all of it with a value above 1) go
 * to stderr as one JSON line (`{"ms":…,"cpu_ms":…,"sql":…}`): the view behind the stage times.
 */
const timeStatements = Boolean(process.env.REGIOMONITOR_SQL_TIMES);

async function timed<T>(text: string, work: () => Promise<T>): Promise<T> {
  if (!timeStatements) return work();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const ms = Math.round(performance.now() - start);
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  const shown = Number(process.env.REGIOMONITOR_SQL_TIMES) > 1 ? undefined : 160;
  const line = { ms, cpu_ms: cpuMs, sql: text.replace(/\s+/g, " ").slice(0, shown) };
  process.stderr.write(`${JSON.stringify(line)}\n`);
  return result;
}

/** Runs one or more statements, built with `sql` (src/db/sql.ts). */
export async function run(db: Database, query: Sql): Promise<void> {
  await timed(query.text, () => db.connection.run(query.text));
}

/** Runs a query built with `sql` and returns its rows as plain JavaScript objects. */
export async function rows<T = Record<string, unknown>>(db: Database, query: Sql): Promise<T[]> {
  const reader = await timed(query.text, () => db.connection.runAndReadAll(query.text));
  return reader.getRowObjectsJS() as T[];
}
