import { randomUUID } from "node:crypto";
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { LockedError } from "../errors.ts";

/** True when a process with this id runs on this machine. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** The lock file's text, or undefined when there is none. */
function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if (code(error) === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Creates the lock file with its content in one step (a hard link of a finished temporary
 * file), so that no other process ever reads it empty; false when it exists. File systems
 * without hard links fall back to an exclusive create.
 */
function create(path: string, content: string, token: string): boolean {
  const temporary = `${path}.${process.pid}-${token}.tmp`;
  writeFileSync(temporary, content);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if (code(error) === "EEXIST") return false;
    if (code(error) !== "EPERM" && code(error) !== "ENOTSUP") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  try {
    const fd = openSync(path, "wx");
    writeSync(fd, content);
    closeSync(fd);
    return true;
  } catch (error) {
    if (code(error) === "EEXIST") return false;
    throw error;
  }
}

/**
 * Removes a stale lock, but only the one that was judged stale: it is renamed aside (atomic)
 * and compared. When another process took the lock over in the meantime, its fresh lock is
 * put back, so two processes that find the same stale lock never both end up holding it.
 */
function removeStale(path: string, stale: string, token: string): void {
  const aside = `${path}.${process.pid}-${token}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (code(error) === "ENOENT") return;
    throw error;
  }
  const moved = readFileSync(aside, "utf8");
  if (moved !== stale) {
    try {
      linkSync(aside, path);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
  }
  rmSync(aside, { force: true });
}

/** Removes the temporary files of lock takers that were killed (`path.<pid>-<token>.tmp`). */
function removeLeftovers(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const match = /^(\d+)-[0-9a-f-]+\.(tmp|stale)$/.exec(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && !alive(pid)) rmSync(join(dirname(path), name), { force: true });
  }
}

/**
 * Takes a lock file (beside the database) so that two refreshes of it cannot run at once. A lock
 * left by a process that no longer runs is taken over. Returns the release function, which
 * removes the lock only while it is still this call's own.
 */
export function acquireLock(path: string, dbPath: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const token = randomUUID();
  const content = `${process.pid} ${token}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(path, content, token)) {
      removeLeftovers(path);
      return () => {
        if (readLock(path) === content) rmSync(path, { force: true });
      };
    }
    const seen = readLock(path);
    if (seen === undefined) continue;
    const pid = Number.parseInt(seen, 10);
    if (Number.isFinite(pid) && alive(pid)) {
      throw new LockedError(
        `een andere refresh (proces ${pid}) werkt al aan ${dbPath}; probeer het later opnieuw (slot: ${path})`,
      );
    }
    removeStale(path, seen, token);
  }
  throw new LockedError(`het slot ${path} kon niet worden genomen`);
}

/** Takes several locks (path and what it guards) in the given order; all or none. */
export function acquireLocks(locks: readonly (readonly [string, string])[]): () => void {
  const releases: (() => void)[] = [];
  try {
    for (const [path, guarded] of locks) releases.push(acquireLock(path, guarded));
  } catch (error) {
    for (const release of [...releases].reverse()) release();
    throw error;
  }
  return () => {
    for (const release of [...releases].reverse()) release();
  };
}
