import { files, vocabularies, type FileSpec } from "../contract/index.ts";

/*
 * The two survey exports of spec/survey.md as the generator writes them. One truth: the file
 * names, the columns (canonical names and, for the `nl` dialect's header, the first Dutch alias)
 * and the two vocabularies with their spellings are the contract's own
 * (src/contract/survey-files.ts and src/contract/vocabularies.ts), never a copy.
 */
export type SurveyKey = "survey_responses" | "survey_relations";

/** A survey export of the contract. */
export type SurveyFileSpec = FileSpec & { readonly key: SurveyKey };

const isSurvey = (spec: FileSpec): spec is SurveyFileSpec =>
  spec.key === "survey_responses" || spec.key === "survey_relations";

/** The survey files in the contract's load order (responses before the relations to them). */
export const surveyFiles: readonly SurveyFileSpec[] = files.filter(isSurvey);

/** A vocabulary value with the spellings a survey tool may export for it (spec/survey.md). */
export interface FactorSpelling {
  readonly value: string;
  readonly aliases: readonly string[];
}

export const BARRIERS: readonly FactorSpelling[] = vocabularies.barrier.values;

export const SUCCESS_FACTORS: readonly FactorSpelling[] = vocabularies.success_factor.values;
