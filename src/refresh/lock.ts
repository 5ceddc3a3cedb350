import { openSync, closeSync, writeSync, readFileSync, rmSync } from "node:fs";
import { LockedError } from "../errors.ts";

/** True when a process with this id runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes a lock file (beside the database) so that two refreshes of it cannot run at once. A lock
 * left by a process that no longer runs is taken over. Returns the release function.
 */
export function acquireLock(path: string, dbPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isFinite(pid) && alive(pid)) {
        throw new LockedError(
          `een andere refresh (proces ${pid}) werkt al aan ${dbPath}; probeer het later opnieuw (slot: ${path})`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new LockedError(`het slot ${path} kon niet worden genomen`);
}
