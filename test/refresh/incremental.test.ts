import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputsOf, query, refreshJson, snapshot } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

const SAMPLE = join(import.meta.dirname, "..", "..", "data", "exports");

/** A copy of the bundled sample exports that a test may change. */
function sampleCopy(): string {
  const dir = join(tempDir(), "exports");
  cpSync(SAMPLE, dir, { recursive: true });
  return dir;
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
    const data = sampleCopy();
    const out = join(tempDir(), "out");
    await refreshJson(data, out);
    editFirstRow(join(data, "members.csv"), "Zorggroep", "Zorgcentrum");
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("incremental");
    expect(second.reloaded).toEqual(["members.csv"]);
    expect(second.reused).toContain("attendance.csv");
    const full = join(tempDir(), "full");
    expect((await refreshJson(data, full, ["--full"])).mode).toBe("full");
    expect(outputsOf(out)).toEqual(outputsOf(full));
    const tables = sql`select count(*) as n from members`;
    expect(await query(`${out}.duckdb`, tables)).toEqual(await query(`${full}.duckdb`, tables));
  });

  it("re-checks partners and funding against changed projects, and gives a full refresh's outputs", async () => {
    const data = sampleCopy();
    const out = join(tempDir(), "out");
    await refreshJson(data, out);
    const projects = join(data, "projects.csv");
    const lines = readFileSync(projects, "utf8").split("\n");
    // Drop the last project: its partner and funding rows become unknown_value rejects.
    writeFileSync(projects, [...lines.slice(0, -2), lines.at(-1)].join("\n"));
    const second = await refreshJson(data, out);
    expect(second.reloaded).toEqual(["projects.csv"]);
    const full = join(tempDir(), "full");
    await refreshJson(data, full, ["--full"]);
    expect(outputsOf(out)).toEqual(outputsOf(full));
  });

  it("recomputes when the peildatum changes, and --full reads everything", async () => {
    const data = sampleCopy();
    const out = join(tempDir(), "out");
    await refreshJson(data, out);
    const later = await refreshJson(data, out, ["--as-of", "2024-12-31"]);
    expect(later.mode).toBe("incremental");
    expect(later.reloaded).toEqual([]);
    const full = join(tempDir(), "full");
    await refreshJson(data, full, ["--as-of", "2024-12-31", "--full"]);
    expect(outputsOf(out)).toEqual(outputsOf(full));
    const forced = await refreshJson(data, out, ["--as-of", "2024-12-31", "--full"]);
    expect(forced.mode).toBe("full");
  });

  it("rewrites outputs that were deleted or changed even when the exports did not change", async () => {
    const data = sampleCopy();
    const out = join(tempDir(), "out");
    await refreshJson(data, out);
    const before = outputsOf(out);
    writeFileSync(join(out, "indicators.csv"), "kapot\n");
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("incremental");
    expect(outputsOf(out)).toEqual(before);
  });
});
