import { sql } from "../db/sql.ts";
import { SMALL_NUMBER, surveyMeasuresSql } from "./survey-sql.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";
import { valuesCtes } from "./values.ts";

const scopeTypes = ["netwerk", "totaal"] as const;
const responses = ["members", "survey_responses"] as const;
const relations = ["survey_responses", "survey_relations"] as const;

/** The round and respondents of every S-indicator, in Dutch. */
const ROUND =
  "De ronde van een netwerk op de peildatum is zijn laatste enquêteronde met een sluitingsdatum op of vóór de peildatum; zonder zo'n ronde is de waarde leeg.";
const TOTAL =
  "Het totaal voegt de ronden van de netwerken samen (een antwoord telt één keer; een organisatie die voor twee netwerken antwoordde twee keer) en is geen gemiddelde van de netwerken.";
/** The small-number rule, as every S-indicator but S1 explains it. */
const smallNumbers = (who: string) =>
  `Kleine aantallen worden niet getoond: de waarde is leeg als minder dan ${SMALL_NUMBER} respondenten bijdragen (${who}), zodat geen antwoord van één organisatie terug te lezen is. Om dezelfde reden telt het totaal alleen de ronden mee waarvan de waarde in hun eigen netwerk getoond wordt (een verborgen ronde is dan niet terug te rekenen door de getoonde netwerken van het totaal af te trekken), en geldt de regel daarna ook voor het totaal.`;

const entry = (
  code: string,
  id: string,
  name_nl: string,
  name_en: string,
  definition: string,
  requires: readonly ("members" | "survey_responses" | "survey_relations")[],
  subject_nl: string,
): CatalogEntry => ({
  code,
  id,
  group: "enquete",
  name_nl,
  name_en,
  unit: "aandeel",
  direction: "hoger_is_beter",
  newsThreshold: 0.05,
  subject_nl,
  definition_nl: definition,
  zeroWhenEmpty: false,
  requires,
  scopeTypes,
  value: { from: sql`survey_values`, expr: sql`value`, where: sql`measure = ${code}` },
});

const experienced = (
  code: string,
  id: string,
  name_nl: string,
  name_en: string,
  q: string,
  subject: string,
) =>
  entry(
    code,
    id,
    name_nl,
    name_en,
    `Van de respondenten in de ronde die de stelling "${q}" beantwoordden (score 1–5), het aandeel met 4 of 5 (eens of helemaal eens). Ook respondenten die geen lid zijn tellen mee. ${ROUND} ${TOTAL} ${smallNumbers("respondenten met een score op deze stelling")}`,
    ["survey_responses"],
    subject,
  );

const entries: readonly CatalogEntry[] = [
  entry(
    "S1",
    "enquete_respons",
    "Respons enquête",
    "Survey response",
    `Het aantal respondenten in de ronde dat op de sluitingsdatum van de ronde actief lid is van het netwerk, gedeeld door het aantal actieve leden van het netwerk op die datum. ${ROUND} Het totaal deelt de som van de lid-respondenten door de som van de actieve leden, over de netwerken met een ronde op de peildatum. De respons zelf zegt niet wat een organisatie antwoordde en valt niet onder de regel voor kleine aantallen.`,
    responses,
    "de respons op de enquête",
  ),
  entry(
    "S2",
    "vertrouwen",
    "Vertrouwen tussen partners",
    "Trust between partners",
    `Gemiddelde over de beoordeelde relaties van (vertrouwen − 1) / 3, met vertrouwen de score 1–4 op "Hoeveel vertrouwt u erop dat deze organisatie doet wat ze belooft?": 0 = geen, 1 = volledig vertrouwen. Het gemiddelde is over relaties, dus een respondent met meer beoordeelde relaties weegt zwaarder. ${ROUND} ${TOTAL} ${smallNumbers("respondenten met ten minste één relatie met een vertrouwensscore")}`,
    relations,
    "het vertrouwen tussen partners",
  ),
  entry(
    "S3",
    "waarde",
    "Waarde van de samenwerking",
    "Value of the collaboration",
    `Gemiddelde over de beoordeelde relaties van (waarde − 1) / 3, met waarde de score 1–4 op "Hoeveel draagt de samenwerking met deze organisatie bij aan uw doelen?": 0 = niets, 1 = veel. Het gemiddelde is over relaties, dus een respondent met meer beoordeelde relaties weegt zwaarder. ${ROUND} ${TOTAL} ${smallNumbers("respondenten met ten minste één relatie met een waardescore")}`,
    relations,
    "de ervaren waarde van de samenwerking",
  ),
  entry(
    "S4",
    "wederzijdse_relaties",
    "Wederzijdse relaties",
    "Mutual relations",
    `Van de paren van twee respondenten uit dezelfde ronde waarvan ten minste één de ander noemt in de enquêterelaties (met of zonder score), het aandeel waarin beide elkaar noemen. Een paar met een organisatie die niet antwoordde kan niet wederzijds zijn en telt niet mee. ${ROUND} ${TOTAL} ${smallNumbers("respondenten die in zo'n paar voorkomen")}`,
    relations,
    "het aandeel wederzijdse relaties",
  ),
  experienced(
    "S5",
    "ervaren_afhankelijkheid",
    "Ervaren onderlinge afhankelijkheid",
    "Experienced mutual dependence",
    "We hebben de andere partners nodig om onze eigen doelen te bereiken",
    "de ervaren onderlinge afhankelijkheid",
  ),
  experienced(
    "S6",
    "ervaren_meerlagigheid",
    "Ervaren meerlagigheid",
    "Experienced multi-layeredness",
    "Onze organisatie doet op meer dan één niveau mee (bestuur, management, professionals)",
    "de ervaren meerlagigheid",
  ),
  experienced(
    "S7",
    "ervaren_toekomstperspectief",
    "Ervaren toekomstperspectief",
    "Experienced future perspective",
    "Ik verwacht dat deze samenwerking over drie jaar nog bestaat",
    "het ervaren toekomstperspectief",
  ),
  experienced(
    "S8",
    "ervaren_bereikbaarheid",
    "Ervaren bereikbaarheid",
    "Experienced reachability",
    "Ik weet de juiste mensen bij de andere partners te bereiken",
    "de ervaren bereikbaarheid",
  ),
];

/** S1–S8: the partner survey (spec/survey.md). */
export const surveyFamily: IndicatorFamily = {
  group: "enquete",
  entries,
  sql: sql`
with ${surveyMeasuresSql},
${valuesCtes(entries)}
select * from final`,
};
