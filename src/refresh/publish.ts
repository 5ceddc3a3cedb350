import { existsSync, readdirSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { alive } from "./lock.ts";

/**
 * The file-system operations whose order makes a publish durable; tests pass a fake that
 * records them. A rename is atomic but not durable by itself: after a power loss the new name
 * may point to an empty or old file unless the file was synced before and its folder after.
 */
export interface PublishFileSystem {
  rename(from: string, to: string): Promise<void>;
  /** Writes a file's content through to the disk (fsync). */
  fsyncFile(path: string): Promise<void>;
  /** Writes a folder's entries (names created, renamed or removed in it) through to the disk. */
  fsyncDir(path: string): Promise<void>;
}

/** Error codes of file systems (and Windows) that cannot sync a folder: nothing to do there. */
const UNSYNCABLE_DIR = new Set(["EINVAL", "ENOTSUP", "EISDIR", "EPERM", "EACCES", "EBADF"]);

async function fsync(path: string, folder: boolean): Promise<void> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (folder && UNSYNCABLE_DIR.has((error as NodeJS.ErrnoException).code ?? "")) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!folder || !UNSYNCABLE_DIR.has((error as NodeJS.ErrnoException).code ?? "")) throw error;
  } finally {
    await handle.close();
  }
}

/** The real file system. */
export const diskFileSystem: PublishFileSystem = {
  rename,
  fsyncFile: (path) => fsync(path, false),
  fsyncDir: (path) => fsync(path, true),
};

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
export async function recover(
  outDir: string,
  dbPath?: string,
  fs: PublishFileSystem = diskFileSystem,
): Promise<void> {
  const out = resolve(outDir);
  const journalFile = journalPath(out);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(await readFile(journalFile, "utf8")) as Journal;
  } catch {
    journal = undefined; // absent, or cut off before any rename began
  }
  if (journal) {
    if (journal.db) await rollBack(journal.db, journal.hadDb, false, fs);
    await rollBack(journal.out, journal.hadOut, true, fs);
    // The rollback must be on disk before the journal that calls for it is gone.
    for (const folder of parents(journal.out, journal.db)) {
      if (existsSync(folder)) await fs.fsyncDir(folder);
    }
  } else if (!existsSync(out) && existsSync(previous(out))) {
    await fs.rename(previous(out), out);
    await fs.fsyncDir(dirname(out));
  }
  if (existsSync(journalFile)) {
    await rm(journalFile, { force: true });
    await fs.fsyncDir(dirname(journalFile));
  }
  await rm(previous(out), { recursive: true, force: true });
  await removeStaleStaging(out);
  if (dbPath) {
    const db = resolve(dbPath);
    await rm(previous(db), { force: true });
    await removeStaleStaging(db);
  }
}

/** Puts a path back as it was before an unfinished publish. */
async function rollBack(
  path: string,
  had: boolean,
  folder: boolean,
  fs: PublishFileSystem,
): Promise<void> {
  if (existsSync(previous(path))) {
    await rm(path, { recursive: folder, force: true });
    await fs.rename(previous(path), path);
  } else if (!had) {
    await rm(path, { recursive: folder, force: true });
  }
}

/** The folders that hold the output folder and (when given) the database, each once. */
function parents(outDir: string, dbPath: string | null): string[] {
  return [...new Set([dirname(outDir), ...(dbPath ? [dirname(dbPath)] : [])])];
}

/** The files and folders under `dir`, itself included; each folder after what it holds. */
function tree(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(path);
    }
    folders.push(folder);
  };
  walk(dir);
  return { files, folders };
}

/**
 * Syncs everything a refresh staged: the database file (and its write-ahead log, if any), every
 * output file and the output folder with its subfolders, so that what the renames publish is
 * on disk before they are.
 */
async function syncStaged(staging: Staging, fs: PublishFileSystem): Promise<void> {
  if (!staging.dbInOut) {
    await fs.fsyncFile(staging.stagedDb);
    if (existsSync(`${staging.stagedDb}.wal`)) await fs.fsyncFile(`${staging.stagedDb}.wal`);
  }
  const { files, folders } = tree(staging.stagedOut);
  for (const file of files) await fs.fsyncFile(file);
  for (const folder of folders) await fs.fsyncDir(folder);
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
 *
 * It also survives a power loss: the staged files and folders, the journal and the folders that
 * hold them are synced before the first rename; the folders whose entries the renames changed
 * are synced before the journal is removed, and the journal's removal (the commit) is synced
 * before publish returns. So the disk holds the old pair with the journal that rolls it back,
 * or the new pair whole, never a name that points to an empty or old file.
 */
export async function publish(
  staging: Staging,
  step: (name: string) => void = () => {},
  fs: PublishFileSystem = diskFileSystem,
) {
  const { dbPath, outDir, dbInOut } = staging;
  const journal: Journal = {
    db: dbInOut ? null : dbPath,
    hadDb: !dbInOut && existsSync(dbPath),
    out: outDir,
    hadOut: existsSync(outDir),
  };
  const folders = parents(outDir, journal.db);
  for (const folder of folders) await mkdir(folder, { recursive: true });
  await writeFile(journalPath(outDir), JSON.stringify(journal));
  await syncStaged(staging, fs);
  await fs.fsyncFile(journalPath(outDir));
  for (const folder of folders) await fs.fsyncDir(folder);
  step("journal");
  if (!dbInOut) {
    if (journal.hadDb) await fs.rename(dbPath, previous(dbPath));
    step("db-aside");
    await fs.rename(staging.stagedDb, dbPath);
    step("db-in");
  }
  if (journal.hadOut) await fs.rename(outDir, previous(outDir));
  step("out-aside");
  await fs.rename(staging.stagedOut, outDir);
  step("out-in");
  for (const folder of folders) await fs.fsyncDir(folder);
  step("synced");
  await rm(journalPath(outDir), { force: true });
  await fs.fsyncDir(dirname(journalPath(outDir)));
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
