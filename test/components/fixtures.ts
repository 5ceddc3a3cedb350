// Fixed data for the chart components' golden tests: two networks over four reference dates, a
// few sectors, sources, stages, meetings, milestones and a topology of two squares. Small and
// written out by hand, so that a golden file changes only when a component draws differently.

const vocabulary = (values: [string, string][]) =>
  values.map(([value, label]) => ({ value, label }));

export const NETWORKS = ["Netwerk Noord", "Netwerk Zuid"];
export const DATES = ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"];
export const PEILDATUM = "2024-12-31";

export const meta = {
  peildatum: PEILDATUM,
  reference_dates: DATES,
  refreshed_at: "2025-01-15T09:30:00Z",
  networks: NETWORKS.map((name) => ({ name, slug: name.toLowerCase().replace(" ", "-") })),
  vocabularies: {
    sector: vocabulary([
      ["zorg", "Zorg"],
      ["welzijn", "Welzijn"],
      ["onderwijs", "Onderwijs"],
      ["overheid", "Overheid"],
    ]),
    stage: vocabulary([
      ["idee", "Idee"],
      ["pilot", "Pilot"],
      ["opschaling", "Opschaling"],
      ["structureel", "Structureel"],
      ["gestopt", "Gestopt"],
    ]),
    source_type: vocabulary([
      ["gemeente", "Gemeente"],
      ["rijk", "Rijk"],
      ["fonds", "Fonds"],
    ]),
    person_role: vocabulary([
      ["bestuurder", "Bestuurder"],
      ["management", "Management"],
      ["professional", "Professional"],
    ]),
  },
};

const entry = (indicator: string, name_nl: string, unit: string, direction: string) => ({
  indicator,
  group: "test",
  name_nl,
  name_en: indicator,
  unit,
  direction,
  definition_nl: `Definitie van ${name_nl}.`,
});

export const catalog = [
  entry("leden_actief", "Actieve leden", "aantal", "hoger_is_beter"),
  entry("leden_instroom", "Instroom", "aantal", "hoger_is_beter"),
  entry("leden_uitstroom", "Uitstroom", "aantal", "lager_is_beter"),
  entry("retentie_12m", "Behoud na 12 maanden", "aandeel", "hoger_is_beter"),
  entry("gouden_driehoek", "Gouden driehoek compleet", "ja/nee", "hoger_is_beter"),
  entry("centralisatie", "Centralisatie", "index", "neutraal"),
  entry("eenzijdige_afhankelijkheid", "Eenzijdige afhankelijkheid", "aandeel", "lager_is_beter"),
  entry("meerlagigheid", "Meerlagigheid", "aandeel", "hoger_is_beter"),
  entry("cofinanciering_aandeel", "Onderlinge afhankelijkheid", "aandeel", "hoger_is_beter"),
  entry("zorg_plus_aandeel", "Zorg met andere sectoren", "aandeel", "hoger_is_beter"),
  entry("toekomstperspectief", "Toekomstperspectief", "aandeel", "hoger_is_beter"),
  entry("actieve_deelname_leden", "Leden actief op bijeenkomsten", "aandeel", "hoger_is_beter"),
  entry("netwerkdichtheid", "Netwerkdichtheid", "aandeel", "hoger_is_beter"),
];

/** A value per scope, indicator and reference date that differs by all three. */
function value(scope: number, indicator: number, date: number, unit: string): number | null {
  if (unit === "ja/nee") return (scope + date) % 2;
  if (unit === "aantal") return 10 + 5 * scope + 3 * indicator + 2 * date;
  if (scope === 1 && date === 1) return null; // a gap in a line
  return Math.round((0.2 + 0.1 * scope + 0.05 * indicator + 0.04 * date) * 1000) / 1000;
}

export const indicators = ["alle", ...NETWORKS].flatMap((scope, s) =>
  catalog.flatMap((c, i) =>
    DATES.map((period_end, d) => ({
      scope_type: scope === "alle" ? "totaal" : "netwerk",
      scope,
      indicator: c.indicator,
      period_end,
      value: value(s, i, d, c.unit),
    })),
  ),
);

export const membersBySector = ["alle", ...NETWORKS].flatMap((scope, s) =>
  meta.vocabularies.sector.flatMap(({ value: sector }, i) =>
    DATES.map((period_end, d) => ({
      scope,
      period_end,
      sector,
      organisations: scope === NETWORKS[1] && sector === "onderwijs" ? 0 : 2 + s + i + d,
    })),
  ),
);

export const fundingBySource = NETWORKS.flatMap((network, n) =>
  [2023, 2024, 2025, 2026].flatMap((year, y) =>
    meta.vocabularies.source_type.flatMap(({ value: source_type }, i) =>
      ["incidenteel", "structureel"].map((kind, k) => ({
        network,
        year,
        source_type,
        kind,
        amount_eur: (n + 1) * (i + 1) * (k ? 40_000 : 125_000) * (y < 3 ? 1 : 0.5),
      })),
    ),
  ),
);

export const projectCounts = {
  total: 17,
  active_by_stage: { idee: 3, pilot: 5, opschaling: 2, structureel: 4 },
  stopped: 3,
  themes: [
    { theme: "Gezond opgroeien", stage: "pilot", n: 3 },
    { theme: "Gezond opgroeien", stage: "idee", n: 1 },
    { theme: "Arbeidsmarkt en opleiding in de zorg", stage: "structureel", n: 4 },
    { theme: null, stage: "opschaling", n: 2 },
    { theme: "Gezond opgroeien", stage: "gestopt", n: 2 },
  ],
  without_future: 2,
};

export const eventCounts = {
  per_quarter: [
    { quarter: "2024-01-01", type: "netwerkbijeenkomst", n: 2 },
    { quarter: "2024-01-01", type: "werksessie", n: 1 },
    { quarter: "2024-04-01", type: "netwerkbijeenkomst", n: 3 },
    { quarter: "2024-07-01", type: "congres", n: 1 },
    { quarter: "2024-10-01", type: null, n: 1 },
  ],
  last_year: 8,
  recent: [
    { event_id: "E3", event_name: "Slotcongres", event_date: "2024-11-20", attended: 40 },
    { event_id: "E2", event_name: "Werksessie wijkteams", event_date: "2024-09-12", attended: 12 },
    { event_id: "E1", event_name: "Kick-off", event_date: "2024-02-01", attended: 25 },
  ],
};

export const eventRoles = [
  { event_id: "E1", person_role: "bestuurder", attended: 10 },
  { event_id: "E1", person_role: "professional", attended: 15 },
  { event_id: "E2", person_role: "management", attended: 4 },
  { event_id: "E2", person_role: "professional", attended: 8 },
  { event_id: "E3", person_role: "bestuurder", attended: 5 },
  { event_id: "E3", person_role: "management", attended: 15 },
  { event_id: "E3", person_role: "professional", attended: 20 },
  { event_id: "E9", person_role: "professional", attended: 99 },
];

export const graph = {
  peildatum: PEILDATUM,
  scope: "alle",
  nodes: [
    { id: "O1", name: "Ziekenhuis Noord", sector: "zorg", degree: 3, projects: 4 },
    { id: "O2", name: "Gemeente Noord", sector: "overheid", degree: 2, projects: 2 },
    { id: "O3", name: "Hogeschool", sector: "onderwijs", degree: 2, projects: 3 },
    { id: "O4", name: "Welzijn Zuid", sector: "welzijn", degree: 1, projects: 1 },
    { id: "O5", name: "Huisartsen & co", sector: "zorg", degree: 0, projects: 0 },
  ],
  links: [
    { source: "O1", target: "O2", projects: 2 },
    { source: "O1", target: "O3", projects: 1 },
    { source: "O2", target: "O3", projects: 1 },
    { source: "O1", target: "O4", projects: 3 },
  ],
  total_nodes: 5,
  total_links: 4,
};

export const signals = [
  {
    signal: "a",
    severity: "hoog",
    scope_type: "netwerk",
    scope: NETWORKS[0],
    subject_id: "1",
    message_nl: "x",
  },
  {
    signal: "a",
    severity: "middel",
    scope_type: "netwerk",
    scope: NETWORKS[0],
    subject_id: "2",
    message_nl: "x",
  },
  {
    signal: "b",
    severity: "laag",
    scope_type: "netwerk",
    scope: NETWORKS[1],
    subject_id: "3",
    message_nl: "x",
  },
  {
    signal: "c",
    severity: "hoog",
    scope_type: "iza_regio",
    scope: "Regio West",
    subject_id: "4",
    message_nl: "x",
  },
];

export const rejects = [
  {
    file: "members.csv",
    line: 4,
    column: "joined_on",
    value: "31-02-2024",
    reason: "invalid_date",
    message_nl: "x",
  },
  {
    file: "members.csv",
    line: 9,
    column: "sector",
    value: "",
    reason: "missing_value",
    message_nl: "x",
  },
  {
    file: "projects.csv",
    line: 2,
    column: "stage",
    value: "?",
    reason: "unknown_value",
    message_nl: "x",
  },
];
export const qualityFiles = ["members.csv", "projects.csv", "events.csv"];

export const izaRegions = [
  { iza_region: "ZK01", naam: "Regio West", code: "ZK01" },
  { iza_region: "Regio Oost", naam: "Regio Oost", code: "ZK02" },
  { iza_region: "Regio De Peel", naam: "Regio De Peel", code: null },
];

export const izaProgress = [
  {
    iza_region: "ZK01",
    iza_theme: "Preventie",
    milestones: 4,
    completed: 3,
    due: 3,
    on_time: 2,
    overdue: 0,
  },
  {
    iza_region: "ZK01",
    iza_theme: "Digitale zorg",
    milestones: 2,
    completed: 0,
    due: 1,
    on_time: 0,
    overdue: 1,
  },
  {
    iza_region: "Regio Oost",
    iza_theme: "Preventie",
    milestones: 3,
    completed: 1,
    due: 2,
    on_time: 1,
    overdue: 1,
  },
  {
    iza_region: "Regio De Peel",
    iza_theme: "Digitale zorg",
    milestones: 1,
    completed: 1,
    due: 1,
    on_time: 1,
    overdue: 0,
  },
];

export const milestones = [
  {
    iza_region: "ZK01",
    iza_theme: "Preventie",
    title: "Plan vastgesteld",
    due_on: "2024-03-01",
    completed_on: "2024-02-20",
    cancelled: false,
  },
  {
    iza_region: "ZK01",
    iza_theme: "Preventie",
    title: "Pilot gestart",
    due_on: "2024-06-01",
    completed_on: "2024-08-15",
    cancelled: false,
  },
  {
    iza_region: "ZK01",
    iza_theme: "Digitale zorg",
    title: "Platform gekozen",
    due_on: "2024-10-01",
    completed_on: null,
    cancelled: false,
  },
  {
    iza_region: "Regio Oost",
    iza_theme: "Preventie",
    title: "Evaluatie",
    due_on: "2025-04-01",
    completed_on: null,
    cancelled: false,
  },
  {
    iza_region: "Regio Oost",
    iza_theme: "Preventie",
    title: "Geschrapt",
    due_on: "2024-05-01",
    completed_on: null,
    cancelled: true,
  },
];

/** Two squares side by side (clockwise rings, as d3-geo wants them), sharing one edge. */
export const topology = {
  type: "Topology",
  arcs: [
    [
      [5, 52],
      [5, 51],
    ],
    [
      [5, 51],
      [4, 51],
      [4, 52],
      [5, 52],
    ],
    [
      [5, 52],
      [6, 52],
      [6, 51],
      [5, 51],
    ],
  ],
  objects: {
    gemeente_2025: {
      type: "GeometryCollection",
      geometries: [
        {
          type: "Polygon",
          id: "GM0001",
          arcs: [[0, 1]],
          properties: {
            statnaam: "Westdorp",
            zorgkantoorregio_code: "ZK01",
            zorgkantoorregio: "Regio West",
          },
        },
        {
          type: "Polygon",
          id: "GM0002",
          arcs: [[-1, 2]],
          properties: {
            statnaam: "Oostdorp",
            zorgkantoorregio_code: "ZK02",
            zorgkantoorregio: "Regio Oost",
          },
        },
      ],
    },
    zorgkantoorregio_2025: {
      type: "GeometryCollection",
      geometries: [
        { type: "Polygon", id: "ZK01", arcs: [[0, 1]], properties: { statnaam: "Regio West" } },
        { type: "Polygon", id: "ZK02", arcs: [[-1, 2]], properties: { statnaam: "Regio Oost" } },
      ],
    },
  },
};

export const membersByRegion = { gemeente: { GM0001: 7, GM0002: 2, GM9999: 1 }, without_code: 3 };
