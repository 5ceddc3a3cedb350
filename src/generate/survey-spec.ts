import type { ColumnSpec } from "../contract/index.ts";

/**
 * The two survey exports of spec/survey.md as the generator writes them: canonical and Dutch
 * file names, and per column its canonical name and first Dutch alias (the `nl` dialect's header).
 * Kept here so the generator does not depend on the ingest's contract entries.
 */
export type SurveyKey = "survey_responses" | "survey_relations";

export interface SurveyFileSpec {
  readonly key: SurveyKey;
  readonly file: string;
  readonly dutchFile: string;
  readonly columns: readonly ColumnSpec[];
}

const column = (name: string, alias: string, type: ColumnSpec["type"]): ColumnSpec => ({
  name,
  aliases: [alias],
  type,
  required: false,
  note_nl: "",
});

export const surveyResponsesSpec: SurveyFileSpec = {
  key: "survey_responses",
  file: "survey_responses.csv",
  dutchFile: "enquete.csv",
  columns: [
    column("response_id", "antwoord_id", "text"),
    column("network", "netwerk", "text"),
    column("round_on", "ronde", "date"),
    column("organisation_id", "organisatie_id", "text"),
    column("dependence", "afhankelijkheid", "integer"),
    column("layers", "meerlagigheid", "integer"),
    column("future", "toekomstperspectief", "integer"),
    column("reach", "bereikbaarheid", "integer"),
    column("barriers", "belemmeringen", "text"),
    column("success_factors", "succesfactoren", "text"),
  ],
};

export const surveyRelationsSpec: SurveyFileSpec = {
  key: "survey_relations",
  file: "survey_relations.csv",
  dutchFile: "enquete_relaties.csv",
  columns: [
    column("response_id", "antwoord_id", "text"),
    column("partner_organisation_id", "partner_id", "text"),
    column("trust", "vertrouwen", "integer"),
    column("value", "waarde", "integer"),
  ],
};

export const surveyFiles: readonly SurveyFileSpec[] = [surveyResponsesSpec, surveyRelationsSpec];

/** A vocabulary value with the spellings a survey tool may export for it (spec/survey.md). */
export interface FactorSpelling {
  readonly value: string;
  readonly aliases: readonly string[];
}

export const BARRIERS: readonly FactorSpelling[] = [
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
];

export const SUCCESS_FACTORS: readonly FactorSpelling[] = [
  { value: "gedeelde_visie", aliases: ["shared vision", "visie"] },
  { value: "vertrouwen", aliases: ["trust"] },
  { value: "trekker", aliases: ["owner", "eigenaarschap"] },
  { value: "bestuurlijk_commitment", aliases: ["commitment", "draagvlak"] },
  { value: "financiering", aliases: ["funding"] },
  { value: "snelle_resultaten", aliases: ["quick wins"] },
  { value: "elkaar_kennen", aliases: ["knowing each other", "ontmoeting"] },
  { value: "gezamenlijke_taal", aliases: ["common language", "één instrument"] },
  { value: "overig", aliases: ["other", "anders"] },
];
