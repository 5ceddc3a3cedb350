import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { alive } from "./lock.ts";

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

/**
 * The journal of a publish: written before the first rename and removed after the last, so
 * that a refresh killed in between is rolled back by the next one. It records whether a
 * previous database and output folder existed.
 */
interface Journal {
  readonly db: string | null;
  readonly hadDb: boolean;
  readonly out: string;
  readonly hadOut: boolean;
}

const journalPath = (outDir: string) => `${resolve(outDir)}.publish.json`;
const previous = (path: string) => `${path}.prev`;

/** Removes what refreshes that no longer run staged beside `path` (`path.new-<pid>`). */
async function removeStaleStaging(path: string): Promise<void> {
  const prefix = `${basename(path)}.new-`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isFinite(pid) && pid !== process.pid && alive(pid)) continue;
    await rm(join(dirname(path), name), { recursive: true, force: true });
  }
}

/**
 * Brings the database and output folder back to one consistent state after a refresh that was
 * killed: a publish that had begun is rolled back (the previous database and folder return,
 * byte for byte), leftovers of a finished publish and of killed refreshes' staging are removed.
 * Call it while holding the lock.
 */
export async function recover(outDir: string, dbPath?: string): Promise<void> {
  const out = resolve(outDir);
  const journalFile = journalPath(out);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(await readFile(journalFile, "utf8")) as Journal;
  } catch {
    journal = undefined; // absent, or cut off before any rename began
  }
  if (journal) {
    if (journal.db) await rollBack(journal.db, journal.hadDb, false);
    await rollBack(journal.out, journal.hadOut, true);
  } else if (!existsSync(out) && existsSync(previous(out))) {
    await rename(previous(out), out);
  }
  await rm(journalFile, { force: true });
  await rm(previous(out), { recursive: true, force: true });
  await removeStaleStaging(out);
  if (dbPath) {
    const db = resolve(dbPath);
    await rm(previous(db), { force: true });
    await removeStaleStaging(db);
  }
}

/** Puts a path back as it was before an unfinished publish. */
async function rollBack(path: string, had: boolean, folder: boolean): Promise<void> {
  if (existsSync(previous(path))) {
    await rm(path, { recursive: folder, force: true });
    await rename(previous(path), path);
  } else if (!had) {
    await rm(path, { recursive: folder, force: true });
  }
}

export async function prepare(staging: Staging): Promise<void> {
  await rm(staging.stagedOut, { recursive: true, force: true });
  await mkdir(dirname(staging.stagedDb), { recursive: true });
  await mkdir(staging.stagedOut, { recursive: true });
  await rm(staging.stagedDb, { force: true });
}

/**
 * Swaps the staged database and output folder in: each old one is moved aside, the new one
 * renamed into its place, and the old ones are removed only after both are in. A journal
 * written first lets `recover` roll back a refresh killed anywhere in between, so the database
 * and the outputs always belong to the same refresh.
 */
export async function publish(staging: Staging, step: (name: string) => void = () => {}) {
  const { dbPath, outDir, dbInOut } = staging;
  const journal: Journal = {
    db: dbInOut ? null : dbPath,
    hadDb: !dbInOut && existsSync(dbPath),
    out: outDir,
    hadOut: existsSync(outDir),
  };
  await mkdir(dirname(outDir), { recursive: true });
  await writeFile(journalPath(outDir), JSON.stringify(journal));
  step("journal");
  if (!dbInOut) {
    await mkdir(dirname(dbPath), { recursive: true });
    if (journal.hadDb) await rename(dbPath, previous(dbPath));
    step("db-aside");
    await rename(staging.stagedDb, dbPath);
    step("db-in");
  }
  if (journal.hadOut) await rename(outDir, previous(outDir));
  step("out-aside");
  await rename(staging.stagedOut, outDir);
  step("out-in");
  await rm(journalPath(outDir), { force: true });
  step("committed");
  await rm(previous(outDir), { recursive: true, force: true });
  if (!dbInOut) await rm(previous(dbPath), { force: true });
}

/** Removes what a failed refresh staged. */
export async function discard(staging: Staging): Promise<void> {
  await rm(staging.stagedOut, { recursive: true, force: true });
  if (!staging.dbInOut) {
    await rm(staging.stagedDb, { force: true });
    await rm(`${staging.stagedDb}.wal`, { force: true });
  }
}
