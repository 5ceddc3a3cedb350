import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mappingExampleJson, mappingExplanationNl } from "../../src/contract/mapping-doc.ts";
import { attendance, members } from "../../src/contract/index.ts";
import { rows } from "../../src/db/duckdb.ts";
import { planHeader } from "../../src/ingest/header.ts";
import {
  byName,
  matchesGlob,
  parseMapping,
  type MappingEntry,
} from "../../src/ingest/mapping/index.ts";
import { isPersonalHeader, nameScore } from "../../src/ingest/suggest/index.ts";
import { groupFiles } from "../../src/ingest/suggest/sample.ts";
import { load, rejectsOf, writeExports } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

/** The example of spec/contract.md, "mapping.json", verbatim. */
const CONTRACT_EXAMPLE = `{
  "attendance": {
    "file": "deelnemers-export-*.csv",
    "columns": { "event_id": "Evenement ID", "event_date": "Datum evenement",
                 "organisation_id": "Relatienummer", "person_role": "Functie",
                 "attended": "Ingecheckt" },
    "values": { "person_role": { "Directeur": "bestuurder", "Teamleider": "management" },
                "attended": { "Ingecheckt": true, "Niet ingecheckt": false } },
    "constants": { "network": "Slimmer Leven" }
  }
}`;

const entryOf = (json: unknown): MappingEntry => {
  const parsed = parseMapping(JSON.stringify(json), "mapping.json");
  expect(parsed.problems).toEqual([]);
  return [...parsed.mapping!.entries.values()][0]!;
};

describe("parseMapping", () => {
  it("reads the contract's example", () => {
    const parsed = parseMapping(CONTRACT_EXAMPLE, "mapping.json");
    expect(parsed.problems).toEqual([]);
    const entry = parsed.mapping!.entries.get("attendance")!;
    expect(entry.file).toBe("deelnemers-export-*.csv");
    expect(entry.columns!.get("event_date")).toBe("Datum evenement");
    expect(entry.values.get("attended")).toEqual(
      new Map([
        ["ingecheckt", "true"],
        ["niet ingecheckt", "false"],
      ]),
    );
    expect(entry.constants).toEqual(new Map([["network", "Slimmer Leven"]]));
  });

  it("keys values trimmed and case-insensitively, and refuses two spellings of one value", () => {
    const entry = entryOf({
      attendance: { values: { person_role: { "  Team  Leider ": "manager" } } },
    });
    expect(entry.values.get("person_role")).toEqual(new Map([["team leider", "manager"]]));
    const twice = parseMapping(
      JSON.stringify({ attendance: { values: { attended: { Ja: true, " ja": true } } } }),
      "m.json",
    );
    expect(twice.problems).toEqual([
      {
        file: 'm.json → attendance → values → attended → " ja"',
        message_nl: '"Ja" en " ja" zijn dezelfde waarde (hoofdletters en spaties tellen niet)',
      },
    ]);
  });

  it("writes numbers so that the number rule cannot read a decimal point as thousands", () => {
    const entry = entryOf({ funding: { constants: { amount_eur: 1234.567, year: 2024 } } });
    expect(entry.constants).toEqual(
      new Map([
        ["year", "2024"],
        ["amount_eur", "1234.5670"],
      ]),
    );
  });

  it("names the entry of every problem", () => {
    const parsed = parseMapping(
      JSON.stringify({
        members: {
          file: "exports/leden.csv",
          columns: { network: "Netwerk" },
          constants: { network: "SL" },
        },
        attendance: {
          columns: { event_id: 12 },
          values: { network: { a: "b" } },
          constants: { network: "SL" },
        },
        milestones: [],
      }),
      "mapping.json",
    );
    expect(parsed.mapping).toBeUndefined();
    expect(parsed.problems.map((p) => `${p.file}: ${p.message_nl}`)).toEqual([
      "mapping.json → members → file: alleen een bestandsnaam of patroon, zonder map",
      "mapping.json → members → columns → network: staat ook in constants; kies één van beide",
      "mapping.json → attendance → columns → event_id: verwacht de kop uit het bestand, als tekst",
      "mapping.json → attendance → values → network: network is een constante; geef in constants direct de contractwaarde",
      "mapping.json → milestones: verwacht een object met file, columns, values en/of constants",
    ]);
  });
});

describe("the Dutch explanation (README and Methode page)", () => {
  it("shows a valid mapping, the same in README.md", () => {
    expect(parseMapping(mappingExampleJson, "mapping.json").problems).toEqual([]);
    expect(mappingExplanationNl).toContain(mappingExampleJson);
    expect(readFileSync("README.md", "utf8")).toContain(mappingExampleJson);
  });
});

describe("file globs", () => {
  it("match case-insensitively with * and ?, and sort numbered files as numbers", () => {
    expect(matchesGlob("deelnemers-export-*.csv", "Deelnemers-Export-12.CSV")).toBe(true);
    expect(matchesGlob("export-?.csv", "export-1.csv")).toBe(true);
    expect(matchesGlob("export-?.csv", "export-10.csv")).toBe(false);
    expect(matchesGlob("leden (1).csv", "leden (1).csv")).toBe(true);
    expect(["export-10.csv", "export-2.csv", "Export-1.csv"].sort(byName)).toEqual([
      "Export-1.csv",
      "export-2.csv",
      "export-10.csv",
    ]);
    expect(groupFiles(["a-2.csv", "a-1.csv", "leden.csv"])).toEqual([
      { file: "a-*.csv", names: ["a-1.csv", "a-2.csv"] },
      { file: "leden.csv", names: ["leden.csv"] },
    ]);
  });
});

describe("planHeader with a mapping entry", () => {
  it("reads only the mapped headers; a constant replaces a header of the same name", () => {
    const entry = entryOf({
      members: {
        columns: {
          organisation_id: "Relatienummer",
          organisation_name: "naam",
          sector: "Branche",
          joined_on: "Lid sinds",
        },
        constants: { network: "Slimmer Leven" },
      },
    });
    const header = [
      "Relatienummer",
      "Naam",
      "netwerk",
      "Branche",
      " lid sinds ",
      "E-mail",
      "subsector",
    ];
    const plan = planHeader(members, header, {
      name: "crm.csv",
      entry,
      mappingName: "mapping.json",
    });
    expect(plan.problems).toEqual([]);
    expect(plan.columns.map((c) => [c.spec.name, c.index, c.header])).toEqual([
      ["organisation_id", 0, "Relatienummer"],
      ["organisation_name", 1, "Naam"],
      ["sector", 3, "Branche"],
      ["joined_on", 4, "lid sinds"],
    ]);
    expect(plan.ignored).toEqual(["netwerk", "E-mail", "subsector"]);
  });
});

describe("values and constants, before the usual parsing", () => {
  it("map raw values (raw table keeps them as read) and check constants like any value", async () => {
    const mapping = {
      members: {
        constants: { network: "Slimmer Leven", left_on: "gisteren" },
        values: {
          sector: { " ZORGAANBIEDER ": "zorg", "": "burgers" },
          joined_on: { begin: "01-01-2020" },
        },
      },
    };
    const { db } = await load(
      writeExports({
        "members.csv":
          "organisation_id,organisation_name,sector,joined_on\nO1,A,zorgaanbieder,begin\nO2,B,,2021-02-03\n",
        "mapping.json": JSON.stringify(mapping),
      }),
    );
    expect(await rows(db, sql`select sector from raw_members order by line`)).toEqual([
      { sector: "zorgaanbieder" },
      { sector: "" },
    ]);
    const rejects = await rejectsOf(db);
    expect(rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [2, "left_on", "gisteren", "invalid_date"],
      [3, "left_on", "gisteren", "invalid_date"],
    ]);
    expect(rejects[0]!.message_nl).toBe(
      'Kolom "mapping.json → members → constants → left_on": "gisteren" is geen geldige datum (gebruik bijv. 05-03-2024 of 2024-03-05).',
    );
    const fixed = { members: { ...mapping.members, constants: { network: "Slimmer Leven" } } };
    const again = await load(
      writeExports({
        "members.csv":
          "organisation_id,organisation_name,sector,joined_on\nO1,A,zorgaanbieder,begin\nO2,B,,2021-02-03\n",
        "mapping.json": JSON.stringify(fixed),
      }),
    );
    expect(
      await rows(
        again.db,
        sql`select organisation_id, network, sector, joined_on::varchar as j from members order by line`,
      ),
    ).toEqual([
      { organisation_id: "O1", network: "Slimmer Leven", sector: "zorg", j: "2020-01-01" },
      { organisation_id: "O2", network: "Slimmer Leven", sector: "burgers", j: "2021-02-03" },
    ]);
  });
});

describe("guessing headers", () => {
  it("knows usual header names and never proposes contact persons' data", () => {
    expect(
      nameScore(
        members.columns.find((c) => c.name === "joined_on")!,
        "Lid sinds",
      ),
    ).toBe(1);
    expect(
      nameScore(
        attendance.columns.find((c) => c.name === "attended")!,
        "Ingecheckt",
      ),
    ).toBe(1);
    expect(
      nameScore(
        attendance.columns.find((c) => c.name === "event_date")!,
        "Datum van het evenement",
      ),
    ).toBe(0.8);
    for (const header of ["E-mail", "E-mailadres contactpersoon", "Telefoon", "Voornaam"]) {
      expect(isPersonalHeader(header)).toBe(true);
    }
    expect(isPersonalHeader("Naam relatie")).toBe(false);
  });
});

describe("several files read as one export", () => {
  it("in name order, each with its own header order, delimiter and encoding", async () => {
    const second = "attended;event_name;event_id;event_date\nnee;Caf\u00e9 \u20ac;E2;2024-02-01\n";
    const bytes = Buffer.from([...second].map((c) => (c === "\u20ac" ? 0x80 : c.charCodeAt(0))));
    const { db, result } = await load(
      writeExports({
        "members.csv":
          "organisation_id,organisation_name,network,sector,joined_on\nO1,A,SL,zorg,2020-01-01\n",
        "reg-10.csv": "event_id,event_date,attended\nE3,2024-03-01,ja\n",
        "reg-9.csv": bytes,
        "reg-1.csv":
          "event_id,event_date,attended,event_name\nE1,2024-01-01,ja,Een\n\nE1,2024-01-01,x,Een\n",
        "mapping.json": JSON.stringify({ attendance: { file: "REG-*.csv" } }),
      }),
    );
    expect(
      await rows(
        db,
        sql`select file_index, line, event_id, event_name, attended from attendance order by all`,
      ),
    ).toEqual([
      { file_index: 0, line: 2, event_id: "E1", event_name: "Een", attended: true },
      { file_index: 0, line: 4, event_id: "E1", event_name: "Een", attended: true },
      { file_index: 1, line: 2, event_id: "E2", event_name: "Café €", attended: false },
      { file_index: 2, line: 2, event_id: "E3", event_name: null, attended: true },
    ]);
    expect(result.quality.find((q) => q.file === "attendance.csv")!.note).toBe(
      "gelezen uit reg-1.csv, reg-9.csv, reg-10.csv; volgens mapping.json; reg-1.csv: tekenset UTF-8, scheidingsteken komma; reg-9.csv: tekenset Windows-1252 (geen geldige UTF-8), scheidingsteken puntkomma; reg-10.csv: tekenset UTF-8, scheidingsteken komma",
    );
  });
});
