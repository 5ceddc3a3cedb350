// The tables that an incremental refresh keeps from the previous one declare the exports they
// read (ExportOnlyTable, src/ingest/reuse.ts). DuckDB's own parser checks each declaration:
// every table a query names, outside its own CTEs and through the context views it reads, is
// one of those exports' clean tables, ref_dates, or file_columns (the columns each export's
// files have: the same for an export whose reads are kept).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { closeDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { contextSql } from "../../src/indicators/context.ts";
import { referenceDates } from "../../src/indicators/dates.ts";
import { exportOnlyTables } from "../../src/output/build.ts";
import { files } from "../../src/contract/index.ts";
import { load } from "../helpers.ts";

const SAMPLE = fileURLToPath(new URL("../../data/exports", import.meta.url));

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

/** The tables a query reads, through the views of `views` (name → its select). */
async function readsOf(
  db: Database,
  query: string,
  views: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const [parsed] = await rows<{ tree: string }>(
    db,
    sql`select json_serialize_sql(${query}) as tree`,
  );
  const tree = JSON.parse(parsed!.tree) as { error: boolean; error_message?: string };
  expect(tree.error, tree.error_message).toBe(false);
  const tables = new Set<string>();
  const ctes = new Set<string>();
  namesIn(tree, tables, ctes);
  const reads = new Set<string>();
  for (const name of tables) {
    if (ctes.has(name)) continue;
    const view = views.get(name);
    if (view === undefined) reads.add(name);
    else for (const inner of await readsOf(db, view, views)) reads.add(inner);
  }
  return reads;
}

/** The sample loaded with the indicators' context views, and those views' selects. */
async function withContext(): Promise<{ db: Database; views: Map<string, string> }> {
  const { db } = await load(SAMPLE);
  await run(db, contextSql(referenceDates("2024-06-30", 11)));
  const found = await rows<{ name: string; text: string }>(
    db,
    sql`select view_name as name, sql as text from duckdb_views() where not internal`,
  );
  const select = (text: string) => text.replace(/^create (or replace )?view \S+ as /i, "");
  return { db, views: new Map(found.map((v) => [v.name, select(v.text)])) };
}

describe("exportOnlyTables", () => {
  it("read only the clean tables of the exports they declare", async () => {
    const { db, views } = await withContext();
    try {
      expect(views.has("project_partner_pairs")).toBe(true);
      expect(exportOnlyTables.map((t) => t.name)).toEqual([
        "engagement_reduced",
        "funding_values",
        "funding_by_source",
        "events",
        "iza_progress",
      ]);
      const keys = new Set<string>(files.map((f) => f.key));
      for (const table of exportOnlyTables) {
        for (const input of table.inputs) expect(keys.has(input), input).toBe(true);
        const reads = await readsOf(db, table.query.text, views);
        const own = [...reads].filter((t) => t !== "ref_dates" && t !== "file_columns").sort();
        expect(own, table.name).toEqual([...table.inputs].sort());
      }
    } finally {
      closeDatabase(db);
    }
  });

  it("finds a table that a query reads beyond its declaration, also through a view", async () => {
    const { db, views } = await withContext();
    try {
      const direct = sql`with a as (select * from attendance) select * from a join members using (organisation_id)`;
      expect([...(await readsOf(db, direct.text, views))].sort()).toEqual(["attendance", "members"]);
      // project_partner_set names the organisations (from members); project_partner_pairs not.
      const set = await readsOf(db, "select * from project_partner_set", views);
      expect([...set].sort()).toEqual(["organisations", "project_partners", "projects"]);
      const pairs = await readsOf(db, "select * from project_partner_pairs", views);
      expect([...pairs].sort()).toEqual(["project_partners", "projects"]);
    } finally {
      closeDatabase(db);
    }
  });
});
