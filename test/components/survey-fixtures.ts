// Fixed enquete.json payloads for the survey components' golden tests (the shape of the site
// mart site_survey, src/site/survey.ts): Noord with a value at every date, Zuid hidden at two
// dates by the small-number rule and without a round at the first; and the same without survey.
import { DATES, NETWORKS } from "./fixtures.ts";

const [NOORD, ZUID] = NETWORKS as [string, string];
const IDS = [
  "enquete_respons",
  "vertrouwen",
  "waarde",
  "wederzijdse_relaties",
  "ervaren_afhankelijkheid",
  "ervaren_meerlagigheid",
  "ervaren_toekomstperspectief",
  "ervaren_bereikbaarheid",
];

function series(scope: string, k: number) {
  return IDS.map((indicator, i) => {
    const states = DATES.map((_, d) => {
      if (scope !== ZUID) return "waarde";
      if (d === 0) return "geen_ronde";
      return d < 3 && indicator !== "enquete_respons" ? "verborgen" : "waarde";
    });
    return {
      scope_type: scope === "alle" ? "totaal" : "netwerk",
      scope,
      indicator,
      values: states.map((s, d) =>
        s === "waarde" ? Math.round((0.3 + 0.07 * i + 0.05 * d + 0.1 * k) * 1000) / 1000 : null,
      ),
      states,
      rounds: DATES.map((_, d) =>
        scope === "alle"
          ? null
          : d === 0 && scope === ZUID
            ? null
            : d < 2
              ? "2024-03-01"
              : "2024-08-15",
      ),
      respondents: states.map((s, d) =>
        s === "geen_ronde" ? 0 : scope === ZUID ? (d < 3 ? 4 : 6) : 12,
      ),
    };
  });
}

export const survey = {
  delivered: true,
  small_number: 5,
  as_of: DATES.at(-1),
  reference_dates: DATES,
  rounds: [
    { network: NOORD, round_on: "2024-03-01", respondents: 12 },
    { network: NOORD, round_on: "2024-08-15", respondents: 12 },
    { network: ZUID, round_on: "2024-05-01", respondents: 4 },
    { network: ZUID, round_on: "2024-11-01", respondents: 6 },
  ],
  networks: [
    {
      network: NOORD,
      round_on: "2024-08-15",
      respondents: 12,
      previous_on: "2024-03-01",
      previous_respondents: 12,
      factors_state: "getoond",
      change_state: "vergeleken",
    },
    {
      network: ZUID,
      round_on: "2024-11-01",
      respondents: 6,
      previous_on: "2024-05-01",
      previous_respondents: 4,
      factors_state: "getoond",
      change_state: "vorige_verborgen",
    },
  ],
  series: [...series(NOORD, 0), ...series(ZUID, 1), ...series("alle", 0.5)],
  factors: [
    {
      network: NOORD,
      kind: "belemmering",
      factor: "capaciteit",
      rank: 1,
      named: 7,
      share: 0.5833,
      change: 0.25,
    },
    {
      network: NOORD,
      kind: "belemmering",
      factor: "financiering",
      rank: 2,
      named: 5,
      share: 0.4167,
      change: -0.0833,
    },
    {
      network: NOORD,
      kind: "belemmering",
      factor: "regelgeving",
      rank: 3,
      named: 2,
      share: 0.1667,
      change: 0,
    },
    {
      network: NOORD,
      kind: "belemmering",
      factor: "mandaat",
      rank: 4,
      named: 0,
      share: 0,
      change: -0.1667,
    },
    {
      network: ZUID,
      kind: "succesfactor",
      factor: "elkaar_kennen",
      rank: 1,
      named: 4,
      share: 0.6667,
      change: null,
    },
  ],
};

export const noSurvey = {
  delivered: false,
  small_number: 5,
  as_of: DATES.at(-1),
  reference_dates: DATES,
  rounds: [],
  networks: [],
  series: [],
  factors: [],
};
