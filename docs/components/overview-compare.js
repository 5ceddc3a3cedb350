// The indicators on which the Overzicht (docs/index.md) compares the networks, in every scope.
// Plain data: the build preloads their files (scripts/build/scope-preloads.js) from this list.

/** The indicator ids, in the order of the comparison table's columns. */
export const OVERVIEW_COMPARE = [
  "leden_actief",
  "projecten_actief",
  "crosssectoraal_aandeel",
  "netwerkdichtheid",
  "opkomst_12m",
  "structureel_aandeel",
];
