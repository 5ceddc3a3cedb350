import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { FileSpec } from "../../contract/index.ts";
import { UnusableExportError, UsageError } from "../../errors.ts";
import { parseMapping } from "./parse.ts";
import type { Mapping } from "./types.ts";

/** The name of the mapping file that a folder of exports may hold. */
export const MAPPING_FILE = "mapping.json";

/** The folder's own mapping.json (name matched case-insensitively), or undefined. */
export async function folderMappingPath(dataDir: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch {
    return undefined;
  }
  const name = names.sort().find((n) => n.toLowerCase() === MAPPING_FILE);
  return name ? join(dataDir, name) : undefined;
}

/**
 * Reads and validates the mapping: the file `override` names (`--mapping FILE`), else the
 * folder's own mapping.json, else none. A mapping with problems throws UnusableExportError
 * (exit 2) listing every problem, each naming its entry.
 */
export async function loadMapping(
  dataDir: string,
  override: string | undefined,
  specs: readonly FileSpec[],
): Promise<Mapping | undefined> {
  const path = override ?? (await folderMappingPath(dataDir));
  if (!path) return undefined;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`het mappingbestand ${path} is niet te lezen`);
  }
  const parsed = parseMapping(text, basename(path), specs);
  if (!parsed.mapping) throw new UnusableExportError(parsed.problems);
  return { ...parsed.mapping, path };
}
