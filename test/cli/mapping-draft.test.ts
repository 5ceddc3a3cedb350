import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { tempDir } from "../helpers.ts";
import { capture, query, refreshInto } from "./cli-helpers.ts";
import { toolFolder } from "./mapping-fixtures.ts";
import { writeExports } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

/** The draft `regiomonitor mapping` writes for the fixture exports (clean rows only). */
const EXPECTED_DRAFT = {
  members: {
    file: "crm-relaties.csv",
    columns: {
      organisation_id: "Relatienummer",
      organisation_name: "Naam relatie",
      sector: "Branche",
      subsector: "Subbranche",
      joined_on: "Lid sinds",
      left_on: "Opzegdatum",
    },
    values: { sector: { Hogeschool: "", Welzijnsorganisatie: "", Zorgaanbieder: "" } },
    constants: { network: "" },
  },
  attendance: {
    file: "deelnemers-export-*.csv",
    columns: {
      event_id: "Evenement ID",
      event_name: "Evenement",
      event_date: "Datum evenement",
      event_type: "Type",
      organisation_id: "Relatienummer",
      person_role: "Functie",
      attended: "Ingecheckt",
    },
    values: {
      person_role: { Beleidsmedewerker: "", Directeur: "", Teamleider: "" },
      attended: { Ingecheckt: "", "Niet ingecheckt": "" },
    },
  },
};

/** What the analyst fills in for each blank. */
const ANSWERS: Record<string, string | boolean> = {
  Hogeschool: "onderwijs",
  Welzijnsorganisatie: "welzijn",
  Zorgaanbieder: "zorg",
  network: "Slimmer Leven",
  Beleidsmedewerker: "professional",
  Directeur: "bestuurder",
  Teamleider: "management",
  Ingecheckt: true,
  "Niet ingecheckt": false,
};

/** Fills every blank ("") of a draft with ANSWERS. */
function fill(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v === "" ? ANSWERS[k] : fill(v)]),
  );
}

describe("a folder the monitor cannot read as is", () => {
  it("validate lists, per required column, the headers that look like it, and exits 2", async () => {
    const effects = capture();
    expect(await main(["validate", "--data", toolFolder(null, false)], effects)).toBe(2);
    const text = effects.out.join("\n");
    expect(text).toContain("members.csv ← crm-relaties.csv\n");
    expect(text).toContain(
      '  organisation_id    "Relatienummer" (naam lijkt erop, waarden lijken codes)\n',
    );
    expect(text).toContain(
      "  network            geen kop gevonden: geef in constants één waarde voor alle rijen\n",
    );
    expect(text).toMatch(/ {2}joined_on {10}"Lid sinds" \(naam lijkt erop, waarden zijn datums\)/);
    expect(text).toContain("attendance.csv ← deelnemers-export-*.csv (2 bestanden)\n");
    expect(text).toContain(
      '  attended    "Ingecheckt" (naam lijkt erop, twee verschillende waarden)',
    );
    expect(text).toContain(
      "  waarden van person_role zonder contractwaarde: Beleidsmedewerker, Directeur, Teamleider",
    );
    expect(text).not.toMatch(/E-mail|Telefoon|Contactpersoon|@/);
    expect(effects.err.join("\n")).toContain("members.csv: verplicht bestand ontbreekt");
  });

  it("mapping writes a draft that, once its blanks are filled, loads everything", async () => {
    const data = toolFolder(null, false);
    const draftPath = join(tempDir(), "concept.json");
    const effects = capture();
    expect(await main(["mapping", "--data", data, "--out", draftPath], effects)).toBe(0);
    expect(effects.out.join("\n")).toContain('Nog in te vullen: 9 lege waarden ("")');
    const draft: unknown = JSON.parse(readFileSync(draftPath, "utf8"));
    expect(draft).toEqual(EXPECTED_DRAFT);

    const unfilled = await refreshInto(data, join(tempDir(), "out"), ["--mapping", draftPath]);
    expect(unfilled.status).toBe(2);
    expect(unfilled.effects.err.join("\n")).toContain(
      'concept.json → attendance → values → attended → "Ingecheckt": nog niet ingevuld (kies true of false)',
    );

    writeFileSync(join(data, "mapping.json"), JSON.stringify(fill(draft), null, 2));
    const filled = await refreshInto(data, join(tempDir(), "out"));
    expect(filled.status).toBe(0);
    const quality = await query(
      filled.db,
      sql`select file, rows_read, rows_loaded, rows_rejected from data_quality where status = 'ok' order by file`,
    );
    expect(quality).toEqual([
      { file: "attendance.csv", rows_read: 7, rows_loaded: 7, rows_rejected: 0 },
      { file: "members.csv", rows_read: 6, rows_loaded: 6, rows_rejected: 0 },
    ]);
  });

  it("mapping never overwrites a mapping.json without --force", async () => {
    const data = toolFolder({}, false);
    const effects = capture();
    expect(await main(["mapping", "--data", data], effects)).toBe(2);
    expect(effects.err.join("\n")).toContain("mapping.json bestaat al");
    expect(await main(["mapping", "--data", data, "--force"], capture())).toBe(0);
    expect(JSON.parse(readFileSync(join(data, "mapping.json"), "utf8"))).toEqual(EXPECTED_DRAFT);
  });

  it("for exports in the contract's shape, mapping lists only the values it does not know", async () => {
    const data = writeExports({
      "members.csv":
        "organisation_id,organisation_name,network,sector,joined_on\nO1,A,SL,zorg,2020-01-01\nO2,B,SL,Stichting,2020-01-01\nO3,C,SL,stichting ,2021-01-01\n",
    });
    const effects = capture();
    expect(await main(["mapping", "--data", data], effects)).toBe(0);
    const draft: unknown = JSON.parse(readFileSync(join(data, "mapping.json"), "utf8"));
    expect(draft).toEqual({ members: { values: { sector: { Stichting: "" } } } });
    writeFileSync(
      join(data, "mapping.json"),
      JSON.stringify({ members: { values: { sector: { Stichting: "welzijn" } } } }),
    );
    const { status, db } = await refreshInto(data, join(tempDir(), "out"));
    expect(status).toBe(0);
    expect(await query(db, sql`select sector from members order by line`)).toEqual([
      { sector: "zorg" },
      { sector: "welzijn" },
      { sector: "welzijn" },
    ]);
  });
});
