import type { FileSpec } from "../contract/index.ts";
import type { Database } from "../db/duckdb.ts";
import type { BadRow } from "./read-file.ts";

/** Records rows that could not be split into fields as `bad_row` rejects. */
export async function insertBadRows(
  db: Database,
  spec: FileSpec,
  badRows: readonly BadRow[],
): Promise<void> {
  if (badRows.length === 0) return;
  const appender = await db.connection.createAppender("rejects");
  for (const bad of badRows) {
    appender.appendVarchar(spec.file);
    appender.appendInteger(bad.line);
    appender.appendNull();
    appender.appendVarchar(bad.value);
    appender.appendVarchar("bad_row");
    appender.appendVarchar(`Rij kan niet gelezen worden: ${bad.message_nl}.`);
    appender.endRow();
  }
  appender.closeSync();
}
