import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { files } from "../../src/contract/index.ts";
import { tempDir, writeExports } from "../helpers.ts";
import { query, refreshInto } from "./cli-helpers.ts";
import * as x from "./mapping-fixtures.ts";
import { toolFolder } from "./mapping-fixtures.ts";
import { ident, sql } from "../../src/db/sql.ts";

/** The same rows in the contract's shape. */
const contractFolder = () =>
  writeExports({
    "members.csv": x.CONTRACT_MEMBERS + x.CONTRACT_MEMBERS_FLAWED,
    "attendance.csv": x.CONTRACT_ATTENDANCE + x.CONTRACT_ATTENDANCE_FLAWED,
  });

/**
 * Every clean table, in file order. Attendance comes from one file in the contract's shape and
 * from two in the tool's: its rows are compared in order, without file_index and line.
 */
async function cleanTables(db: string): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of [...files.map((f) => f.key), "organisations"]) {
    const split = table === "attendance";
    const columns = split ? sql`* exclude (file_index, line)` : sql`*`;
    const order = split ? sql`file_index, line` : sql`all`;
    result[table] = await query(db, sql`select ${columns} from ${ident(table)} order by ${order}`);
  }
  result.rejects = await query(
    db,
    sql`select file, "column", reason, case when reason <> 'bad_row' then value end as value
     from rejects order by all`,
  );
  result.data_quality = await query(
    db,
    sql`select file, status, rows_read, rows_loaded, rows_rejected, warnings from data_quality order by file`,
  );
  return result;
}

/** The tool's exports refreshed once, for the tests that only read the result. */
let tool: ReturnType<typeof refreshTool> | undefined;

async function refreshTool() {
  const out = join(tempDir(), "out");
  return { out, ...(await refreshInto(toolFolder(), out)) };
}

describe("mapping.json: a CRM's and a registration tool's own exports", () => {
  it("give exactly the same clean tables, rejects and counts as the same rows in contract shape", async () => {
    const dir = tempDir();
    const contract = await refreshInto(contractFolder(), join(dir, "contract"));
    const { status, db } = await (tool ??= refreshTool());
    expect([contract.status, status]).toEqual([0, 0]);
    const expected = await cleanTables(contract.db);
    expect(expected.members).toHaveLength(6);
    expect(expected.attendance).toHaveLength(7);
    expect(expected.rejects).toHaveLength(6);
    expect(await cleanTables(db)).toEqual(expected);
  });

  it("names each reject's own file and line, and the file's own header, in the message", async () => {
    const { status, db } = await (tool ??= refreshTool());
    expect(status).toBe(0);
    const rejects = await query<{ file: string; line: number; message_nl: string }>(
      db,
      sql`select file, line, message_nl from rejects where file = 'attendance.csv' order by line`,
    );
    expect(rejects.map((r) => [r.file, r.line])).toEqual([
      ["attendance.csv", 5],
      ["attendance.csv", 6],
      ["attendance.csv", 7],
    ]);
    expect(rejects[0]!.message_nl).toBe(
      'deelnemers-export-2.csv regel 5: Kolom "Datum evenement": "31-02-2024 10:00" is geen geldige datum (gebruik bijv. 05-03-2024 of 2024-03-05).',
    );
    expect(rejects[1]!.message_nl).toContain(
      "Of neem de waarde op in mapping.json → attendance → values → person_role.",
    );
    const [duplicate] = await query<{ message_nl: string }>(
      db,
      sql`select message_nl from rejects where reason = 'duplicate_key'`,
    );
    expect(duplicate!.message_nl).toBe(
      "crm-relaties.csv regel 10: Dubbele sleutel (organisation_id, network, joined_on): alleen de eerste rij, op regel 2 van crm-relaties.csv, wordt geladen.",
    );
    const sources = await query(db, sql`select * from source_files order by file, file_index`);
    expect(sources).toEqual([
      { file: "attendance.csv", file_index: 0, name: "deelnemers-export-1.csv" },
      { file: "attendance.csv", file_index: 1, name: "deelnemers-export-2.csv" },
      { file: "members.csv", file_index: 0, name: "crm-relaties.csv" },
    ]);
    const [quality] = await query<{ note: string }>(
      db,
      sql`select note from data_quality where file = 'attendance.csv'`,
    );
    expect(quality!.note).toBe(
      "gelezen uit deelnemers-export-1.csv, deelnemers-export-2.csv; volgens mapping.json; tekenset UTF-8; scheidingsteken komma; genegeerde kolommen: Organisatie, Naam, E-mail",
    );
  });

  it("never loads a column the mapping does not use: no e-mail address in any table or output", async () => {
    const { status, db, out } = await (tool ??= refreshTool());
    expect(status).toBe(0);
    expect(x.EMAILS.length).toBeGreaterThan(10);
    const tables = await query<{ name: string }>(
      db,
      sql`select table_name as name from duckdb_tables()`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["raw_attendance", "rejects"]),
    );
    const json = (value: unknown) =>
      JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    const seen: string[] = [];
    for (const { name } of tables)
      seen.push(json(await query(db, sql`select * from ${ident(name)}`)));
    for (const file of readdirSync(out)) {
      const path = join(out, file);
      seen.push(
        file.endsWith(".parquet")
          ? json(await query(db, sql`select * from read_parquet(${path})`))
          : readFileSync(path, "latin1"),
      );
    }
    seen.push(readFileSync(db, "latin1"));
    const text = seen.join("\n");
    for (const email of x.EMAILS) expect(text).not.toContain(email);
    for (const name of ["Anna de Vries", "040-2581111"]) expect(text).not.toContain(name);
  });

  it("--mapping FILE replaces the folder's own mapping.json", async () => {
    const dir = tempDir();
    const data = toolFolder("{ dit is geen json");
    const good = join(dir, "mijn-mapping.json");
    writeFileSync(good, JSON.stringify(x.MAPPING));
    expect((await refreshInto(data, join(dir, "a"))).status).toBe(2);
    expect((await refreshInto(data, join(dir, "b"), ["--mapping", good])).status).toBe(0);
    const wrong = join(dir, "fout.json");
    writeFileSync(wrong, JSON.stringify({ ...x.MAPPING, leden: {} }));
    const { status, effects } = await refreshInto(toolFolder(), join(dir, "c"), [
      "--mapping",
      wrong,
    ]);
    expect(status).toBe(2);
    expect(effects.err.join("\n")).toContain("fout.json → leden: onbekend bestand");
  });
});
