import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { FileSpec } from "../contract/index.ts";
import { fileForName, files as allFiles } from "../contract/index.ts";
import type { UnusableProblem } from "../errors.ts";
import { byName, entryPath, MAPPING_FILE, matchesGlob, type Mapping } from "./mapping/index.ts";
import { WORKBOOK_NAME } from "./xlsx/detect.ts";

/**
 * The export a file is by its name: the contract's or Dutch name, as CSV or as a workbook
 * (`financiering.xlsx`, `Leden.XLSX`; `.xls` and `.ods` too, which are then refused with a
 * message on how to save them as .xlsx or CSV).
 */
function byContractName(spec: FileSpec, name: string): boolean {
  const csv = name.trim().replace(WORKBOOK_NAME, ".csv");
  return fileForName([spec], csv) === spec;
}

/** Where each export of the contract is in a folder. */
export interface Located {
  /** The files of each export, in name order (several only through a mapping's glob). */
  readonly found: ReadonlyMap<FileSpec, readonly string[]>;
  /** CSV-like files and workbooks in the folder that are no export of the contract. */
  readonly unknown: readonly string[];
  /** Problems that make the folder unusable, per file. */
  readonly problems: readonly UnusableProblem[];
}

/** How a file of the folder is recognised as an export: its mapping glob, or its names. */
function recogniser(spec: FileSpec, mapping: Mapping | undefined) {
  const glob = mapping?.entries.get(spec.key)?.file;
  return {
    spec,
    label: glob && mapping ? entryPath(mapping.name, spec.key, "file") : spec.file,
    matches: (name: string) => (glob ? matchesGlob(glob, name) : byContractName(spec, name)),
    several: glob !== undefined,
  };
}

/**
 * Finds the exports in a folder: by canonical or Dutch name, case-insensitively, or by the
 * `file` name or glob of the export's mapping entry (then several files may make one export).
 * A mapping.json, and the mapping file `skip` names, is never taken for an export.
 */
export async function locateExports(
  dir: string,
  files: readonly FileSpec[] = allFiles,
  mapping?: Mapping,
  skip?: string,
): Promise<Located> {
  const names = (await readdir(dir)).sort(byName);
  const recognisers = files.map((spec) => recogniser(spec, mapping));
  const found = new Map<FileSpec, string[]>();
  const path = (name: string) => join(dir, name);
  const unknown: string[] = [];
  const problems: UnusableProblem[] = [];
  for (const name of names) {
    const isMapping =
      name.toLowerCase() === MAPPING_FILE || (skip && resolve(path(name)) === resolve(skip));
    if (isMapping || !(await stat(path(name))).isFile()) continue;
    const matching = recognisers.filter((r) => r.matches(name));
    const [first, second] = matching;
    if (!first) {
      if (/\.(csv|tsv|txt|xlsx|xlsm|xls|ods)$/i.test(name)) unknown.push(name);
      continue;
    }
    if (second) {
      problems.push({
        file: name,
        message_nl: `past bij zowel ${first.label} als ${second.label}; maak het patroon nauwer`,
      });
      continue;
    }
    const earlier = found.get(first.spec) ?? [];
    if (earlier.length && !first.several) {
      problems.push({
        file: first.spec.file,
        message_nl: `twee bestanden voor ${first.spec.file}: ${earlier[0]} en ${name}; laat er één staan`,
      });
      continue;
    }
    found.set(first.spec, [...earlier, name]);
  }
  const paths = new Map([...found].map(([spec, list]) => [spec, list.map(path)] as const));
  return { found: paths, unknown, problems };
}
