import { open } from "node:fs/promises";
import { join } from "node:path";
import { run, type Database } from "../db/duckdb.ts";
import { ident, sql, type Sql } from "../db/sql.ts";
import { dutchCsv, headerLine, plainCsv, rowLine } from "./csv.ts";
import type { OutputTable } from "./tables.ts";

/** The query of a table with dates as ISO text, sorted by every column left to right. */
export function orderedQuery(table: OutputTable, datesAsText: boolean): Sql {
  const select = table.columns.map((c) =>
    datesAsText && c.type === "date"
      ? sql`strftime(${ident(c.name)}, '%Y-%m-%d') as ${ident(c.name)}`
      : ident(c.name),
  );
  const order = table.columns.map((c) => sql`${ident(c.name)} nulls first`);
  return sql`select ${select} from (${table.source}) order by ${order}`;
}

const FLUSH_BYTES = 1 << 20;

/** Writes a table as NAME.csv, NAME.nl.csv and NAME.parquet into a folder. */
export async function writeTable(db: Database, table: OutputTable, dir: string): Promise<number> {
  const plain = await open(join(dir, `${table.name}.csv`), "w");
  const dutch = await open(join(dir, `${table.name}.nl.csv`), "w");
  let count = 0;
  try {
    let plainBuf = headerLine(table.columns, plainCsv);
    let dutchBuf = "\uFEFF" + headerLine(table.columns, dutchCsv);
    const result = await db.connection.stream(orderedQuery(table, true).text);
    for await (const batch of result.yieldRowsJs()) {
      for (const row of batch) {
        plainBuf += rowLine(row, table.columns, plainCsv);
        dutchBuf += rowLine(row, table.columns, dutchCsv);
        count++;
      }
      if (plainBuf.length > FLUSH_BYTES) {
        await plain.write(plainBuf);
        await dutch.write(dutchBuf);
        plainBuf = "";
        dutchBuf = "";
      }
    }
    await plain.write(plainBuf);
    await dutch.write(dutchBuf);
  } finally {
    await plain.close();
    await dutch.close();
  }
  const parquet = join(dir, `${table.name}.parquet`);
  await run(db, sql`copy (${orderedQuery(table, false)}) to ${parquet} (format parquet)`);
  return count;
}
