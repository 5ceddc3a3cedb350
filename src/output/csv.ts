import type { OutputType } from "./tables.ts";

/** The two CSV shapes of spec/outputs.md. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly decimal: "." | ",";
  readonly date: "iso" | "nl";
  readonly bom: boolean;
}

export const plainCsv: CsvDialect = { delimiter: ",", decimal: ".", date: "iso", bom: false };
export const dutchCsv: CsvDialect = { delimiter: ";", decimal: ",", date: "nl", bom: true };

/** Row end of both shapes (RFC 4180). */
export const CRLF = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A number without exponent notation, shortest round-trip digits. */
export function formatNumber(value: number, decimal: "." | ","): string {
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(20).replace(/\.?0+$/, "");
  return decimal === "," ? text.replace(".", ",") : text;
}

/** A text cell: defused against spreadsheet formulas, quoted where needed. */
export function formatText(value: string, delimiter: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * The text a reader of our CSV gets back from a defused cell: the leading `'` that formatText
 * put before a formula character is dropped. (An original text that itself began with `'` and a
 * formula character comes back without its `'`: the price of Excel-safe files.)
 */
export function readText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One cell in a CSV shape; `value` is as the database returns it (dates as ISO text). */
export function formatCell(value: unknown, type: OutputType, dialect: CsvDialect): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "integer":
    case "number":
      return formatNumber(Number(value), dialect.decimal);
    case "boolean":
      return value ? "true" : "false";
    case "date": {
      const iso = String(value);
      return dialect.date === "iso"
        ? iso
        : `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    }
    case "text":
      return formatText(String(value), dialect.delimiter);
  }
}

/** The header line of a table. */
export function headerLine(columns: readonly { name: string }[], dialect: CsvDialect): string {
  return columns.map((c) => formatText(c.name, dialect.delimiter)).join(dialect.delimiter) + CRLF;
}

/** One row as a CSV line. */
export function rowLine(
  row: readonly unknown[],
  columns: readonly { type: OutputType }[],
  dialect: CsvDialect,
): string {
  return row.map((v, i) => formatCell(v, columns[i]!.type, dialect)).join(dialect.delimiter) + CRLF;
}
