import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { refreshInto } from "../cli/cli-helpers.ts";
import { tempDir, writeExports } from "../helpers.ts";
import { HOSTILE_PROJECT, hostileExports } from "./hostile-fixtures.ts";
import { outputTables } from "../../src/output/tables.ts";

const ORGANISATION = "<img src=x onerror=alert(1)>";
const PROJECT = HOSTILE_PROJECT;

/** Exports with hostile text in names, in a reject's raw value and in a theme. */
const FILES = hostileExports(ORGANISATION, "+31 zorg");

/** Every cell of a CSV output, with the file it is in. */
function cells(out: string, name: string): string[] {
  const text = readFileSync(join(out, name), "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { delimiter: name.endsWith(".nl.csv") ? ";" : "," });
  expect(parsed.errors, name).toEqual([]);
  return parsed.data.flat();
}

describe("hostile text in the CSV outputs", () => {
  it("defuses every cell that Excel would run as a formula, in both CSV shapes", async () => {
    const out = join(tempDir(), "out");
    expect((await refreshInto(writeExports(FILES), out)).status).toBe(0);
    const csvs = readdirSync(out).filter((n) => n.endsWith(".csv"));
    expect(csvs).toHaveLength(2 * outputTables.length);
    const seen: Record<string, number> = {};
    for (const name of csvs) {
      for (const cell of cells(out, name)) {
        const number = /^-?\d+([.,]\d+)?$/.test(cell);
        expect(number || !/^[=+\-@\t\r]/.test(cell), `${name}: ${JSON.stringify(cell)}`).toBe(true);
        if (cell.includes("HYPERLINK")) seen[name] = (seen[name] ?? 0) + 1;
        if (cell === `'${PROJECT}`) seen[`${name} (defused name)`] = 1;
      }
    }
    for (const name of ["projects.csv", "projects.nl.csv"]) {
      expect(seen[`${name} (defused name)`], name).toBe(1);
    }
    const projects = cells(out, "projects.csv");
    expect(projects).toContain("'-Valpreventie");
    const members = cells(out, "member_activity.nl.csv");
    expect(members).toEqual(expect.arrayContaining([ORGANISATION, "'@Zorggroep", "'+31 zorg"]));
    expect(cells(out, "rejects.csv")).toContain("'=1+1");
    expect(cells(out, "rejects.nl.csv")).toContain("'=1+1");
  });
});
