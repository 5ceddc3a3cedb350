import { describe, expect, it } from "vitest";
import { rows } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { surveyFamily } from "../../src/indicators/survey.ts";
import { surveyFactorsSql } from "../../src/output/survey-factors.ts";
import { compute, csv } from "../indicators/helpers.ts";

const MEMBERS = csv(
  "organisation_id,organisation_name,network,sector,joined_on",
  "N1,N1,Noord,zorg,2020-01-01",
  "Z1,Z1,Zuid,zorg,2020-01-01",
);

/*
 * Noord 2024-03-01: five respondents → rows. N1 and N2 name financiering (N2 twice, in two
 * spellings: once), N3 names nothing, N4 capaciteit, N5 financiering and capaciteit;
 * success factors: N1 and N4 visie (gedeelde_visie).
 * Noord 2024-05-01: four respondents → no rows. Noord 2024-09-01: after as_of → no rows.
 * Elders: a network no other export names → no rows.
 */
const RESPONSES = csv(
  "response_id,network,round_on,organisation_id,barriers,success_factors",
  "r1,Noord,2024-03-01,N1,financiering,visie",
  'r2,Noord,2024-03-01,N2,"financiering;geld",',
  "r3,Noord,2024-03-01,N3,,",
  "r4,Noord,2024-03-01,N4,tijd,gedeelde visie",
  "r5,Noord,2024-03-01,N5,financiering|capaciteit,",
  ...["N1", "N2", "N3", "N4"].map((o) => `s${o},Noord,2024-05-01,${o},financiering,`),
  ...["N1", "N2", "N3", "N4", "N5"].map((o) => `t${o},Noord,2024-09-01,${o},financiering,`),
  ...["E1", "E2", "E3", "E4", "E5"].map((o) => `e${o},Elders,2024-03-01,${o},financiering,`),
);

describe("survey_factors", () => {
  it("counts respondents per factor over every round up to as_of with at least 5 respondents", async () => {
    const db = await compute(
      { "members.csv": MEMBERS, "survey_responses.csv": RESPONSES },
      [surveyFamily],
      "2024-06-30",
    );
    const factors = await rows(
      db,
      sql`select network, strftime(round_on, '%Y-%m-%d') as round_on, kind, factor, respondents, share
       from (${surveyFactorsSql}) order by all`,
    );
    expect(factors).toEqual([
      // financiering: N1, N2, N5 = 3 of 5; capaciteit: N4, N5 = 2 of 5
      {
        network: "Noord",
        round_on: "2024-03-01",
        kind: "belemmering",
        factor: "capaciteit",
        respondents: 2,
        share: 0.4,
      },
      {
        network: "Noord",
        round_on: "2024-03-01",
        kind: "belemmering",
        factor: "financiering",
        respondents: 3,
        share: 0.6,
      },
      // gedeelde_visie: N1, N4 = 2 of 5 (N3 named nothing but counts in the denominator)
      {
        network: "Noord",
        round_on: "2024-03-01",
        kind: "succesfactor",
        factor: "gedeelde_visie",
        respondents: 2,
        share: 0.4,
      },
    ]);
  });
});
