// Colours and labels shared by every chart, so a sector or stage has the same colour on every
// page. Categorical colours from d3's "observable10" scheme (distinguishable with colour-blindness
// and readable in light and dark mode); the vocabularies come from meta.json.
import * as d3 from "d3";

/** The colours for categories, in order (observable10). */
export const CATEGORICAL = d3.schemeObservable10;

/** Map from value to Dutch label for one vocabulary of meta.json (sector, stage, source_type, …). */
export function labels(meta, vocabulary) {
  return new Map((meta.vocabularies[vocabulary] ?? []).map((v) => [v.value, v.label]));
}

/** The Dutch label of a vocabulary value (the value itself when unknown; "Onbekend" for null). */
export function label(meta, vocabulary, value) {
  if (value == null || value === "") return "Onbekend";
  return labels(meta, vocabulary).get(value) ?? value;
}

/**
 * A Plot color scale for a vocabulary: fixed domain (the contract's order), observable10
 * colours, Dutch labels in the legend. Options are merged in (e.g. {legend: true}).
 */
export function vocabularyColor(meta, vocabulary, options = {}) {
  const values = (meta.vocabularies[vocabulary] ?? []).map((v) => v.value);
  const names = labels(meta, vocabulary);
  return {
    type: "ordinal",
    domain: values,
    range: CATEGORICAL.slice(0, values.length),
    tickFormat: (v) => names.get(v) ?? v,
    ...options,
  };
}

/** The CSS colour of a vocabulary value (the same as in vocabularyColor). */
export function colorOf(meta, vocabulary, value) {
  const values = (meta.vocabularies[vocabulary] ?? []).map((v) => v.value);
  const i = values.indexOf(value);
  return i < 0 ? "var(--theme-foreground-muted)" : CATEGORICAL[i % CATEGORICAL.length];
}
