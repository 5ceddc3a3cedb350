// The reciprocity profile (wederkerigheid, spec/indicators.md): four conditions for a durable
// collaboration, each measured by one or two indicators (all shares 0–1), a Dutch explanation
// of each, and the profile of one or more scopes at the peildatum. Their trends are trend.js's.
import * as Plot from "@observablehq/plot";
import { formatDate, formatPercent } from "./format.js";
import { CONDITIONS, PROFILE_INDICATORS } from "./conditions.js";

export { CONDITIONS, PROFILE_INDICATORS };

const conditionOf = (id) => CONDITIONS.find((c) => c.indicators.includes(id));

/**
 * The profile rows at `date` for the given scopes (["alle", network, …]): one row per scope and
 * indicator with its name, condition and value (null where it cannot be determined).
 */
export function profileRows(indicators, catalog, scopes, date) {
  const names = new Map(catalog.map((c) => [c.indicator, c.name_nl]));
  const rows = [];
  for (const scope of scopes) {
    for (const id of PROFILE_INDICATORS) {
      const row = indicators.find(
        (r) =>
          r.indicator === id &&
          r.scope === scope &&
          r.scope_type !== "iza_regio" &&
          r.period_end === date,
      );
      rows.push({
        scope,
        scope_label: scope === "alle" ? "Alle netwerken" : scope,
        condition: conditionOf(id).title,
        indicator: id,
        name: names.get(id) ?? id,
        value: row?.value ?? null,
        period_end: date,
      });
    }
  }
  return rows;
}

export const PROFILE_COLUMNS = [
  { key: "scope_label", label: "Netwerk" },
  { key: "condition", label: "Voorwaarde" },
  { key: "name", label: "Indicator" },
  { key: "value", label: "Waarde", num: true, format: (v) => formatPercent(v) },
  { key: "period_end", label: "Peildatum", format: formatDate },
];

/**
 * The profile as a table-like heatmap: a row per indicator (in condition order), a column per
 * scope, the value written in each cell (0–100 %) and the cell's shade growing with it.
 */
export function profileHeatmap(rows, { width, scopes, codes = {} }) {
  const label = (r) => `${r.name} (${codes[r.indicator] ?? r.indicator})`;
  const names = PROFILE_INDICATORS.map((id) => label(rows.find((r) => r.indicator === id)));
  const columns = scopes.map((s) => (s === "alle" ? "Alle netwerken" : s));
  const narrow = width < 500;
  const marginLeft = narrow ? 128 : Math.min(260, Math.max(140, width * 0.4));
  const plotWidth = Math.min(width, marginLeft + 170 * columns.length);
  const column = (plotWidth - marginLeft) / columns.length;
  return Plot.plot({
    width: plotWidth,
    height: 60 + (narrow ? 50 : 40) * names.length,
    marginLeft,
    marginTop: 48,
    x: { domain: columns, axis: null, label: null },
    y: { domain: names, label: null, axis: null },
    color: { type: "linear", domain: [0, 1], scheme: "blues", legend: false },
    marks: [
      // Long names wrap instead of running off the left edge or into each other.
      Plot.axisY({ label: null, tickSize: 0, lineWidth: Math.floor((marginLeft - 14) / 10) }),
      Plot.axisX({
        anchor: "top",
        label: null,
        tickSize: 0,
        fontSize: narrow ? 9 : 10,
        lineWidth: Math.max(4, Math.floor((column - 4) / (narrow ? 9 : 10))),
      }),
      Plot.cell(rows, {
        x: "scope_label",
        y: label,
        fill: (d) => d.value,
        inset: 1,
        title: (d) => `${d.scope_label}\n${d.name}: ${formatPercent(d.value)}`,
      }),
      Plot.text(rows, {
        x: "scope_label",
        y: label,
        text: (d) => formatPercent(d.value),
        fill: (d) => (d.value == null ? "currentColor" : d.value > 0.55 ? "white" : "black"),
        fontWeight: "bold",
        fontSize: narrow ? 11 : 13,
      }),
    ],
  });
}
