import {
  acceptedNames,
  columnForHeader,
  type ColumnSpec,
  type FileSpec,
} from "../contract/index.ts";

/** How a file's header maps onto the contract. */
export interface HeaderPlan {
  /** Contract columns present in the file, in the file's column order, with their field index. */
  readonly columns: readonly {
    readonly spec: ColumnSpec;
    readonly index: number;
    readonly header: string;
  }[];
  /** Headers that name no contract column (never loaded). */
  readonly ignored: readonly string[];
  /** Number of fields a row has (the header's, without a trailing empty one). */
  readonly width: number;
  /** Problems that make the file unusable, in Dutch. */
  readonly problems: readonly string[];
}

/** Dutch list of the accepted header names of a column. */
export function acceptedList(column: ColumnSpec): string {
  return acceptedNames(column).join(" of ");
}

/** Maps a header record onto a file's contract columns. */
export function planHeader(spec: FileSpec, header: readonly string[]): HeaderPlan {
  const fields = [...header];
  if (fields.length > 1 && fields[fields.length - 1]!.trim() === "") fields.pop();
  const columns: { spec: ColumnSpec; index: number; header: string }[] = [];
  const ignored: string[] = [];
  const problems: string[] = [];
  fields.forEach((name, index) => {
    const column = name.trim() === "" ? undefined : columnForHeader(spec, name);
    if (!column) {
      ignored.push(name.trim() === "" ? `(kolom ${index + 1} zonder naam)` : name.trim());
      return;
    }
    const earlier = columns.find((c) => c.spec.name === column.name);
    if (earlier) {
      problems.push(
        `de kolommen "${earlier.header}" en "${name.trim()}" betekenen allebei ${column.name}; laat er één staan`,
      );
      return;
    }
    columns.push({ spec: column, index, header: name.trim() });
  });
  const missing = spec.columns.filter(
    (c) => c.required && !columns.some((p) => p.spec.name === c.name),
  );
  for (const column of missing) {
    problems.push(
      `verplichte kolom ${column.name} ontbreekt (toegestane namen: ${acceptedList(column)})`,
    );
  }
  return { columns, ignored, width: fields.length, problems };
}

/** The accepted header names of every column of a file, for messages. */
export function acceptedColumnsText(spec: FileSpec): string {
  return spec.columns
    .map((c) => `${acceptedList(c)}${c.required ? " (verplicht)" : ""}`)
    .join("; ");
}
