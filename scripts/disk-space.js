// Free disk space before `npm test`: a whole run writes about 0,7 GB to the temporary folder
// (the tests' folders, DuckDB's files, Chromium's profiles; removed as it goes) and the build
// about 0,2 GB to the project. On a full disk the tests fail one after another with errors far
// from the cause, so the run says so first.
import { statfsSync } from "node:fs";

/** The bytes each folder needs free for a whole run (measured peak, with room). */
export const NEEDED = { temp: 1_000_000_000, project: 500_000_000 };

/** The free bytes of the file system that holds `dir`, or null when it cannot be read. */
export function freeBytes(dir) {
  try {
    const { bavail, bsize } = statfsSync(dir);
    return bavail * bsize;
  } catch {
    return null;
  }
}

const megabytes = (bytes) => `${Math.floor(bytes / 1_000_000).toLocaleString("en")} MB`;

/**
 * The warning for a folder with less than `needed` bytes free (null when there is enough, or
 * when the free space is unknown).
 */
export function lowSpaceWarning(what, dir, free, needed) {
  if (free == null || free >= needed) return null;
  return (
    `test: only ${megabytes(free)} free for the ${what} (${dir}); a whole run needs about ` +
    `${megabytes(needed)} there. Free some space` +
    (what === "temporary folder" ? ", or set TMPDIR to a folder on a larger disk." : ".")
  );
}
