// The indicator trend: one or more indicators of the catalog over the twelve reference dates,
// for one scope or several. Everything the reader sees comes from the catalog (name, unit and
// direction of each indicator), so every page draws a series the same way: a line with a dot
// per reference date, the peildatum marked, the data behind a table toggle and a CSV link.
import * as Plot from "@observablehq/plot";
import { figure } from "./chart.js";
import { formatDate, formatValue, tickFormat, toDate } from "./format.js";
import { CATEGORICAL } from "./palette.js";

/** Pixels kept free above the data for the "peildatum" label beside the dashed rule. */
const PEIL_LABEL_BAND = 14;
const SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "cross", "wye", "times"];

/** The axis title of a unit when a chart shows several indicators of it. */
const UNIT_AXIS = {
  aandeel: "Aandeel (%)",
  index: "Index (0–1)",
  aantal: "Aantal",
  euro: "Bedrag (euro)",
  gemiddelde: "Gemiddelde",
  "ja/nee": "Ja (1) of nee (0)",
};

/** The Dutch words of the catalog's directions (neutraal says nothing). */
const DIRECTION = { hoger_is_beter: "Hoger is beter", lager_is_beter: "Lager is beter" };

/** The Dutch name of a scope in a legend or table: "Alle netwerken" or the network's name. */
export const scopeLabel = (scope) => (scope === "alle" ? "Alle netwerken" : scope);

/**
 * The colour and symbol of each scope: "alle" in the foreground colour, each network the colour
 * of its place in `networks` (all networks, meta.json's order), so it is the same on every page.
 */
export function scopeStyle(scopes, networks = scopes.filter((s) => s !== "alle")) {
  const at = (s) => networks.indexOf(s);
  return {
    color: {
      domain: scopes.map(scopeLabel),
      range: scopes.map((s) =>
        s === "alle" ? "currentColor" : CATEGORICAL[at(s) % CATEGORICAL.length],
      ),
      legend: scopes.length > 1,
    },
    symbol: {
      domain: scopes.map(scopeLabel),
      range: scopes.map((s) =>
        s === "alle" ? "circle" : SYMBOLS[(at(s) % (SYMBOLS.length - 1)) + 1],
      ),
    },
  };
}

/** The catalog rows of `ids` that the catalog has, in the order of `ids`. */
export function catalogEntries(catalog, ids) {
  const byId = new Map(catalog.map((c) => [c.indicator, c]));
  return ids.filter((id) => byId.has(id)).map((id) => byId.get(id));
}

/**
 * The series of the indicators `ids` (those in the catalog) for `scopes` from rows as in
 * indicators.json (or seriesRows of indicator_series.json): one row per scope, indicator and
 * reference date with the catalog's name and unit, oldest first.
 */
export function trendRows(indicators, catalog, ids, scopes) {
  const entries = new Map(catalogEntries(catalog, ids).map((c) => [c.indicator, c]));
  const rank = (r) => [
    r.period_end,
    [...entries.keys()].indexOf(r.indicator),
    scopes.indexOf(r.scope),
  ];
  return indicators
    .filter(
      (r) => entries.has(r.indicator) && scopes.includes(r.scope) && r.scope_type !== "iza_regio",
    )
    .map((r) => ({
      scope: r.scope,
      scope_label: scopeLabel(r.scope),
      indicator: r.indicator,
      name: entries.get(r.indicator).name_nl,
      unit: entries.get(r.indicator).unit,
      period_end: r.period_end,
      date: toDate(r.period_end),
      value: r.value,
    }))
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2];
    });
}

/**
 * The lines of `rows` (trendRows) over the reference dates. One line per indicator, or with
 * several scopes one per scope (`scopes`, coloured as in scopeStyle over `networks`); `facet`
 * draws a panel per indicator. Options: `width`, `height`, `unit` (the catalog unit for the axis,
 * by default the first row's), `yLabel`, `yDomain` (shares and indices: 0–1), `peildatum` (a
 * dashed line at that date), `xTicks` ("datum" or "kwartaal").
 */
export function trendChart(
  rows,
  {
    width,
    height,
    scopes = [...new Set(rows.map((r) => r.scope))],
    networks,
    unit = rows[0]?.unit,
    yLabel,
    yDomain,
    peildatum = null,
    facet = false,
    xTicks = "datum",
  },
) {
  const names = [...new Set(rows.map((r) => r.name))];
  const byScope = scopes.length > 1;
  const z = byScope ? "scope_label" : "name";
  const panels = facet ? names : [null];
  const single = !byScope && names.length === 1;
  const style = byScope
    ? scopeStyle(scopes, networks)
    : {
        color: { domain: names, range: CATEGORICAL.slice(0, names.length), legend: !single },
        symbol: { domain: names, range: SYMBOLS.slice(0, names.length) },
      };
  const label =
    yLabel ?? (names.length === 1 && !facet ? `${names[0]} (${unit})` : UNIT_AXIS[unit]);
  const fixed = unit === "aandeel" || unit === "index" ? [0, 1] : undefined;
  const fy = facet ? "name" : undefined;
  const tip = (d) =>
    `${single ? "" : `${d[z]} op `}${formatDate(d.period_end)}${facet && byScope ? `\n${d.name}` : ""}: ${formatValue(d.value, d.unit)}`;
  const peil = peildatum ? toDate(peildatum) : null;
  return Plot.plot({
    width,
    height: height ?? (facet ? 40 + 170 * panels.length : 260),
    marginLeft: 48,
    marginTop: facet ? 26 : undefined,
    x: {
      type: "utc",
      label: "Peildatum",
      tickFormat: tickFormat(xTicks),
      ticks: width < 500 ? 3 : 6,
    },
    y: {
      label,
      domain: yDomain ?? fixed,
      zero: true,
      grid: true,
      ticks: facet ? 5 : undefined,
      tickFormat: tickFormat(unit),
      // A band at the top for the "peildatum" label, so that no point or line runs under it.
      insetTop: peil ? PEIL_LABEL_BAND : 0,
    },
    fy: facet ? { domain: names, label: null, axis: null, padding: 0.18 } : undefined,
    color: style.color,
    symbol: style.symbol,
    marks: [
      // With a panel per indicator, its name above the panel's top-right corner.
      facet && names.length > 1
        ? Plot.text(names, {
            fy: (d) => d,
            text: (d) => d,
            frameAnchor: "top-right",
            textAnchor: "end",
            dy: -14,
            fontWeight: "bold",
            fill: "currentColor",
          })
        : null,
      peil
        ? Plot.ruleX([peil], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6 })
        : null,
      peil
        ? Plot.text([peil], {
            x: (d) => d,
            text: () => "peildatum",
            frameAnchor: "top",
            textAnchor: "end",
            dx: -4,
            dy: 2,
            fill: "currentColor",
            fillOpacity: 0.8,
          })
        : null,
      Plot.lineY(rows, {
        x: "date",
        y: "value",
        fy,
        z,
        stroke: single ? "var(--theme-foreground-focus)" : z,
        strokeWidth: 2,
      }),
      Plot.dot(rows, {
        x: "date",
        y: "value",
        fy,
        fill: single ? "var(--theme-foreground-focus)" : z,
        symbol: single ? undefined : z,
        r: single ? 3 : 3.5,
        title: tip,
        tip: true,
      }),
    ],
  });
}

/**
 * A line per direction of the catalog: "Hoger is beter: Opkomst, Meerlagigheid." (indicators
 * whose direction is neutraal are left out).
 */
export function directionNote(entries) {
  return Object.entries(DIRECTION)
    .map(([direction, words]) => {
      const names = entries.filter((e) => e.direction === direction).map((e) => e.name_nl);
      return names.length ? `${words}: ${names.join(", ")}.` : "";
    })
    .filter(Boolean)
    .join(" ");
}

/** The table (and CSV) columns of trend rows: network and indicator only when they vary. */
export function trendColumns(rows, unit = rows[0]?.unit) {
  const names = [...new Set(rows.map((r) => r.name))];
  const byScope = new Set(rows.map((r) => r.scope)).size > 1;
  return [
    { key: "period_end", label: "Peildatum", format: formatDate, nowrap: true },
    ...(byScope ? [{ key: "scope_label", label: "Netwerk" }] : []),
    ...(names.length > 1 ? [{ key: "name", label: "Indicator" }] : []),
    {
      key: "value",
      label: names.length === 1 ? names[0] : "Waarde",
      num: true,
      format: (v, row) => formatValue(v, row?.unit ?? unit),
    },
  ];
}

/**
 * The trend in a figure (chart.js): `ids` from the catalog for `scopes` (["alle"] or network
 * names), with `title`, `subtitle`, `note` and `filename` as in figure; the catalog's directions
 * are added to the note. `resize` is Framework's (a page passes its own; tests a fixed width);
 * `lead` an element above the chart; `anchors` (default: the ids in the catalog) the chart anchors of figure; the
 * other options go to trendChart.
 */
export function trendFigure({
  resize,
  indicators,
  catalog,
  ids,
  scopes = ["alle"],
  title,
  subtitle,
  note = "",
  filename,
  lead = null,
  anchors = null,
  ...options
}) {
  const rows = trendRows(indicators, catalog, ids, scopes);
  const entries = catalogEntries(catalog, ids);
  const chart = resize((width) => trendChart(rows, { width, scopes, ...options }));
  return figure({
    title,
    subtitle,
    chart: lead ? [lead, chart] : chart,
    note: [note, directionNote(entries)].filter(Boolean).join(" "),
    data: rows,
    columns: trendColumns(rows, options.unit),
    filename,
    anchors: anchors ?? entries.map((e) => e.indicator),
  });
}
