// The tables that an incremental refresh keeps from the previous one declare the exports they
// read (ExportOnlyTable, src/ingest/reuse.ts). DuckDB's own parser checks each declaration:
// every table a query names, outside its own CTEs and through the context views it reads, is
// one of those exports' clean tables, ref_dates, or file_columns (the columns each export's
// files have: the same for an export whose reads are kept).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { closeDatabase, run, type Database } from "../../src/db/duckdb.ts";
import { createdBy, tablesRead, viewSelects } from "../../src/db/reads.ts";
import { contextSql } from "../../src/indicators/context.ts";
import { referenceDates } from "../../src/indicators/dates.ts";
import { exportOnlyTables } from "../../src/output/build.ts";
import { files } from "../../src/contract/index.ts";
import { load } from "../helpers.ts";

const SAMPLE = fileURLToPath(new URL("../../data/exports", import.meta.url));

/** The sample loaded with the indicators' context views, and those views' selects. */
async function withContext(): Promise<{ db: Database; views: Map<string, string> }> {
  const { db } = await load(SAMPLE);
  await run(db, contextSql(referenceDates("2024-06-30", 11)));
  return { db, views: await viewSelects(db) };
}


describe("exportOnlyTables", () => {
  it("read only the clean tables of the exports they declare", async () => {
    const { db, views } = await withContext();
    try {
      expect(views.has("project_partner_pairs")).toBe(true);
      expect(exportOnlyTables.map((t) => t.name)).toEqual([
        "active_projects",
        "engagement_reduced",
        "funding_values",
        "funding_by_source",
        "events",
        "iza_progress",
      ]);
      const keys = new Set<string>(files.map((f) => f.key));
      for (const table of exportOnlyTables) {
        for (const input of table.inputs) expect(keys.has(input), input).toBe(true);
        const reads = await tablesRead(db, table.query.text, views);
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
      const direct =
        "with a as (select * from attendance) select * from a join members using (organisation_id)";
      expect([...(await tablesRead(db, direct, views))].sort()).toEqual(["attendance", "members"]);
      // project_partner_set names the organisations (from members); project_partner_pairs not.
      const set = await tablesRead(db, "select * from project_partner_set", views);
      expect([...set].sort()).toEqual(["organisations", "project_partners", "projects"]);
      const pairs = await tablesRead(db, "select * from project_partner_pairs", views);
      expect([...pairs].sort()).toEqual(["project_partners", "projects"]);
    } finally {
      closeDatabase(db);
    }
  });
});

describe("createdBy", () => {
  it("splits a create statement into the name and its select", () => {
    expect(createdBy("\ncreate or replace table site_x as\nwith a as (select 1) select * from a")).toEqual({
      name: "site_x",
      kind: "table",
      select: "with a as (select 1) select * from a",
    });
    expect(createdBy('create view "v" as select 1')).toEqual({
      name: "v",
      kind: "view",
      select: "select 1",
    });
    expect(createdBy("insert into t select 1")).toBeUndefined();
  });
});
