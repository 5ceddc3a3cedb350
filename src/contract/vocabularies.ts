import type { VocabularyName, VocabularySpec } from "./types.ts";

/** The vocabularies of spec/contract.md, with their aliases. */
export const vocabularies: Readonly<Record<VocabularyName, VocabularySpec>> = {
  sector: {
    name: "sector",
    label_nl: "Sectoren",
    values: [
      { value: "zorg", aliases: ["care", "health", "healthcare"] },
      { value: "welzijn", aliases: ["welfare", "social"] },
      { value: "onderwijs", aliases: ["education"] },
      { value: "kennisinstelling", aliases: ["research", "knowledge", "kennis", "university"] },
      { value: "overheid", aliases: ["government", "gemeente", "provincie"] },
      { value: "bedrijfsleven", aliases: ["business", "industry", "bedrijf"] },
      { value: "zorgverzekeraar", aliases: ["insurer", "verzekeraar"] },
      { value: "burgers", aliases: ["citizens", "burgerinitiatief", "patients"] },
    ],
  },
  stage: {
    name: "stage",
    label_nl: "Fasen",
    values: [
      { value: "idee", aliases: ["idea"] },
      { value: "pilot", aliases: [] },
      { value: "opschaling", aliases: ["scale-up", "scaling"] },
      { value: "structureel", aliases: ["structural", "embedded"] },
      { value: "gestopt", aliases: ["stopped", "cancelled"] },
    ],
  },
  source_type: {
    name: "source_type",
    label_nl: "Financieringsbronnen",
    values: [
      { value: "rif", aliases: ["Regionaal Investeringsfonds"] },
      { value: "gemeente", aliases: ["municipality"] },
      { value: "provincie", aliases: ["province"] },
      { value: "rijk", aliases: ["national", "ministry", "VWS"] },
      { value: "zorgverzekeraar", aliases: ["insurer"] },
      { value: "eu", aliases: [] },
      { value: "fonds", aliases: ["foundation", "charity"] },
      { value: "eigen_bijdrage", aliases: ["own contribution"] },
      { value: "commercieel", aliases: ["commercial", "revenue"] },
    ],
  },
  kind: {
    name: "kind",
    label_nl: "Soort financiering",
    values: [
      { value: "incidenteel", aliases: ["one-off", "incidental"] },
      { value: "structureel", aliases: ["structural", "recurring"] },
    ],
  },
  status: {
    name: "status",
    label_nl: "Status financiering",
    values: [
      { value: "aangevraagd", aliases: ["requested"] },
      { value: "toegekend", aliases: ["granted", "awarded"] },
      { value: "afgewezen", aliases: ["rejected", "declined"] },
    ],
  },
  person_role: {
    name: "person_role",
    label_nl: "Functieniveaus",
    values: [
      { value: "bestuurder", aliases: ["board", "executive", "director"] },
      { value: "management", aliases: ["manager", "innovatiemanager"] },
      { value: "professional", aliases: ["staff", "medewerker"] },
      { value: "student", aliases: [] },
      { value: "burger", aliases: ["citizen", "patient"] },
      { value: "overig", aliases: ["other"] },
    ],
  },
  barrier: {
    name: "barrier",
    label_nl: "Belemmeringen",
    values: [
      { value: "financiering", aliases: ["funding", "geld"] },
      { value: "capaciteit", aliases: ["time", "tijd", "capacity"] },
      { value: "mandaat", aliases: ["mandate", "bestuurlijk mandaat"] },
      { value: "belangen", aliases: ["conflicting interests", "tegengestelde belangen"] },
      { value: "regelgeving", aliases: ["regulation", "wet- en regelgeving", "privacy"] },
      { value: "gegevensuitwisseling", aliases: ["data sharing", "data"] },
      { value: "vertrouwen", aliases: ["trust", "gebrek aan vertrouwen"] },
      { value: "taal", aliases: ["language", "culture", "cultuur"] },
      { value: "trekker", aliases: ["no owner", "eigenaarschap"] },
      { value: "overig", aliases: ["other", "anders"] },
    ],
  },
  success_factor: {
    name: "success_factor",
    label_nl: "Succesfactoren",
    values: [
      { value: "gedeelde_visie", aliases: ["shared vision", "visie"] },
      { value: "vertrouwen", aliases: ["trust"] },
      { value: "trekker", aliases: ["owner", "eigenaarschap"] },
      { value: "bestuurlijk_commitment", aliases: ["commitment", "draagvlak"] },
      { value: "financiering", aliases: ["funding"] },
      { value: "snelle_resultaten", aliases: ["quick wins"] },
      { value: "elkaar_kennen", aliases: ["knowing each other", "ontmoeting"] },
      { value: "gezamenlijke_taal", aliases: ["common language", "één instrument"] },
      { value: "overig", aliases: ["other", "anders"] },
    ],
  },
};

/**
 * The comparison key of a vocabulary value: case-insensitive, with runs of spaces, `-` and `_`
 * treated as one `_`. The SQL twin is the `rm_key` macro (src/ingest/sql/macros.ts).
 */
export function vocabularyKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "_");
}

/** Every accepted key of a vocabulary mapped to its canonical value. */
export function vocabularyLookup(name: VocabularyName): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const { value, aliases } of vocabularies[name].values) {
    for (const alias of [value, ...aliases]) map.set(vocabularyKey(alias), value);
  }
  return map;
}
