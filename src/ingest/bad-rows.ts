import type { FileSpec } from "../contract/index.ts";
import type { Database } from "../db/duckdb.ts";
import type { BadRow } from "./read-file.ts";

/**
 * One file of an export as rejects name it: its own name, and the sheet when it is a workbook
 * (then a line is an Excel row number: "financiering.xlsx rij 14 van blad Financiering").
 */
export interface Source {
  readonly name: string;
  readonly sheet?: string;
}

/** Where a line is, for the start of a reject's message: "x.csv regel 14" or "x.xlsx rij 14 van blad B". */
export function placeText(source: Source, line: number): string {
  return source.sheet === undefined
    ? `${source.name} regel ${line}`
    : `${source.name} rij ${line} van blad ${source.sheet}`;
}

/**
 * Records rows that could not be split into fields as `bad_row` rejects. `source` is the file
 * when the message must say which file (and sheet) the line is in.
 */
export async function insertBadRows(
  db: Database,
  spec: FileSpec,
  badRows: readonly BadRow[],
  source?: Source,
): Promise<void> {
  if (badRows.length === 0) return;
  const appender = await db.connection.createAppender("rejects");
  for (const bad of badRows) {
    const where = source ? `${placeText(source, bad.line)}: ` : "";
    const hidden =
      bad.value === undefined
        ? " De inhoud wordt niet getoond: het bestand heeft kolommen die niet geladen worden."
        : "";
    appender.appendVarchar(spec.file);
    appender.appendInteger(bad.line);
    appender.appendNull();
    if (bad.value === undefined) appender.appendNull();
    else appender.appendVarchar(bad.value);
    appender.appendVarchar("bad_row");
    appender.appendVarchar(`${where}Rij kan niet gelezen worden: ${bad.message_nl}.${hidden}`);
    appender.endRow();
  }
  appender.closeSync();
}
