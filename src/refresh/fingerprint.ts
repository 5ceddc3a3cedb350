import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileSpec } from "../contract/index.ts";
import type { FolderPlan } from "../ingest/plan.ts";
import { hashFile } from "./hash-file.ts";
import { knownHash, statOf, type FileStat, type FileStats } from "./file-stats.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    )
    .filter((path) => path.endsWith(".ts"))
    .sort();
}

let code: string | undefined;

/**
 * The program as an input of the outputs: the package version and every source file under
 * src/, so that a changed program recomputes everything even when its version did not change.
 */
export function codeFingerprint(): string {
  if (code) return code;
  const src = fileURLToPath(new URL("..", import.meta.url));
  const pkg = JSON.parse(readFileSync(join(src, "..", "package.json"), "utf8")) as {
    version: string;
  };
  const hash = createHash("sha256").update(`regiomonitor ${pkg.version}\n`);
  for (const path of sourceFiles(src)) {
    hash.update(`${relative(src, path)}\n`).update(readFileSync(path));
  }
  code = hash.digest("hex");
  return code;
}

/** What a refresh's outputs depend on besides as_of: the program, the mapping and each export. */
export interface Fingerprints {
  readonly code: string;
  /** The mapping file's content hash, or "" without a mapping. */
  readonly mapping: string;
  /** Per export: its files (names and content hashes), the mapping and the program. */
  readonly exports: ReadonlyMap<FileSpec, string>;
  /** Every export file with its hash, for the next refresh (file-stats.ts). */
  readonly stats: FileStats;
}

/**
 * Hashes the program, the mapping file and every file of every export of a folder plan. A file
 * that `previous` knows and that did not change since (file-stats.ts) keeps its recorded hash.
 */
export async function fingerprint(folder: FolderPlan, previous?: FileStats): Promise<Fingerprints> {
  const statedAt = Date.now();
  const codeHash = codeFingerprint();
  const mapping = folder.mapping?.path ? await hashFile(folder.mapping.path) : "";
  const stats: FileStat[] = [];
  const hashes = await Promise.all(
    folder.exports.map(async (plan) => {
      const files = await Promise.all(
        plan.paths.map(async (path) => {
          const current = await statOf(path);
          const hash = knownHash(current, previous) ?? (await hashFile(path));
          stats.push({ ...current, hash });
          return `${basename(path)} ${hash}`;
        }),
      );
      return [plan.spec, sha256([codeHash, mapping, plan.spec.key, ...files].join("\n"))] as const;
    }),
  );
  stats.sort((a, b) => a.path.localeCompare(b.path));
  return { code: codeHash, mapping, exports: new Map(hashes), stats: { statedAt, files: stats } };
}
