// The survey marts (src/site/survey.ts) on a hand-made fixture: the rounds of three networks, a
// network outside the monitor, a round after the peildatum, a small round before a shown one,
// and the S values of the indicators table. Expected values are worked out in the comments.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { SURVEY_INDICATORS, surveyMarts } from "../../src/site/index.ts";

let db: Database;

/** Three reference dates; networks A, B and C (C never held a round). */
const setup = sql`
create table ref_dates as select * from (values
  (1, date '2024-03-31', false), (2, date '2024-06-30', false), (3, date '2024-09-30', true)
) as t(idx, d, is_as_of);
create table networks as select * from (values ('A'), ('B'), ('C')) as t(network);
create table responses as
  select 'A' as network, date '2024-01-15' as round_on from range(6)
  union all select 'A', date '2024-05-01' from range(7)
  union all select 'A', date '2024-12-01' from range(9) -- after the peildatum: not counted
  union all select 'B', date '2023-10-01' from range(4) -- a small round
  union all select 'B', date '2024-08-01' from range(5)
  union all select 'X', date '2024-02-01' from range(8); -- not a network of the monitor
create table factors as select * from (values
  ('A', date '2024-01-15', 'belemmering', 'financiering', 3, 0.5),
  ('A', date '2024-01-15', 'belemmering', 'capaciteit', 2, 0.3333),
  ('A', date '2024-05-01', 'belemmering', 'financiering', 2, 0.2857),
  ('A', date '2024-05-01', 'belemmering', 'mandaat', 4, 0.5714),
  ('A', date '2024-05-01', 'succesfactor', 'visie', 7, 1.0),
  ('B', date '2024-08-01', 'belemmering', 'capaciteit', 1, 0.2)
) as t(network, round_on, kind, factor, respondents, share);
create table indicators (scope_type varchar, scope varchar, indicator varchar, period_end date,
  value double);`;

/** Every S indicator of every scope at every date: A shown, B hidden until its round of 5. */
const values = sql`
insert into indicators
select s.scope_type, s.scope, i.indicator, r.d,
  case
    when s.scope = 'A' then 0.5 + r.idx / 10
    when s.scope = 'B' and r.idx = 3 then 0.7
    when s.scope = 'alle' then 0.55
  end
from (values ('netwerk', 'A'), ('netwerk', 'B'), ('netwerk', 'C'), ('totaal', 'alle'))
  as s(scope_type, scope)
cross join (select unnest([${SURVEY_INDICATORS}]) as indicator) as i
cross join ref_dates as r
union all select 'netwerk', 'A', 'leden_actief', date '2024-09-30', 12`;

interface Series {
  scope_type: string;
  scope: string;
  indicator: string;
  values: (number | null)[];
  states: string[];
  rounds: (string | null)[];
  respondents: number[];
}
interface Payload {
  delivered: boolean;
  as_of: string;
  rounds: { network: string; round_on: string; respondents: number }[];
  series: Series[];
  networks: Record<string, string | number | null>[];
  factors: Record<string, string | number | null>[];
}

async function payload(): Promise<Payload> {
  const [row] = await rows<{ payload: string }>(db, sql`select payload from site_survey`);
  return JSON.parse(row!.payload);
}

beforeEach(async () => {
  db = await openDatabase(":memory:");
  await run(db, setup);
  await run(db, values);
});
afterEach(() => closeDatabase(db));

describe("site: survey marts", () => {
  it("gives the rounds, the S series with the state of each value, and the ranked factors", async () => {
    for (const mart of surveyMarts({
      responses: sql`select * from responses`,
      factors: sql`select * from factors`,
    }))
      await run(db, mart);
    const p = await payload();
    expect(p.delivered).toBe(true);
    expect(p.as_of).toBe("2024-09-30");
    // X is no network of the monitor; A's round of 2024-12-01 lies after the peildatum.
    expect(p.rounds).toEqual([
      { network: "A", round_on: "2024-01-15", respondents: 6 },
      { network: "A", round_on: "2024-05-01", respondents: 7 },
      { network: "B", round_on: "2023-10-01", respondents: 4 },
      { network: "B", round_on: "2024-08-01", respondents: 5 },
    ]);
    const trust = (scope: string) =>
      p.series.find((s) => s.scope === scope && s.indicator === "vertrouwen");
    // A: the 2024-01-15 round at 31-03, the 2024-05-01 round at 30-06 and 30-09.
    expect(trust("A")).toEqual({
      scope_type: "netwerk",
      scope: "A",
      indicator: "vertrouwen",
      values: [0.6, 0.7, 0.8],
      states: ["waarde", "waarde", "waarde"],
      rounds: ["2024-01-15", "2024-05-01", "2024-05-01"],
      respondents: [6, 7, 7],
    });
    // B: its round of 4 at the first two dates (hidden), its round of 5 at 30-09.
    expect(trust("B")?.states).toEqual(["verborgen", "verborgen", "waarde"]);
    expect(trust("B")?.respondents).toEqual([4, 4, 5]);
    expect(trust("C")?.states).toEqual(["geen_ronde", "geen_ronde", "geen_ronde"]);
    expect(trust("C")?.values).toEqual([null, null, null]);
    // alle pools the rounds current at each date: 6 + 4, 7 + 4, 7 + 5.
    expect(trust("alle")?.respondents).toEqual([10, 11, 12]);
    // Only the S indicators: leden_actief is not in the payload.
    expect(p.series.filter((s) => s.scope === "A")).toHaveLength(8);
    expect(p.networks).toEqual([
      {
        network: "A",
        round_on: "2024-05-01",
        respondents: 7,
        previous_on: "2024-01-15",
        previous_respondents: 6,
        factors_state: "getoond",
        change_state: "vergeleken",
      },
      {
        network: "B",
        round_on: "2024-08-01",
        respondents: 5,
        previous_on: "2023-10-01",
        previous_respondents: 4,
        factors_state: "getoond",
        change_state: "vorige_verborgen",
      },
    ]);
    // A: mandaat 4 of 7 (new: +0,5714), financiering 2 of 7 (0,2857 − 0,5 = −0,2143),
    // capaciteit named by nobody now (0 − 0,3333). B: no change, its previous round was small.
    expect(p.factors).toEqual([
      {
        network: "A",
        kind: "belemmering",
        factor: "mandaat",
        rank: 1,
        named: 4,
        share: 0.5714,
        change: 0.5714,
      },
      {
        network: "A",
        kind: "belemmering",
        factor: "financiering",
        rank: 2,
        named: 2,
        share: 0.2857,
        change: -0.2143,
      },
      {
        network: "A",
        kind: "belemmering",
        factor: "capaciteit",
        rank: 3,
        named: 0,
        share: 0,
        change: -0.3333,
      },
      {
        network: "A",
        kind: "succesfactor",
        factor: "visie",
        rank: 1,
        named: 7,
        share: 1,
        change: 1,
      },
      {
        network: "B",
        kind: "belemmering",
        factor: "capaciteit",
        rank: 1,
        named: 1,
        share: 0.2,
        change: null,
      },
    ]);
  });

  it("hides the factors of a latest round below 5 respondents", async () => {
    await run(db, sql`insert into responses select 'B', date '2024-09-01' from range(3)`);
    for (const mart of surveyMarts({
      responses: sql`select * from responses`,
      factors: sql`select * from factors`,
    }))
      await run(db, mart);
    const p = await payload();
    const b = p.networks.find((n) => n.network === "B");
    expect([b?.round_on, b?.respondents, b?.factors_state, b?.change_state]).toEqual([
      "2024-09-01",
      3,
      "verborgen",
      "vergeleken",
    ]);
    expect(p.factors.filter((f) => f.network === "B")).toEqual([]);
  });

  it("says no survey was delivered when there is none, never zero", async () => {
    for (const mart of surveyMarts({ responses: null, factors: null })) await run(db, mart);
    const p = await payload();
    expect(p.delivered).toBe(false);
    expect(p.rounds).toEqual([]);
    expect(p.factors).toEqual([]);
    expect(new Set(p.series.flatMap((s) => s.states))).toEqual(new Set(["geen_enquete"]));
  });
});
