// The clean tables hold their rows in file order (src/ingest/sql/staging.ts, cleanSql), also
// attendance with many row groups read in parallel and rejected rows in between. Without the
// explicit sort DuckDB does not keep that order here (tried: line 2 landed at row 159.485).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeDatabase, rows } from "../../../src/db/duckdb.ts";
import { load, MEMBERS, tempDir } from "../../helpers.ts";
import { sql } from "../../../src/db/sql.ts";

const ROWS = 400_000;

describe("clean tables in file order", () => {
  it("attendance keeps its 400.000 rows in file order, rejects left out", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "members.csv"), MEMBERS);
    const lines = ["event_id,event_date,network,organisation_id,person_role,attended"];
    for (let i = 0; i < ROWS; i++) {
      // Every 1.000th row has an impossible date and is rejected.
      const date = i % 1000 === 999 ? "2024-13-45" : `2024-0${(i % 9) + 1}-1${i % 10}`;
      lines.push(
        `E${i % 5000},${date},Slimmer Leven,O${(i % 2) + 1},professional,${i % 3 ? "ja" : "nee"}`,
      );
    }
    writeFileSync(join(dir, "attendance.csv"), `${lines.join("\n")}\n`);
    const { db, result } = await load(dir);
    try {
      // Read by DuckDB's parallel read_csv, not by the JavaScript scanner.
      const reads = [...result.reads].find(([spec]) => spec.key === "attendance")?.[1];
      expect(reads?.map((r) => r.method)).toEqual(["read_csv"]);
      const [stats] = await rows<{ n: bigint; disorder: bigint; first: number; last: number }>(
        db,
        sql`select count(*) as n, count(*) filter (where line <= prev) as disorder,
           min(line) as first, max(line) as last
         from (select line, lag(line) over (order by rowid) as prev from attendance)`,
      );
      expect(Number(stats!.n)).toBe(ROWS - ROWS / 1000);
      expect(Number(stats!.disorder)).toBe(0);
      // Line ROWS + 1 is the last row, a rejected one.
      expect([stats!.first, stats!.last]).toEqual([2, ROWS]);
      const [rejects] = await rows<{ n: bigint }>(
        db,
        sql`select count(*) as n from rejects where file = 'attendance.csv'`,
      );
      expect(Number(rejects!.n)).toBe(ROWS / 1000);
    } finally {
      closeDatabase(db);
    }
  }, 120_000);
});
