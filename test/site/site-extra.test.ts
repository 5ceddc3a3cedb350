import { DuckDBInstance } from "@duckdb/node-api";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, inject, it } from "vitest";
import { TABLE_DESCRIPTIONS } from "../../loaders/dictionary.ts";
import {
  contractCsv,
  contractJson,
  dictionaryCsv,
  downloadsJson,
} from "../../loaders/site-extra.ts";
import { izaJson, linkRegion } from "../../loaders/iza-regions.ts";
import { DOWNLOADS_FOLDER } from "../../scripts/build/downloads.js";
import { files } from "../../src/contract/index.ts";
import { outputTables } from "../../src/output/tables.ts";

const reference = fileURLToPath(new URL("../../data/reference", import.meta.url));
const REGIOS = [
  { code: "ZK03", naam: "Apeldoorn/Zutphen" },
  { code: "ZK30", naam: "Zuidoost-Brabant" },
];

/** Parses an Excel-NL CSV (BOM, semicolon, CRLF) into its records. */
function parseDutch(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  const result = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe("linkRegion", () => {
  it("links a zorgkantoorregio code in any spelling, and a name in any case", () => {
    expect(linkRegion("ZK30", REGIOS)).toEqual({
      iza_region: "ZK30",
      code: "ZK30",
      naam: "Zuidoost-Brabant",
    });
    expect(linkRegion("zk 3", REGIOS).code).toBe("ZK03");
    expect(linkRegion(" zuidoost-brabant ", REGIOS)).toEqual({
      iza_region: " zuidoost-brabant ",
      code: "ZK30",
      naam: "Zuidoost-Brabant",
    });
  });

  it("keeps a region that is not a zorgkantoorregio as written", () => {
    expect(linkRegion("Regio De Peel", REGIOS)).toEqual({
      iza_region: "Regio De Peel",
      code: null,
      naam: "Regio De Peel",
    });
    expect(linkRegion("ZK99", REGIOS).code).toBeNull();
  });
});

describe("data dictionaries", () => {
  it("describe every column of every output table, and nothing else", () => {
    for (const table of outputTables) {
      const description = TABLE_DESCRIPTIONS[table.name];
      expect(description, table.name).toBeDefined();
      expect(Object.keys(description!.columns)).toEqual(table.columns.map((c) => c.name));
      for (const text of Object.values(description!.columns)) expect(text).not.toBe("");
    }
    expect(Object.keys(TABLE_DESCRIPTIONS).sort()).toEqual(outputTables.map((t) => t.name).sort());
  });

  it("write the output dictionary as Excel-NL CSV, one row per column", () => {
    const [header, ...rows] = parseDutch(dictionaryCsv());
    expect(header).toEqual(["tabel", "titel", "positie", "kolom", "type", "omschrijving"]);
    expect(rows).toHaveLength(outputTables.reduce((n, t) => n + t.columns.length, 0));
    expect(rows[0]).toEqual([
      "indicators",
      "Indicatoren",
      "1",
      "scope_type",
      "tekst",
      "soort bereik: netwerk, totaal of iza_regio",
    ]);
  });

  it("write the contract as Excel-NL CSV, one row per column of each export file", () => {
    const [header, ...rows] = parseDutch(contractCsv());
    expect(header?.slice(0, 3)).toEqual(["bestand", "nederlandse_naam", "kolom"]);
    expect(rows).toHaveLength(files.reduce((n, f) => n + f.columns.length, 0));
    const sector = rows.find((r) => r[0] === "members.csv" && r[2] === "sector");
    expect(sector?.[4]).toBe("keuzelijst");
    expect(sector?.[5]).toMatch(/^zorg, welzijn, onderwijs/);
    expect(sector?.[6]).toBe("ja");
  });

  it("give the contract as JSON with Dutch type names and the vocabularies", () => {
    const json = JSON.parse(contractJson());
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(files.map((f) => f.file));
    const joined = json.files[0].columns.find((c: { name: string }) => c.name === "joined_on");
    expect(joined).toMatchObject({ type: "date", type_nl: "datum", required: true });
    expect(joined.aliases).toEqual(["lid_sinds", "startdatum"]);
    expect(json.vocabularies.map((v: { name: string }) => v.name)).toContain("sector");
  });
});

describe("downloadsJson", () => {
  it(
    "lists every output table with its rows, columns and the sizes of its three files",
    { timeout: 120_000 },
    async () => {
      // The rows are counted in the refresh's database, the sizes are the output files': the
      // sample's refresh that every test shares (test/global-setup.ts), its database read-only
      // and its outputs copied, as this test changes them.
      const sample = inject("sample")["2026-09-30"];
      const dir = join(mkdtempSync(join(tmpdir(), "regiomonitor-downloads-")), "out");
      cpSync(sample.out, dir, { recursive: true });
      const db = sample.db;
      rmSync(join(dir, "regiomonitor.xlsx"));
      for (const table of outputTables) writeFileSync(join(dir, `${table.name}.parquet`), "PAR1");
      const json = JSON.parse(await downloadsJson(dir, db));
      expect(json.tables.map((t: { name: string }) => t.name)).toEqual(
        outputTables.map((t) => t.name),
      );
      const rejects = json.tables.find((t: { name: string }) => t.name === "rejects");
      expect(rejects.rows).toBe(16); // 8 in the six exports, 8 in the survey (data/README.md)
      expect(rejects.sizes.parquet).toBe(4);
      expect(rejects.sizes.nl_csv).toBeGreaterThan(rejects.sizes.csv - 100);
      expect(rejects.columns[1]).toEqual({
        name: "line",
        type_nl: "geheel getal",
        description: "regelnummer in het bestand (de kopregel is regel 1)",
      });
      expect(json.refreshed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(json.workbook).toBeNull();
      expect(json.base).toBe(`./${DOWNLOADS_FOLDER}/`);
      writeFileSync(join(dir, "regiomonitor.xlsx"), "PK\u0003\u0004");
      expect(JSON.parse(await downloadsJson(dir, db)).workbook).toEqual({
        name: "regiomonitor.xlsx",
        size: 4,
      });
    },
  );

  it("fails when a file is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regiomonitor-downloads-"));
    await expect(downloadsJson(dir)).rejects.toThrow(/ENOENT/);
  });
});

describe("izaJson", () => {
  it("reads the milestones and the peildatum from the database and links their regions", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "regiomonitor-iza-")), "monitor.duckdb");
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(`
      create table load_info (key varchar, value varchar);
      insert into load_info values ('as_of', '2026-11-23');
      create table milestones (milestone_id varchar, iza_region varchar, iza_theme varchar,
        title varchar, project_id varchar, due_on date, completed_on date, cancelled boolean);
      insert into milestones values
        ('MP-2', 'ZK30', 'Passende zorg', 'Plan "A"', null, '2025-01-31', null, null),
        ('MP-1', 'Regio De Peel', 'Passende zorg', 'Plan B', 'PRJ-1', '2024-06-30',
         '2024-05-01', false);`);
    connection.closeSync();
    instance.closeSync();
    const json = JSON.parse(await izaJson(path, reference));
    expect(json.peildatum).toBe("2026-11-23");
    expect(json.milestones).toEqual([
      {
        milestone_id: "MP-1",
        iza_region: "Regio De Peel",
        iza_theme: "Passende zorg",
        title: "Plan B",
        project_id: "PRJ-1",
        due_on: "2024-06-30",
        completed_on: "2024-05-01",
        cancelled: false,
      },
      {
        milestone_id: "MP-2",
        iza_region: "ZK30",
        iza_theme: "Passende zorg",
        title: 'Plan "A"',
        project_id: null,
        due_on: "2025-01-31",
        completed_on: null,
        cancelled: false,
      },
    ]);
    expect(json.regions).toEqual([
      { iza_region: "Regio De Peel", code: null, naam: "Regio De Peel" },
      { iza_region: "ZK30", code: "ZK30", naam: "Zuidoost-Brabant" },
    ]);
    expect(json.zorgkantoorregios).toHaveLength(31);
  });
});
