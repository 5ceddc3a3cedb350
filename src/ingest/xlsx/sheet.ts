import ExcelJS from "exceljs";
import { cellText } from "./cells.ts";
import { damaged } from "./detect.ts";

/*
 * Streams the rows of one sheet of an .xlsx workbook with exceljs's WorkbookReader, which never
 * holds the whole workbook in memory (a 100,000-row sheet is read row by row). Its streaming
 * reader skips what the monitor does not need anyway:
 * - merged cells: the value sits in the top-left cell and the other cells of the range are
 *   empty, as Excel itself stores them; a header merged over two columns names the first, the
 *   second is a column without a name (ignored, listed in the quality report);
 * - hidden rows (and hidden columns) are read like visible ones: hiding a row in Excel does not
 *   remove it from the export, and a row that is silently left out would break
 *   rows_read = loaded + rejected against what the analyst counts in the file;
 * - empty rows are skipped but keep their row number, like blank lines in a CSV, so a reject's
 *   line is the row number Excel shows.
 */

/** One row of a sheet: its Excel row number and the text of its cells from column A on. */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A workbook or sheet that cannot be read; `sheetMissing` when the named sheet is not there. */
export class SheetError extends Error {
  constructor(
    readonly message_nl: string,
    readonly sheetMissing = false,
  ) {
    super(message_nl);
    this.name = "SheetError";
  }
}

interface SheetModel {
  readonly name: string;
  readonly state?: string;
}

/** The parts of exceljs's streaming reader that its type declarations leave out. */
interface ReaderInternals {
  model?: { sheets?: SheetModel[] };
  properties?: { model?: { date1904?: boolean } };
  stream?: { destroy?: () => void };
}

interface RowLike {
  readonly number: number;
  readonly values: unknown;
  getCell(column: number): { readonly numFmt?: string };
}

const OPTIONS = {
  worksheets: "emit",
  sharedStrings: "cache",
  styles: "cache", // number formats: which number cells are dates
  hyperlinks: "ignore",
  entries: "ignore",
} as const;

/** Sheet names compare trimmed and case-insensitively (as Excel does). */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The sheet to read: the one named (`wanted`), else the first visible sheet. */
function chosen(sheets: readonly SheetModel[], wanted: string | undefined): SheetModel | undefined {
  if (wanted !== undefined) return sheets.find((s) => sameName(s.name, wanted));
  return sheets.find((s) => (s.state ?? "visible") === "visible") ?? sheets[0];
}

/** Cell texts of a row (exceljs's `values` is 1-based and sparse). */
function cellsOf(row: RowLike, date1904: boolean): string[] {
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let column = 1; column < values.length; column++) {
    const value = values[column];
    cells.push(
      value === undefined || value === null
        ? ""
        : cellText(value, row.getCell(column).numFmt, date1904),
    );
  }
  return cells;
}

/** The sheets of a workbook for a message: "Blad1, Financiering". */
const sheetList = (sheets: readonly SheetModel[]) =>
  sheets.length ? sheets.map((s) => s.name).join(", ") : "geen";

/**
 * The rows of a workbook's sheet: the one `wanted` names, else the first visible sheet; the
 * first yielded row tells the sheet's name with `onSheet`. Throws SheetError when the workbook
 * cannot be read (damaged) or has no such sheet.
 */
export async function* sheetRows(
  path: string,
  wanted: string | undefined,
  onSheet: (name: string) => void = () => {},
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, OPTIONS);
  const internals = reader as unknown as ReaderInternals;
  let found = false;
  let seen = 0;
  try {
    for await (const worksheet of reader) {
      seen++;
      if (found) continue;
      const sheets = internals.model?.sheets ?? [];
      const target = chosen(sheets, wanted);
      const name = (worksheet as unknown as { name?: string }).name;
      // Without the workbook's sheet list (an unusual zip order) the first sheet stored is taken.
      const isTarget = target ? name === target.name : wanted === undefined && seen === 1;
      if (!isTarget) continue;
      found = true;
      onSheet(name ?? target?.name ?? "1");
      const date1904 = internals.properties?.model?.date1904 === true;
      for await (const row of worksheet) {
        const rowLike = row as unknown as RowLike;
        yield { line: rowLike.number, cells: cellsOf(rowLike, date1904) };
      }
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new SheetError(damaged(`technische melding: ${detail}`));
  } finally {
    internals.stream?.destroy?.();
  }
  if (found) return;
  const sheets = internals.model?.sheets ?? [];
  if (!seen && !sheets.length) throw new SheetError(damaged("er staat geen werkblad in"));
  throw new SheetError(
    `het blad "${wanted ?? ""}" staat niet in de werkmap (bladen: ${sheetList(sheets)})`,
    true,
  );
}
