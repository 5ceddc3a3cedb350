import { sql } from "../../db/sql.ts";

/** What the rejects and warnings of the survey files show instead of an organisation's id. */
export const HIDDEN_ORGANISATION = "(verborgen: enquête)";

/**
 * spec/survey.md: no output shows which organisations responded (nor whom a respondent rated).
 * The rejects and warnings of the two survey files keep their file, line, column and reason —
 * enough for the analyst, who has the export, to find the row — but their value and message
 * name no organisation. Messages quote a value as "…", so only the quoted id is replaced.
 */
export const surveyPrivacySql = sql`
update rejects
set message_nl = replace(message_nl, '"' || value || '"', ${`"${HIDDEN_ORGANISATION}"`}),
  value = ${HIDDEN_ORGANISATION}
where file in ('survey_responses.csv', 'survey_relations.csv')
  and "column" in ('organisation_id', 'partner_organisation_id') and coalesce(value, '') <> '';
update warnings
set message_nl = replace(message_nl, '"' || value || '"', ${`"${HIDDEN_ORGANISATION}"`}),
  value = ${HIDDEN_ORGANISATION}
where file in ('survey_responses.csv', 'survey_relations.csv')
  and "column" in ('organisation_id', 'partner_organisation_id') and coalesce(value, '') <> '';`;
