// KPI cards: an indicator's value at the peildatum, its change against an earlier reference date
// (arrow, coloured by whether the change is good news given the catalog's `direction`) and a
// sparkline of its reference dates.
import { html, svg } from "htl";
import { chartDrawn } from "./first-chart.js";
import { formatChange, formatDate, formatValue, roundChange } from "./format.js";
import { dataTable } from "./table.js";

/** How many reference dates back the change is measured (four quarters: a year). */
export const CHANGE_LAG = 4;

/**
 * The tone of a change given the catalog direction: "gunstig", "ongunstig" or "neutraal".
 * `direction` is hoger_is_beter, lager_is_beter or neutraal.
 */
export function changeTone(delta, direction) {
  if (delta == null || Number.isNaN(delta) || delta === 0 || direction === "neutraal") {
    return "neutraal";
  }
  const up = delta > 0;
  return (direction === "lager_is_beter" ? !up : up) ? "gunstig" : "ongunstig";
}

/**
 * The series of one indicator in one scope, oldest first: [{period_end, value}] from the rows of
 * indicators.json.
 */
export function indicatorSeries(indicators, indicator, scope = "alle") {
  return indicators
    .filter((r) => r.indicator === indicator && r.scope === scope && r.scope_type !== "iza_regio")
    .map((r) => ({ period_end: r.period_end, value: r.value }))
    .sort((a, b) => (a.period_end < b.period_end ? -1 : a.period_end > b.period_end ? 1 : 0));
}

/**
 * A small line over the series (null values leave a gap), as wide as its container;
 * decorative, hidden from screen readers (the card says the value and the change).
 */
export function sparkline(series, { width = 200, height = 32 } = {}) {
  const values = series.map((d) => d.value);
  const present = values.filter((v) => v != null);
  const frame = (content) =>
    svg`<svg class="kpi-spark" width="100%" height=${height} viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" aria-hidden="true">${content}</svg>`;
  if (present.length < 2) return frame("");
  const min = Math.min(...present);
  const max = Math.max(...present);
  const x = (i) => 2 + (i * (width - 4)) / Math.max(1, values.length - 1);
  const y = (v) =>
    max === min ? height / 2 : height - 3 - ((v - min) * (height - 6)) / (max - min);
  let path = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v == null) return void (pen = false);
    path += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return frame(
    svg`<path d=${path} fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" vector-effect="non-scaling-stroke"></path>`,
  );
}

const ARROWS = { up: "▲", down: "▼", flat: "▶" };

/**
 * One KPI card. `entry` is the indicator's catalog row (indicator, name_nl, unit, direction),
 * `series` its values oldest first (see indicatorSeries). The value carries
 * `data-kpi="<indicator id>"` and the card the anchor `#kpi-<indicator id>` (the summary links
 * there); the change is against `lag` reference dates earlier. `note`: a
 * short line below the sparkline (e.g. "alle IZA-regio's").
 */
export function kpiCard(entry, series, { lag = CHANGE_LAG, note = null } = {}) {
  const current = series.at(-1);
  const before = series.length > lag ? series[series.length - 1 - lag] : null;
  const delta =
    current?.value != null && before?.value != null
      ? roundChange(current.value - before.value, entry.unit)
      : null;
  const tone = changeTone(delta, entry.direction);
  const arrow = delta == null ? "" : delta > 0 ? ARROWS.up : delta < 0 ? ARROWS.down : ARROWS.flat;
  const toneText = { gunstig: "gunstig", ongunstig: "ongunstig", neutraal: "" }[tone];
  return html`<div class="card kpi" id=${`kpi-${entry.indicator}`}>
    <h2>${entry.name_nl}</h2>
    <div class="kpi-value big" data-kpi=${entry.indicator}>
      ${formatValue(current?.value ?? null, entry.unit)}
    </div>
    <div class="kpi-change kpi-${tone}">
      ${
        delta == null
          ? html`<span class="muted">geen vergelijking mogelijk</span>`
          : html`<span aria-hidden="true">${arrow}</span> ${formatChange(delta, entry.unit)}
              <span class="muted"
                >sinds ${formatDate(before.period_end)}${toneText ? ` (${toneText})` : ""}</span
              >`
      }
    </div>
    ${sparkline(series)} ${note ? html`<p class="kpi-note muted">${note}</p>` : ""}
  </div>`;
}

/**
 * A grid of KPI cards for the given indicator ids in one scope (`alle` or a network name); ids
 * missing in the catalog are skipped. `cols`: cards per row on a wide screen (2, 3 or 4).
 */
export function kpiGrid(ids, catalog, indicators, scope = "alle", { cols = 3, more = [] } = {}) {
  const byId = new Map(catalog.map((c) => [c.indicator, c]));
  // The cards with their sparklines are drawn as soon as a cell displays them.
  chartDrawn();
  return html`<div class=${`grid grid-cols-${cols} kpi-grid`}>
    ${ids
      .filter((id) => byId.has(id))
      .map((id) => kpiCard(byId.get(id), indicatorSeries(indicators, id, scope)))}
    ${more}
  </div>`;
}

/**
 * The indicators `ids` (those in the catalog) at the peildatum side by side: a row per network
 * (its name a link to its page) and one for all networks, a column per indicator.
 */
export function compareTable(ids, catalog, indicators, meta, { caption }) {
  const byId = new Map(catalog.map((c) => [c.indicator, c]));
  const present = ids.filter((id) => byId.has(id));
  const at = new Map(
    indicators
      .filter((r) => r.period_end === meta.peildatum && r.scope_type !== "iza_regio")
      .map((r) => [`${r.scope}|${r.indicator}`, r.value]),
  );
  const rows = [...meta.networks.map((n) => ({ scope: n.name, slug: n.slug })), { scope: "alle" }];
  return dataTable(
    rows.map((s) => ({
      ...s,
      ...Object.fromEntries(present.map((id) => [id, at.get(`${s.scope}|${id}`) ?? null])),
    })),
    {
      caption,
      sortable: false,
      columns: [
        {
          key: "scope",
          label: "Netwerk",
          format: (v, row) =>
            row.slug ? html`<a href=${`./netwerk/${row.slug}`}>${v}</a>` : "Alle netwerken",
        },
        ...present.map((id) => ({
          key: id,
          label: byId.get(id).name_nl,
          num: true,
          format: (v) => formatValue(v, byId.get(id).unit),
        })),
      ],
    },
  );
}
