import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { closeDatabase, openDatabase, rows, type Database } from "../src/db/duckdb.ts";
import { sql, type Sql } from "../src/db/sql.ts";

import { databasePath } from "./paths.ts";

export { databasePath } from "./paths.ts";

/** A query against the open database: its rows as plain JavaScript objects. */
export type Query = <R>(query: Sql) => Promise<R[]>;

/** The database that `sharingDatabase` holds open, with its resolved path. */
let shared: { path: string; db: Database } | undefined;

/**
 * Runs `work` with the database at `path` opened once, read-only: every `readDatabase` of that
 * path (and `readCsv`) within it uses this one connection instead of opening the file again
 * (loaders/site-fill.ts). Its reads must not overlap: one connection runs one query at a time.
 */
export async function sharingDatabase<T>(path: string, work: () => Promise<T>): Promise<T> {
  if (shared) throw new Error("loader: a database is already shared");
  await access(path);
  const db = await openDatabase(path, { readOnly: true });
  shared = { path: resolve(path), db };
  try {
    return await work();
  } finally {
    shared = undefined;
    closeDatabase(db);
  }
}

/**
 * Runs `read` against the refresh's database, opened read-only with the project's settings
 * (src/db/duckdb.ts), and closes it again. Fails when the file does not exist (DuckDB would
 * create an empty one).
 */
export async function readDatabase<T>(
  read: (query: Query) => Promise<T>,
  path = databasePath(),
): Promise<T> {
  const open = shared;
  if (open && open.path === resolve(path)) {
    return read(<R>(query: Sql) => rows<R>(open.db, query));
  }
  await access(path);
  const db = await openDatabase(path, { readOnly: true });
  try {
    return await read(<R>(query: Sql) => rows<R>(db, query));
  } finally {
    closeDatabase(db);
  }
}

/** The records of a reference CSV file (header first), every cell as text, read by DuckDB. */
export async function readCsv(path: string): Promise<Record<string, string>[]> {
  await access(path);
  const query = sql`select * from read_csv(${path}, header = true, all_varchar = true)`;
  if (shared) return rows<Record<string, string>>(shared.db, query);
  const db = await openDatabase(":memory:");
  try {
    return await rows<Record<string, string>>(db, query);
  } finally {
    closeDatabase(db);
  }
}
