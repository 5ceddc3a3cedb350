import { open } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "../db/duckdb.ts";
import { dutchCsv, headerLine, plainCsv, rowLine } from "./csv.ts";
import type { OutputTable } from "./tables.ts";
import { orderedQuery } from "./ordered.ts";

const FLUSH_BYTES = 1 << 20;

/**
 * Writes NAME.csv and NAME.nl.csv by formatting every cell in JavaScript (csv.ts): the
 * reference of the SQL writer (copy.ts), and its fallback for a column type it cannot format.
 */
export async function writeCsvRows(db: Database, table: OutputTable, dir: string): Promise<number> {
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
  return count;
}
