import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { closeDatabase, openDatabase } from "../../src/db/duckdb.ts";
import { readText } from "../../src/output/csv.ts";
import { outputTables, type OutputTable } from "../../src/output/tables.ts";
import { sheetTitle } from "../../src/output/workbook/formats.ts";
import { WORKBOOK_FILE, writeWorkbook } from "../../src/output/workbook/index.ts";
import { dutchDate } from "../../src/output/workbook/notes.ts";
import { dosDateTime } from "../../src/output/workbook/zip-dates.ts";
import { refreshInto } from "../cli/cli-helpers.ts";
import { tempDir, writeExports } from "../helpers.ts";
import { HOSTILE_PROJECT, hostileExports } from "./hostile-fixtures.ts";

const AS_OF = "2026-09-30";
const PROJECT = HOSTILE_PROJECT;

/** Exports with formula-looking names (as test/output/hostile.test.ts) and one rejected row. */
const HOSTILE = hostileExports("Zorg Oost", "+31 6 1234 5678");

async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The plain CSV output of a table as rows of cells (header included). */
function csvRows(out: string, name: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(join(out, `${name}.csv`), "utf8"), {
    delimiter: ",",
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The value a workbook cell must hold for a CSV cell of a column type. */
function expected(csv: string, type: OutputTable["columns"][number]["type"]): unknown {
  if (csv === "") return null;
  switch (type) {
    case "integer":
    case "number":
      return Number(csv);
    case "date":
      return new Date(`${csv}T00:00:00Z`);
    case "boolean":
      return csv === "true";
    case "text":
      return readText(csv);
  }
}

/** Every data row of the sheets of a table, read back as plain values (empty cells null). */
function sheetRows(workbook: ExcelJS.Workbook, names: string[], columns: number): unknown[][] {
  const result: unknown[][] = [];
  for (const name of names) {
    const sheet = workbook.getWorksheet(name);
    expect(sheet, name).toBeDefined();
    sheet!.eachRow((row, n) => {
      if (n === 1) return;
      result.push(
        Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value ?? null),
      );
    });
  }
  return result;
}

/** Checks every value of every table sheet against the CSV output, and the cell types. */
function expectSameAsCsv(workbook: ExcelJS.Workbook, out: string, perTable = (t: OutputTable) => [sheetTitle(t)]) {
  let cells = 0;
  for (const table of outputTables) {
    const [header, ...data] = csvRows(out, table.name);
    const names = perTable(table);
    expect(workbook.getWorksheet(names[0]!)!.getRow(1).values).toEqual([undefined, ...header!]);
    const values = sheetRows(workbook, names, table.columns.length);
    expect(values.length, table.name).toBe(data.length);
    data.forEach((row, r) =>
      row.forEach((csv, c) => {
        expect(values[r]![c], `${table.name} rij ${r + 2} kolom ${header![c]}`).toEqual(
          expected(csv, table.columns[c]!.type),
        );
        cells++;
      }),
    );
  }
  return cells;
}

describe("the workbook of the sample (regiomonitor.xlsx)", () => {
  let out: string;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    // The sample refreshed once for every test that reads it (test/global-setup.ts).
    out = inject("sample")[AS_OF].out;
    workbook = await readWorkbook(join(out, WORKBOOK_FILE));
  }, 120_000);

  it("has Toelichting first, a sheet per table with its Dutch title, and the dictionary last", () => {
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual([
      "Toelichting",
      "Indicatoren",
      "Indicatorcatalogus",
      "Leden per sector",
      "Projecten",
      "Financiering per bron",
      "Bijeenkomsten",
      "Activiteit van leden",
      "IZA-voortgang",
      "Enquêtefactoren",
      "Signalen",
      "Samenvattingen",
      "Datakwaliteit",
      "Afgewezen rijen",
      "Wijzigingen",
      "Woordenboek",
    ]);
  });

  it("leaves room in every table's sheet title for a split's number: \"Titel (99)\" fits 31 characters", () => {
    const tooLong = outputTables.map(sheetTitle).filter((t) => `${t} (99)`.length > 31);
    expect(tooLong).toEqual([]);
  });

  it("holds every value of every CSV output, in the same order", () => {
    expect(expectSameAsCsv(workbook, out)).toBeGreaterThan(10_000);
  });

  it("types the cells: numbers, dates shown dd-mm-jjjj, shares and euros formatted", () => {
    const projects = workbook.getWorksheet("Projecten")!;
    const header = (projects.getRow(1).values as string[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const row = projects.getRow(2);
    expect(row.getCell(at("start_on")).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(at("start_on")).numFmt).toBe("dd-mm-yyyy");
    expect(row.getCell(at("partners")).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(at("project_name")).type).toBe(ExcelJS.ValueType.String);
    let shares = 0;
    projects.eachRow((r, n) => {
      if (n === 1) return;
      const share = r.getCell(at("structural_share"));
      if (share.value === null) return;
      expect(share.type).toBe(ExcelJS.ValueType.Number);
      expect(share.numFmt).toBe("0.0%");
      expect(r.getCell(at("funding_total_eur")).numFmt).toContain("€");
      expect(r.getCell(at("funded_until_year")).numFmt).toBe("0");
      shares++;
    });
    expect(shares).toBeGreaterThan(10);
  });

  it("formats indicators.value by the catalog's unit of each row", () => {
    const units = new Map<string, string>();
    workbook.getWorksheet("Indicatorcatalogus")!.eachRow((r, n) => {
      if (n > 1) units.set(String(r.getCell(1).value), String(r.getCell(5).value));
    });
    const formats: Record<string, Set<string>> = {};
    workbook.getWorksheet("Indicatoren")!.eachRow((r, n) => {
      const value = r.getCell(5);
      if (n === 1 || value.value === null) return;
      expect(value.type).toBe(ExcelJS.ValueType.Number);
      (formats[units.get(String(r.getCell(3).value))!] ??= new Set()).add(value.numFmt);
    });
    expect(formats["aandeel"]).toEqual(new Set(["0.0%"]));
    expect(formats["aantal"]).toEqual(new Set(["#,##0"]));
    expect([...formats["euro"]!][0]).toContain("€");
  });

  it("has on every data sheet a bold, frozen header row, column widths and an autofilter", () => {
    for (const sheet of workbook.worksheets.slice(1)) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      // width 9 is the default, which the sheet leaves out (an empty table's short header)
      expect(sheet.getColumn(1).width ?? 9, sheet.name).toBeGreaterThanOrEqual(8);
    }
  });

  it("explains the peildatum, every sheet and the rules in Toelichting", () => {
    const text: string[] = [];
    workbook.getWorksheet("Toelichting")!.eachRow((r) =>
      r.eachCell((c) => text.push(String(c.value))),
    );
    const all = text.join("\n");
    expect(all).toContain("30-09-2026");
    // The refresh date: the run's, fixed by REGIOMONITOR_TODAY (test/global-setup.ts).
    const today = process.env.REGIOMONITOR_TODAY;
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text[text.indexOf("Ververst op") + 1]).toBe(dutchDate(today!));
    for (const sheet of workbook.worksheets.slice(1)) expect(text).toContain(sheet.name);
    expect(all).toMatch(/minder dan 5 respondenten/);
    expect(all).toMatch(/persoonsgegevens/);
  });

  it("describes every column in Woordenboek", () => {
    const rows = workbook.getWorksheet("Woordenboek")!.rowCount - 1;
    expect(rows).toBe(outputTables.reduce((n, t) => n + t.columns.length, 0));
  });

  it("splits a table over numbered sheets when it exceeds the rows per sheet, and says so", async () => {
    const db = await openDatabase(`${out}.duckdb`, { readOnly: true });
    const path = join(tempDir(), WORKBOOK_FILE);
    try {
      const summary = await writeWorkbook(db, path, {
        asOf: AS_OF,
        refreshedOn: "2026-10-01",
        rowsPerSheet: 200,
      });
      expect(summary.sheets.map((s) => s.name)).toContain("Indicatoren (11)");
    } finally {
      closeDatabase(db);
    }
    const split = await readWorkbook(path);
    const counts = new Map<string, number>();
    const names = (t: OutputTable) => {
      const title = sheetTitle(t);
      const found = split.worksheets.map((s) => s.name).filter((n) => n === title || n.startsWith(`${title} (`));
      counts.set(t.name, found.length);
      return found;
    };
    expectSameAsCsv(split, out, names);
    expect(counts.get("events")).toBe(2);
    expect(counts.get("projects")).toBe(1);
    for (const sheet of split.worksheets.slice(1, -1)) expect(sheet.rowCount).toBeLessThanOrEqual(201);
    const notes: string[] = [];
    split.getWorksheet("Toelichting")!.eachRow((r) => notes.push(String(r.getCell(1).value)));
    expect(notes.join("\n")).toMatch(/De tabel events \(\d+ rijen\) past niet op één tabblad/);
  });
});

describe("text that looks like a formula, and byte-stable workbooks", () => {
  it("stores formula-looking names as text cells, never as formulas", async () => {
    const out = join(tempDir(), "out");
    expect((await refreshInto(writeExports(HOSTILE), out)).status).toBe(0);
    const workbook = await readWorkbook(join(out, WORKBOOK_FILE));
    const strings = new Map<string, ExcelJS.ValueType>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${sheet.name}!${cell.address}`).toBeUndefined();
          if (typeof cell.value === "string") strings.set(cell.value, cell.type);
        }),
      );
    }
    for (const text of [PROJECT, "@Zorggroep", "+31 6 1234 5678", "-Valpreventie", "=1+1"]) {
      expect(strings.get(text), text).toBe(ExcelJS.ValueType.String);
    }
    expectSameAsCsv(workbook, out);
  });

  it("gives byte-identical workbooks for two refreshes of the same data a second apart", async () => {
    const data = writeExports(HOSTILE);
    const first = join(tempDir(), "out");
    const second = join(tempDir(), "out");
    expect((await refreshInto(data, first)).status).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await refreshInto(data, second)).status).toBe(0);
    const a = readFileSync(join(first, WORKBOOK_FILE));
    const b = readFileSync(join(second, WORKBOOK_FILE));
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
    // The zip entries carry the peildatum (2024-06-30), not the time of writing.
    const stamp = dosDateTime("2024-06-30");
    expect(a.subarray(10, 14).equals(stamp)).toBe(true);
  }, 30_000);

  it("encodes the fixed date as a DOS date and time", () => {
    expect(dosDateTime("1980-01-01").toString("hex")).toBe("00002100");
    expect(dosDateTime("2024-06-30").readUInt16LE(2)).toBe((44 << 9) | (6 << 5) | 30);
  });
});
