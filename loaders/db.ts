import { access } from "node:fs/promises";
import { closeDatabase, openDatabase, rows } from "../src/db/duckdb.ts";
import { sql, type Sql } from "../src/db/sql.ts";

import { databasePath } from "./paths.ts";

export { databasePath } from "./paths.ts";

/** A query against the open database: its rows as plain JavaScript objects. */
export type Query = <R>(query: Sql) => Promise<R[]>;

/**
 * Runs `read` against the refresh's database, opened read-only with the project's settings
 * (src/db/duckdb.ts), and closes it again. Fails when the file does not exist (DuckDB would
 * create an empty one).
 */
export async function readDatabase<T>(
  read: (query: Query) => Promise<T>,
  path = databasePath(),
): Promise<T> {
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
  const db = await openDatabase(":memory:");
  try {
    return await rows<Record<string, string>>(
      db,
      sql`select * from read_csv(${path}, header = true, all_varchar = true)`,
    );
  } finally {
    closeDatabase(db);
  }
}
