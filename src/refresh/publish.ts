import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";

/** Where a refresh writes before it publishes, and where it publishes to. */
export interface Staging {
  readonly outDir: string;
  readonly dbPath: string;
  readonly stagedOut: string;
  readonly stagedDb: string;
  /** True when the database lives inside the output folder and moves with it. */
  readonly dbInOut: boolean;
}

/** Plans the side-by-side paths of a refresh. */
export function planStaging(outDir: string, dbPath: string, tag = String(process.pid)): Staging {
  const out = resolve(outDir);
  const db = resolve(dbPath);
  const rel = relative(out, db);
  const dbInOut = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  const stagedOut = `${out}.new-${tag}`;
  return {
    outDir: out,
    dbPath: db,
    stagedOut,
    stagedDb: dbInOut ? resolve(stagedOut, rel) : `${db}.new-${tag}`,
    dbInOut,
  };
}

/** Puts back an output folder that a crash left moved aside. */
export async function recover(outDir: string): Promise<void> {
  const previous = `${resolve(outDir)}.prev`;
  if (!existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
  else if (existsSync(previous)) await rm(previous, { recursive: true, force: true });
}

export async function prepare(staging: Staging): Promise<void> {
  await rm(staging.stagedOut, { recursive: true, force: true });
  await mkdir(dirname(staging.stagedDb), { recursive: true });
  await mkdir(staging.stagedOut, { recursive: true });
  await rm(staging.stagedDb, { force: true });
}

/**
 * Swaps the staged database and output folder in. The database is renamed over the old one
 * (atomic); the folder is swapped with two renames, and `recover` undoes a crash between them.
 */
export async function publish(staging: Staging): Promise<void> {
  if (!staging.dbInOut) {
    await mkdir(dirname(staging.dbPath), { recursive: true });
    await rename(staging.stagedDb, staging.dbPath);
  }
  const previous = `${staging.outDir}.prev`;
  await mkdir(dirname(staging.outDir), { recursive: true });
  if (existsSync(staging.outDir)) await rename(staging.outDir, previous);
  await rename(staging.stagedOut, staging.outDir);
  await rm(previous, { recursive: true, force: true });
}

/** Removes what a failed refresh staged. */
export async function discard(staging: Staging): Promise<void> {
  await rm(staging.stagedOut, { recursive: true, force: true });
  if (!staging.dbInOut) {
    await rm(staging.stagedDb, { force: true });
    await rm(`${staging.stagedDb}.wal`, { force: true });
  }
}
