import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { join, sql, type Sql } from "../../src/db/sql.ts";
import { signalSettings } from "../../src/signals/settings.ts";
import { buildSummaries } from "../../src/summaries/index.ts";

// The rules of src/summaries over a hand-made context: three reference dates a quarter apart
// plus the year before (idx 1 = a year before idx 5 = as_of), two indicators of the catalog.
const DATES = ["2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"];

type Row = [scope: string, indicator: string, values: (number | null)[]];

let db: Database;

beforeEach(async () => {
  db = await openDatabase(":memory:");
  const refs = DATES.map((d, i) => sql`(${i + 1}, ${d}::date, ${i === DATES.length - 1})`);
  await run(
    db,
    sql`create table ref_dates as select * from (values ${join(refs)}) as t(idx, d, is_as_of);
    create table scopes as select * from (values ('netwerk', 'Een'), ('netwerk', 'Twee'),
      ('totaal', 'alle')) as t(scope_type, scope);
    create table iza_scopes as select * from (values ('totaal', 'alle')) as t(scope_type, scope);
    create table catalog as select * from (values
      (1, 'leden_actief', 'aantal', 'hoger_is_beter', 0.05, 'het aantal actieve leden'),
      (2, 'opkomst_12m', 'aandeel', 'hoger_is_beter', 0.05, 'de opkomst bij bijeenkomsten'),
      (3, 'leden_uitstroom', 'aantal', 'lager_is_beter', 0.5, 'de uitstroom van leden'),
      (4, 'financiering_jaar', 'euro', 'hoger_is_beter', 0.1, 'de toegekende financiering voor dit jaar'),
      (5, 'centralisatie', 'index', 'neutraal', 0.05, 'de centralisatie')
    ) as t(ord, indicator, unit, direction, news_threshold, subject_nl);
    create table indicators (scope_type varchar, scope varchar, indicator varchar,
      period_end date, value double);
    create table signals (signal varchar, severity varchar, scope_type varchar, scope varchar,
      subject_id varchar, message_nl varchar);`,
  );
});

afterEach(() => closeDatabase(db));

async function indicators(list: Row[]): Promise<void> {
  const values: Sql[] = list.flatMap(([scope, indicator, series]) =>
    series.map(
      (v, i) =>
        sql`(${scope === "alle" ? "totaal" : "netwerk"}, ${scope}, ${indicator}, ${DATES[i]!}::date, ${v}::double)`,
    ),
  );
  await run(db, sql`insert into indicators values ${join(values)}`);
}

async function summary(scope: string): Promise<[string, string][]> {
  await buildSummaries(db, signalSettings);
  const found = await rows<{ item: string; sentence: string }>(
    db,
    sql`select indicator_or_signal as item, sentence_nl as sentence from summaries
      where scope = ${scope} order by position`,
  );
  return found.map((r) => [r.item, r.sentence]);
}

describe("summary rules", () => {
  it("an increase names both values and the date compared with (a year earlier)", async () => {
    await indicators([["Een", "leden_actief", [43, 44, 45, 45, 47]]]);
    expect(await summary("Een")).toEqual([
      ["leden_actief", "Het aantal actieve leden steeg sinds 30-09-2025 van 43 naar 47."],
    ]);
  });

  it("a decrease of a share is told in procentpunt", async () => {
    await indicators([["Een", "opkomst_12m", [0.8, 0.8, 0.8, 0.85, 0.76]]]);
    expect(await summary("Een")).toEqual([
      [
        "opkomst_12m",
        "De opkomst bij bijeenkomsten daalde sinds 30-06-2026 met 9 procentpunt, van 85 % naar 76 %.",
      ],
    ]);
  });

  it("a change under the catalog's threshold is no news: the value is told as unchanged", async () => {
    // 46 → 47 is 2,2 %, under 5 %; 0,80 → 0,83 is 3 procentpunt, under 5
    await indicators([
      ["Een", "leden_actief", [46, 46, 46, 46, 47]],
      ["Een", "opkomst_12m", [0.8, 0.8, 0.8, 0.8, 0.83]],
    ]);
    expect(await summary("Een")).toEqual([
      [
        "leden_actief",
        "Het aantal actieve leden bleef vrijwel gelijk: 47 op 30-09-2026, tegen 46 op 30-09-2025.",
      ],
      [
        "opkomst_12m",
        "De opkomst bij bijeenkomsten bleef vrijwel gelijk: 83 % op 30-09-2026, tegen 80 % op 30-09-2025.",
      ],
    ]);
  });

  it("null values are never news nor told", async () => {
    await indicators([
      ["Een", "opkomst_12m", [null, null, null, null, 0.5]],
      ["Een", "leden_actief", [10, 10, 10, 10, null]],
    ]);
    expect(await summary("Een")).toEqual([
      ["opkomst_12m", "De opkomst bij bijeenkomsten is 50 % op 30-09-2026."],
    ]);
  });

  it("orders hoog signals first, then unfavourable, then favourable changes; neutral never", async () => {
    await indicators([
      ["Een", "leden_actief", [40, 40, 40, 40, 50]],
      ["Een", "leden_uitstroom", [0, 0, 0, 0, 3]],
      ["Een", "opkomst_12m", [0.9, 0.9, 0.9, 0.9, 0.7]],
      ["Een", "centralisatie", [0.1, 0.1, 0.1, 0.1, 0.9]],
    ]);
    await run(
      db,
      sql`insert into signals values
        ('verduurzaming_risico', 'hoog', 'netwerk', 'Een', 'P1', 'Project "A" loopt af.'),
        ('verduurzaming_risico', 'hoog', 'netwerk', 'Een', 'P2', 'Project "B" loopt af.'),
        ('slapend_lid', 'laag', 'netwerk', 'Een', 'O1', 'Lid "C" slaapt.'),
        ('verduurzaming_risico', 'hoog', 'netwerk', 'Twee', 'P3', 'Project "D" (Twee) loopt af.')`,
    );
    expect(await summary("Een")).toEqual([
      [
        "verduurzaming_risico",
        "Twee projecten lopen binnen een half jaar af zonder toegekende financiering voor daarna.",
      ],
      ["leden_uitstroom", "De uitstroom van leden steeg sinds 30-09-2025 van 0 naar 3."],
      [
        "opkomst_12m",
        "De opkomst bij bijeenkomsten daalde sinds 30-09-2025 met 20 procentpunt, van 90 % naar 70 %.",
      ],
      ["leden_actief", "Het aantal actieve leden steeg sinds 30-09-2025 van 40 naar 50."],
    ]);
    // One signal of a kind: its own sentence; alle has the signals of every network.
    expect(await summary("Twee")).toEqual([
      ["verduurzaming_risico", 'Project "D" (Twee) loopt af.'],
    ]);
    expect((await summary("alle"))[0]).toEqual([
      "verduurzaming_risico",
      "Drie projecten lopen binnen een half jaar af zonder toegekende financiering voor daarna.",
    ]);
  });

  it("a scope without funding or survey (null values) speaks of what it has; euros in nl-NL", async () => {
    await indicators([
      ["Een", "financiering_jaar", [null, null, null, null, null]],
      ["Een", "leden_actief", [10, 10, 10, 10, 10]],
      ["Twee", "financiering_jaar", [1_200_000, 1_200_000, 1_200_000, 1_200_000, 2_600_000]],
    ]);
    expect(await summary("Een")).toEqual([
      [
        "leden_actief",
        "Het aantal actieve leden bleef gelijk: 10 op 30-09-2026, net als op 30-09-2025.",
      ],
    ]);
    expect(await summary("Twee")).toEqual([
      [
        "financiering_jaar",
        "De toegekende financiering voor dit jaar steeg sinds 30-09-2025 van € 1,2 mln naar € 2,6 mln.",
      ],
    ]);
  });

  it("keeps at most seven sentences, with room for the largest favourable change", async () => {
    const ids = ["leden_actief", "leden_uitstroom", "opkomst_12m", "financiering_jaar"];
    await indicators([
      ...ids
        .slice(1)
        .map((id): Row => [
          "Een",
          id,
          id === "leden_uitstroom"
            ? [0, 0, 0, 0, 4]
            : id === "opkomst_12m"
              ? [0.9, 0.9, 0.9, 0.9, 0.5]
              : [9e5, 9e5, 9e5, 9e5, 1e5],
        ]),
      ["Een", "leden_actief", [10, 10, 10, 10, 11]],
    ]);
    const kinds = [
      "verduurzaming_risico",
      "slapend_lid",
      "mijlpaal_achterstallig",
      "opkomst_daling",
      "behoud_laag",
    ];
    const signals = kinds.map((k) => sql`(${k}, 'hoog', 'netwerk', 'Een', 'x', 'Eén.')`);
    await run(db, sql`insert into signals values ${join(signals)}`);
    const found = await summary("Een");
    expect(found).toHaveLength(7);
    expect(
      found
        .slice(0, 5)
        .map((f) => f[0])
        .sort(),
    ).toEqual([...kinds].sort());
    // of three unfavourable changes one fits, then the favourable one
    expect(found.slice(5).map((f) => f[0])).toEqual(["financiering_jaar", "leden_actief"]);
  });
});
