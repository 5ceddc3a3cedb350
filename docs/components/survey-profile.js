// "Gemeten" beside "ervaren": per reciprocity condition the measured indicators (the exports,
// spec/indicators.md) and the experienced one (the survey, S5–S8), then trust (S2) and mutual
// ties (S4), for one scope at one reference date. An empty survey value says why.
import { html } from "htl";
import { CONDITIONS } from "./conditions.js";
import { formatPercent } from "./format.js";
import { SURVEY_CODES, SURVEY_NAMES, surveyPoints } from "./survey.js";
import { scopeLabel } from "./trend.js";

/** The survey rows of S2 and S4, shown below the four conditions. */
const EXTRA = [
  { title: "Vertrouwen tussen partners", experienced: "vertrouwen" },
  { title: "Wederzijdse relaties", experienced: "wederzijdse_relaties" },
];

/**
 * One row per condition (and S2, S4) for `scope` at `date`: {condition, gemeten: [{indicator,
 * name, value}], ervaren: {indicator, name, value, state, text}}.
 */
export function experiencedRows(indicators, catalog, survey, scope, date) {
  const names = new Map(catalog.map((c) => [c.indicator, c.name_nl]));
  const measured = (id) =>
    indicators.find(
      (r) =>
        r.indicator === id &&
        r.scope === scope &&
        r.scope_type !== "iza_regio" &&
        r.period_end === date,
    )?.value ?? null;
  const at = Math.max(0, survey.reference_dates.indexOf(date));
  const experienced = (id) => {
    const point = surveyPoints(survey, [id], [scope])[at];
    return {
      indicator: id,
      name: `${SURVEY_NAMES[id]} (${SURVEY_CODES[id]})`,
      value: point?.value ?? null,
      state: point?.state ?? "geen_enquete",
      text: point?.text ?? "geen enquête aangeleverd",
    };
  };
  return [...CONDITIONS, ...EXTRA].map((c) => ({
    condition: c.title,
    gemeten: (c.indicators ?? []).map((id) => ({
      indicator: id,
      name: names.get(id) ?? id,
      value: measured(id),
    })),
    ervaren: experienced(c.experienced),
  }));
}

/** The rows flat, one per value, for the data table and the CSV download. */
export function experiencedFlat(rows, scope) {
  return rows.flatMap((r) => [
    ...r.gemeten.map((g) => ({
      scope_label: scopeLabel(scope),
      condition: r.condition,
      kind: "gemeten",
      name: g.name,
      text: formatPercent(g.value),
    })),
    {
      scope_label: scopeLabel(scope),
      condition: r.condition,
      kind: "ervaren",
      name: r.ervaren.name,
      text: r.ervaren.text,
    },
  ]);
}

export const EXPERIENCED_COLUMNS = [
  { key: "scope_label", label: "Netwerk" },
  { key: "condition", label: "Voorwaarde" },
  { key: "kind", label: "Gemeten of ervaren" },
  { key: "name", label: "Indicator" },
  { key: "text", label: "Waarde" },
];

/** The rows as a table: Voorwaarde | Gemeten | Ervaren, an empty survey value with its reason. */
export function experiencedTable(rows, { caption }) {
  const measured = (r) =>
    r.gemeten.length === 0
      ? html`<span class="muted">alleen in de enquête</span>`
      : r.gemeten.map(
          (g) => html`<div>${g.name}: <strong>${formatPercent(g.value)}</strong></div>`,
        );
  const experienced = (r) =>
    r.ervaren.state === "waarde"
      ? html`<div>${r.ervaren.name}: <strong>${r.ervaren.text}</strong></div>`
      : html`<div>${r.ervaren.name}: <em>${r.ervaren.text}</em></div>`;
  return html`<table class="survey-profile">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Voorwaarde</th>
        <th scope="col">Gemeten (exports)</th>
        <th scope="col">Ervaren (enquête)</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr>
            <th scope="row">${r.condition}</th>
            <td>${measured(r)}</td>
            <td>${experienced(r)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
