import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { MEMBERS, tempDir, writeExports } from "../helpers.ts";
import { capture, query, refreshInto } from "./cli-helpers.ts";
import { sql } from "../../src/db/sql.ts";

describe("regiomonitor with survey files", () => {
  it("exits 2 on relations without responses, with a Dutch message naming both files", async () => {
    const data = writeExports({
      "members.csv": MEMBERS,
      "enquete_relaties.csv": "antwoord_id,partner_id,vertrouwen,waarde\nR1,O2,4,3\n",
    });
    const effects = capture();
    expect(await main(["validate", "--data", data], effects)).toBe(2);
    const printed = [...effects.out, ...effects.err].join("\n");
    expect(printed).toContain(
      "survey_relations.csv: enquêterelaties zonder enquêteantwoorden zijn niet te gebruiken",
    );
    expect(printed).toContain("survey_responses.csv (of enquete.csv)");
    const out = join(tempDir(), "out");
    const refreshed = await refreshInto(data, out);
    expect(refreshed.status).toBe(2);
  });

  it("a refresh loads the survey and writes survey_factors and the S rows", async () => {
    const members = [
      "organisation_id,organisation_name,network,sector,joined_on",
      ...[1, 2, 3, 4, 5].map((i) => `O${i},Org ${i},Slimmer Leven,zorg,2020-01-01`),
      "",
    ].join("\n");
    const responses = [
      "antwoord_id;netwerk;ronde;organisatie_id;afhankelijkheid;belemmeringen",
      ...[1, 2, 3, 4, 5].map((i) => `R${i};Slimmer Leven;01-03-2024;O${i};${i};"geld|tijd;"`),
      "",
    ].join("\r\n");
    const data = writeExports({ "members.csv": members, "enquete.csv": responses });
    const out = join(tempDir(), "out");
    const { status, db } = await refreshInto(data, out);
    expect(status).toBe(0);
    // dependence 1..5: 4 and 5 agree → 2 of 5
    const [s5] = await query<{ value: number }>(
      db,
      sql`select value from indicators where scope = 'Slimmer Leven'
       and indicator = 'ervaren_afhankelijkheid' and period_end = '2024-06-30'`,
    );
    expect(s5!.value).toBeCloseTo(0.4, 12);
    expect(readFileSync(join(out, "survey_factors.csv"), "utf8")).toBe(
      [
        "network,round_on,kind,factor,respondents,share",
        "Slimmer Leven,2024-03-01,belemmering,capaciteit,5,1",
        "Slimmer Leven,2024-03-01,belemmering,financiering,5,1",
        "",
      ].join("\r\n"),
    );
  });
});
