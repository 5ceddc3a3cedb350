import { describe, expect, it } from "vitest";
import { rows, type Database } from "../../src/db/duckdb.ts";
import { ident, sql } from "../../src/db/sql.ts";
import { cellText, numberText } from "../../src/ingest/xlsx/cells.ts";
import ExcelJS from "exceljs";
import { parseMapping } from "../../src/ingest/mapping/index.ts";
import { load, MEMBERS, rejectsOf, writeExports } from "../helpers.ts";
import { csvFolder, workbookFolder, writeWorkbook } from "./xlsx-fixtures.ts";

async function cleanRows(db: Database) {
  const result: Record<string, unknown[]> = {};
  for (const table of ["members", "projects", "funding", "organisations"]) {
    result[table] = await rows(db, sql`select * from ${ident(table)} order by all`);
  }
  result.rejects = await rows(
    db,
    sql`select * exclude (message_nl) from rejects order by file, line`,
  );
  result.counts = await rows(
    db,
    sql`select file, status, rows_read, rows_loaded, rows_rejected from data_quality order by file`,
  );
  return result;
}

describe("cell values as text", () => {
  it("takes cell types as they are", () => {
    expect(cellText(new Date(Date.UTC(2024, 2, 5)), "dd-mm-yyyy", false)).toBe("2024-03-05");
    expect(cellText(new Date(Date.UTC(2024, 2, 5, 14, 30)), undefined, false)).toBe(
      "2024-03-05 14:30",
    );
    expect(cellText(45356, "d-m-yyyy", false)).toBe("2024-03-05");
    expect(cellText(1234.5, "#,##0.00", false)).toBe("1234.5");
    expect(cellText(true, undefined, false)).toBe("WAAR");
    expect(cellText({ formula: "A1*2", result: 2469 }, undefined, false)).toBe("2469");
    expect(cellText({ formula: "A1/0", result: Number.NaN }, undefined, false)).toBe("#FOUT");
    expect(cellText({ formula: "A1" }, undefined, false)).toBe("");
    expect(cellText({ richText: [{ text: "Zorg" }, { text: "groep" }] }, undefined, false)).toBe(
      "Zorggroep",
    );
    expect(cellText({ error: "#N/A" }, undefined, false)).toBe("#N/A");
    expect(cellText("1.234,50", undefined, false)).toBe("1.234,50");
  });

  it("writes numbers so that the number rule reads them back", () => {
    expect(numberText(1234.567)).toBe("1234.5670");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(-12)).toBe("-12");
    expect(numberText(1e-7)).toBe("0.0000001");
    expect(numberText(2 ** 70)).toBe("1180591620717410000000");
  });
});

describe("workbooks (.xlsx) in the exports folder", () => {
  it("load to the same clean rows and rejects as the same rows in CSV", async () => {
    const csv = await load(csvFolder());
    const workbook = await load(await workbookFolder());
    const expected = await cleanRows(csv.db);
    expect(expected.members).toHaveLength(3);
    expect(expected.funding).toHaveLength(4);
    expect(await cleanRows(workbook.db)).toEqual(expected);
  });

  it("names the Excel row and sheet in every reject", async () => {
    const { db, result } = await load(await workbookFolder());
    const rejects = await rejectsOf(db);
    expect(rejects.map((r) => [r.file, r.line, r.column, r.value, r.reason])).toEqual([
      ["funding.csv", 6, "funding_id", "F1", "duplicate_key"],
      ["funding.csv", 8, "project_id", "", "missing_value"],
      ["members.csv", 6, "joined_on", "31-02-2023", "invalid_date"],
      ["members.csv", 7, "organisation_name", "", "missing_value"],
      ["members.csv", 9, "organisation_name", "", "missing_value"],
    ]);
    expect(rejects.map((r) => r.message_nl)).toEqual([
      "financiering.xlsx rij 6 van blad Financiering: Dubbele sleutel (funding_id): alleen de eerste rij, op rij 2 van blad Financiering van financiering.xlsx, wordt geladen.",
      expect.stringMatching(/^financiering\.xlsx rij 8 van blad Financiering: Kolom /),
      expect.stringMatching(/^Leden\.XLSX rij 6 van blad Leden: Kolom "lid_sinds": "31-02-2023"/),
      expect.stringMatching(/^Leden\.XLSX rij 7 van blad Leden: /),
      expect.stringMatching(/^Leden\.XLSX rij 9 van blad Leden: /),
    ]);
    const notes = Object.fromEntries(result.quality.map((q) => [q.file, q.note]));
    expect(notes["members.csv"]).toContain("gelezen uit Leden.XLSX; werkmap, blad Leden");
    expect(notes["members.csv"]).toContain("genegeerde kolommen: (kolom 3 zonder naam)");
    expect(notes["funding.csv"]).toContain("volgens mapping.json; werkmap, blad Financiering");
    const funding = result.reads.get([...result.reads.keys()].find((s) => s.key === "funding")!)!;
    expect(funding.map((r) => [r.name, r.sheet, r.rowsRead])).toEqual([
      ["financiering.xlsx", "Financiering", 6],
    ]);
  });
});

describe("workbooks and CSV files in one export", () => {
  it("read a mapping's glob across both, naming each file's line or row", async () => {
    const header = "event_id,event_date,organisation_id,attended";
    const dir = writeExports({
      "members.csv": MEMBERS,
      "mapping.json": JSON.stringify({ attendance: { file: "deelnemers-*" } }),
      "deelnemers-1.csv": `${header}\nEV1,2024-01-05,O1,ja\nEV1,31-02-2024,O2,ja\n`,
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Export");
    sheet.addRow(header.split(","));
    sheet.addRow(["EV2", new Date(Date.UTC(2024, 1, 7)), "O1", true, "notitie rechts van de kop"]);
    sheet.addRow(header.split(","));
    sheet.addRow(["EV2", "geen datum", "O2", false]);
    await writeWorkbook(dir, "deelnemers-2.xlsx", workbook);
    const { db, result } = await load(dir);
    const attendance = await rows(
      db,
      sql`select file_index, line, event_id, event_date::varchar as d, attended from attendance order by all`,
    );
    expect(attendance).toEqual([
      { file_index: 0, line: 2, event_id: "EV1", d: "2024-01-05", attended: true },
      { file_index: 1, line: 2, event_id: "EV2", d: "2024-02-07", attended: true },
    ]);
    const rejects = await rejectsOf(db, "attendance.csv");
    const found = rejects.map((r) => [r.line, r.reason, r.message_nl.split(":")[0]]);
    expect(found.sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      [3, "bad_row", "deelnemers-2.xlsx rij 3 van blad Export"],
      [3, "invalid_date", "deelnemers-1.csv regel 3"],
      [4, "invalid_date", "deelnemers-2.xlsx rij 4 van blad Export"],
    ]);
    const quality = result.quality.find((q) => q.file === "attendance.csv")!;
    expect([quality.rows_read, quality.rows_loaded, quality.rows_rejected]).toEqual([5, 2, 3]);
    expect(quality.note).toContain("deelnemers-2.xlsx: werkmap, blad Export");
  });

  it("checks the mapping's sheet key", () => {
    const parsed = parseMapping(JSON.stringify({ funding: { sheet: "" } }), "mapping.json");
    expect(parsed.problems).toEqual([
      {
        file: "mapping.json → funding → sheet",
        message_nl: 'verwacht de naam van een blad in de werkmap, zoals "Financiering"',
      },
    ]);
    const ok = parseMapping(JSON.stringify({ funding: { sheet: " Blad 2 " } }), "mapping.json");
    expect(ok.mapping!.entries.get("funding")!.sheet).toBe("Blad 2");
  });
});
