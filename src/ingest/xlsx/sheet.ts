import type { Readable } from "node:stream";
import type { CentralDirectoryFile } from "unzipper";
import { cellText } from "./cells.ts";
import { damaged } from "./detect.ts";

/*
 * Streams the rows of one sheet of an .xlsx workbook with exceljs's streaming readers, which never
 * hold the whole workbook in memory (a 100,000-row sheet is read row by row).
 *
 * The zip is opened through its central directory (unzipper.Open, exceljs's own zip library), and
 * the workbook's parts are parsed in the order they depend on each other: relationships, workbook
 * (sheet names), shared strings, styles, then only the chosen sheet. exceljs's WorkbookReader
 * instead reads the zip in one pass in stored order; Excel and exceljs itself store
 * xl/workbook.xml last, and on Node 18+ that pass intermittently loses it ("Cannot read
 * properties of undefined (reading 'sheets')", exceljs issue 3064) or unlinks a sheet's temporary
 * file before it is opened (ENOENT). The parsers are the WorkbookReader's own methods.
 *
 * What the streaming reader skips, the monitor does not need anyway:
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
  /** The relationship id that names the sheet's part. */
  readonly rId?: string;
}

/** A relationship of xl/_rels/workbook.xml.rels. */
interface Relationship {
  readonly Id: string;
  readonly Target: string;
}

/** The parsers of exceljs's WorkbookReader, which its type declarations leave out. */
interface ReaderInternals {
  workbookRels?: Relationship[];
  model?: { sheets?: SheetModel[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<unknown> }>;
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

/** The zip entry a workbook relationship points at ("worksheets/sheet1.xml" is under xl/). */
function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/**
 * exceljs and unzipper, loaded on the first workbook: importing them takes 0,3–0,6 s each, which
 * every refresh paid at start-up although most folders hold no workbook (issue 12).
 */
const libraries = async () => {
  const [{ default: ExcelJS }, { default: unzipper }] = await Promise.all([
    import("exceljs"),
    import("unzipper"),
  ]);
  return { ExcelJS, unzipper };
};

/** Opens the zip's central directory; a file that is not a zip is damaged. */
async function openZip(path: string): Promise<Map<string, CentralDirectoryFile>> {
  const { unzipper } = await libraries();
  try {
    const directory = await unzipper.Open.file(path);
    return new Map(directory.files.map((f) => [f.path.replace(/^\//, ""), f]));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SheetError(damaged(`technische melding: ${detail}`));
  }
}

/** Parses the workbook's relationships, sheet list, shared strings and styles into `reader`. */
async function parseWorkbookParts(
  reader: ReaderInternals,
  parts: Map<string, CentralDirectoryFile>,
): Promise<void> {
  const rels = parts.get("xl/_rels/workbook.xml.rels");
  const workbook = parts.get("xl/workbook.xml");
  if (!rels || !workbook) throw new SheetError(damaged("er staat geen werkblad in"));
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(workbook.stream());
  const strings = parts.get("xl/sharedStrings.xml");
  // The generator fills the reader's string table as it goes; its events are not needed.
  if (strings) for await (const event of reader._parseSharedStrings(strings.stream())) void event;
  const styles = parts.get("xl/styles.xml");
  if (styles) await reader._parseStyles(styles.stream());
}

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
  const parts = await openZip(path);
  const { ExcelJS } = await libraries();
  const workbookReader = new ExcelJS.stream.xlsx.WorkbookReader(path, OPTIONS);
  const reader = workbookReader as unknown as ReaderInternals;
  let entry: Readable | undefined;
  try {
    await parseWorkbookParts(reader, parts);
    const sheets = reader.model?.sheets ?? [];
    if (!sheets.length) throw new SheetError(damaged("er staat geen werkblad in"));
    const target = chosen(sheets, wanted);
    if (!target) {
      throw new SheetError(
        `het blad "${wanted ?? ""}" staat niet in de werkmap (bladen: ${sheetList(sheets)})`,
        true,
      );
    }
    const rel = reader.workbookRels?.find((r) => r.Id === target.rId);
    const part = rel ? parts.get(partPath(rel.Target)) : undefined;
    if (!part) throw new SheetError(damaged(`het blad "${target.name}" ontbreekt in het bestand`));
    onSheet(target.name);
    const date1904 = reader.properties?.model?.date1904 === true;
    entry = part.stream();
    const [event] = reader._parseWorksheet(entry, String(sheets.indexOf(target) + 1));
    if (!event) throw new SheetError(damaged(`het blad "${target.name}" is niet te lezen`));
    for await (const row of event.value) {
      const rowLike = row as RowLike;
      yield { line: rowLike.number, cells: cellsOf(rowLike, date1904) };
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new SheetError(damaged(`technische melding: ${detail}`));
  } finally {
    entry?.destroy();
  }
}
