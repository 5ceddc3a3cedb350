// The detail tables that an incremental refresh keeps from the previous one declare the exports
// they read (src/output/build.ts). DuckDB's own parser checks the declaration: every table a
// query names, outside its own CTEs, is one of those exports' clean tables or ref_dates.
import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { exportOnlyTables } from "../../src/output/build.ts";
import { files } from "../../src/contract/index.ts";

/** The base tables and the CTE names of a parsed statement (json_serialize_sql's tree). */
function namesIn(node: unknown, tables: Set<string>, ctes: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) namesIn(item, tables, ctes);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (record.type === "BASE_TABLE" && typeof record.table_name === "string")
    tables.add(record.table_name);
  const map = (record.cte_map as { map?: { key: string }[] } | undefined)?.map;
  for (const cte of map ?? []) ctes.add(cte.key);
  for (const value of Object.values(record)) namesIn(value, tables, ctes);
}

describe("exportOnlyTables", () => {
  it("reads only the clean tables of the exports it declares, and the reference dates", async () => {
    const db = await openDatabase(":memory:");
    try {
      expect(exportOnlyTables.map((t) => t.name)).toEqual([
        "engagement_reduced",
        "funding_by_source",
        "events",
        "iza_progress",
      ]);
      const keys = new Set<string>(files.map((f) => f.key));
      for (const table of exportOnlyTables) {
        for (const input of table.inputs) expect(keys.has(input), input).toBe(true);
        const [parsed] = await rows<{ tree: string }>(
          db,
          sql`select json_serialize_sql(${table.query.text}) as tree`,
        );
        const tree = JSON.parse(parsed!.tree) as { error: boolean };
        expect(tree.error, table.name).toBe(false);
        const tables = new Set<string>();
        const ctes = new Set<string>();
        namesIn(tree, tables, ctes);
        const read = [...tables].filter((t) => !ctes.has(t)).sort();
        expect(read.filter((t) => t !== "ref_dates"), table.name).toEqual([...table.inputs].sort());
      }
    } finally {
      closeDatabase(db);
    }
  });

  it("finds a table that a query reads beyond its declaration", async () => {
    const db = await openDatabase(":memory:");
    try {
      const query = sql`with a as (select * from attendance) select * from a join members using (organisation_id)`;
      const [parsed] = await rows<{ tree: string }>(
        db,
        sql`select json_serialize_sql(${query.text}) as tree`,
      );
      const tables = new Set<string>();
      const ctes = new Set<string>();
      namesIn(JSON.parse(parsed!.tree), tables, ctes);
      expect([...tables].filter((t) => !ctes.has(t)).sort()).toEqual(["attendance", "members"]);
    } finally {
      closeDatabase(db);
    }
  });
});
