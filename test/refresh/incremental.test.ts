import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { outputsOf, query, refreshJson, snapshot } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { closeDatabase, openDatabase, rows, run } from "../../src/db/duckdb.ts";
import { ident, sql } from "../../src/db/sql.ts";

const SAMPLE = join(import.meta.dirname, "..", "..", "data", "exports");

/** A copy of the bundled sample exports that a test may change. */
function sampleCopy(): string {
  const dir = join(tempDir(), "exports");
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

/**
 * A copy of a refresh's output folder and database under `to`: a full refresh there compares
 * with the same previous refresh (the table changes) as the incremental one in `from`.
 */
function copyState(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  cpSync(`${from}.duckdb`, `${to}.duckdb`);
}

/**
 * A copy of the sample exports and, in `out`, of the shared full refresh of the sample at
 * 2024-06-30 (test/global-setup.ts): the state after a first refresh, without refreshing again.
 */
function refreshedCopy(): { data: string; out: string } {
  const data = sampleCopy();
  const out = join(tempDir(), "out");
  copyState(inject("sample")["2024-06-30"].out, out);
  return { data, out };
}

/** The site marts (site_* tables) whose rows differ between two databases, by name. */
async function martDifferences(a: string, b: string): Promise<string[]> {
  const db = await openDatabase(a, { readOnly: true });
  try {
    await run(db, sql`attach ${b} as other (read_only)`);
    const marts = await rows<{ name: string }>(
      db,
      sql`select table_name as name from duckdb_tables()
        where database_name = current_database() and table_name like 'site\_%' escape '\'
        order by name`,
    );
    expect(marts.length).toBeGreaterThan(10);
    const differing: string[] = [];
    for (const { name } of marts) {
      const here = sql`main.${ident(name)}`;
      const there = sql`other.main.${ident(name)}`;
      const [row] = await rows<{ n: bigint }>(
        db,
        sql`select count(*) as n from ((select * from ${here} except all select * from ${there})
          union all (select * from ${there} except all select * from ${here}))`,
      );
      if (Number(row!.n) > 0) differing.push(name);
    }
    return differing;
  } finally {
    closeDatabase(db);
  }
}

/** Changes one row of an export in place (its first data row's second field). */
function editFirstRow(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("incremental refresh", () => {
  it("leaves the database and outputs byte-identical when nothing changed, and says so", async () => {
    const data = sampleCopy();
    const out = join(tempDir(), "out");
    expect((await refreshJson(data, out)).mode).toBe("full");
    const before = snapshot(out, `${out}.duckdb`);
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("unchanged");
    expect(second.reloaded).toEqual([]);
    expect(snapshot(out, `${out}.duckdb`)).toEqual(before);
  });

  it("after one changed export reloads only that one, with outputs identical to a full refresh", async () => {
    const { data, out } = refreshedCopy();
    const full = join(tempDir(), "full");
    copyState(out, full);
    editFirstRow(join(data, "members.csv"), "Zorggroep", "Zorgcentrum");
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("incremental");
    expect(second.reloaded).toEqual(["members.csv"]);
    expect(second.reused).toContain("attendance.csv");
    // The tables over unchanged exports alone, with their files and workbook sheets.
    expect(second.kept_tables).toEqual([
      "active_projects",
      "engagement_reduced",
      "funding_values",
      "funding_by_source",
      "events",
      "iza_progress",
    ]);
    // Their files, and those of the tables computed again with the previous rows, are copied:
    // all but member_activity (the organisation's name), the comparison and the catalog.
    expect(second.copied_outputs).toEqual([
      "indicators",
      "members_by_sector",
      "projects",
      "funding_by_source",
      "events",
      "iza_progress",
      "survey_factors",
      "signals",
      "summaries",
      "data_quality",
      "rejects",
    ]);
    expect(readFileSync(join(out, "changes.csv"), "utf8")).toMatch(
      /^export,members\.csv,,,,gewijzigd,,0,0,1,/m,
    );
    // The site marts whose inputs kept their rows are copied too; the others are computed.
    expect(second.kept_marts).toContain("site_project_lists");
    expect(second.kept_marts).not.toContain("site_graph_nodes");
    expect((await refreshJson(data, full, ["--full"])).mode).toBe("full");
    expect(outputsOf(out)).toEqual(outputsOf(full));
    expect(await martDifferences(`${out}.duckdb`, `${full}.duckdb`)).toEqual([]);
    const tables = sql`select count(*) as n from members`;
    expect(await query(`${out}.duckdb`, tables)).toEqual(await query(`${full}.duckdb`, tables));
  });

  it("re-checks partners and funding against changed projects, and gives a full refresh's outputs", async () => {
    const { data, out } = refreshedCopy();
    const full = join(tempDir(), "full");
    copyState(out, full);
    const projects = join(data, "projects.csv");
    const lines = readFileSync(projects, "utf8").split("\n");
    // Drop the last project: its partner and funding rows become unknown_value rejects.
    writeFileSync(projects, [...lines.slice(0, -2), lines.at(-1)].join("\n"));
    const second = await refreshJson(data, out);
    expect(second.reloaded).toEqual(["projects.csv"]);
    // funding_by_source reads projects (and funding, checked again): computed anew.
    expect(second.kept_tables).toEqual(["engagement_reduced", "events", "iza_progress"]);
    await refreshJson(data, full, ["--full"]);
    expect(outputsOf(out)).toEqual(outputsOf(full));
  });

  it("recomputes when the peildatum changes, and --full reads everything", async () => {
    const { data, out } = refreshedCopy();
    const full = join(tempDir(), "full");
    copyState(out, full);
    const later = await refreshJson(data, out, ["--as-of", "2024-12-31"]);
    expect(later.mode).toBe("incremental");
    expect(later.reloaded).toEqual([]);
    expect(later.kept_tables).toEqual([]);
    await refreshJson(data, full, ["--as-of", "2024-12-31", "--full"]);
    expect(outputsOf(out)).toEqual(outputsOf(full));
    const forced = await refreshJson(data, out, ["--as-of", "2024-12-31", "--full"]);
    expect(forced.mode).toBe("full");
  });

  it("writes a kept table's files and sheets anew when the previous ones are not as written", async () => {
    const { data, out } = refreshedCopy();
    const full = join(tempDir(), "full");
    copyState(out, full);
    writeFileSync(join(out, "events.csv"), "kapot\n");
    // The workbook at its size, but with other bytes in the events sheet: it fails its CRC check.
    const [info] = await query<{ value: string }>(
      `${out}.duckdb`,
      sql`select value from load_info where key = 'workbook_sheets'`,
    );
    const sheet = (JSON.parse(info!.value) as string[]).indexOf("Bijeenkomsten") + 1;
    expect(sheet).toBeGreaterThan(1);
    const book = join(out, "regiomonitor.xlsx");
    const bytes = readFileSync(book);
    const name = `xl/worksheets/sheet${sheet}.xml`;
    // The first occurrence is the local header; the deflated data follows the name.
    const start = bytes.indexOf(name) + name.length;
    bytes.fill(0x55, start + 100, start + 164);
    writeFileSync(book, bytes);
    editFirstRow(join(data, "members.csv"), "Zorggroep", "Zorgcentrum");
    const second = await refreshJson(data, out);
    expect(second.kept_tables).toContain("events");
    await refreshJson(data, full, ["--full"]);
    expect(outputsOf(out)).toEqual(outputsOf(full));
  });

  it("rewrites outputs that were deleted or changed even when the exports did not change", async () => {
    const { data, out } = refreshedCopy();
    const before = outputsOf(out);
    writeFileSync(join(out, "indicators.csv"), "kapot\n");
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("incremental");
    // All the same but the comparison: the first refresh had none, this one has one (no changes),
    // and so has the workbook, which holds every table.
    const compared = (files: Record<string, string>) =>
      Object.entries(files).filter(([name]) => !/^changes\.|\.xlsx$/.test(name));
    expect(compared(outputsOf(out))).toEqual(compared(before));
    expect(outputsOf(out)["changes.csv"]).not.toEqual(before["changes.csv"]);
    const changes = readFileSync(join(out, "changes.csv"), "utf8");
    expect(changes).toMatch(/^export,members\.csv,,,,ongewijzigd,,0,0,0,/m);
    expect(changes).not.toMatch(/^(indicator|signaal),/m);
  });
});
