import { stat } from "node:fs/promises";
import { resolve } from "node:path";

/*
 * What a refresh knew of each export file, so that the next one need not read an unchanged
 * file to hash it (issue 12: hashing 610 MB was half of an unchanged refresh). A file is taken as
 * unchanged, with its recorded hash, when its size, modification and status-change times (in
 * nanoseconds) and inode are all as recorded, and its last change came well before the stats
 * were taken. The status-change time cannot be set by copying or unpacking tools (unlike the
 * modification time), and it moves on every write, rename or copy over the file; the margin
 * covers a change in the same instant as the stat ("racy" files, as git calls them).
 * `refresh --full` hashes every file.
 */

/** One export file as a refresh found it. */
export interface FileStat {
  readonly path: string;
  readonly size: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
  readonly hash: string;
}

/** The files of a refresh and when their stats were taken (ms since the epoch). */
export interface FileStats {
  readonly statedAt: number;
  readonly files: readonly FileStat[];
}

/** How long before the stats a file's last change must lie for its stats to be trusted. */
const RACY_MS = 2000;

/** A file's identity on disk, without its hash. */
export async function statOf(path: string): Promise<Omit<FileStat, "hash">> {
  const s = await stat(path, { bigint: true });
  return {
    path: resolve(path),
    size: String(s.size),
    mtimeNs: String(s.mtimeNs),
    ctimeNs: String(s.ctimeNs),
    ino: String(s.ino),
  };
}

/** The recorded hash of a file whose stats are as recorded and were taken after its last change. */
export function knownHash(
  current: Omit<FileStat, "hash">,
  previous: FileStats | undefined,
): string | undefined {
  const known = previous?.files.find((f) => f.path === current.path);
  if (!known || !previous) return undefined;
  const same =
    known.size === current.size &&
    known.mtimeNs === current.mtimeNs &&
    known.ctimeNs === current.ctimeNs &&
    known.ino === current.ino;
  const changedMs = Number(BigInt(current.ctimeNs) / 1_000_000n);
  return same && changedMs < previous.statedAt - RACY_MS ? known.hash : undefined;
}

/** FileStats from their JSON (a refresh's load_info), or undefined when absent or unreadable. */
export function parseFileStats(json: string | undefined): FileStats | undefined {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json) as FileStats;
    return Array.isArray(parsed.files) && typeof parsed.statedAt === "number" ? parsed : undefined;
  } catch {
    return undefined;
  }
}
