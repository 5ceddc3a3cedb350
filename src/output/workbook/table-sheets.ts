/**
 * The sheets of one output table: DuckDB renders every row as worksheet XML (row-sql.ts) and
 * hands it over as UTF-8 bytes (a BLOB, no JavaScript strings); this module only adds the head
 * and tail of each sheet and streams the bytes into the zip, where they are deflated off the main
 * thread while DuckDB renders the next rows.
 */
import type { DuckDBBlobVector } from "@duckdb/node-api";
import type { Database } from "../../db/duckdb.ts";
import { sql } from "../../db/sql.ts";
import { columnWidth, STYLES } from "./formats.ts";
import type { SheetPlan } from "./notes.ts";
import { rowXmlQuery } from "./row-sql.ts";
import { rowXml, sheetHead, sheetTail } from "./sheet-xml.ts";
import type { ZipEntry } from "./zip.ts";

/**
 * Streams the rows of `plan.table` into its sheets; `openSheet` starts the zip entry of the
 * plan's next sheet. Returns the number of rows written.
 */
export async function writeTableSheets(
  db: Database,
  plan: SheetPlan,
  measured: { readonly longest: readonly number[]; readonly types: readonly string[] },
  perSheet: number,
  unitOf: ReadonlyMap<string, string>,
  openSheet: () => ZipEntry,
): Promise<number> {
  const { table } = plan;
  const widths = table.columns.map((c, i) => columnWidth(c.name, c.type, measured.longest[i]!));
  const header = rowXml(
    1,
    table.columns.map((c) => c.name),
    () => STYLES.header,
  );
  const tail = (rows: number) => sheetTail({ columns: table.columns.length, lastRow: rows + 1 });
  let entry = openSheet();
  await entry.write(sheetHead(widths, true) + header);
  let inSheet = 0;
  let total = 0;
  const query = sql`select encode(x) as x from (${rowXmlQuery(table, perSheet, unitOf, measured.types)})`;
  const result = await db.connection.stream(query.text);
  // DuckDB renders the next chunk while this one is copied out and deflated.
  let next = result.fetchChunk();
  for (;;) {
    const chunk = await next;
    if (!chunk || chunk.rowCount === 0) break;
    next = result.fetchChunk();
    next.catch(() => undefined); // awaited next round; no unhandled rejection if this one fails
    const vector = chunk.getColumnVector(0) as DuckDBBlobVector;
    let parts: Uint8Array[] = [];
    for (let i = 0; i < chunk.rowCount; i++) {
      if (inSheet === perSheet) {
        await entry.write(parts);
        parts = [];
        await entry.write(tail(inSheet));
        await entry.end();
        entry = openSheet();
        await entry.write(sheetHead(widths, true) + header);
        inSheet = 0;
      }
      // A row's XML is longer than 12 bytes, so this is a copy, not a view into the chunk.
      parts.push(vector.getItemBytes(i)!);
      inSheet++;
      total++;
    }
    await entry.write(parts);
  }
  await entry.write(tail(inSheet));
  await entry.end();
  return total;
}
