import { describe, expect, it } from "vitest";
import { rows } from "../../src/db/duckdb.ts";
import { load, MEMBERS, rejectsOf, writeExports } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

/** Loads files and returns the one reject expected, with the counting identity checked. */
async function onlyReject(files: Record<string, string>, file: string) {
  const { db, result } = await load(writeExports({ "members.csv": MEMBERS, ...files }));
  for (const q of result.quality) expect(q.rows_read).toBe(q.rows_loaded + q.rows_rejected);
  const rejects = await rejectsOf(db, file);
  expect(rejects).toHaveLength(1);
  return rejects[0]!;
}

const PROJECTS =
  "project_id,project_name,network,stage,start_on,end_on\nP1,Een,Slimmer Leven,pilot,2021-01-01,\n";

describe("one fixture per reason code, with its exact physical line", () => {
  it("missing_value: an empty required text, on the line after a blank one", async () => {
    const members =
      "organisation_id,organisation_name,network,sector,joined_on\nO1,A,SL,zorg,2020-01-01\n\nO2,,SL,zorg,2020-01-01\n";
    expect(await onlyReject({ "members.csv": members }, "members.csv")).toMatchObject({
      line: 4,
      column: "organisation_name",
      value: "",
      reason: "missing_value",
    });
  });

  it("invalid_date: 31-02-2023", async () => {
    const members =
      "organisation_id;organisatie;netwerk;sector;lid_sinds\r\nO1;A;SL;zorg;31-02-2023\r\nO2;B;SL;zorg;01-02-2023\r\n";
    expect(await onlyReject({ "members.csv": members }, "members.csv")).toMatchObject({
      line: 2,
      column: "joined_on",
      value: "31-02-2023",
      reason: "invalid_date",
    });
  });

  it("invalid_number: an amount that is no number", async () => {
    const funding =
      'funding_id,project_id,source_type,year,amount_eur,kind,status\nF1,P1,rif,2023,"1.000,00",incidenteel,toegekend\nF2,P1,rif,2023,veel,incidenteel,toegekend\n';
    expect(
      await onlyReject({ "projects.csv": PROJECTS, "funding.csv": funding }, "funding.csv"),
    ).toMatchObject({
      line: 3,
      column: "amount_eur",
      value: "veel",
      reason: "invalid_number",
    });
  });

  it("invalid_boolean: an attended value that is no yes/no", async () => {
    const attendance = "event_id,event_date,attended\nE1,2024-01-01,ja\nE1,2024-01-01,misschien\n";
    expect(await onlyReject({ "attendance.csv": attendance }, "attendance.csv")).toMatchObject({
      line: 3,
      column: "attended",
      value: "misschien",
      reason: "invalid_boolean",
    });
  });

  it("unknown_value: a sector outside the vocabulary, and a partner of an unknown project", async () => {
    const members =
      "organisation_id,organisation_name,network,sector,joined_on\nO1,A,SL,onbekend,2020-01-01\nO2,B,SL,research,2020-01-01\n";
    expect(await onlyReject({ "members.csv": members }, "members.csv")).toMatchObject({
      line: 2,
      column: "sector",
      value: "onbekend",
      reason: "unknown_value",
    });
    const partners = "project_id,organisation_id\nP1,O1\nP9,O2\n";
    expect(
      await onlyReject(
        { "projects.csv": PROJECTS, "project_partners.csv": partners },
        "project_partners.csv",
      ),
    ).toMatchObject({ line: 3, column: "project_id", value: "P9", reason: "unknown_value" });
  });

  it("invalid_range: left_on before joined_on, a negative amount, a year outside 1990–2100", async () => {
    const members =
      "organisation_id,organisation_name,network,sector,joined_on,left_on\nO1,A,SL,zorg,2020-01-01,2019-12-31\n";
    expect(await onlyReject({ "members.csv": members }, "members.csv")).toMatchObject({
      line: 2,
      column: "left_on",
      reason: "invalid_range",
    });
    const funding =
      "funding_id,project_id,source_type,year,amount_eur,kind,status\nF1,P1,rif,2023,-500,incidenteel,toegekend\nF2,P1,rif,1890,5,incidenteel,toegekend\nF3,P1,rif,2023,5,incidenteel,toegekend\n";
    const { db } = await load(
      writeExports({ "members.csv": MEMBERS, "projects.csv": PROJECTS, "funding.csv": funding }),
    );
    expect(await rejectsOf(db, "funding.csv")).toMatchObject([
      { line: 2, column: "amount_eur", value: "-500", reason: "invalid_range" },
      { line: 3, column: "year", value: "1890", reason: "invalid_range" },
    ]);
  });

  it("duplicate_key: the first row loads, the later one is rejected", async () => {
    const projects = `${PROJECTS}P2,Twee,SL,idee,2022-01-01,\nP1,Een bis,SL,pilot,2022-01-01,\n`;
    const { db } = await load(writeExports({ "members.csv": MEMBERS, "projects.csv": projects }));
    expect(await rejectsOf(db, "projects.csv")).toMatchObject([
      { line: 4, column: "project_id", value: "P1", reason: "duplicate_key" },
    ]);
    const [kept] = await rows<{ project_name: string }>(
      db,
      sql`select project_name from projects where project_id = 'P1'`,
    );
    expect(kept!.project_name).toBe("Een");
  });

  it("duplicate_key across the files of one export: the first row is named in its own file", async () => {
    // Two files by a mapping glob; P1 is first in the first file, P3 only in the second.
    const { db } = await load(
      writeExports({
        "members.csv": MEMBERS,
        "projecten-1.csv": `${PROJECTS}P3x,Drie x,SL,idee,2022-01-01,\n`,
        "projecten-2.csv": `${PROJECTS.split("\n")[0]}\nP3,Drie,SL,idee,2022-01-01,\nP1,Een bis,SL,pilot,2022-01-01,\nP3,Drie bis,SL,idee,2022-01-01,\n`,
        "mapping.json": JSON.stringify({ projects: { file: "projecten-*.csv" } }),
      }),
    );
    const rejects = await rejectsOf(db, "projects.csv");
    expect(rejects.map((r) => [r.line, r.value, r.reason, r.message_nl])).toEqual([
      [
        3,
        "P1",
        "duplicate_key",
        "projecten-2.csv regel 3: Dubbele sleutel (project_id): alleen de eerste rij, op regel 2 van projecten-1.csv, wordt geladen.",
      ],
      [
        4,
        "P3",
        "duplicate_key",
        "projecten-2.csv regel 4: Dubbele sleutel (project_id): alleen de eerste rij, op regel 2 van projecten-2.csv, wordt geladen.",
      ],
    ]);
    expect(await rows(db, sql`select project_id, project_name from projects order by all`)).toEqual(
      [
        { project_id: "P1", project_name: "Een" },
        { project_id: "P3", project_name: "Drie" },
        { project_id: "P3x", project_name: "Drie x" },
      ],
    );
  });

  it("bad_row: too many fields after a multi-line quoted field", async () => {
    const members =
      'organisation_id,organisation_name,network,sector,joined_on\nO1,"Zorg\nen\nwelzijn",SL,zorg,2020-01-01\nO2,B,SL,zorg,2020-01-01,extra,velden\nO3,C,SL,zorg,2020-01-01\n';
    const reject = await onlyReject({ "members.csv": members }, "members.csv");
    expect(reject).toMatchObject({ line: 5, column: null, reason: "bad_row" });
    expect(reject.value).toContain("O2");
  });

  it("bad_row: an unterminated quote", async () => {
    const members =
      'organisation_id,organisation_name,network,sector,joined_on\nO1,A,SL,zorg,2020-01-01\nO2,"B,SL,zorg,2020-01-01\n';
    expect(await onlyReject({ "members.csv": members }, "members.csv")).toMatchObject({
      line: 3,
      reason: "bad_row",
    });
  });

  it("a row with several problems is rejected once, with the first problem in the file's order", async () => {
    const members =
      "joined_on,sector,organisation_id,organisation_name,network\n31-02-2020,onbekend,,A,SL\n";
    const reject = await onlyReject({ "members.csv": members }, "members.csv");
    expect(reject).toMatchObject({ line: 2, column: "joined_on", reason: "invalid_date" });
  });

  it("writes a Dutch message naming the file's own header", async () => {
    const members = "organisatie_id;naam;netwerk;sector;lid_sinds\nO1;A;SL;zorg;gisteren\n";
    const reject = await onlyReject({ "members.csv": members }, "members.csv");
    expect(reject.message_nl).toBe(
      'Kolom "lid_sinds": "gisteren" is geen geldige datum (gebruik bijv. 05-03-2024 of 2024-03-05).',
    );
  });
});

describe("warnings between files", () => {
  it("records external organisations and differing member data without rejecting", async () => {
    const members =
      "organisation_id,organisation_name,network,sector,joined_on\nO1,Oud,SL,zorg,2019-01-01\nO1,Nieuw,CIC,welzijn,2021-01-01\n";
    const partners = "project_id,organisation_id,sector\nP1,O1,\nP1,EXT,bedrijf\n";
    const { db, result } = await load(
      writeExports({
        "members.csv": members,
        "projects.csv": PROJECTS,
        "project_partners.csv": partners,
      }),
    );
    const warnings = await rows<{ file: string; line: number; kind: string }>(
      db,
      sql`select file, line, kind from warnings order by file, line`,
    );
    expect(warnings).toEqual([
      { file: "members.csv", line: 3, kind: "afwijkende_gegevens" },
      { file: "project_partners.csv", line: 3, kind: "externe_organisatie" },
    ]);
    const [org] = await rows<{ organisation_name: string; sector: string }>(
      db,
      sql`select organisation_name, sector from organisations`,
    );
    expect(org).toEqual({ organisation_name: "Nieuw", sector: "welzijn" });
    expect(result.quality.find((q) => q.file === "project_partners.csv")).toMatchObject({
      rows_read: 2,
      rows_loaded: 2,
      rows_rejected: 0,
      warnings: 1,
    });
  });
});
