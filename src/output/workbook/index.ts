/**
 * regiomonitor.xlsx: every output table in one typed workbook, written beside the CSV and
 * Parquet files. Sheets: "Toelichting" first, then one sheet per table (Dutch names, split into
 * "Titel (1)", "Titel (2)" … when a table exceeds Excel's rows per sheet), then "Woordenboek".
 *
 * - Same rows, same order as the CSV files (sorted by every column, left to right).
 * - Typed cells: numbers as numbers, dates as dates (serial days, shown dd-mm-jjjj), booleans as
 *   booleans, null and empty text as an empty cell; number formats per formats.ts.
 * - Text is a string cell (`t="str"`, the text inline in the cell, no shared-strings table) and
 *   never a formula: "=HYPERLINK(…)" stays inert text, with no `'` prefix needed.
 * - Fast: the workbook used to be written with exceljs, cell by cell in JavaScript (4,8–6,8 s of a
 *   landelijk refresh). Now DuckDB renders the rows as worksheet XML (row-sql.ts), JavaScript
 *   only moves the bytes, and zlib deflates them in parallel blocks (deflate-blocks.ts, zip.ts).
 *   Every part holds the XML that exceljs wrote (styles.xml in a fixed order, parts.ts); numbers
 *   below 1e-4 or from 2^53 (9e15) on may be spelled otherwise (1e-05 for 0.00001): same value.
 * - Byte-stable: the metadata dates and every zip entry's date are the peildatum; the only other
 *   date is the refresh date (a day, not a time) in "Toelichting".
 */
import { rows, type Database } from "../../db/duckdb.ts";
import { ident, join, sql } from "../../db/sql.ts";
import type { OutputTable } from "../tables.ts";
import { outputTables } from "../tables.ts";
import { DICTIONARY_SHEET, EXCEL_MAX_ROWS, NOTES_SHEET, sheetNames } from "./formats.ts";

export { WORKBOOK_FILE } from "./formats.ts";
import { dictionarySheet, notesSheet, type SheetPlan } from "./notes.ts";
import * as parts from "./parts.ts";
import { writeTableSheets } from "./table-sheets.ts";
import { ZipWriter } from "./zip.ts";
import { readZipEntries, type StoredEntry } from "./zip-read.ts";

export interface WorkbookOptions {
  /** The peildatum (ISO): shown in "Toelichting" and used as the file's fixed dates. */
  readonly asOf: string;
  /** The day of the refresh (ISO), shown in "Toelichting". */
  readonly refreshedOn: string;
  /** Data rows per sheet (below the header); Excel's maximum unless a test wants less. */
  readonly rowsPerSheet?: number;
  readonly tables?: readonly OutputTable[];
  /** The previous refresh's workbook, whose sheets of unchanged tables are copied. */
  readonly previous?: PreviousWorkbook;
}

/** A workbook written before, and which of its tables are unchanged since. */
export interface PreviousWorkbook {
  readonly path: string;
  /** Its sheet names in order (WorkbookSummary.sheets): sheet i + 1 is names[i]. */
  readonly sheets: readonly string[];
  /** The database tables (OutputTable.from) whose rows are those it was written from. */
  readonly unchanged: ReadonlySet<string>;
}

/** What was written: every sheet in order with its number of data rows. */
export interface WorkbookSummary {
  readonly sheets: readonly { readonly name: string; readonly rows: number }[];
}

/** What the writer needs to know of a table before its rows. */
interface Measured {
  readonly rows: number;
  /** The longest text of every column (0 for others), for the column widths. */
  readonly longest: number[];
  /** DuckDB's type of every column. */
  readonly types: string[];
}

/** Row counts, longest texts and column types, for the sheet plan, widths and cell XML. */
async function measure(db: Database, table: OutputTable): Promise<Measured> {
  const lengths = table.columns.map((c) =>
    c.type === "text" ? sql`coalesce(max(length(${ident(c.name)})), 0)` : sql`0`,
  );
  const [row] = await rows<Record<string, bigint | number>>(
    db,
    sql`select count(*) as n, ${join(lengths.map((l, i) => sql`${l} as ${ident(`l${i}`)}`))} from (${table.source})`,
  );
  const columns = join(table.columns.map((c) => ident(c.name)));
  const described = await rows<{ column_type: string }>(
    db,
    sql`describe select ${columns} from (${table.source})`,
  );
  return {
    rows: Number(row!.n),
    longest: table.columns.map((_, i) => Number(row![`l${i}`])),
    types: described.map((d) => d.column_type),
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

/**
 * The previous workbook's sheets of the plans whose table is unchanged, when every one of them
 * is there and sound: the same rows give the same sheet names and the same sheet XML.
 */
async function copiedSheets(
  plans: readonly SheetPlan[],
  previous: PreviousWorkbook | undefined,
): Promise<Map<SheetPlan, StoredEntry[]>> {
  const copied = new Map<SheetPlan, StoredEntry[]>();
  if (!previous) return copied;
  const partOf = (name: string) => {
    const i = previous.sheets.indexOf(name);
    return i < 0 ? undefined : parts.sheetPath(i + 1);
  };
  const wanted = plans.filter((p) => p.table.from && previous.unchanged.has(p.table.from));
  const names = new Set(wanted.flatMap((p) => p.sheets.map(partOf)).filter((n) => n !== undefined));
  const entries = await readZipEntries(previous.path, names);
  for (const plan of wanted) {
    const stored = plan.sheets.map((name) => entries.get(partOf(name) ?? ""));
    if (stored.every((e) => e !== undefined)) copied.set(plan, stored);
  }
  return copied;
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
  const measured: Measured[] = [];
  for (const table of tables) measured.push(await measure(db, table));
  const plans: SheetPlan[] = tables.map((table, i) => ({
    table,
    rows: measured[i]!.rows,
    sheets: sheetNames(table, measured[i]!.rows, perSheet),
  }));
  const unitOf = await units(db);
  const copied = await copiedSheets(plans, options.previous);
  const names = [NOTES_SHEET, ...plans.flatMap((p) => p.sheets), DICTIONARY_SHEET];
  const zip = await ZipWriter.create(path, options.asOf);
  try {
    await zip.add("[Content_Types].xml", parts.contentTypes(names.length));
    await zip.add("_rels/.rels", parts.ROOT_RELS);
    await zip.add("docProps/app.xml", parts.appProperties(names));
    await zip.add("docProps/core.xml", parts.coreProperties(options.asOf));
    await zip.add("xl/workbook.xml", parts.workbookXml(names));
    await zip.add("xl/_rels/workbook.xml.rels", parts.workbookRels(names.length));
    await zip.add("xl/styles.xml", parts.STYLES_XML);
    await zip.add("xl/theme/theme1.xml", parts.theme());
    let sheet = 1;
    const info = { asOf: options.asOf, refreshedOn: options.refreshedOn, perSheet };
    await zip.add(parts.sheetPath(sheet++), notesSheet(plans, info).xml());
    for (const [i, plan] of plans.entries()) {
      const stored = copied.get(plan);
      if (stored) {
        for (const entry of stored) await zip.addDeflated(parts.sheetPath(sheet++), entry);
        continue;
      }
      const open = () => zip.entry(parts.sheetPath(sheet++));
      const written = await writeTableSheets(db, plan, measured[i]!, perSheet, unitOf, open);
      if (written !== plan.rows)
        throw new Error(`werkmap: ${plan.table.name} veranderde tijdens het schrijven`);
    }
    await zip.add(parts.sheetPath(sheet++), dictionarySheet(tables).xml());
  } catch (error) {
    await zip.abort();
    throw error;
  }
  await zip.close();
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
