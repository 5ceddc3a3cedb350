import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, run } from "../../src/db/duckdb.ts";
import { fileOrderSum } from "../../src/db/file-order-sum.ts";
import { sql } from "../../src/db/sql.ts";
import { fundingBySourceSql } from "../../src/output/detail.ts";

// Rows stored in the reverse of their order in the file: a plain sum adds 0,3 + 0,2 + 0,1 =
// 0.6, the file's order 0,1 + 0,2 + 0,3 = 0.6000000000000001 (double addition is not
// associative). The sum in file order is the one a single thread reading the file gives.
const REVERSED = sql`create table funding as select * from (values
  (0, 4, 'F3', 'P1', 'rif', 2024, 0.3::double, 'incidenteel', 'toegekend'),
  (0, 3, 'F2', 'P1', 'rif', 2024, 0.2::double, 'structureel', 'toegekend'),
  (0, 2, 'F1', 'P1', 'rif', 2024, 0.1::double, 'incidenteel', 'toegekend')
) as t(file_index, line, funding_id, project_id, source_type, year, amount_eur, kind, status)`;

describe("fileOrderSum", () => {
  it("adds doubles in the file's order, whatever order the rows are stored in", async () => {
    const db = await openDatabase(":memory:");
    try {
      await run(db, REVERSED);
      const [sums] = await rows<{ plain: number; ordered: number; incidental: number }>(
        db,
        sql`select sum(amount_eur) as plain, ${fileOrderSum(sql`amount_eur`)} as ordered,
          ${fileOrderSum(sql`amount_eur`, sql`kind = 'incidenteel'`)} as incidental
        from funding`,
      );
      expect(sums!.plain).toBe(0.6);
      expect(sums!.ordered).toBe(0.1 + 0.2 + 0.3);
      expect(sums!.ordered).toBe(0.6000000000000001);
      expect(sums!.incidental).toBe(0.1 + 0.3);
    } finally {
      closeDatabase(db);
    }
  });

  it("gives funding_by_source its sums in file order", async () => {
    const db = await openDatabase(":memory:");
    try {
      await run(db, REVERSED);
      await run(db, sql`update funding set kind = 'incidenteel'`);
      await run(db, sql`create table projects as select 'P1' as project_id, 'Noord' as network`);
      const found = await rows<{ kind: string; amount_eur: number }>(
        db,
        sql`select kind, amount_eur from (${fundingBySourceSql})`,
      );
      expect(found).toEqual([{ kind: "incidenteel", amount_eur: 0.6000000000000001 }]);
    } finally {
      closeDatabase(db);
    }
  });
});
