import { existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import type { FileSpec } from "../contract/index.ts";
import { UnusableExportError, type UnusableProblem } from "../errors.ts";
import { readHeader } from "./head.ts";
import { acceptedColumnsText, planHeader, type HeaderPlan } from "./header.ts";
import { locateExports } from "./locate.ts";
import { entryPath, loadMapping, type Mapping, type MappingEntry } from "./mapping/index.ts";
import type { Source } from "./bad-rows.ts";
import type { FileRead } from "./read-file.ts";
import { isWorkbookName } from "./xlsx/detect.ts";
import { readWorkbookHeader } from "./xlsx/read.ts";
import type { PresentColumn } from "./sql/staging.ts";

/** How one export will be read: its files, its mapping entry and its raw table's columns. */
export interface ExportPlan {
  readonly spec: FileSpec;
  /** Its files in name order; empty when the export is absent. */
  readonly paths: readonly string[];
  readonly entry?: MappingEntry;
  /** The contract columns of the raw table: the files' columns in order of first appearance. */
  readonly rawColumns: readonly string[];
  /**
   * The files (and sheets) when rejects must say which file a line is in: a mapped `file`, or a
   * workbook, whose lines are Excel row numbers of a sheet ("rij 14 van blad Financiering").
   */
  readonly sources?: readonly Source[];
  /** Why an absent export is absent, when a mapping's glob found nothing. */
  readonly absentNote?: string;
}

export interface FolderPlan {
  readonly exports: readonly ExportPlan[];
  readonly unknown: readonly string[];
  readonly mapping?: Mapping;
}

/** Full Dutch message for a file without a header: the problem and the accepted column names. */
function unusable(spec: FileSpec, name: string, problem: string): UnusableProblem {
  return {
    file: name,
    message_nl: `${problem}. Kolommen die ${spec.file} kent: ${acceptedColumnsText(spec)}.`,
  };
}

/**
 * The header of one file of an export, and its sheet when it is a workbook (the sheet the
 * mapping entry names, else its first visible sheet), or the problems that make it unusable.
 */
async function headerOf(
  spec: FileSpec,
  path: string,
  mapped?: { entry: MappingEntry; mapping: Mapping },
): Promise<
  | { readonly fields: readonly string[]; readonly sheet?: string }
  | { readonly problems: readonly UnusableProblem[]; readonly sheet?: undefined }
> {
  const name = basename(path);
  if (isWorkbookName(name)) {
    const sheet = mapped?.entry.sheet;
    const where = mapped && sheet ? entryPath(mapped.mapping.name, spec.key, "sheet") : undefined;
    return readWorkbookHeader(path, sheet && where ? { sheet, where } : {});
  }
  const header = await readHeader(path);
  return "problem" in header ? { problems: [unusable(spec, name, header.problem)] } : header;
}

/**
 * Loads the mapping, finds every export and checks every file's header before anything is
 * loaded, so that a bad folder or mapping fails fast, reporting all its problems at once
 * (UnusableExportError).
 */
export async function planFolder(
  dataDir: string,
  specs: readonly FileSpec[],
  mappingPath?: string,
): Promise<FolderPlan> {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new UnusableExportError([
      { file: dataDir, message_nl: "de map met exports bestaat niet" },
    ]);
  }
  const mapping = await loadMapping(dataDir, mappingPath, specs);
  const located = await locateExports(dataDir, specs, mapping, mapping?.path);
  const problems: UnusableProblem[] = [...located.problems];
  const exports: ExportPlan[] = [];
  for (const spec of specs) {
    const paths = located.found.get(spec) ?? [];
    const entry = mapping?.entries.get(spec.key);
    const glob = entry?.file;
    const where = mapping && glob ? entryPath(mapping.name, spec.key, "file") : undefined;
    if (!paths.length) {
      const absentNote = where ? `geen bestand past bij "${glob}" (${where})` : undefined;
      if (spec.required) {
        problems.push(
          where
            ? { file: where, message_nl: `"${glob}" past op geen enkel bestand in ${dataDir}` }
            : {
                file: spec.file,
                message_nl: `verplicht bestand ontbreekt in ${dataDir} (naam ${spec.file} of ${spec.dutchFile})`,
              },
        );
      }
      exports.push({ spec, paths, rawColumns: [], ...(absentNote ? { absentNote } : {}) });
      continue;
    }
    const plans: HeaderPlan[] = [];
    const files: Source[] = [];
    for (const path of paths) {
      const name = basename(path);
      const header = await headerOf(spec, path, entry && mapping ? { entry, mapping } : undefined);
      files.push(header.sheet === undefined ? { name } : { name, sheet: header.sheet });
      if ("problems" in header) {
        problems.push(...header.problems);
        continue;
      }
      const { fields } = header;
      const context = { name, ...(entry ? { entry, mappingName: mapping!.name } : {}) };
      const plan = planHeader(spec, fields, context);
      problems.push(...plan.problems);
      plans.push(plan);
    }
    const rawColumns = [...new Set(plans.flatMap((p) => p.columns.map((c) => c.spec.name)))];
    const sources = where || files.some((f) => f.sheet !== undefined) ? files : undefined;
    exports.push({
      spec,
      paths,
      rawColumns,
      ...(entry ? { entry } : {}),
      ...(sources ? { sources } : {}),
    });
  }
  problems.push(...orphanRelations(exports));
  // The same problem (a header every file lacks) is reported once.
  const unique = [...new Map(problems.map((p) => [`${p.file}\n${p.message_nl}`, p])).values()];
  if (unique.length) throw new UnusableExportError(unique);
  return { exports, unknown: located.unknown, ...(mapping ? { mapping } : {}) };
}

/**
 * The columns the staging layer gets for an export: those read from its files (with the header
 * the first file that has them gives them), then the mapping's constants.
 */
export function presentColumns(
  plan: ExportPlan,
  reads: readonly Pick<FileRead, "plan">[],
  mappingName = "mapping.json",
): PresentColumn[] {
  const { spec, entry } = plan;
  const values = (name: string) => {
    const column = spec.columns.find((c) => c.name === name)!;
    const mapped = entry?.values.get(name);
    const listed = column.type === "boolean" || column.vocabulary !== undefined;
    return {
      ...(mapped ? { values: mapped } : {}),
      ...(entry && listed ? { valuesEntry: entryPath(mappingName, spec.key, "values", name) } : {}),
    };
  };
  const read = plan.rawColumns.map((name) => {
    const header = reads.flatMap((r) => r.plan.columns).find((c) => c.spec.name === name)!;
    return { spec: header.spec, header: header.header, ...values(name) };
  });
  const constants = spec.columns.flatMap((column) => {
    const constant = entry?.constants.get(column.name);
    if (constant === undefined) return [];
    const header = entryPath(mappingName, spec.key, "constants", column.name);
    return [{ spec: column, header, constant }];
  });
  return [...read, ...constants];
}

/** survey_relations.csv without survey_responses.csv cannot be used (spec/survey.md). */
function orphanRelations(exports: readonly ExportPlan[]): UnusableProblem[] {
  const found = (key: string) => exports.some((p) => p.spec.key === key && p.paths.length > 0);
  if (!found("survey_relations") || found("survey_responses")) return [];
  return [
    {
      file: "survey_relations.csv",
      message_nl:
        "enquêterelaties zonder enquêteantwoorden zijn niet te gebruiken: elke relatie hoort bij een antwoord uit survey_responses.csv (of enquete.csv), en dat bestand ontbreekt. Lever beide bestanden aan, of laat survey_relations.csv (enquete_relaties.csv) weg",
    },
  ];
}
