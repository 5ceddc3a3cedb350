import { expect } from "vitest";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main.ts";
import { closeDatabase, openDatabase, rows } from "../../src/db/duckdb.ts";
import type { Sql } from "../../src/db/sql.ts";
import type { Effects } from "../../src/effects.ts";

/** Effects that keep what a command printed. */
export function capture(): Effects & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: (t) => out.push(t), progress: (m) => err.push(m) };
}

/** SHA-256 of every file in a folder (and of the database beside it), by name. */
export function snapshot(...paths: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
  for (const path of paths) {
    if (!statSync(path).isDirectory()) {
      result[path] = hash(path);
      continue;
    }
    for (const name of readdirSync(path).sort()) result[join(path, name)] = hash(join(path, name));
  }
  return result;
}

/** Runs `regiomonitor refresh` on a folder into its own output folder and database. */
export async function refreshInto(
  data: string,
  out: string,
  extra: readonly string[] = [],
  effects = capture(),
): Promise<{ status: number; db: string; effects: ReturnType<typeof capture> }> {
  const db = `${out}.duckdb`;
  const args = ["refresh", "--data", data, "--out", out, "--db", db, "--as-of", "2024-06-30"];
  const status = await main([...args, ...extra], effects);
  return { status, db, effects };
}

/** Rows of a query on a database file, opened read-only (it may be a shared fixture). */
export async function query<T = Record<string, unknown>>(path: string, sql: Sql): Promise<T[]> {
  const db = await openDatabase(path, { readOnly: true });
  try {
    return await rows<T>(db, sql);
  } finally {
    closeDatabase(db);
  }
}

/** What a refresh's --json summary says of what it read and reused. */
export interface RefreshSummary {
  mode: string;
  reloaded: string[];
  reused: string[];
  /** Output tables kept with their files from the previous refresh. */
  kept_tables: string[];
  /** Output tables whose files were copied from the previous refresh (the same rows). */
  copied_outputs: string[];
  /** Site marts copied from the previous refresh. */
  kept_marts: string[];
  status: string;
}

/** Runs `refresh --json` at as-of 2024-06-30 into `out` (database beside it); expects exit 0. */
export async function refreshJson(
  data: string,
  out: string,
  extra: readonly string[] = [],
): Promise<RefreshSummary> {
  const effects = capture();
  const args = ["refresh", "--data", data, "--out", out, "--db", `${out}.duckdb`, "--json"];
  const status = await main([...args, "--as-of", "2024-06-30", ...extra], effects);
  expect(status, effects.err.join("\n")).toBe(0);
  return JSON.parse(effects.out.join("\n")) as RefreshSummary;
}

/** The output files of a folder by name, so that two folders can be compared. */
export function outputsOf(out: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(snapshot(out)).map(([path, hash]) => [path.slice(out.length + 1), hash]),
  );
}
