import { raw, type ExportRow } from "./dialect.ts";
import type { Flaw } from "./flaws.ts";
import { idOf } from "./model.ts";
import { SLIMMER_LEVEN } from "./networks.ts";
import type { Survey, SurveyResponse } from "./survey.ts";

function flaw(file: Flaw["file"], column: string, reason: string, after: number, row: ExportRow) {
  return { file, column, reason, insert: { after, row } };
}

/** Members invited to the response's round that did not answer in it. */
function silentMembers(survey: Survey, base: SurveyResponse): string[] {
  const answered = new Set(
    survey.responses
      .filter((r) => r.network === base.network && r.round === base.round)
      .map((r) => r.organisationId),
  );
  return base.invited.filter((id) => !answered.has(id));
}

/** A member invited to the response's round that it did not rate (and not itself). */
function unratedPartner(survey: Survey, response: SurveyResponse): string | null {
  const rated = new Set(
    survey.relations
      .filter((r) => r["response_id"] === response.id)
      .map((r) => r["partner_organisation_id"]),
  );
  return response.invited.find((id) => id !== response.organisationId && !rated.has(id)) ?? null;
}

/** How many relation rows belong to the responses before index i. */
function relationsBefore(survey: Survey, i: number): number {
  const ids = new Set(survey.responses.slice(0, i).map((r) => r.id));
  return survey.relations.filter((r) => ids.has(r["response_id"] as string)).length;
}

/**
 * The fixed flaws of the regio survey: each row has exactly one problem, written as the same raw
 * text in both dialects. Flawed responses are organisations that did not answer otherwise, so the
 * only problem is the one named.
 */
export function surveyFlaws(survey: Survey): Flaw[] {
  const flaws: Flaw[] = [];
  const { responses } = survey;
  const nextId = (k: number): string => idOf("ANT", responses.length + k, 6);
  const at = (share: number): number => Math.floor(responses.length * share);
  const slimmer = responses.filter((r) => r.network === SLIMMER_LEVEN);
  const base = slimmer[Math.floor(slimmer.length / 2)];
  const duplicated = responses[at(0.7)];
  if (!base || !duplicated) return flaws;
  const row = (id: string, organisationId: string, fields: ExportRow): ExportRow => ({
    ...base.row,
    response_id: id,
    organisation_id: organisationId,
    barriers: null,
    success_factors: null,
    ...fields,
  });
  const baseIndex = responses.indexOf(base);
  const [silent1, silent2, silent3] = silentMembers(survey, base);
  const silent = silent1 && silent2 && silent3;
  if (silent) {
    flaws.push(
      flaw("survey_responses", "dependence", "invalid_range", baseIndex + 1, {
        ...row(nextId(1), silent1, { dependence: raw("6") }),
      }),
      flaw("survey_responses", "future", "invalid_number", baseIndex + 1, {
        ...row(nextId(2), silent2, { future: raw("vier") }),
      }),
      flaw("survey_responses", "barriers", "unknown_value", baseIndex + 1, {
        ...row(nextId(3), silent3, { barriers: raw("financiering;parkeerbeleid") }),
      }),
    );
  }
  flaws.push(
    flaw("survey_responses", "organisation_id", "duplicate_key", at(0.7) + 1, {
      ...duplicated.row,
      response_id: nextId(4),
      dependence: null,
    }),
  );
  const rel = (after: number, column: string, reason: string, r: ExportRow): Flaw =>
    flaw("survey_relations", column, reason, after, r);
  const self = responses[at(0.3)];
  const rater = responses[at(0.8)];
  const unrated = rater ? unratedPartner(survey, rater) : null;
  if (self) {
    flaws.push(
      rel(relationsBefore(survey, at(0.3) + 1), "partner_organisation_id", "invalid_range", {
        response_id: self.id,
        partner_organisation_id: self.organisationId,
        trust: 3,
        value: 3,
      }),
    );
  }
  flaws.push(
    rel(relationsBefore(survey, at(0.5)), "response_id", "unknown_value", {
      response_id: idOf("ANT", 999_999, 6),
      partner_organisation_id: base.organisationId,
      trust: 2,
      value: 2,
    }),
  );
  if (silent) {
    flaws.push(
      rel(relationsBefore(survey, baseIndex + 1), "response_id", "unknown_value", {
        response_id: nextId(2),
        partner_organisation_id: base.organisationId,
        trust: 3,
        value: 4,
      }),
    );
  }
  if (rater && unrated) {
    flaws.push(
      rel(relationsBefore(survey, at(0.8) + 1), "trust", "invalid_range", {
        response_id: rater.id,
        partner_organisation_id: unrated,
        trust: raw("5"),
        value: 3,
      }),
    );
  }
  return flaws;
}
