/**
 * How the workbook (regiomonitor.xlsx) shows the output tables: the Dutch sheet names and the
 * number format of every cell. Values are stored exactly as the CSV outputs hold them (shares as
 * fractions 0–1, amounts in euro); the formats only decide how Excel shows them.
 *
 * Which numbers are shares, amounts or counts:
 * - a column named `*_share` is a share (projects.structural_share): a percentage;
 * - a column named `*_eur` is an amount in euro (funding_total_eur, amount_eur);
 * - a column named `year` or `*_year` is a year: digits without a thousands separator;
 * - any other integer column is a count: `#,##0` (Dutch Excel shows 1.234);
 * - `indicators.value` mixes units, so its format is chosen per row from the catalog's unit of
 *   the row's indicator (UNIT_FORMATS): `aandeel` a percentage, `euro` euro, `aantal` a count,
 *   `gemiddelde` and `index` two decimals, `ja/nee` 0 or 1. An unknown unit keeps General.
 * Dates are Excel dates (UTC midnight) shown as dd-mm-jjjj.
 */
import type { Style } from "exceljs";
import type { OutputTable, OutputType } from "../tables.ts";
import { TABLE_DESCRIPTIONS } from "./dictionary.ts";

/** The workbook's file name in the output folder. */
export const WORKBOOK_FILE = "regiomonitor.xlsx";

/** Excel's limit of rows per sheet (1.048.576), of which the first is the header. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** The Dutch name of the explanation sheet, always the first. */
export const NOTES_SHEET = "Toelichting";
/** The Dutch name of the data dictionary sheet, always the last. */
export const DICTIONARY_SHEET = "Woordenboek";

/**
 * Number formats as Excel stores them (English codes; Dutch Excel shows `1.234,50` and `25,0%`),
 * one object per style: xml.ts gives each a fixed style id in styles.xml.
 */
export const STYLES = {
  text: {},
  header: { font: { bold: true } },
  date: { numFmt: "dd-mm-yyyy" },
  percent: { numFmt: "0.0%" },
  euro: { numFmt: '"€" #,##0.00' },
  count: { numFmt: "#,##0" },
  whole: { numFmt: "0" },
  decimal: { numFmt: "0.00" },
  general: {},
} as const satisfies Record<string, Partial<Style>>;

export type CellStyle = (typeof STYLES)[keyof typeof STYLES];

/** The format of `indicators.value` by the catalog's unit (spec/indicators.md). */
export const UNIT_FORMATS: Readonly<Record<string, CellStyle>> = {
  aandeel: STYLES.percent,
  euro: STYLES.euro,
  aantal: STYLES.count,
  gemiddelde: STYLES.decimal,
  index: STYLES.decimal,
  "ja/nee": STYLES.whole,
};

/** The style of a column's cells; `undefined` for indicators.value (per row, by unit). */
export function columnStyle(
  table: string,
  column: { name: string; type: OutputType },
): CellStyle | undefined {
  if (table === "indicators" && column.name === "value") return undefined;
  switch (column.type) {
    case "date":
      return STYLES.date;
    case "integer":
      return /(^|_)year$/.test(column.name) ? STYLES.whole : STYLES.count;
    case "number":
      if (column.name.endsWith("_share")) return STYLES.percent;
      if (column.name.endsWith("_eur")) return STYLES.euro;
      return STYLES.general;
    case "boolean":
    case "text":
      return STYLES.text;
  }
}

const FORBIDDEN = /[[\]:*?/\\]/;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function checkSheetName(name: string): string {
  if (name.length > 31 || name.length === 0 || FORBIDDEN.test(name) || name.startsWith("'")) {
    throw new Error(`werkmap: ongeldige naam voor een tabblad: ${JSON.stringify(name)}`);
  }
  return name;
}

/** The Dutch sheet name of a table: its title in the data dictionary ("Leden per sector"). */
export function sheetTitle(table: OutputTable): string {
  const description = TABLE_DESCRIPTIONS[table.name];
  if (!description) throw new Error(`werkmap: geen omschrijving van tabel ${table.name}`);
  return description.title;
}

/**
 * The sheet names of a table of `rows` rows: its title, or "Titel (1)", "Titel (2)" … when the
 * rows do not fit one sheet (`perSheet` rows each, below the header).
 */
export function sheetNames(table: OutputTable, rows: number, perSheet: number): string[] {
  const title = sheetTitle(table);
  const count = Math.max(1, Math.ceil(rows / perSheet));
  if (count === 1) return [checkSheetName(title)];
  return Array.from({ length: count }, (_, i) => checkSheetName(`${title} (${i + 1})`));
}

/** A column width in characters from the header and the longest value, within 8–60. */
export function columnWidth(header: string, type: OutputType, longest: number): number {
  const content = type === "date" ? 10 : type === "number" ? Math.max(longest, 12) : longest;
  return Math.min(60, Math.max(8, header.length + 2, content + 2));
}
