import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { sql } from "../../src/db/sql.ts";
import { tempDir, writeExports } from "../helpers.ts";
import {
  fundingWorkbook,
  membersWorkbook,
  odsBytes,
  PROJECTS,
  SHEET_MAPPING,
  workbookFolder,
  writeWorkbook,
  xlsBytes,
  FUNDING_CSV,
  MEMBERS_CSV,
} from "../ingest/xlsx-fixtures.ts";
import { capture, outputsOf, query, refreshJson, snapshot } from "./cli-helpers.ts";

describe("refresh with workbooks (.xlsx)", () => {
  it("reuses an unchanged workbook and reads a changed one again, as a full refresh would", async () => {
    const data = await workbookFolder();
    const out = join(tempDir(), "out");
    expect((await refreshJson(data, out)).mode).toBe("full");
    // The full refresh starts from the same previous refresh, so that its comparison with it
    // (the table changes) is the incremental one's.
    const full = join(tempDir(), "full");
    cpSync(out, full, { recursive: true });
    cpSync(`${out}.duckdb`, `${full}.duckdb`);
    const changed = fundingWorkbook();
    changed.getWorksheet("Financiering")!.getCell("E2").value = 1500;
    await writeWorkbook(data, "financiering.xlsx", changed);
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("incremental");
    expect(second.reloaded).toEqual(["funding.csv"]);
    expect(second.reused).toContain("members.csv");
    expect(readFileSync(join(out, "changes.csv"), "utf8")).toMatch(
      /^export,funding\.csv,,,,gewijzigd,,0,0,1,/m,
    );
    expect((await refreshJson(data, full, ["--full"])).mode).toBe("full");
    expect(outputsOf(out)).toEqual(outputsOf(full));
    const quality = await query<{ file: string; note: string; rows_read: number }>(
      `${out}.duckdb`,
      sql`select file, note, rows_read from data_quality where file = 'members.csv'`,
    );
    expect(quality).toEqual([
      {
        file: "members.csv",
        note: "gelezen uit Leden.XLSX; werkmap, blad Leden; genegeerde kolommen: (kolom 3 zonder naam)",
        rows_read: 6,
      },
    ]);
    const amounts = await query<{ amount_eur: number }>(
      `${out}.duckdb`,
      sql`select amount_eur from funding where funding_id = 'F1'`,
    );
    expect(amounts).toEqual([{ amount_eur: 1500 }]);
  }, 60_000);

  it("stops with exit 2 on an unusable workbook and leaves the previous outputs byte-identical", async () => {
    const good = await workbookFolder();
    const out = join(tempDir(), "out");
    const db = `${out}.duckdb`;
    const run = (data: string, effects = capture()) =>
      main(["refresh", "--data", data, "--out", out, "--db", db], effects);
    expect(await run(good)).toBe(0);
    const before = snapshot(out, db);

    const members = join(tempDir(), "leden.xlsx");
    await membersWorkbook().xlsx.writeFile(members);
    const whole = readFileSync(members);
    const base = { "projects.csv": PROJECTS };
    const cases: [string, () => Promise<string>, string[]][] = [
      [
        "both funding.csv and financiering.xlsx",
        async () => {
          const dir = writeExports({
            ...base,
            "members.csv": MEMBERS_CSV,
            "funding.csv": FUNDING_CSV,
          });
          await writeWorkbook(dir, "financiering.xlsx", fundingWorkbook());
          return dir;
        },
        ["twee bestanden voor funding.csv: financiering.xlsx en funding.csv; laat er één staan"],
      ],
      [
        "old .xls",
        async () => writeExports({ ...base, "leden.xls": xlsBytes() }),
        [
          "leden.xls: dit is een oud Excel-bestand (.xls, Excel 97-2003)",
          "sla het bestand op als .xlsx (Excel-werkmap) of CSV",
        ],
      ],
      [
        ".ods",
        async () => writeExports({ ...base, "Leden.ods": odsBytes() }),
        ["Leden.ods: dit is een OpenDocument-rekenblad (.ods", "sla het bestand op als .xlsx"],
      ],
      [
        "password-protected",
        async () => writeExports({ ...base, "leden.xlsx": xlsBytes(true) }),
        ["leden.xlsx: de werkmap is met een wachtwoord beveiligd", "of CSV"],
      ],
      [
        "damaged",
        async () => writeExports({ ...base, "leden.xlsx": whole.subarray(0, whole.length >> 1) }),
        ["leden.xlsx: de werkmap is beschadigd of geen echte Excel-werkmap", "of CSV"],
      ],
      [
        "a sheet the workbook lacks",
        async () => {
          const dir = writeExports({
            ...base,
            "leden.xlsx": whole,
            "mapping.json": SHEET_MAPPING.replace("Financiering", "Blad9"),
          });
          await writeWorkbook(dir, "financiering.xlsx", fundingWorkbook());
          return dir;
        },
        [
          'mapping.json → funding → sheet: het blad "Blad9" staat niet in financiering.xlsx (bladen: Toelichting, Financiering)',
        ],
      ],
    ];
    for (const [name, folder, messages] of cases) {
      const effects = capture();
      expect(await run(await folder(), effects), name).toBe(2);
      const text = effects.err.join("\n");
      for (const message of messages) expect(text, name).toContain(message);
      expect(text, name).toContain("de vorige database en uitvoer zijn ongewijzigd");
      expect(snapshot(out, db), name).toEqual(before);
    }
  }, 60_000);
});
