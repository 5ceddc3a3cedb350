import fc from "fast-check";
import type { ColumnSpec, FileSpec } from "../../../src/contract/index.ts";
import { raw, type ExportRow } from "../../../src/generate/dialect.ts";
import type { FileDialect } from "./dialect.ts";
import { widthOf, type Line } from "./write.ts";

/** The reject a bad row must cause: its reason code and column (null for bad_row). */
export interface Expected {
  readonly reason: string;
  readonly column: string | null;
}

/** One way to spoil a row of a file. */
export interface Spoiler {
  readonly label: string;
  readonly expected: Expected;
  /** Duplicates must come after the row they copy. */
  readonly afterOriginal?: boolean;
  /** An unterminated quote runs to the end of the file: it can only be last. */
  readonly last?: boolean;
  make(row: ExportRow, fresh: string, d: FileDialect): Line;
}

/** One bad row of a run: which file, which spoiler, which good row it starts from, where. */
export interface BadPick {
  readonly file: number;
  readonly spoiler: number;
  readonly row: number;
  readonly position: number;
}

const fraction = fc.nat({ max: 999_999 }).map((n) => n / 1_000_000);

export const badPicks: fc.Arbitrary<BadPick[]> = fc.array(
  fc.record({
    file: fc.nat({ max: 5 }),
    spoiler: fc.nat({ max: 1000 }),
    row: fraction,
    position: fraction,
  }),
  { maxLength: 12 },
);

const yearBefore = (iso: string) =>
  `${Number(iso.slice(0, 4)) - 1}-${iso.slice(5, 7)}-${String(Math.min(Number(iso.slice(8, 10)), 28)).padStart(2, "0")}`;

/** Bad values of a column, each with the reason it must be rejected for. */
function badValues(column: ColumnSpec): [string, string][] {
  const values: [string, string][] = [];
  const canBeMissing = column.required && column.type !== "boolean" && !column.emptyValue;
  if (canBeMissing) values.push(["", "missing_value"], ["   ", "missing_value"]);
  switch (column.type) {
    case "date":
      values.push(["31-02-2023", "invalid_date"], ["2023-13-01", "invalid_date"]);
      values.push(["gisteren", "invalid_date"], ["1850-06-01", "invalid_range"]);
      values.push(["01-01-2150", "invalid_range"]);
      break;
    case "number":
      values.push(["veel", "invalid_number"], ["12a", "invalid_number"]);
      values.push(["-500", "invalid_range"], ["-1.234,56", "invalid_range"]);
      break;
    case "integer":
      values.push(["20x4", "invalid_number"], ["2024,5", "invalid_number"]);
      values.push(["1989", "invalid_range"], ["2101", "invalid_range"]);
      break;
    case "boolean":
      values.push(["misschien", "invalid_boolean"], ["2", "invalid_boolean"]);
      break;
    case "vocabulary":
      values.push(["onbekend", "unknown_value"], ["zorg en welzijn", "unknown_value"]);
      break;
    case "municipality":
      values.push(["Eindhoven", "unknown_value"], ["GM12345", "unknown_value"]);
      break;
    case "text":
      if (column.refersToProject) values.push(["PRJ-ONBEKEND", "unknown_value"]);
      break;
  }
  return values;
}

/**
 * Gives the row a key no good row has, through the first key column that is not the spoiled one
 * and does not refer to a project (an unknown project would be a second problem).
 */
function freshKey(spec: FileSpec, row: ExportRow, spoiled: string, fresh: string): ExportRow {
  const refers = (k: string) => spec.columns.find((c) => c.name === k)?.refersToProject;
  const column = spec.key_columns.find((k) => k !== spoiled && !refers(k));
  return column ? { ...row, [column]: fresh } : row;
}

/**
 * Every way to spoil a row of `spec` in a file of dialect `d`, each with the reject it must
 * cause. A file with a trailing delimiter on every row but not on the header gets no row with a
 * wrong number of fields: by the field count rule (src/ingest/records.ts) one such row means the
 * file has no trailing delimiter, and every other row is bad too (its own test, in
 * test/ingest/trailing.test.ts).
 */
export function spoilers(spec: FileSpec, d: FileDialect): Spoiler[] {
  const list: Spoiler[] = [];
  for (const column of spec.columns) {
    // A late bad date (01-01-2150) would put a later column (left_on) before it: a second
    // problem, found first when that column comes first in the file. Those columns are cleared.
    const later = spec.columns.filter((c) => c.notBefore?.column === column.name && !c.required);
    const cleared = Object.fromEntries(later.map((c) => [c.name, null]));
    for (const [value, reason] of badValues(column)) {
      list.push({
        label: `${column.name}=${JSON.stringify(value)}`,
        expected: { reason, column: column.name },
        make: (row, fresh) => ({
          kind: "row",
          row: {
            ...freshKey(spec, row, column.name, fresh),
            ...cleared,
            [column.name]: raw(value),
          },
        }),
      });
    }
    const before = column.notBefore?.column;
    if (before) {
      list.push({
        label: `${column.name} before ${before}`,
        expected: { reason: "invalid_range", column: column.name },
        make: (row, fresh) => ({
          kind: "row",
          row: {
            ...freshKey(spec, row, "", fresh),
            [column.name]: yearBefore(String(row[before])),
          },
        }),
      });
    }
  }
  const key = spec.key_columns[0];
  if (key) {
    list.push({
      label: "duplicate key",
      expected: { reason: "duplicate_key", column: key },
      afterOriginal: true,
      make: (row) => ({ kind: "row", row }),
    });
  }
  const fields = (n: number) => Array.from({ length: n }, (_, i) => `veld ${i + 1}`);
  if (d.trailingDelimiter !== "rows") {
    list.push(
      {
        label: "too many fields",
        expected: { reason: "bad_row", column: null },
        make: () => ({ kind: "fields", fields: fields(widthOf(spec, d) + 2) }),
      },
      {
        label: "too few fields",
        expected: { reason: "bad_row", column: null },
        make: () => ({ kind: "fields", fields: fields(widthOf(spec, d) - 1) }),
      },
    );
  }
  if (d.trailingDelimiter === "none") {
    for (const extra of ["", " ", "   "]) {
      list.push({
        label: `shifted: one more field, ${JSON.stringify(extra)}`,
        expected: { reason: "bad_row", column: null },
        make: (row, fresh) => ({ kind: "shifted", row: freshKey(spec, row, "", fresh), extra }),
      });
    }
  }
  list.push({
    label: "unterminated quote",
    expected: { reason: "bad_row", column: null },
    last: true,
    make: () => ({
      kind: "unterminated",
      text: "Kapotte regel, zonder sluitend aanhalingsteken",
    }),
  });
  return list;
}
