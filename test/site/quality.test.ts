import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseQualityCsv, parseTableCsv, qualityJson } from "../../loaders/site.ts";
import { formatText } from "../../src/output/csv.ts";
import { rejectsTable } from "../../src/output/tables.ts";

const HEADER = "file,status,rows_read,rows_loaded,rows_rejected,warnings,note";

describe("parseQualityCsv", () => {
  it("reads counts as numbers, empty cells as null, quoted notes as written", () => {
    const text = `${HEADER}\r\nmembers.csv,ok,153,151,2,1,"a ""b"", c\nd"\r\nmilestones.csv,absent,,,,,\r\n`;
    expect(parseQualityCsv(text)).toEqual([
      {
        file: "members.csv",
        status: "ok",
        rows_read: 153,
        rows_loaded: 151,
        rows_rejected: 2,
        warnings: 1,
        note: 'a "b", c\nd',
      },
      {
        file: "milestones.csv",
        status: "absent",
        rows_read: null,
        rows_loaded: null,
        rows_rejected: null,
        warnings: null,
        note: null,
      },
    ]);
  });

  it("accepts a header-only file", () => {
    expect(parseQualityCsv(`${HEADER}\n`)).toEqual([]);
  });

  it("rejects another header, a short record and a count that is not a count", () => {
    expect(() => parseQualityCsv("file;status\n")).toThrow(/unexpected header/);
    expect(() => parseQualityCsv(`${HEADER}\nmembers.csv,ok,1\n`)).toThrow(/3 fields, not 7/);
    expect(() => parseQualityCsv(`${HEADER}\nmembers.csv,ok,1.5,1,0,0,\n`)).toThrow(
      /rows_read is not a count in record 1: 1.5/,
    );
  });
});

describe("qualityJson", () => {
  it("reads <outDir>/data_quality.csv and adds when it was written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regiomonitor-site-"));
    writeFileSync(join(dir, "data_quality.csv"), `${HEADER}\nfunding.csv,ok,412,412,0,0,\n`);
    const json = JSON.parse(await qualityJson(dir));
    expect(json.rows).toHaveLength(1);
    expect(json.rows[0].rows_read).toBe(412);
    expect(json.generated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("fails when the file is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regiomonitor-site-"));
    await expect(qualityJson(dir)).rejects.toThrow(/data_quality\.csv/);
  });
});

describe("parseTableCsv", () => {
  it("gives back the text of a defused cell without its apostrophe, and numbers as numbers", () => {
    const values = ['=HYPERLINK("http://x","klik")', "-500", "+31 6", "@naam", "'gewoon", "a;b"];
    const header = rejectsTable.columns.map((c) => c.name).join(",");
    const lines = values.map(
      (value, i) => `members.csv,${i + 2},naam,${formatText(value, ",")},unknown_value,tekst`,
    );
    // The file as written: every formula start defused, so Excel runs nothing.
    expect(lines[0]).toBe(
      `members.csv,2,naam,"'=HYPERLINK(""http://x"",""klik"")",unknown_value,tekst`,
    );
    const rows = parseTableCsv("rejects", [header, ...lines, ""].join("\r\n"));
    expect(rows.map((r) => r.value)).toEqual(values);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
