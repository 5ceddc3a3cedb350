import type { ColumnSpec, FileSpec, VocabularyName } from "./types.ts";

/*
 * The partner survey's two optional exports (spec/survey.md). Scores are whole numbers in a
 * range (an integer column with min and max: `invalid_number`, `invalid_range`); answers to a
 * multiple-choice question are `list` columns of a vocabulary.
 */

const text = (name: string, aliases: string[], note_nl = ""): ColumnSpec => ({
  name,
  aliases,
  type: "text",
  required: true,
  note_nl,
});

const score = (name: string, aliases: string[], max: number, note_nl: string): ColumnSpec => ({
  name,
  aliases,
  type: "integer",
  required: false,
  min: 1,
  max,
  note_nl: `score 1–${max}; ${note_nl}`,
});

const list = (name: string, aliases: string[], vocabulary: VocabularyName): ColumnSpec => ({
  name,
  aliases,
  type: "list",
  vocabulary,
  required: false,
  note_nl: "nul of meer waarden, gescheiden door ; of |",
});

/** survey_responses.csv: one organisation's answers in one survey round of one network. */
export const surveyResponses: FileSpec = {
  key: "survey_responses",
  file: "survey_responses.csv",
  dutchFile: "enquete.csv",
  required: false,
  row_nl: "de antwoorden van één organisatie in één enquêteronde van één netwerk",
  key_columns: ["response_id"],
  unique_columns: ["organisation_id", "network", "round_on"],
  columns: [
    text("response_id", ["antwoord_id"]),
    text("network", ["netwerk"]),
    {
      name: "round_on",
      aliases: ["ronde", "enquetedatum"],
      type: "date",
      required: true,
      note_nl:
        "de sluitingsdatum van de ronde; alle antwoorden van één ronde hebben dezelfde datum",
    },
    text("organisation_id", ["organisatie_id"], "de antwoordende organisatie, nooit een persoon"),
    score(
      "dependence",
      ["afhankelijkheid"],
      5,
      "we hebben de partners nodig voor onze eigen doelen",
    ),
    score("layers", ["meerlagigheid"], 5, "we doen mee op meer dan één niveau"),
    score("future", ["toekomstperspectief"], 5, "de samenwerking bestaat over drie jaar nog"),
    score(
      "reach",
      ["bereikbaarheid", "elkaar_bereiken"],
      5,
      "we weten de juiste mensen te bereiken",
    ),
    list("barriers", ["belemmeringen", "showstoppers"], "barrier"),
    list("success_factors", ["succesfactoren"], "success_factor"),
  ],
};

/** survey_relations.csv: how one respondent rates its collaboration with one other organisation. */
export const surveyRelations: FileSpec = {
  key: "survey_relations",
  file: "survey_relations.csv",
  dutchFile: "enquete_relaties.csv",
  required: false,
  row_nl: "hoe één respondent de samenwerking met één andere organisatie beoordeelt",
  key_columns: ["response_id", "partner_organisation_id"],
  columns: [
    {
      ...text("response_id", ["antwoord_id"], "moet bestaan in survey_responses.csv"),
      refersToResponse: true,
    },
    {
      ...text(
        "partner_organisation_id",
        ["partner_id", "organisatie_id_partner"],
        "een andere organisatie dan de respondent",
      ),
      notRespondent: true,
    },
    score("trust", ["vertrouwen"], 4, "vertrouwen dat deze organisatie doet wat ze belooft"),
    score("value", ["waarde"], 4, "bijdrage van de samenwerking aan de eigen doelen"),
  ],
};
