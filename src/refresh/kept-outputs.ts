/**
 * The output files of tables whose rows are the previous refresh's: those an incremental refresh
 * kept (the tables over unchanged exports, src/output/build.ts) and those it computed again with
 * the same rows (sameAsPrevious). Their files are copied from the published output folder
 * instead of written again, when they are there as the previous refresh wrote them (the
 * recorded size, as outputsIntact checks); their workbook sheets likewise (workbook/index.ts).
 */
import { existsSync, statSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { run, type Database } from "../db/duckdb.ts";
import type { PreviousRows } from "../db/previous-rows.ts";
import { ident, sql } from "../db/sql.ts";
import type { OutputTable } from "../output/tables.ts";
import { WORKBOOK_FILE, type PreviousWorkbook } from "../output/workbook/index.ts";
import type { OutputFile } from "./previous.ts";

/** The alias under which a refresh attaches the previous refresh's database, read-only. */
export const PREVIOUS = "previous_outputs";

/** Attaches the previous refresh's database as PREVIOUS; false when there is none. */
export async function attachPrevious(db: Database, path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  await run(db, sql`attach ${path} as ${ident(PREVIOUS)} (read_only)`);
  return true;
}

export async function detachPrevious(db: Database): Promise<void> {
  await run(db, sql`detach database if exists ${ident(PREVIOUS)}`);
}

/**
 * The tables (OutputTable.from) that hold exactly the rows of the same table in the previous
 * refresh's database (`previous`, attached: attachPrevious): the files of the same rows are the
 * same bytes (sorted by every column; the same program, as an incremental refresh requires).
 */
export async function sameAsPrevious(
  db: Database,
  previous: PreviousRows,
  tables: readonly OutputTable[],
): Promise<string[]> {
  const same: string[] = [];
  for (const { from } of tables) {
    if (from && (await previous.same(db, from))) same.push(from);
  }
  return same;
}

/** The three files of an output table. */
export const tableFiles = (table: OutputTable): string[] =>
  [".csv", ".nl.csv", ".parquet"].map((suffix) => `${table.name}${suffix}`);

/** True when `name` is in `dir` with the size the previous refresh recorded. */
function intact(dir: string, name: string, outputs: readonly OutputFile[]): boolean {
  const recorded = outputs.find((o) => o.name === name);
  const path = join(dir, name);
  return recorded !== undefined && existsSync(path) && statSync(path).size === recorded.size;
}

/**
 * Copies the files of the tables read from a kept database table from `fromDir` to `toDir`;
 * returns the tables copied (the others are to be written).
 */
export async function copyKeptOutputs(
  tables: readonly OutputTable[],
  kept: ReadonlySet<string>,
  fromDir: string,
  toDir: string,
  outputs: readonly OutputFile[],
): Promise<Set<OutputTable>> {
  const copied = new Set<OutputTable>();
  for (const table of tables) {
    if (!table.from || !kept.has(table.from)) continue;
    const files = tableFiles(table);
    if (!files.every((name) => intact(fromDir, name, outputs))) continue;
    for (const name of files) await copyFile(join(fromDir, name), join(toDir, name));
    copied.add(table);
  }
  return copied;
}

/** The previous workbook to copy the kept tables' sheets from, when it is intact. */
export function previousWorkbook(
  kept: ReadonlySet<string>,
  fromDir: string,
  outputs: readonly OutputFile[],
  sheets: readonly string[] | undefined,
): PreviousWorkbook | undefined {
  if (!kept.size || !sheets || !intact(fromDir, WORKBOOK_FILE, outputs)) return undefined;
  return { path: join(fromDir, WORKBOOK_FILE), sheets, unchanged: kept };
}
