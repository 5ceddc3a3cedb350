import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { rows, type Database } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { UnusableExportError } from "../../src/errors.ts";
import { load, rejectsOf, writeExports } from "../helpers.ts";
import { lines, RELATIONS_HEADER, RESPONSES_HEADER, SURVEY_MEMBERS } from "./survey-fixtures.ts";
import { HIDDEN_ORGANISATION } from "../../src/ingest/sql/survey-privacy.ts";

interface Response {
  response_id: string;
  network: string;
  round_on: string;
  organisation_id: string;
  dependence: number | null;
  layers: number | null;
  future: number | null;
  reach: number | null;
  barriers: string;
  success_factors: string;
}

/** The clean survey tables without line numbers, lists joined by `|` for comparison. */
async function clean(db: Database) {
  const responses = await rows<Response>(
    db,
    sql`select * exclude (file_index, line, round_on, barriers, success_factors), strftime(round_on, '%Y-%m-%d') as round_on,
      array_to_string(barriers, '|') as barriers, array_to_string(success_factors, '|') as success_factors
     from survey_responses order by response_id`,
  );
  const relations = await rows(
    db,
    sql`select * exclude (file_index, line) from survey_relations order by all`,
  );
  return { responses, relations };
}

const PLAIN = {
  "members.csv": SURVEY_MEMBERS,
  "survey_responses.csv": lines(
    RESPONSES_HEADER,
    "R1,Slimmer Leven,2024-03-01,O1,4,3,5,2,financiering|capaciteit,gezamenlijke_taal",
    "R2,Slimmer Leven,2024-03-01,O2,5,,1,4,,elkaar_kennen;trekker",
  ),
  "survey_relations.csv": lines(RELATIONS_HEADER, "R1,O2,4,3", "R2,O1,3,", "R2,EXT9,1,2"),
};

/** The same answers as PLAIN, as a Dutch spreadsheet saves them. */
const MESSY = {
  "leden.csv": SURVEY_MEMBERS,
  "enquete.csv": iconv.encode(
    [
      "antwoord_id;netwerk;enquetedatum;organisatie_id;afhankelijkheid;meerlagigheid;toekomstperspectief;elkaar_bereiken;showstoppers;succesfactoren",
      "",
      'R1;Slimmer Leven;01-03-2024;O1;4,0;3;5;2;"Geld; tijd|geld;";één instrument',
      "",
      'R2; Slimmer  Leven ;1-3-2024;O2;5;;1;4;;"Ontmoeting | eigenaarschap"',
      "",
    ].join("\r\n"),
    "win1252",
  ),
  "enquete_relaties.csv": iconv.encode(
    [
      "antwoord_id;partner_id;vertrouwen;waarde",
      "R1;O2;4;3",
      "",
      "R2;O1;3;",
      "R2;EXT9;1;2",
      "",
    ].join("\r\n"),
    "win1252",
  ),
};

describe("survey ingest", () => {
  it("loads scores, lists (sorted, each value once) and relations", async () => {
    const { db, result } = await load(writeExports(PLAIN));
    expect(await rejectsOf(db)).toEqual([]);
    const { responses, relations } = await clean(db);
    expect(responses).toEqual([
      {
        response_id: "R1",
        network: "Slimmer Leven",
        round_on: "2024-03-01",
        organisation_id: "O1",
        dependence: 4,
        layers: 3,
        future: 5,
        reach: 2,
        barriers: "capaciteit|financiering",
        success_factors: "gezamenlijke_taal",
      },
      {
        response_id: "R2",
        network: "Slimmer Leven",
        round_on: "2024-03-01",
        organisation_id: "O2",
        dependence: 5,
        layers: null,
        future: 1,
        reach: 4,
        barriers: "",
        success_factors: "elkaar_kennen|trekker",
      },
    ]);
    expect(relations).toEqual([
      { response_id: "R1", partner_organisation_id: "O2", trust: 4, value: 3 },
      { response_id: "R2", partner_organisation_id: "EXT9", trust: 1, value: 2 },
      { response_id: "R2", partner_organisation_id: "O1", trust: 3, value: null },
    ]);
    const quality = result.quality.filter((q) => q.file.startsWith("survey"));
    expect(quality.map((q) => [q.file, q.status, q.rows_read, q.rows_loaded])).toEqual([
      ["survey_responses.csv", "ok", 2, 2],
      ["survey_relations.csv", "ok", 3, 3],
    ]);
  });

  it("a messy Dutch-shaped variant (;, quoted lists, Windows-1252, CRLF, blank lines) gives the same clean rows", async () => {
    const plain = await clean((await load(writeExports(PLAIN))).db);
    const { db, result } = await load(writeExports(MESSY));
    expect(await rejectsOf(db)).toEqual([]);
    expect(await clean(db)).toEqual(plain);
    const note = result.quality.find((q) => q.file === "survey_responses.csv")!.note;
    expect(note).toContain("Windows-1252");
    // the blank lines count: R2 is on physical line 5
    const [r2] = await rows<{ line: number }>(
      db,
      sql`select line from survey_responses where response_id = 'R2'`,
    );
    expect(r2!.line).toBe(5);
  });

  it("reads a survey tool's export through mapping.json: columns, per-part values, constants", async () => {
    const mapping = {
      survey_responses: {
        file: "forms-export-*.csv",
        columns: {
          response_id: "ID",
          round_on: "Voltooiingstijd",
          organisation_id: "Organisatie",
          dependence: "Wij hebben de partners nodig",
          barriers: "Wat houdt u tegen?",
        },
        values: { barriers: { "Te weinig tijd": "capaciteit", "Geen geld": "financiering" } },
        constants: { network: "Slimmer Leven" },
      },
    };
    const forms = lines(
      "ID,Voltooiingstijd,Organisatie,Wij hebben de partners nodig,Wat houdt u tegen?,E-mail",
      '7,2024-03-01 14:30,O1,4,"Te weinig tijd;Geen geld;te weinig tijd",a@b.nl',
      '8,2024-03-01 09:10,O2,2,"Privacy|Iets anders",c@d.nl',
    );
    const { db } = await load(
      writeExports({
        "members.csv": SURVEY_MEMBERS,
        "mapping.json": JSON.stringify(mapping),
        "forms-export-1.csv": forms,
      }),
    );
    const loaded = await rows<{ response_id: string; barriers: string }>(
      db,
      sql`select response_id, array_to_string(barriers, '|') as barriers, network from survey_responses`,
    );
    expect(loaded).toEqual([
      { response_id: "7", barriers: "capaciteit|financiering", network: "Slimmer Leven" },
    ]);
    const [reject] = await rejectsOf(db, "survey_responses.csv");
    expect(reject).toMatchObject({ line: 3, column: "barriers", reason: "unknown_value" });
    expect(reject!.message_nl).toContain('"Iets anders" is geen bekende waarde');
    expect(reject!.message_nl).toContain("mapping.json → survey_responses → values → barriers");
  });

  it("warns of an unknown network, an external partner and a small round close to another", async () => {
    const responses = lines(
      RESPONSES_HEADER,
      "R1,Slimmer Leven,2024-03-01,O1,,,,,,",
      "R2,Slimmer Leven,2024-03-01,O2,,,,,,",
      "R3,Slimmer Leven,2024-03-01,O3,,,,,,",
      "R4,Slimmer Leven,2024-03-21,O1,,,,,,",
      "R5,Onbekend Netwerk,2024-03-01,O1,,,,,,",
    );
    const relations = lines(RELATIONS_HEADER, "R1,O2,4,4", "R1,EXT1,2,2", "R2,EXT1,3,3");
    const { db } = await load(
      writeExports({
        "members.csv": SURVEY_MEMBERS,
        "survey_responses.csv": responses,
        "survey_relations.csv": relations,
      }),
    );
    const warnings = await rows<{ file: string; line: number; kind: string; value: string }>(
      db,
      sql`select file, line, kind, value from warnings where file like 'survey%' order by file, line`,
    );
    expect(warnings).toEqual([
      // the partner's id is hidden: it would say whom a respondent rated (survey-privacy.ts)
      {
        file: "survey_relations.csv",
        line: 3,
        kind: "externe_organisatie",
        value: HIDDEN_ORGANISATION,
      },
      { file: "survey_responses.csv", line: 5, kind: "ronde_verdacht", value: "21-03-2024" },
      {
        file: "survey_responses.csv",
        line: 6,
        kind: "onbekend_netwerk",
        value: "Onbekend Netwerk",
      },
    ]);
  });

  it("relations without responses make the folder unusable, with a Dutch message", async () => {
    const dir = writeExports({
      "members.csv": SURVEY_MEMBERS,
      "enquete_relaties.csv": lines(RELATIONS_HEADER, "R1,O2,4,3"),
    });
    const error = await load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnusableExportError);
    expect((error as UnusableExportError).problems[0]!.message_nl).toMatch(
      /^enquêterelaties zonder enquêteantwoorden zijn niet te gebruiken/,
    );
  });
});
