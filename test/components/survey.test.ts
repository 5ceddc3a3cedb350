// @vitest-environment jsdom
/// <reference lib="dom" />
// Golden tests of the survey components (docs/components/survey*.js) on the payloads of
// survey-fixtures.ts, and what they say where a value is hidden or no survey was delivered.
import { beforeAll, describe, expect, it } from "vitest";
import * as data from "./fixtures.ts";
import { component, matchGolden, type Component } from "./golden.ts";
import { noSurvey, survey } from "./survey-fixtures.ts";

const WIDTH = 640;
const [NOORD, ZUID] = data.NETWORKS as [string, string];
const scopes = [...data.NETWORKS, "alle"];
let s: Component;
let charts: Component;
let profile: Component;

beforeAll(async () => {
  URL.createObjectURL = () => "blob:golden";
  s = await component("survey");
  charts = await component("survey-charts");
  profile = await component("survey-profile");
});

type Point = { scope: string; state: string; value: number | null; text: string };

describe("survey components", () => {
  it("gives each point its value or the reason it has none, never zero", () => {
    const points = s.surveyPoints!(survey, ["vertrouwen"], scopes) as Point[];
    const zuid = points.filter((p) => p.scope === ZUID);
    expect(zuid.map((p) => p.text)).toEqual([
      "nog geen enquêteronde",
      "verborgen: minder dan 5 organisaties gaven antwoord",
      "verborgen: minder dan 5 organisaties gaven antwoord",
      "62 %",
    ]);
    expect(zuid.map((p) => p.value)).toEqual([null, null, null, 0.62]);
    expect(s.hiddenNote!(points, 5)).toBe(
      "Niet getoond omdat minder dan 5 organisaties antwoord gaven: Netwerk Zuid (2 peildata).",
    );
    const none = s.surveyPoints!(noSurvey, ["vertrouwen"], scopes) as Point[];
    expect(new Set(none.map((p) => p.text))).toEqual(new Set(["geen enquête aangeleverd"]));
    expect(none.every((p) => p.value === null)).toBe(true);
  });

  it("says what a ranking shows: a change, a small previous round, or no survey", () => {
    expect(s.factorStatus!(survey, NOORD)).toBe(
      "Ronde van 15-08-2024, 12 organisaties gaven antwoord. Verandering ten opzichte van de ronde van 01-03-2024.",
    );
    expect(s.factorStatus!(survey, ZUID)).toBe(
      "Ronde van 01-11-2024, 6 organisaties gaven antwoord. Geen verandering: in de vorige ronde (01-05-2024) gaven minder dan 5 organisaties antwoord.",
    );
    expect(s.factorStatus!(noSurvey, NOORD)).toBe("Geen enquête aangeleverd.");
    const small = {
      ...survey,
      networks: [{ ...survey.networks[0], respondents: 4, factors_state: "verborgen" }],
    };
    expect(s.factorStatus!(small, NOORD)).toBe(
      "Ronde van 15-08-2024: minder dan 5 organisaties gaven antwoord, daarom geen rangorde.",
    );
  });

  it("survey-trend", () => {
    const points = s.surveyPoints!(survey, ["vertrouwen"], scopes);
    matchGolden(
      "survey-trend",
      charts.surveyTrend!(points, { width: WIDTH, scopes, networks: data.NETWORKS }) as Element,
    );
  });

  it("survey-factors", () => {
    const rows = s.factorRows!(survey, NOORD, "belemmering") as { label: string }[];
    expect(rows.map((r) => r.label)).toEqual([
      "Capaciteit en tijd",
      "Financiering",
      "Wet- en regelgeving",
      "Mandaat",
    ]);
    matchGolden("survey-factors", charts.factorChart!(rows, { width: WIDTH }) as Element);
  });

  it("survey-profile: gemeten beside ervaren, S2 and S4, a hidden value said in Dutch", () => {
    const rows = profile.experiencedRows!(
      data.indicators,
      data.catalog,
      survey,
      ZUID,
      "2024-06-30",
    ) as { condition: string; ervaren: { text: string } }[];
    expect(rows.map((r) => r.condition)).toEqual([
      "Onderlinge afhankelijkheid",
      "Meerlagigheid",
      "Toekomstperspectief",
      "Elkaar weten te bereiken",
      "Vertrouwen tussen partners",
      "Wederzijdse relaties",
    ]);
    expect(new Set(rows.map((r) => r.ervaren.text))).toEqual(
      new Set(["verborgen: minder dan 5 organisaties gaven antwoord"]),
    );
    const table = profile.experiencedTable!(rows, { caption: ZUID }) as Element;
    matchGolden("survey-profile", table);
    const none = profile.experiencedRows!(
      data.indicators,
      data.catalog,
      noSurvey,
      NOORD,
      data.PEILDATUM,
    ) as {
      ervaren: { text: string };
    }[];
    expect(none.map((r) => r.ervaren.text)).toEqual(Array(6).fill("geen enquête aangeleverd"));
    const empty = profile.experiencedTable!(none, { caption: NOORD }) as Element;
    expect(empty.outerHTML).not.toMatch(/\b0 %/);
  });
});
