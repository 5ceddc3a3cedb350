import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase, rows, type Database } from "../src/db/duckdb.ts";
import { sql } from "../src/db/sql.ts";
import { silentEffects } from "../src/effects.ts";
import { ingest, type IngestResult } from "../src/ingest/index.ts";
import { tempDir } from "./temp.ts";

export { removeTempDirs, tempDir } from "./temp.ts";

/** Writes export files (text as UTF-8, or raw bytes) into a fresh folder. */
export function writeExports(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A members.csv that satisfies the contract, for tests that are about other files. */
export const MEMBERS = [
  "organisation_id,organisation_name,network,sector,joined_on",
  "O1,Zorggroep Een,Slimmer Leven,zorg,2020-01-01",
  "O2,Hogeschool Twee,Slimmer Leven,onderwijs,2020-01-01",
  "",
].join("\n");

/** Loads a folder into an in-memory database. */
export async function load(dir: string): Promise<{ db: Database; result: IngestResult }> {
  const db = await openDatabase(":memory:");
  const result = await ingest(db, dir, silentEffects);
  return { db, result };
}

export interface Reject {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  message_nl: string;
}

export async function rejectsOf(db: Database, file?: string): Promise<Reject[]> {
  const where = file ? sql`where file = ${file}` : sql``;
  return rows<Reject>(db, sql`select * from rejects ${where} order by file, line`);
}

/** A small seeded random generator (mulberry32) for tests that must be repeatable. */
export function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A small seeded PRNG (mulberry32), so that every run tests the same files. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
