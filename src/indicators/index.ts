import { engagement } from "./engagement.ts";
import { fundingFamily } from "./funding.ts";
import { iza } from "./iza.ts";
import { membership } from "./membership.ts";
import { projectsFamily } from "./projects.ts";
import { surveyFamily } from "./survey.ts";
import type { IndicatorFamily } from "./types.ts";

/** Every indicator family, in catalog order (M, P, E, F, I as in spec/indicators.md; S of survey.md). */
export const families: readonly IndicatorFamily[] = [
  membership,
  projectsFamily,
  engagement,
  fundingFamily,
  iza,
  surveyFamily,
];

export { computeContext, computeFamilies, computeIndicators, catalogOf } from "./run.ts";
export { referenceDates, addMonths, type ReferenceDate } from "./dates.ts";
export type * from "./types.ts";
