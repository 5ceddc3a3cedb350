import { describe, expect, it } from "vitest";
import { load, rejectsOf, writeExports } from "../helpers.ts";
import { lines, RELATIONS_HEADER, RESPONSES_HEADER, SURVEY_MEMBERS } from "./survey-fixtures.ts";
import { HIDDEN_ORGANISATION } from "../../src/ingest/sql/survey-privacy.ts";

/** Loads survey files beside members.csv; checks rows_read = loaded + rejected for every file. */
async function loaded(files: Record<string, string>) {
  const { db, result } = await load(writeExports({ "members.csv": SURVEY_MEMBERS, ...files }));
  for (const q of result.quality) expect(q.rows_read).toBe(q.rows_loaded + q.rows_rejected);
  return { db, result };
}

async function onlyReject(files: Record<string, string>, file: string) {
  const { db } = await loaded(files);
  const rejects = await rejectsOf(db, file);
  expect(rejects).toHaveLength(1);
  return rejects[0]!;
}

const GOOD = "R1,Slimmer Leven,2024-03-01,O1,4,3,5,2,geld;tijd,visie";
const responses = (...rows: string[]) => lines(RESPONSES_HEADER, GOOD, ...rows);

describe("survey_responses.csv: one fixture per reject reason, with its exact line", () => {
  it("invalid_number: a score in words, after a blank line", async () => {
    const file = responses("", "R2,Slimmer Leven,2024-03-01,O2,vier,3,5,2,,");
    expect(
      await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv"),
    ).toMatchObject({ line: 4, column: "dependence", value: "vier", reason: "invalid_number" });
  });

  it("invalid_number: a score that is not whole (3,5)", async () => {
    const file = responses('R2,Slimmer Leven,2024-03-01,O2,4,"3,5",5,2,,');
    expect(
      await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv"),
    ).toMatchObject({ line: 3, column: "layers", value: "3,5", reason: "invalid_number" });
  });

  it("invalid_range: a score of 6, and 4,0 loads as 4", async () => {
    const file = responses('R2,Slimmer Leven,2024-03-01,O2,"4,0",3,6,2,,');
    const reject = await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv");
    expect(reject).toMatchObject({
      line: 3,
      column: "future",
      value: "6",
      reason: "invalid_range",
    });
    expect(reject.message_nl).toBe('Kolom "future": "6" mag niet groter zijn dan 5.');
  });

  it("unknown_value: an unknown part of a list is named in the message", async () => {
    const file = responses('R2,Slimmer Leven,2024-03-01,O2,4,3,5,2,"geld; ruzie ;tijd",');
    const reject = await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv");
    expect(reject).toMatchObject({
      line: 3,
      column: "barriers",
      value: "geld; ruzie ;tijd",
      reason: "unknown_value",
    });
    expect(reject.message_nl).toMatch(/^Kolom "barriers": "ruzie" is geen bekende waarde/);
  });

  it("duplicate_key: a repeated response_id, the first loads", async () => {
    const file = responses("R1,Slimmer Leven,2024-03-01,O2,4,3,5,2,,");
    expect(
      await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv"),
    ).toMatchObject({ line: 3, column: "response_id", value: "R1", reason: "duplicate_key" });
  });

  it("duplicate_key: a second response of the same organisation, network and round", async () => {
    // 01-03-2024 is the same date as 2024-03-01: keys are compared on parsed values
    const file = responses("R9,Slimmer  Leven,01-03-2024,O1,1,1,1,1,,");
    const reject = await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv");
    expect(reject).toMatchObject({
      line: 3,
      column: "organisation_id",
      // survey.md: no output shows which organisations responded (src/ingest/sql/survey-privacy.ts)
      value: HIDDEN_ORGANISATION,
      reason: "duplicate_key",
    });
    expect(reject.message_nl).toContain("regel 2");
    expect(reject.message_nl).not.toContain("O1");
  });

  it("missing_value: a response without organisation", async () => {
    const file = responses("R2,Slimmer Leven,2024-03-01,,4,3,5,2,,");
    expect(
      await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv"),
    ).toMatchObject({ line: 3, column: "organisation_id", reason: "missing_value" });
  });

  it("bad_row: a row with a field too many", async () => {
    const file = responses("R2,Slimmer Leven,2024-03-01,O2,4,3,5,2,,,extra");
    expect(
      await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv"),
    ).toMatchObject({ line: 3, reason: "bad_row" });
  });

  it("a row with several problems is rejected once, for the first in column order", async () => {
    const file = responses("R2,Slimmer Leven,2024-03-01,O2,9,x,5,2,ruzie,");
    expect(
      await onlyReject({ "survey_responses.csv": file }, "survey_responses.csv"),
    ).toMatchObject({ line: 3, column: "dependence", reason: "invalid_range" });
  });
});

describe("survey_relations.csv: one fixture per reject reason, with its exact line", () => {
  const base = responses("R2,Slimmer Leven,2024-03-01,O2,,,,,,");

  it("unknown_value: a response_id that no response has", async () => {
    const relations = lines(RELATIONS_HEADER, "R1,O2,4,3", "R7,O1,4,3");
    const reject = await onlyReject(
      { "survey_responses.csv": base, "survey_relations.csv": relations },
      "survey_relations.csv",
    );
    expect(reject).toMatchObject({
      line: 3,
      column: "response_id",
      value: "R7",
      reason: "unknown_value",
    });
    expect(reject.message_nl).toBe(
      'Kolom "response_id": antwoord "R7" staat niet tussen de geladen antwoorden van survey_responses.csv.',
    );
  });

  it("unknown_value: the response was rejected, and the message says so and where", async () => {
    const withBad = lines(RESPONSES_HEADER, GOOD, "R3,Slimmer Leven,2024-03-01,O3,8,,,,,");
    const relations = lines(RELATIONS_HEADER, "R1,O3,4,3", "", "R3,O1,4,3");
    const { db } = await loaded({
      "survey_responses.csv": withBad,
      "survey_relations.csv": relations,
    });
    const rejects = await rejectsOf(db, "survey_relations.csv");
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ line: 4, column: "response_id", reason: "unknown_value" });
    expect(rejects[0]!.message_nl).toBe(
      'Kolom "response_id": antwoord "R3" staat niet tussen de geladen antwoorden van survey_responses.csv (het antwoord zelf is afgewezen, op regel 3 van survey_responses.csv).',
    );
  });

  it("invalid_range: a relation to the respondent itself", async () => {
    const relations = lines(RELATIONS_HEADER, "R1,O2,4,3", "R2, O2 ,4,3");
    expect(
      await onlyReject(
        { "survey_responses.csv": base, "survey_relations.csv": relations },
        "survey_relations.csv",
      ),
    ).toMatchObject({
      line: 3,
      column: "partner_organisation_id",
      value: HIDDEN_ORGANISATION,
      reason: "invalid_range",
      message_nl: `Kolom "partner_organisation_id": "${HIDDEN_ORGANISATION}" is de antwoordende organisatie zelf; een relatie gaat over een andere organisatie.`,
    });
  });

  it("invalid_range: a trust score of 5 (scores are 1–4 here)", async () => {
    const relations = lines(RELATIONS_HEADER, "R1,O2,5,3");
    expect(
      await onlyReject(
        { "survey_responses.csv": base, "survey_relations.csv": relations },
        "survey_relations.csv",
      ),
    ).toMatchObject({ line: 2, column: "trust", value: "5", reason: "invalid_range" });
  });

  it("invalid_number: a value score that is no number", async () => {
    const relations = lines(RELATIONS_HEADER, "R1,O2,4,veel");
    expect(
      await onlyReject(
        { "survey_responses.csv": base, "survey_relations.csv": relations },
        "survey_relations.csv",
      ),
    ).toMatchObject({ line: 2, column: "value", value: "veel", reason: "invalid_number" });
  });

  it("duplicate_key: the same partner twice for one response", async () => {
    const relations = lines(RELATIONS_HEADER, "R1,O2,4,3", "R1,O2,1,1");
    expect(
      await onlyReject(
        { "survey_responses.csv": base, "survey_relations.csv": relations },
        "survey_relations.csv",
      ),
    ).toMatchObject({ line: 3, column: "response_id", reason: "duplicate_key" });
  });

  it("bad_row: a row with a field too few", async () => {
    const relations = lines(RELATIONS_HEADER, "R1,O2,4,3", "R2,O1,4");
    expect(
      await onlyReject(
        { "survey_responses.csv": base, "survey_relations.csv": relations },
        "survey_relations.csv",
      ),
    ).toMatchObject({ line: 3, reason: "bad_row" });
  });

  it("unknown response_id comes before a relation to oneself (column order)", async () => {
    const relations = lines(RELATIONS_HEADER, "R8,O1,9,9");
    expect(
      await onlyReject(
        { "survey_responses.csv": base, "survey_relations.csv": relations },
        "survey_relations.csv",
      ),
    ).toMatchObject({ line: 2, column: "response_id", reason: "unknown_value" });
  });
});
