import { createHash, randomUUID } from "node:crypto";
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

/**
 * The start time of a process from the text of its `/proc/PID/stat`: field 22 (`starttime`, in
 * clock ticks since boot). The second field, the command name in parentheses, may itself hold
 * spaces and parentheses, so the fields are counted from the last ')'. Undefined when the text
 * is not of that form.
 */
export function parseStartTime(stat: string): string | undefined {
  const end = stat.lastIndexOf(")");
  if (end < 0) return undefined;
  // After the ')' come field 3 (state) onwards: field 22 is the 20th.
  const field = stat
    .slice(end + 1)
    .trim()
    .split(/\s+/)[19];
  return field !== undefined && /^\d+$/.test(field) ? field : undefined;
}

/**
 * The start time of a running process (Linux: from `/proc/PID/stat`), or undefined where it
 * cannot be read: a system without `/proc`, a process that ended, or one that `/proc` hides.
 * Together with the process id it names one process: an id can be reused, the pair cannot.
 */
export function startTime(pid: number): string | undefined {
  try {
    return parseStartTime(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}

/** Who holds a lock, as its file records it. */
interface Holder {
  readonly pid: number;
  /** Absent in locks of systems without `/proc` and of earlier versions (pid and token only). */
  readonly start: string | undefined;
}

let ownStart: { readonly value: string | undefined } | undefined;

/**
 * The content of a lock file (and of a takeover marker): process id, a token that makes it
 * unique, and where known the process's start time. Earlier versions wrote `pid token` or only
 * `pid`; a reader that takes the leading number as the process id reads all of them.
 */
function lockContent(token: string): string {
  ownStart ??= { value: startTime(process.pid) };
  const start = ownStart.value;
  return `${process.pid} ${token}${start === undefined ? "" : ` start=${start}`}\n`;
}

function parseHolder(content: string): Holder {
  const start = /(?:^|\s)start=(\d+)(?:\s|$)/.exec(content)?.[1];
  return { pid: Number.parseInt(content, 10), start };
}

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
 * True when the lock content names no live process: no process id, no process with that id, or
 * (where start times can be read) a process with that id that started at another time than the
 * recorded one, so that the id was reused after the holder ended. A lock without a start time
 * (an earlier version's) or a process whose start time cannot be read falls back to the id alone.
 */
const dead = (content: string) => {
  const { pid, start } = parseHolder(content);
  if (!Number.isFinite(pid) || !alive(pid)) return true;
  if (start === undefined) return false;
  const now = startTime(pid);
  // Unreadable: no /proc, a hidden process, or one that ended just now (then the id tells).
  return now === undefined ? !alive(pid) : now !== start;
};

/**
 * Replaces the file at `path`, which holds `stale` (a dead process's lock), by `content`; true
 * when this call did. Only the process that creates the takeover marker of exactly that stale
 * content may replace it, and it does so with one atomic rename, after checking that the file
 * still holds `stale`: so two processes that find the same stale lock never both take it, and a
 * live lock (its content unique by its token) is never replaced. A marker whose taker died is
 * itself taken over the same way.
 */
function takeOver(path: string, stale: string, content: string, token: string, depth = 0) {
  if (depth > 3) return false;
  const marker = `${path}.takeover-${createHash("sha256").update(stale).digest("hex").slice(0, 16)}`;
  const mine = lockContent(token);
  if (!create(marker, mine, token)) {
    const other = readLock(marker);
    if (other === undefined || !dead(other)) return false;
    if (!takeOver(marker, other, mine, token, depth + 1)) return false;
  }
  try {
    if (readLock(path) !== stale) return false;
    const temporary = `${path}.${process.pid}-${token}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, path);
    return true;
  } finally {
    if (readLock(marker) === mine) rmSync(marker, { force: true });
  }
}

/** Waits a few milliseconds (synchronously: taking the lock is synchronous). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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
 * left by a process that no longer runs (also when its id now belongs to another process, told
 * by the start time the lock records), or an unreadable one, is taken over. Returns the release
 * function, which removes the lock only while it is still this call's own.
 */
export function acquireLock(path: string, dbPath: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const token = randomUUID();
  const content = lockContent(token);
  const held = () => {
    removeLeftovers(path);
    return () => {
      if (readLock(path) === content) rmSync(path, { force: true });
    };
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (create(path, content, token)) return held();
    const seen = readLock(path);
    if (seen === undefined) continue;
    if (!dead(seen)) {
      const pid = Number.parseInt(seen, 10);
      throw new LockedError(
        `een andere refresh (proces ${pid}) werkt al aan ${dbPath}; probeer het later opnieuw (slot: ${path})`,
      );
    }
    if (takeOver(path, seen, content, token)) return held();
    pause(1 + attempt);
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
