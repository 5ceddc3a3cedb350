import type { ColumnSpec, FileSpec } from "./types.ts";

/** The comparison form of a header name: case-insensitive, surrounding spaces ignored. */
export function headerKey(header: string): string {
  return header.trim().toLowerCase();
}

/** Every accepted header name of a column: its own name and its aliases. */
export function acceptedNames(column: ColumnSpec): string[] {
  return [column.name, ...column.aliases.filter((a) => a !== column.name)];
}

/**
 * The contract column that a header names, or undefined. Where an alias is shared by two columns
 * of the same file (`naam`, `startdatum`), the column whose own name or first alias it is wins.
 */
export function columnForHeader(spec: FileSpec, header: string): ColumnSpec | undefined {
  const key = headerKey(header);
  return (
    spec.columns.find((c) => headerKey(c.name) === key) ??
    spec.columns.find((c) => c.aliases.some((a) => headerKey(a) === key))
  );
}

/** The file that a file name names (canonical or Dutch, case-insensitive), or undefined. */
export function fileForName(files: readonly FileSpec[], name: string): FileSpec | undefined {
  const key = name.trim().toLowerCase();
  return files.find((f) => f.file === key || f.dutchFile === key);
}
