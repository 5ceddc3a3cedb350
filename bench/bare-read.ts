/**
 * The benchmark's lower bound: DuckDB reads every CSV file of a folder into a table of a new
 * database file with `read_csv`, and nothing else. Prints its own timing as JSON on stdout.
 * With `--all-varchar` every column is read as text (`read_csv(…, all_varchar = true)`, the bare
 * read as issue 12 defines it); without, read_csv detects the columns' types.
 * Usage: node --import tsx bench/bare-read.ts DATA_DIR DB_FILE [--all-varchar]
 */
import { readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { closeDatabase, openDatabase, rows, run } from "../src/db/duckdb.ts";
import { ident, sql } from "../src/db/sql.ts";

const [dataDir, dbPath, flag] = process.argv.slice(2);
if (!dataDir || !dbPath || (flag !== undefined && flag !== "--all-varchar")) {
  throw new Error("gebruik: bare-read.ts DATA_DIR DB_FILE [--all-varchar]");
}
const allVarchar = flag === "--all-varchar";

rmSync(dbPath, { force: true });
rmSync(`${dbPath}.wal`, { force: true });
const start = performance.now();
const db = await openDatabase(dbPath);
const files: { file: string; rows: number; seconds: number }[] = [];
await run(db, sql`begin transaction`);
for (const name of readdirSync(dataDir)
  .filter((n) => n.endsWith(".csv"))
  .sort()) {
  const t = performance.now();
  const table = ident(basename(name, ".csv"));
  const file = join(dataDir, name);
  const read = allVarchar ? sql`read_csv(${file}, all_varchar = true)` : sql`read_csv(${file})`;
  await run(db, sql`create table ${table} as select * from ${read}`);
  const [count] = await rows<{ n: bigint }>(db, sql`select count(*) as n from ${table}`);
  files.push({ file: name, rows: Number(count!.n), seconds: (performance.now() - t) / 1000 });
}
await run(db, sql`commit`);
closeDatabase(db);
process.stdout.write(
  `${JSON.stringify({ seconds: (performance.now() - start) / 1000, files }, null, 2)}\n`,
);
