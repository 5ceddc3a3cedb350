import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { FileSpec } from "../contract/index.ts";
import { fileForName, files as allFiles } from "../contract/index.ts";

/** Where each export of the contract is in a folder. */
export interface Located {
  readonly found: ReadonlyMap<FileSpec, string>;
  /** CSV-like files in the folder that are no export of the contract. */
  readonly unknown: readonly string[];
  /** Problems that make the folder unusable, per file. */
  readonly problems: readonly { readonly file: string; readonly message_nl: string }[];
}

/** Finds the exports in a folder by canonical or Dutch name, case-insensitively. */
export async function locateExports(
  dir: string,
  files: readonly FileSpec[] = allFiles,
): Promise<Located> {
  const names = (await readdir(dir)).sort();
  const found = new Map<FileSpec, string>();
  const unknown: string[] = [];
  const problems: { file: string; message_nl: string }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    const spec = fileForName(files, name);
    if (!spec) {
      if (/\.(csv|tsv|txt)$/i.test(name)) unknown.push(name);
      continue;
    }
    const earlier = found.get(spec);
    if (earlier) {
      problems.push({
        file: spec.file,
        message_nl: `twee bestanden voor ${spec.file}: ${earlier} en ${name}; laat er één staan`,
      });
      continue;
    }
    found.set(spec, path);
  }
  return { found, unknown, problems };
}
