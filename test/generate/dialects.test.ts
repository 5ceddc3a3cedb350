import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { files, type ColumnType, type FileKey } from "../../src/contract/index.ts";
import { dutchAmount } from "../../src/generate/index.ts";
import { generateRegio, readAll, specOf, type Table } from "./sample.ts";
import { PERSON_COLUMNS } from "../../src/generate/persons.ts";

/** One value in a dialect-free form: ISO dates, numbers as numbers, booleans as true/false. */
function normalise(type: ColumnType, value: string, dialect: "plain" | "nl"): string {
  if (type === "date") {
    const dmy = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
    return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : value;
  }
  if (type === "number" && value !== "") {
    return String(Number(dialect === "nl" ? value.replaceAll(".", "").replace(",", ".") : value));
  }
  if (type === "boolean") return value === "ja" ? "true" : value === "nee" ? "false" : value;
  return value;
}

function normaliseTable(key: FileKey, table: Table, dialect: "plain" | "nl"): string[][] {
  const columns = specOf(key).columns;
  return table.map((row) => columns.map((c) => normalise(c.type, row[c.name] ?? "", dialect)));
}

describe("generate: the two dialects describe the same rows", () => {
  let plainDir = "";
  let nlDir = "";
  beforeAll(async () => {
    plainDir = (await generateRegio({ dialect: "plain" })).dir;
    nlDir = (await generateRegio({ dialect: "nl" })).dir;
  });

  it("gives identical tables after normalising dates, numbers and booleans", () => {
    const plain = readAll(plainDir, "plain");
    const nl = readAll(nlDir, "nl");
    for (const spec of files) {
      const persons = spec.key === "attendance" ? PERSON_COLUMNS.map((c) => `?${c}`) : [];
      expect(Object.keys(nl[spec.key][0] ?? {}), spec.key).toEqual([
        ...spec.columns.map((c) => c.name),
        ...persons,
      ]);
      const a = normaliseTable(spec.key, plain[spec.key], "plain");
      const b = normaliseTable(spec.key, nl[spec.key], "nl");
      expect(b.length, spec.key).toBe(a.length);
      expect(b, spec.key).toEqual(a);
    }
  });

  it("writes plain as comma, LF, ISO dates, point decimals, true/false, no BOM", () => {
    const funding = readFileSync(join(plainDir, "funding.csv"), "utf8");
    expect(
      funding.startsWith("funding_id,project_id,source_type,funder_organisation_id,year,"),
    ).toBe(true);
    expect(funding).not.toContain("\r");
    expect(funding.charCodeAt(0)).not.toBe(0xfeff);
    expect(funding).toMatch(/,20\d\d,\d+(\.\d\d)?,(incidenteel|structureel),/);
    const milestones = readFileSync(join(plainDir, "milestones.csv"), "utf8");
    expect(milestones).toMatch(/,\d{4}-\d{2}-\d{2},(\d{4}-\d{2}-\d{2})?,(true|false)?\n/);
  });

  it("writes nl with Dutch names, BOM, semicolons, CRLF, dd-mm-jjjj, 1.234,50 and ja/nee", () => {
    const funding = readFileSync(join(nlDir, "financiering.csv"), "utf8");
    expect(funding.charCodeAt(0)).toBe(0xfeff);
    expect(
      funding
        .slice(1)
        .startsWith("financiering_id;project_id;bron;financier_id;jaar;bedrag;soort;status\r\n"),
    ).toBe(true);
    expect(funding).toMatch(/;20\d\d;\d{1,3}(\.\d{3})*,\d\d;(incidenteel|structureel);/);
    expect(
      funding
        .split("\n")
        .slice(1, -1)
        .every((l) => l.endsWith("\r")),
    ).toBe(true);
    const members = readFileSync(join(nlDir, "leden.csv"), "utf8");
    expect(members.slice(1).split("\r\n")[0]).toBe(
      "organisatie_id;organisatie;netwerk;sector;subsector;gemeentecode;lid_sinds;lid_tot",
    );
    expect(members).toMatch(/;\d{2}-\d{2}-\d{4};(\d{2}-\d{2}-\d{4})?\r\n/);
    expect(readFileSync(join(nlDir, "mijlpalen.csv"), "utf8")).toMatch(/;(ja|nee)\r\n/);
  });

  it("quotes a comma, a line break and quotes inside fields, and keeps diacritics", () => {
    const projects = readFileSync(join(plainDir, "projects.csv"), "utf8");
    expect(projects).toContain('"Samen gezond in Nuenen, Gerwen en Nederwetten"');
    expect(projects).toContain('"Thuismonitoring COPD\nvervolg op pilot 2021"');
    expect(projects).toContain('"Project ""Beweegmaatje"" Helmond"');
    expect(projects).toMatch(/Ideeënlab/);
    expect(projects).toMatch(/Coöperatief/);
    expect(projects).toMatch(/Café/);
    const nlProjects = readFileSync(join(nlDir, "projecten.csv"), "utf8");
    expect(nlProjects).toContain(";Samen gezond in Nuenen, Gerwen en Nederwetten;");
    expect(nlProjects).toContain(';"Thuismonitoring COPD\nvervolg op pilot 2021";');
    expect(readFileSync(join(plainDir, "attendance.csv"), "utf8")).toMatch(
      /"Inspiratiesessie: [^"]*, [^"]*"/,
    );
  });

  it("writes each flawed value as the same raw text in both dialects", () => {
    const plain = readAll(plainDir, "plain");
    const nl = readAll(nlDir, "nl");
    const find = (t: Table, column: string, value: string) => t.filter((r) => r[column] === value);
    for (const [key, column, value] of [
      ["members", "joined_on", "31-02-2023"],
      ["members", "sector", "onbekend"],
      ["funding", "amount_eur", "-500"],
      ["attendance", "attended", "misschien"],
    ] as const) {
      expect(find(plain[key], column, value), `${key}.${column}`).toHaveLength(1);
      expect(find(nl[key], column, value), `${key}.${column}`).toHaveLength(1);
    }
    for (const members of [plain.members, nl.members]) {
      const [leftEarly] = find(
        members,
        "organisation_name",
        "Distributiecentrum Moerdijk (fictief)",
      );
      expect([leftEarly?.["joined_on"], leftEarly?.["left_on"]]).toEqual([
        "2023-06-01",
        "2022-12-31",
      ]);
    }
  });

  it("formats Dutch amounts with thousands points and two decimals", () => {
    expect(dutchAmount(1234.5)).toBe("1.234,50");
    expect(dutchAmount(1234567)).toBe("1.234.567,00");
    expect(dutchAmount(999.99)).toBe("999,99");
    expect(dutchAmount(0.1 + 0.2)).toBe("0,30");
  });
});
