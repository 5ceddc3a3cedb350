// The tests' temporary folders, in a module of its own without dependencies: test/setup.ts imports
// it into every test file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made = new Set<string>();

/** A fresh temporary folder, removed after its test file (test/setup.ts). */
export function tempDir(prefix = "regiomonitor-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/**
 * Removes the folders that tempDir made since the last call. One that cannot be removed (a
 * process still writing to it) stays for the end of the run, when the run's folder goes.
 */
export function removeTempDirs(): void {
  for (const dir of made) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    } catch {
      // Removed with the run's temporary folder (test/global-setup.ts).
    }
  }
  made.clear();
}
