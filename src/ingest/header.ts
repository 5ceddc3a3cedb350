import {
  acceptedNames,
  columnForHeader,
  headerKey,
  type ColumnSpec,
  type FileSpec,
} from "../contract/index.ts";
import type { UnusableProblem } from "../errors.ts";
import { entryPath, type MappingEntry } from "./mapping/index.ts";

/** How a file's header maps onto the contract. */
export interface HeaderPlan {
  /** Contract columns present in the file, in the file's column order, with their field index. */
  readonly columns: readonly {
    readonly spec: ColumnSpec;
    readonly index: number;
    readonly header: string;
  }[];
  /** Headers that name no contract column, or that the mapping does not use (never loaded). */
  readonly ignored: readonly string[];
  /** Number of fields a row has (the header's, without a trailing empty one). */
  readonly width: number;
  /** Problems that make the file unusable, in Dutch, each naming the file or mapping entry. */
  readonly problems: readonly UnusableProblem[];
}

/** The file being planned: its name in the folder and the mapping entry that applies, if any. */
export interface PlanContext {
  readonly name: string;
  readonly entry?: MappingEntry;
  readonly mappingName?: string;
}

/** Dutch list of the accepted header names of a column. */
export function acceptedList(column: ColumnSpec): string {
  return acceptedNames(column).join(" of ");
}

/** The accepted header names of every column of a file, for messages. */
export function acceptedColumnsText(spec: FileSpec): string {
  return spec.columns
    .map((c) => `${acceptedList(c)}${c.required ? " (verplicht)" : ""}`)
    .join("; ");
}

type Planned = { spec: ColumnSpec; index: number; header: string };

/** The columns a mapping's `columns` names, found in the header by exact name (case-insensitive). */
function mappedColumns(
  spec: FileSpec,
  fields: readonly string[],
  context: PlanContext,
  columns: ReadonlyMap<string, string>,
  problems: UnusableProblem[],
): Planned[] {
  const planned: Planned[] = [];
  const at = (...parts: string[]) =>
    entryPath(context.mappingName ?? "mapping.json", spec.key, ...parts);
  const shown = fields.map((f) => f.trim()).filter((f) => f !== "");
  for (const [name, header] of columns) {
    const indices = fields.flatMap((f, i) => (headerKey(f) === headerKey(header) ? [i] : []));
    const [index, again] = indices;
    if (index === undefined) {
      problems.push({
        file: at("columns", name),
        message_nl: `de kop "${header}" staat niet in ${context.name} (koppen: ${shown.join(", ")})`,
      });
    } else if (again !== undefined) {
      problems.push({
        file: at("columns", name),
        message_nl: `de kop "${header}" staat ${indices.length} keer in ${context.name}`,
      });
    } else {
      planned.push({
        spec: spec.columns.find((c) => c.name === name)!,
        index,
        header: fields[index]!.trim(),
      });
    }
  }
  return planned.sort((a, b) => a.index - b.index);
}

/** The columns named by the contract's names and aliases. */
function namedColumns(
  spec: FileSpec,
  fields: readonly string[],
  context: PlanContext,
  problems: UnusableProblem[],
): Planned[] {
  const planned: Planned[] = [];
  const constants = context.entry?.constants;
  fields.forEach((name, index) => {
    const column = name.trim() === "" ? undefined : columnForHeader(spec, name);
    if (!column || constants?.has(column.name)) return;
    const earlier = planned.find((c) => c.spec.name === column.name);
    if (earlier) {
      problems.push({
        file: context.name,
        message_nl: `de kolommen "${earlier.header}" en "${name.trim()}" betekenen allebei ${column.name}; laat er één staan`,
      });
      return;
    }
    planned.push({ spec: column, index, header: name.trim() });
  });
  return planned;
}

/**
 * Maps a header record onto a file's contract columns: by the mapping entry's `columns` when it
 * has them (then every other header is ignored), else by the contract's names and aliases.
 * Columns that the entry gives a constant are not read from the file.
 */
export function planHeader(
  spec: FileSpec,
  header: readonly string[],
  context: PlanContext = { name: spec.file },
): HeaderPlan {
  const fields = [...header];
  if (fields.length > 1 && fields[fields.length - 1]!.trim() === "") fields.pop();
  const problems: UnusableProblem[] = [];
  const { entry } = context;
  const mapped = entry?.columns;
  const columns = mapped
    ? mappedColumns(spec, fields, context, mapped, problems)
    : namedColumns(spec, fields, context, problems);
  const used = new Set(columns.map((c) => c.index));
  const ignored = fields.flatMap((name, index) =>
    used.has(index) ? [] : [name.trim() === "" ? `(kolom ${index + 1} zonder naam)` : name.trim()],
  );
  const has = (name: string) =>
    columns.some((p) => p.spec.name === name) || entry?.constants.has(name) === true;
  const at = (...parts: string[]) =>
    entryPath(context.mappingName ?? "mapping.json", spec.key, ...parts);
  for (const column of spec.columns.filter((c) => c.required && !has(c.name))) {
    if (mapped) {
      if (mapped.has(column.name)) continue; // its header is missing: reported above
      problems.push({
        file: at("columns"),
        message_nl: `verplichte kolom ${column.name} ontbreekt: noem de kop uit ${context.name}, of geef één waarde voor alle rijen in constants`,
      });
    } else {
      problems.push({
        file: context.name,
        message_nl: `verplichte kolom ${column.name} ontbreekt (toegestane namen: ${acceptedList(column)}). Kolommen die ${spec.file} kent: ${acceptedColumnsText(spec)}.`,
      });
    }
  }
  for (const name of entry?.values.keys() ?? []) {
    if (!columns.some((c) => c.spec.name === name)) {
      problems.push({
        file: at("values", name),
        message_nl: `kolom ${name} wordt niet gelezen uit ${context.name}; noem de kop in columns`,
      });
    }
  }
  return { columns, ignored, width: fields.length, problems };
}
