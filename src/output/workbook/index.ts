/**
 * regiomonitor.xlsx: every output table in one typed workbook, written beside the CSV and
 * Parquet files. Sheets: "Toelichting" first, then one sheet per table (Dutch names, split into
 * "Titel (1)", "Titel (2)" … when a table exceeds Excel's rows per sheet), then "Woordenboek".
 *
 * - Same rows, same order as the CSV files: each sheet streams orderedQuery (write.ts).
 * - Typed cells: numbers as numbers, dates as dates (UTC midnight, shown dd-mm-jjjj), booleans as
 *   booleans, null as an empty cell; number formats per formats.ts.
 * - Text is written as a string cell, never as a formula: exceljs makes a formula only
 *   of a `{ formula }` value, so "=HYPERLINK(…)" stays inert text, with no `'` prefix needed.
 * - Streaming: exceljs's WorkbookWriter; every row is committed as it is read from DuckDB, and
 *   each sheet is committed before the next starts (archiver zips the parts one after another).
 * - Byte-stable: the metadata dates are the peildatum, and zip-dates.ts sets every zip entry's
 *   date to it as well; the only other date in the workbook is the refresh date (a day, not a
 *   time) in "Toelichting", so two refreshes of the same data on one day give identical bytes.
 */
import ExcelJS from "exceljs";
import { rows, type Database } from "../../db/duckdb.ts";
import { ident, join, sql } from "../../db/sql.ts";
import type { OutputTable } from "../tables.ts";
import { outputTables } from "../tables.ts";
import { orderedQuery } from "../write.ts";
import {
  DICTIONARY_SHEET,
  EXCEL_MAX_ROWS,
  NOTES_SHEET,
  STYLES,
  UNIT_FORMATS,
  columnStyle,
  columnWidth,
  sheetNames,
  type CellStyle,
} from "./formats.ts";

export { WORKBOOK_FILE } from "./formats.ts";
import { writeDictionary, writeNotes, type SheetPlan } from "./notes.ts";
import { fixZipDates } from "./zip-dates.ts";

export interface WorkbookOptions {
  /** The peildatum (ISO): shown in "Toelichting" and used as the file's fixed dates. */
  readonly asOf: string;
  /** The day of the refresh (ISO), shown in "Toelichting". */
  readonly refreshedOn: string;
  /** Data rows per sheet (below the header); Excel's maximum unless a test wants less. */
  readonly rowsPerSheet?: number;
  readonly tables?: readonly OutputTable[];
}

/** What was written: every sheet in order with its number of data rows. */
export interface WorkbookSummary {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
}

/** Row counts and the longest text of every column, for the sheet plan and column widths. */
async function measure(
  db: Database,
  table: OutputTable,
): Promise<{ rows: number; longest: number[] }> {
  const lengths = table.columns.map((c) =>
    c.type === "text" ? sql`coalesce(max(length(${ident(c.name)})), 0)` : sql`0`,
  );
  const [row] = await rows<Record<string, bigint | number>>(
    db,
    sql`select count(*) as n, ${join(lengths.map((l, i) => sql`${l} as ${ident(`l${i}`)}`))} from (${table.source})`,
  );
  return {
    rows: Number(row!.n),
    longest: table.columns.map((_, i) => Number(row![`l${i}`])),
  };
}

/** The catalog's unit of every indicator (for the format of indicators.value). */
async function units(db: Database): Promise<Map<string, string>> {
  const found = await rows<{ indicator: string; unit: string }>(
    db,
    sql`select indicator, unit from catalog`,
  );
  return new Map(found.map((r) => [r.indicator, r.unit]));
}

/** A database value as a cell value of the column's type (dates arrive as ISO text). */
function cellValue(value: unknown, type: OutputTable["columns"][number]["type"]): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "integer":
    case "number":
      return Number(value);
    case "date": {
      const iso = String(value);
      return new Date(
        Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))),
      );
    }
    case "boolean":
      return Boolean(value);
    case "text": {
      // An empty text is an empty cell, as the CSV outputs write it (empty = null).
      const text = String(value);
      return text === "" ? null : text;
    }
  }
}

/** Writes one table over its sheets, streaming its rows from the database. */
async function writeTableSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  db: Database,
  plan: SheetPlan,
  longest: readonly number[],
  perSheet: number,
  unitOf: ReadonlyMap<string, string>,
): Promise<void> {
  const { table } = plan;
  const styles = table.columns.map((c) => columnStyle(table.name, c));
  const indicatorAt = table.columns.findIndex((c) => c.name === "indicator");
  const widths = table.columns.map((c, i) => ({ width: columnWidth(c.name, c.type, longest[i]!) }));
  let sheetIndex = 0;
  let inSheet = 0;
  const open = () => {
    const name = plan.sheets[sheetIndex++]!;
    const sheetRows = Math.min(perSheet, plan.rows - (sheetIndex - 1) * perSheet);
    const next = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    next.columns = widths;
    next.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, sheetRows + 1), column: table.columns.length },
    };
    const header = next.addRow(table.columns.map((c) => c.name));
    header.eachCell((cell) => (cell.style = STYLES.header));
    header.commit();
    inSheet = 0;
    return next;
  };
  let sheet = open();
  const result = await db.connection.stream(orderedQuery(table, true).text);
  for await (const batch of result.yieldRowsJs()) {
    for (const values of batch) {
      if (inSheet === perSheet) {
        sheet.commit();
        sheet = open();
      }
      const cells = values.map((v, i) => cellValue(v, table.columns[i]!.type));
      const row = sheet.addRow(cells);
      for (let i = 0; i < cells.length; i++) {
        if (cells[i] === null) continue;
        const style: CellStyle =
          styles[i] ??
          UNIT_FORMATS[unitOf.get(String(values[indicatorAt])) ?? ""] ??
          STYLES.general;
        row.getCell(i + 1).style = style;
      }
      row.commit();
      inSheet++;
    }
  }
  sheet.commit();
}

/**
 * Writes the workbook of every output table to `path` (a file in the staged output folder) and
 * returns its sheets. Reads the database only.
 */
export async function writeWorkbook(
  db: Database,
  path: string,
  options: WorkbookOptions,
): Promise<WorkbookSummary> {
  const tables = options.tables ?? outputTables;
  const perSheet = options.rowsPerSheet ?? EXCEL_MAX_ROWS - 1;
  const measured: { rows: number; longest: number[] }[] = [];
  for (const table of tables) measured.push(await measure(db, table));
  const plans: SheetPlan[] = tables.map((table, i) => ({
    table,
    rows: measured[i]!.rows,
    sheets: sheetNames(table, measured[i]!.rows, perSheet),
  }));
  const unitOf = await units(db);
  const fixed = new Date(`${options.asOf}T00:00:00Z`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    // Strings inline in each cell (t="str" without a formula) rather than in a shared-strings
    // table: at landelijk scale the workbook step took 6,3 s with the table and 5,1 s without
    // (the table's lookups and its own XML), for a file 8 % larger (13,0 → 14,0 MB); with the
    // table the workbook added 15,4 % to a full refresh in three bench runs (target 15 %).
    useSharedStrings: false,
  });
  workbook.creator = "Regiomonitor";
  workbook.lastModifiedBy = "Regiomonitor";
  workbook.created = fixed;
  workbook.modified = fixed;
  writeNotes(workbook, plans, { asOf: options.asOf, refreshedOn: options.refreshedOn, perSheet });
  for (const [i, plan] of plans.entries()) {
    await writeTableSheets(workbook, db, plan, measured[i]!.longest, perSheet, unitOf);
  }
  writeDictionary(workbook, tables);
  await workbook.commit();
  await fixZipDates(path, options.asOf);
  return {
    sheets: [
      { name: NOTES_SHEET, rows: 0 },
      ...plans.flatMap((p) =>
        p.sheets.map((name, i) => ({
          name,
          rows: Math.max(0, Math.min(perSheet, p.rows - i * perSheet)),
        })),
      ),
      { name: DICTIONARY_SHEET, rows: tables.reduce((n, t) => n + t.columns.length, 0) },
    ],
  };
}
