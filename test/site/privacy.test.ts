// Personal data in the exports never leaves them. The bundled sample's attendance.csv carries
// invented names, e-mail addresses and phone numbers (data/README.md); none of them may appear
// in any table of the database, any output file, or any file of the built site (dist/, which
// `npm run build` makes from the same sample first).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, type Database } from "../../src/db/duckdb.ts";
import { capture, refreshInto } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { ident, sql, type Sql } from "../../src/db/sql.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SAMPLE = join(root, "data", "exports");
const dist = join(root, "dist");

/** Every value of a table as text, one value a line. */
async function tableText(db: Database, from: Sql): Promise<string> {
  const found = await rows(db, sql`select * from ${from}`);
  return found.map((row) => Object.values(row).map(String).join("\n")).join("\n");
}

/** Every file under a folder, recursively. */
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The text of a file as a reader of it sees it: parquet through DuckDB, anything else as is. */
async function fileText(path: string): Promise<string> {
  if (!path.endsWith(".parquet")) return readFileSync(path, "latin1") + readFileSync(path, "utf8");
  const db = await openDatabase(":memory:");
  try {
    return await tableText(db, sql`read_parquet(${path})`);
  } finally {
    closeDatabase(db);
  }
}

describe("privacy: names, e-mail addresses and phone numbers of persons", () => {
  let leak: RegExp;
  let counts: Record<string, number>;

  beforeAll(() => {
    const text = readFileSync(join(SAMPLE, "attendance.csv"), "utf8");
    const table = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const values = (column: string) =>
      new Set(table.data.map((r) => r[column] ?? "").filter((v) => v !== ""));
    const names = values("naam_deelnemer");
    counts = {
      names: names.size,
      emails: values("email").size,
      phones: values("telefoon").size,
    };
    const escaped = [...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    // Any e-mail address or 06-number at all, and every person's name as exported.
    leak = new RegExp(`[^\\s",;]+@[a-z0-9.-]+\\.[a-z]{2,}|06-\\d{8}|${escaped.join("|")}`, "u");
  });

  it("are in the sample exports (so the checks below can fail)", () => {
    expect(counts.names).toBeGreaterThan(100);
    expect(counts.emails).toBeGreaterThan(1000);
    expect(counts.phones).toBeGreaterThan(1000);
    expect(readFileSync(join(SAMPLE, "attendance.csv"), "utf8")).toMatch(leak);
  });

  it("appear in no table of the database, no output file and not in the command's report", async () => {
    const out = join(tempDir(), "out");
    const effects = capture();
    expect((await refreshInto(SAMPLE, out, [], effects)).status).toBe(0);
    expect(readFileSync(join(out, "data_quality.csv"), "utf8")).toContain(
      "genegeerde kolommen: naam_deelnemer, email, telefoon",
    );
    expect(`${effects.out.join("\n")}\n${effects.err.join("\n")}`).not.toMatch(leak);
    const db = await openDatabase(`${out}.duckdb`);
    try {
      const tables = await rows<{ name: string }>(
        db,
        sql`select table_name as name from duckdb_tables() union all select view_name from duckdb_views() where not internal`,
      );
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(["raw_attendance", "attendance", "rejects"]),
      );
      for (const { name } of tables) {
        expect(await tableText(db, ident(name)), `table ${name}`).not.toMatch(leak);
      }
    } finally {
      closeDatabase(db);
    }
    const outputs = walk(out);
    expect(outputs.length).toBeGreaterThanOrEqual(33);
    for (const path of outputs) expect(await fileText(path), path).not.toMatch(leak);
  });

  it("appear in no file of the built site", async () => {
    const files = walk(dist);
    // Arrow IPC (docs/data/data_quality.arrow): its text cells are plain UTF-8 bytes in the file.
    const quality = files.find((f) => /data_quality\.[0-9a-f]+\.arrow$/.test(f));
    expect(quality, "dist/ built: run `npm run build` first").toBeDefined();
    // The site was built from the sample with the person columns (they are named, not shown).
    expect(readFileSync(quality!, "utf8")).toContain("naam_deelnemer, email, telefoon");
    for (const path of files) expect(await fileText(path), path).not.toMatch(leak);
  });
});
