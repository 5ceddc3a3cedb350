import { describe, expect, it } from "vitest";
import { rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { membership } from "../../src/indicators/membership.ts";
import { surveyFamily } from "../../src/indicators/survey.ts";
import { compute, csv, value } from "./helpers.ts";

/*
 * A tiny survey, worked by hand. as_of 2024-06-30: the reference dates are the quarter ends
 * 2021-09-30 … 2024-03-31 and 2024-06-30.
 *
 * Noord: members N1–N6 since 2020, N7 since 2024-03-01. Two rounds:
 *   round 1, 2024-02-15 (the round at d = 2024-03-31): N1–N5 and X1 (no member), dependence
 *     4,4,4,4,4,1; no other scores, no relations.
 *   round 2, 2024-05-15 (the round at d = 2024-06-30): N1, N2, N3, N7 and X1.
 * Zuid: members Z1–Z4; one round 2024-04-01 with Z1–Z4 answering (4 respondents: hidden).
 * West: members W1–W5 and N1; one round 2024-06-01 with all six answering, dependence 5.
 * Elders: a network no other export names; its five answers count nowhere.
 */
const MEMBERS = csv(
  "organisation_id,organisation_name,network,sector,joined_on",
  ...["N1", "N2", "N3", "N4", "N5", "N6"].map((o) => `${o},${o},Noord,zorg,2020-01-01`),
  "N7,N7,Noord,zorg,2024-03-01",
  ...["Z1", "Z2", "Z3", "Z4"].map((o) => `${o},${o},Zuid,zorg,2020-01-01`),
  ...["W1", "W2", "W3", "W4", "W5", "N1"].map((o) => `${o},${o},West,zorg,2020-01-01`),
);

const RESPONSES = csv(
  "response_id,network,round_on,organisation_id,dependence,layers,future,reach",
  // Noord round 1
  "a1,Noord,2024-02-15,N1,4,,,",
  "a2,Noord,2024-02-15,N2,4,,,",
  "a3,Noord,2024-02-15,N3,4,,,",
  "a4,Noord,2024-02-15,N4,4,,,",
  "a5,Noord,2024-02-15,N5,4,,,",
  "ax,Noord,2024-02-15,X1,1,,,",
  // Noord round 2: dependence 5,4,2,1,4; layers 4,–,5,3,4; future 5,5,5,4,1; reach 1,2,3,4,5
  "b1,Noord,2024-05-15,N1,5,4,5,1",
  "b2,Noord,2024-05-15,N2,4,,5,2",
  "b3,Noord,2024-05-15,N3,2,5,5,3",
  "b7,Noord,2024-05-15,N7,1,3,4,4",
  "bx,Noord,2024-05-15,X1,4,4,1,5",
  // Zuid: four respondents, all agreeing
  ...["Z1", "Z2", "Z3", "Z4"].map((o) => `z${o},Zuid,2024-04-01,${o},5,,1,`),
  // West: six respondents, among them N1 (which answered for Noord as well)
  ...["W1", "W2", "W3", "W4", "W5", "N1"].map((o) => `w${o},West,2024-06-01,${o},5,,,`),
  // Elders: unknown network
  ...["E1", "E2", "E3", "E4", "E5"].map((o) => `e${o},Elders,2024-06-01,${o},1,1,1,1`),
);

// Noord round 2 relations: trust / value (1–4); EXT is an external party, not a respondent
const RELATIONS = csv(
  "response_id,partner_organisation_id,trust,value",
  "b1,N2,4,4",
  "b1,N3,3,",
  "b1,EXT,1,1",
  "b2,N1,4,3",
  "b3,N7,2,2",
  "b7,X1,4,4",
  "bx,N7,1,1",
  "bx,N1,,",
);

const run = () =>
  compute(
    {
      "members.csv": MEMBERS,
      "survey_responses.csv": RESPONSES,
      "survey_relations.csv": RELATIONS,
    },
    [membership, surveyFamily],
    "2024-06-30",
  );

describe("survey family catalog", () => {
  it("has S1–S8 with the spec's ids and names, as shares, in group enquete", () => {
    expect(surveyFamily.group).toBe("enquete");
    expect(surveyFamily.entries.map((e) => [e.code, e.id, e.name_nl])).toEqual([
      ["S1", "enquete_respons", "Respons enquête"],
      ["S2", "vertrouwen", "Vertrouwen tussen partners"],
      ["S3", "waarde", "Waarde van de samenwerking"],
      ["S4", "wederzijdse_relaties", "Wederzijdse relaties"],
      ["S5", "ervaren_afhankelijkheid", "Ervaren onderlinge afhankelijkheid"],
      ["S6", "ervaren_meerlagigheid", "Ervaren meerlagigheid"],
      ["S7", "ervaren_toekomstperspectief", "Ervaren toekomstperspectief"],
      ["S8", "ervaren_bereikbaarheid", "Ervaren bereikbaarheid"],
    ]);
    for (const e of surveyFamily.entries) {
      expect(e.unit).toBe("aandeel");
      expect(e.zeroWhenEmpty).toBe(false);
      expect(e.scopeTypes).toEqual(["netwerk", "totaal"]);
      // every value but S1 explains the small-number rule in Dutch
      if (e.code !== "S1") expect(e.definition_nl).toContain("minder dan 5 respondenten");
    }
  });
});

describe("S1–S8 on a hand-worked survey", () => {
  it("S1: member respondents over the active members at round_on", async () => {
    const db = await run();
    // round 1: N1–N5 are members (X1 is not) of the 6 active on 2024-02-15 (N7 joins later)
    expect(await value(db, "Noord", "enquete_respons", "2024-03-31")).toBeCloseTo(5 / 6, 12);
    // round 2: N1, N2, N3, N7 of the 7 active on 2024-05-15
    expect(await value(db, "Noord", "enquete_respons", "2024-06-30")).toBeCloseTo(4 / 7, 12);
    // before any round: null, never 0
    expect(await value(db, "Noord", "enquete_respons", "2023-12-31")).toBeNull();
    // S1 has no small-number rule: Zuid's 4 of 4
    expect(await value(db, "Zuid", "enquete_respons", "2024-06-30")).toBe(1);
    // totaal: (4 + 4 + 6) / (7 + 4 + 6); at 2024-03-31 only Noord has a round: 5 / 6
    expect(await value(db, "alle", "enquete_respons", "2024-06-30", "totaal")).toBeCloseTo(
      14 / 17,
      12,
    );
    expect(await value(db, "alle", "enquete_respons", "2024-03-31", "totaal")).toBeCloseTo(
      5 / 6,
      12,
    );
  });

  it("S2, S3: means over relations of (score − 1) / 3, an external partner included", async () => {
    const db = await run();
    // trust 4,3,1,4,2,4,1 → 1 + 2/3 + 0 + 1 + 1/3 + 1 + 0 = 4 over 7 relations, 5 respondents
    expect(await value(db, "Noord", "vertrouwen", "2024-06-30")).toBeCloseTo(4 / 7, 12);
    // value 4,1,3,2,4,1 → 1 + 0 + 2/3 + 1/3 + 1 + 0 = 3 over 6 relations, 5 respondents
    expect(await value(db, "Noord", "waarde", "2024-06-30")).toBeCloseTo(3 / 6, 12);
    // round 1 had no relations
    expect(await value(db, "Noord", "vertrouwen", "2024-03-31")).toBeNull();
    // totaal: only Noord has relations
    expect(await value(db, "alle", "vertrouwen", "2024-06-30", "totaal")).toBeCloseTo(4 / 7, 12);
  });

  it("S4: the mutual share of respondent pairs", async () => {
    const db = await run();
    // pairs: {N1,N2} mutual, {N1,N3}, {N3,N7}, {N7,X1} mutual, {N1,X1} (X1 names N1 without
    // scores); N1 → EXT is no pair (EXT did not answer) → 2 / 5, with 5 respondents in pairs
    expect(await value(db, "Noord", "wederzijdse_relaties", "2024-06-30")).toBeCloseTo(0.4, 12);
  });

  it("S5–S8: share answering 4 or 5, with the 4-vs-5 small-number boundary", async () => {
    const db = await run();
    // dependence 5,4,2,1,4 (X1, no member, counts): 3 of 5
    expect(await value(db, "Noord", "ervaren_afhankelijkheid", "2024-06-30")).toBeCloseTo(0.6, 12);
    // layers: only 4 respondents answered → hidden
    expect(await value(db, "Noord", "ervaren_meerlagigheid", "2024-06-30")).toBeNull();
    // future 5,5,5,4,1 → 4 / 5; reach 1,2,3,4,5 → 2 / 5
    expect(await value(db, "Noord", "ervaren_toekomstperspectief", "2024-06-30")).toBeCloseTo(
      0.8,
      12,
    );
    expect(await value(db, "Noord", "ervaren_bereikbaarheid", "2024-06-30")).toBeCloseTo(0.4, 12);
    // d between the rounds: round 1, dependence 4,4,4,4,4,1 → 5 / 6
    expect(await value(db, "Noord", "ervaren_afhankelijkheid", "2024-03-31")).toBeCloseTo(
      5 / 6,
      12,
    );
    // Zuid: 4 respondents → every value but S1 is hidden
    expect(await value(db, "Zuid", "ervaren_afhankelijkheid", "2024-06-30")).toBeNull();
    expect(await value(db, "Zuid", "ervaren_toekomstperspectief", "2024-06-30")).toBeNull();
  });

  it("totaal pools counts of the rounds shown in their own network, then applies the rule", async () => {
    const db = await run();
    // S5: Noord 3 / 5 and West 6 / 6 pooled = 9 / 11 (not the mean 0.8); Zuid's hidden 4 / 4
    // is left out (with it 13 / 15), and Elders counts nowhere (with it 9 / 16)
    expect(await value(db, "alle", "ervaren_afhankelijkheid", "2024-06-30", "totaal")).toBeCloseTo(
      9 / 11,
      12,
    );
    // S7: Noord 4 / 5 only; Zuid's hidden 0 / 4 would make it 4 / 9
    expect(
      await value(db, "alle", "ervaren_toekomstperspectief", "2024-06-30", "totaal"),
    ).toBeCloseTo(0.8, 12);
    // S6: Noord hidden, no other network answered → null
    expect(await value(db, "alle", "ervaren_meerlagigheid", "2024-06-30", "totaal")).toBeNull();
    // at 2024-03-31 only Noord's round 1: 5 / 6
    expect(await value(db, "alle", "ervaren_afhankelijkheid", "2024-03-31", "totaal")).toBeCloseTo(
      5 / 6,
      12,
    );
  });

  it("a survey network no other export names gets no rows", async () => {
    const db = await run();
    const [n] = await rows<{ n: bigint }>(
      db,
      sql`select count(*) as n from indicators where scope = 'Elders'`,
    );
    expect(Number(n!.n)).toBe(0);
  });
});

describe("without survey files", () => {
  it("the S rows exist for every scope and date, with empty values", async () => {
    const db = await compute({ "members.csv": MEMBERS }, [surveyFamily], "2024-06-30");
    const [counts] = await rows<{ n: bigint; filled: bigint }>(
      db,
      sql`select count(*) as n, count(value) as filled from indicators`,
    );
    // 3 networks + alle, 8 indicators, 12 dates
    expect(Number(counts!.n)).toBe(4 * 8 * 12);
    expect(Number(counts!.filled)).toBe(0);
  });

  it("with responses but no relations, S1 and S5–S8 have values and S2–S4 are empty", async () => {
    const db = await compute(
      { "members.csv": MEMBERS, "survey_responses.csv": RESPONSES },
      [surveyFamily],
      "2024-06-30",
    );
    expect(await value(db, "Noord", "enquete_respons", "2024-06-30")).toBeCloseTo(4 / 7, 12);
    expect(await value(db, "Noord", "ervaren_bereikbaarheid", "2024-06-30")).toBeCloseTo(0.4, 12);
    expect(await value(db, "Noord", "vertrouwen", "2024-06-30")).toBeNull();
    expect(await value(db, "Noord", "wederzijdse_relaties", "2024-06-30")).toBeNull();
  });
});
