import type { FileSpec } from "../contract/index.ts";
import type { Database } from "../db/duckdb.ts";
import type { BadRow } from "./read-file.ts";

/**
 * Records rows that could not be split into fields as `bad_row` rejects. `source` is the file's
 * own name when the message must say which of the export's files the line is in.
 */
export async function insertBadRows(
  db: Database,
  spec: FileSpec,
  badRows: readonly BadRow[],
  source?: string,
): Promise<void> {
  if (badRows.length === 0) return;
  const appender = await db.connection.createAppender("rejects");
  for (const bad of badRows) {
    const where = source ? `${source} regel ${bad.line}: ` : "";
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
