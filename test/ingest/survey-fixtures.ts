/** Small survey exports in contract shape, shared by the survey ingest tests. */

export const SURVEY_MEMBERS = [
  "organisation_id,organisation_name,network,sector,joined_on",
  "O1,Zorggroep Een,Slimmer Leven,zorg,2020-01-01",
  "O2,Hogeschool Twee,Slimmer Leven,onderwijs,2020-01-01",
  "O3,Gemeente Drie,Slimmer Leven,overheid,2020-01-01",
  "",
].join("\n");

export const RESPONSES_HEADER =
  "response_id,network,round_on,organisation_id,dependence,layers,future,reach,barriers,success_factors";

export const RELATIONS_HEADER = "response_id,partner_organisation_id,trust,value";

/** Lines joined into a file (LF, with a final newline). */
export const lines = (...l: string[]) => [...l, ""].join("\n");
