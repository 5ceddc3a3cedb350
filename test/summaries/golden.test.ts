import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { closeDatabase, openDatabase, rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";

// Golden texts of the sample's summaries (every network, IZA region and alle), Plot's way: a
// mismatch writes *-changed beside the golden file; UPDATE_GOLDEN=1 rewrites it locally, never
// in CI.
const GOLDEN = join(import.meta.dirname, "golden");
const update = process.env.UPDATE_GOLDEN === "1" && process.env.CI !== "true";

/** The summaries of a refresh as text: a heading per scope, its sentences numbered. */
async function summariesText(out: string): Promise<string> {
  const db = await openDatabase(":memory:");
  try {
    const found = await rows<{
      scope_type: string;
      scope: string;
      position: number;
      item: string;
      sentence: string;
    }>(
      db,
      sql`select scope_type, scope, position, indicator_or_signal as item, sentence_nl as sentence
        from read_parquet(${join(out, "summaries.parquet")}) order by scope_type, scope, position`,
    );
    let text = "";
    let last = "";
    for (const r of found) {
      const heading = `${r.scope_type} ${r.scope}`;
      if (heading !== last) text += `${text ? "\n" : ""}## ${heading}\n`;
      last = heading;
      text += `${r.position}. [${r.item}] ${r.sentence}\n`;
    }
    return text;
  } finally {
    closeDatabase(db);
  }
}

describe("golden texts of the sample's summaries", () => {
  it.each(["2024-02-29", "2026-09-30"] as const)("peildatum %s", async (asOf) => {
    const actual = await summariesText(inject("sample")[asOf].out);
    const golden = join(GOLDEN, `summaries-${asOf}.txt`);
    const changed = `${golden}-changed`;
    if (update) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, actual);
    }
    rmSync(changed, { force: true });
    const expected = existsSync(golden) ? readFileSync(golden, "utf8") : "";
    if (actual !== expected) writeFileSync(changed, actual);
    expect(actual === expected, `summaries-${asOf}.txt differs; see ${changed}`).toBe(true);
  });
});
