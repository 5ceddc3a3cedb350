import type { ColumnSpec, ColumnType, FileSpec } from "../contract/index.ts";

export type DialectName = "plain" | "nl";

/** Text written exactly as given in every dialect: the deliberately flawed values. */
export interface RawCell {
  readonly raw: string;
}

/** One value as generated: dates are ISO strings, amounts numbers, null is an empty field. */
export type Cell = string | number | boolean | null | RawCell;

/** One row of an export, keyed by the contract's column names. */
export type ExportRow = Readonly<Record<string, Cell>>;

/** How an export looks on disk: file and header names, separators and value formats. */
export interface Dialect {
  readonly name: DialectName;
  readonly delimiter: string;
  readonly lineEnd: string;
  readonly bom: boolean;
  fileName(spec: Pick<FileSpec, "file" | "dutchFile">): string;
  headerName(column: ColumnSpec): string;
  date(iso: string): string;
  number(value: number): string;
  boolean(value: boolean): string;
  /** Characters that force a field into quotes. */
  readonly quoteWhen: RegExp;
}

export function raw(text: string): RawCell {
  return { raw: text };
}

/** `1234567.5` → `1.234.567,50`: decimal comma, thousands points, always two decimals. */
export function dutchAmount(value: number): string {
  const cents = Math.round(Math.abs(value) * 100);
  const euros = Math.floor(cents / 100).toString();
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const decimals = (cents % 100).toString().padStart(2, "0");
  return `${value < 0 ? "-" : ""}${grouped},${decimals}`;
}

const plain: Dialect = {
  name: "plain",
  delimiter: ",",
  lineEnd: "\n",
  bom: false,
  fileName: (spec) => spec.file,
  headerName: (column) => column.name,
  date: (iso) => iso,
  number: (value) => (Number.isInteger(value) ? String(value) : value.toFixed(2)),
  boolean: (value) => (value ? "true" : "false"),
  quoteWhen: /[",\r\n]/,
};

const nl: Dialect = {
  name: "nl",
  delimiter: ";",
  lineEnd: "\r\n",
  bom: true,
  fileName: (spec) => spec.dutchFile,
  headerName: (column) => column.aliases[0] ?? column.name,
  date: (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`,
  number: dutchAmount,
  boolean: (value) => (value ? "ja" : "nee"),
  quoteWhen: /[;"\r\n]/,
};

export function dialectNamed(name: DialectName): Dialect {
  return name === "nl" ? nl : plain;
}

function fail(column: string, type: ColumnType, cell: Cell): never {
  throw new Error(`generate: column ${column} (${type}) cannot hold ${JSON.stringify(cell)}`);
}

function formatValue(dialect: Dialect, column: ColumnSpec, cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.raw;
  switch (column.type) {
    case "date":
      return typeof cell === "string" ? dialect.date(cell) : fail(column.name, column.type, cell);
    case "number":
      return typeof cell === "number" ? dialect.number(cell) : fail(column.name, column.type, cell);
    case "integer":
      return typeof cell === "number" ? String(cell) : fail(column.name, column.type, cell);
    case "boolean":
      return typeof cell === "boolean"
        ? dialect.boolean(cell)
        : fail(column.name, column.type, cell);
    default:
      return typeof cell === "string" ? cell : fail(column.name, column.type, cell);
  }
}

function quote(dialect: Dialect, text: string): string {
  return dialect.quoteWhen.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The header line of a file, with its line end (the BOM is the writer's business). `extra`
 * names columns outside the contract, written after its columns.
 */
export function headerLine(
  dialect: Dialect,
  spec: Pick<FileSpec, "columns">,
  extra: readonly string[] = [],
): string {
  const names = spec.columns.map((c) => quote(dialect, dialect.headerName(c)));
  return (
    [...names, ...extra.map((e) => quote(dialect, e))].join(dialect.delimiter) + dialect.lineEnd
  );
}

/**
 * A function that turns one row into one line of the file, in the contract's column order, then
 * the `extra` columns as text.
 */
export function rowFormatter(
  dialect: Dialect,
  spec: Pick<FileSpec, "columns">,
  extra: readonly string[] = [],
): (row: ExportRow) => string {
  const columns = spec.columns;
  return (row) => {
    let line = "";
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as ColumnSpec;
      if (i > 0) line += dialect.delimiter;
      line += quote(dialect, formatValue(dialect, column, row[column.name] ?? null));
    }
    for (const name of extra) {
      const cell = row[name];
      line += dialect.delimiter + quote(dialect, typeof cell === "string" ? cell : "");
    }
    return line + dialect.lineEnd;
  };
}
