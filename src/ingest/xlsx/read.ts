import type { DuckDBAppender } from "@duckdb/node-api";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Database } from "../../db/duckdb.ts";
import type { UnusableProblem } from "../../errors.ts";
import { planHeader, type HeaderPlan } from "../header.ts";
import { entryPath } from "../mapping/index.ts";
import type { FileRead, RawTarget, ReadOutcome } from "../read-file.ts";
import { isHeader, REPEATED_HEADER, type BadRow } from "../records.ts";
import { rawTableName } from "../schema.ts";
import { workbookProblem } from "./detect.ts";
import { SheetError, sheetRows, type SheetRow } from "./sheet.ts";

/*
 * A workbook is read like a CSV export (issue 15): its sheet's first non-empty row is the header,
 * every later non-empty row a record whose line is its Excel row number. Columns are fixed in a
 * sheet, so there are no shifted values: a row is never bad_row for its number of cells; cells
 * right of the header's last column are not read (like a column without a name). A row that
 * repeats the header is bad_row, as in CSV. A totals row at the bottom ("Totaal", empty ids, a
 * sum) is an ordinary record: it is rejected for its first problem (missing_value, usually),
 * never a crash.
 */

/** How a workbook's FileRead says it was read: no encoding or delimiter of its own. */
const WORKBOOK_DIALECT = { delimiter: ";", sepHint: false } as const;

/** The mapping entry's sheet, and where it is named for messages. */
export interface SheetChoice {
  readonly sheet?: string;
  /** The mapping entry path of `sheet` (`mapping.json → funding → sheet`). */
  readonly where?: string;
}

const blank = (row: SheetRow) => row.cells.every((c) => c.trim() === "");

/** A header without the empty cells after its last name. */
function headerCells(row: SheetRow): string[] {
  const cells = [...row.cells];
  while (cells.length && cells[cells.length - 1]!.trim() === "") cells.pop();
  return cells;
}

/** Dutch problems of a workbook that cannot be read, naming the file or the mapping's sheet. */
async function problemsOf(path: string, error?: SheetError, choice?: SheetChoice) {
  const name = basename(path);
  if (error) {
    const file = error.sheetMissing && choice?.where ? choice.where : name;
    const message_nl = error.sheetMissing
      ? error.message_nl.replace("de werkmap", name)
      : error.message_nl;
    return [{ file, message_nl }];
  }
  const problem = await workbookProblem(path, (await stat(path)).size);
  return problem ? [{ file: name, message_nl: problem }] : [];
}

/** The header row of a workbook's sheet and the sheet's name, or the problems that stop it. */
export async function readWorkbookHeader(
  path: string,
  choice: SheetChoice = {},
): Promise<
  | { readonly fields: readonly string[]; readonly sheet: string }
  | { readonly problems: readonly UnusableProblem[] }
> {
  const kind = await problemsOf(path);
  if (kind.length) return { problems: kind };
  let sheet = "";
  try {
    for await (const row of sheetRows(path, choice.sheet, (s) => (sheet = s))) {
      if (!blank(row)) return { fields: headerCells(row), sheet };
    }
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
    return { problems: await problemsOf(path, error, choice) };
  }
  const message_nl = `het blad "${sheet}" is leeg: er is geen kopregel met kolomnamen`;
  return { problems: [{ file: basename(path), message_nl }] };
}

/** The mapping entry's sheet choice for a target. */
export function sheetChoice(target: RawTarget): SheetChoice {
  const { entry, mappingName } = target.context;
  if (!entry?.sheet) return {};
  return {
    sheet: entry.sheet,
    where: entryPath(mappingName ?? "mapping.json", entry.key, "sheet"),
  };
}

/**
 * Reads one workbook of an export into its raw table (which must exist): each record as text,
 * with its file index and Excel row number.
 */
export async function readWorkbook(
  db: Database,
  target: RawTarget,
  path: string,
  fileIndex: number,
): Promise<ReadOutcome> {
  const { spec } = target;
  const name = basename(path);
  const choice = sheetChoice(target);
  const kind = await problemsOf(path);
  if (kind.length) return { ok: false, name, problems: kind };
  let sheet = "";
  let plan: HeaderPlan | undefined;
  let header: readonly string[] = [];
  let fieldOf: (number | undefined)[] = [];
  let appender: DuckDBAppender | undefined;
  let rowsRead = 0;
  const badRows: BadRow[] = [];
  try {
    for await (const row of sheetRows(path, choice.sheet, (s) => (sheet = s))) {
      if (blank(row)) continue;
      if (!plan) {
        plan = planHeader(spec, headerCells(row), { ...target.context, name });
        if (plan.problems.length) return { ok: false, name, problems: plan.problems };
        const planned = plan.columns;
        fieldOf = target.columns.map((c) => planned.find((p) => p.spec.name === c)?.index);
        header = headerCells(row).map((f) => f.trim().toLowerCase());
        appender = await db.connection.createAppender(rawTableName(spec));
        continue;
      }
      rowsRead++;
      const fields = Array.from({ length: plan.width }, (_, i) => row.cells[i] ?? "");
      if (isHeader({ line: row.line, fields }, header)) {
        const text = plan.ignored.length ? undefined : fields.join(";");
        badRows.push({ line: row.line, value: text, message_nl: REPEATED_HEADER });
        continue;
      }
      appender!.appendInteger(fileIndex);
      appender!.appendInteger(row.line);
      for (const index of fieldOf) {
        if (index === undefined) appender!.appendNull();
        else appender!.appendVarchar(fields[index]!);
      }
      appender!.endRow();
    }
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
    return { ok: false, name, problems: await problemsOf(path, error, choice) };
  } finally {
    appender?.closeSync();
  }
  if (!plan) {
    const message_nl = `het blad "${sheet}" is leeg: er is geen kopregel met kolomnamen`;
    return { ok: false, name, problems: [{ file: name, message_nl }] };
  }
  const read: FileRead = {
    spec,
    name,
    fileIndex,
    encoding: "utf-8",
    fellBack: false,
    dialect: WORKBOOK_DIALECT,
    plan,
    rowsRead,
    badRows,
    sheet,
    method: `exceljs (blad ${sheet})`,
  };
  return { ok: true, read };
}
