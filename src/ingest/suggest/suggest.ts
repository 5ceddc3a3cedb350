import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { files as allFiles, type ColumnSpec, type FileSpec } from "../../contract/index.ts";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../db/duckdb.ts";
import { join as joinSql, sql, type Sql } from "../../db/sql.ts";
import { readHeader } from "../head.ts";
import { planHeader } from "../header.ts";
import { locateExports } from "../locate.ts";
import { byName, MAPPING_FILE } from "../mapping/index.ts";
import { parseExpr } from "../sql/checks.ts";
import { macrosSql } from "../sql/macros.ts";
import { guessFile, type FileGuess } from "./guess.ts";
import { profileSamples } from "./profile.ts";
import { distinctValues, groupFiles, readSample, type FileGroup } from "./sample.ts";

/** What the draft mapping proposes for one export. */
export interface ExportSuggestion {
  readonly spec: FileSpec;
  readonly group: FileGroup;
  /** True when the file reads by the contract's names: only its unknown values need a mapping. */
  readonly byContract: boolean;
  /** The guessed headers (not for files that read by the contract's names). */
  readonly guess?: FileGuess;
  /** Per contract column, the values that the usual parsing does not know, to be filled in. */
  readonly blanks: ReadonlyMap<string, readonly string[]>;
}

export interface FolderSuggestion {
  readonly exports: readonly ExportSuggestion[];
  /** CSV files (or groups of files) that look like no export. */
  readonly unplaced: readonly FileGroup[];
}

/** A file fits an export from this value on. */
const FIT = 0.6;

/** The values of some columns, in files, that the usual parsing does not know. */
async function unknownValues(
  db: Database,
  paths: readonly string[],
  columns: readonly { readonly column: ColumnSpec; readonly header: string }[],
): Promise<Map<string, string[]>> {
  const listed = columns.filter((c) => c.column.vocabulary || c.column.type === "boolean");
  const values = await distinctValues(
    paths,
    listed.map((c) => c.header),
  );
  const result = new Map<string, string[]>();
  for (const { column, header } of listed) {
    const seen = values.get(header) ?? [];
    if (!seen.length) continue;
    const unknown = await rows<{ v: string }>(db, unknownValuesSql(column, seen));
    if (unknown.length)
      result.set(
        column.name,
        unknown
          .map((u) => u.v)
          .sort(byName)
          .slice(0, 50),
      );
  }
  return result;
}

/** SQL of the values in `seen` that the contract's parser of `column` does not know. */
export function unknownValuesSql(column: ColumnSpec, seen: readonly string[]): Sql {
  const list = joinSql(seen.map((v) => sql`(${v})`));
  return sql`select v from (values ${list}) as t(v) where ${parseExpr(column, sql`v`)} is null`;
}

/** The CSV-like files of a folder, in name order. */
async function csvFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of (await readdir(dir)).sort(byName)) {
    if (name.toLowerCase() === MAPPING_FILE || !/\.(csv|tsv|txt)$/i.test(name)) continue;
    if ((await stat(join(dir, name))).isFile()) names.push(name);
  }
  return names;
}

/**
 * Proposes a mapping for a folder: exports that read by the contract's names keep them (only
 * their unknown vocabulary and yes/no values are listed); every other CSV file, or group of
 * files named alike, is matched to the export it fits best, by its headers' names and values.
 */
export async function suggestFolder(
  dir: string,
  specs: readonly FileSpec[] = allFiles,
): Promise<FolderSuggestion> {
  const located = await locateExports(dir, specs);
  const db = await openDatabase(":memory:");
  try {
    await run(db, macrosSql);
    const exports: ExportSuggestion[] = [];
    const readable = new Set<string>();
    for (const spec of specs) {
      const [path, again] = located.found.get(spec) ?? [];
      if (!path || again) continue;
      const header = await readHeader(path);
      if ("problem" in header) continue;
      const plan = planHeader(spec, header.fields);
      if (plan.problems.length) continue;
      const name = path.slice(dir.length).replace(/^[/\\]/, "");
      readable.add(name);
      const blanks = await unknownValues(
        db,
        [path],
        plan.columns.map((c) => ({ column: c.spec, header: c.header })),
      );
      exports.push({ spec, group: { file: name, names: [name] }, byContract: true, blanks });
    }
    const groups = groupFiles((await csvFiles(dir)).filter((n) => !readable.has(n)));
    const samples = await Promise.all(
      groups.map((g) => readSample(g.names.map((n) => join(dir, n)))),
    );
    const usable = groups.flatMap((group, i) =>
      samples[i] ? [{ group, sample: samples[i] }] : [],
    );
    const profiles = await profileSamples(
      db,
      usable.map((u) => u.sample),
    );
    const open = specs.filter((s) => !exports.some((e) => e.spec === s));
    const pairs = open
      .flatMap((spec) =>
        usable.map((u, i) => ({ u, guess: guessFile(spec, profiles[i]!, u.group.file) })),
      )
      .filter((p) => p.guess.fit >= FIT)
      .sort((a, b) => b.guess.fit - a.guess.fit);
    const placed = new Set<FileGroup>();
    for (const { u, guess } of pairs) {
      if (placed.has(u.group) || exports.some((e) => e.spec === guess.spec)) continue;
      placed.add(u.group);
      const chosen = guess.columns.flatMap((g) =>
        g.chosen ? [{ column: g.column, header: g.chosen.header }] : [],
      );
      const paths = u.group.names.map((n) => join(dir, n));
      const blanks = await unknownValues(db, paths, chosen);
      exports.push({ spec: guess.spec, group: u.group, byContract: false, guess, blanks });
    }
    exports.sort((a, b) => specs.indexOf(a.spec) - specs.indexOf(b.spec));
    return { exports, unplaced: usable.map((u) => u.group).filter((g) => !placed.has(g)) };
  } finally {
    closeDatabase(db);
  }
}
