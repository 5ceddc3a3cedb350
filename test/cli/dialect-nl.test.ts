import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { files } from "../../src/contract/index.ts";
import { closeDatabase, openDatabase, rows } from "../../src/db/duckdb.ts";
import { silentEffects } from "../../src/effects.ts";
import { tempDir } from "../helpers.ts";
import { ident, sql } from "../../src/db/sql.ts";

/** Every clean table of a refreshed database, plus rejects, as plain rows. */
async function tables(dbPath: string): Promise<Record<string, unknown[]>> {
  const db = await openDatabase(dbPath);
  try {
    const result: Record<string, unknown[]> = {};
    for (const spec of [...files.map((f) => f.key), "organisations"]) {
      result[spec] = await rows(db, sql`select * from ${ident(spec)} order by all`);
    }
    // Messages name the header as the file has it (lid_sinds vs joined_on): compare the rest.
    result.rejects = await rows(db, sql`select * exclude (message_nl) from rejects order by all`);
    return result;
  } finally {
    closeDatabase(db);
  }
}

describe("refresh on the Dutch-shaped sample", () => {
  it("gives the same clean tables and rejects as on the plain one", async () => {
    const dir = tempDir();
    const nl = join(dir, "nl");
    expect(
      await main(
        ["generate", "--scale", "regio", "--seed", "2026", "--dialect", "nl", "--out", nl],
        silentEffects,
      ),
    ).toBe(0);
    const run = async (data: string, name: string) => {
      const out = join(dir, name);
      const db = join(dir, `${name}.duckdb`);
      expect(
        await main(
          ["refresh", "--data", data, "--out", out, "--db", db, "--as-of", "2026-09-30"],
          silentEffects,
        ),
      ).toBe(0);
      return tables(db);
    };
    const plain = await run("data/exports", "plain");
    const dutch = await run(nl, "dutch");
    expect(plain.members!.length).toBeGreaterThan(100);
    expect(plain.attendance!.length).toBeGreaterThan(1000);
    // The eight flawed rows of the six exports and the eight of the survey (data/README.md).
    expect((plain.rejects as unknown[]).length).toBe(16);
    expect(dutch).toEqual(plain);
  }, 120_000);
});
