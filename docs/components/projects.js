// The projects page's charts and list: projects per stage and per theme (projects_summary.json's
// counts of one scope), and the columns of the project list.
import * as Plot from "@observablehq/plot";
import { html } from "htl";
import { csvLink } from "./chart.js";
import { formatDate, formatEuro, formatInteger, formatPercent, tickFormat } from "./format.js";
import { label, vocabularyColor } from "./palette.js";
import { dataTable } from "./table.js";

const EMPTY = { total: 0, active_by_stage: {}, stopped: 0, themes: [], without_future: 0 };

/** One scope's counts of projects_summary.json (empty counts for a scope without projects). */
export const projectCounts = (summary, scope) => summary.scopes[scope] ?? EMPTY;

const stagesOf = (meta) => meta.vocabularies.stage.map((v) => v.value);
const runningOf = (meta) => stagesOf(meta).filter((s) => s !== "gestopt");

/** Running projects per stage at the peildatum, and the stopped ones (all years) apart. */
export function stageRows(counts, meta) {
  return [
    ...runningOf(meta).map((s) => ({
      stage: s,
      groep: "Lopend op de peildatum",
      n: counts.active_by_stage[s] ?? 0,
    })),
    { stage: "gestopt", groep: "Gestopt (alle jaren)", n: counts.stopped },
  ].map((d) => ({ ...d, stage_nl: label(meta, "stage", d.stage) }));
}

export const STAGE_COLUMNS = [
  { key: "groep", label: "Groep" },
  { key: "stage_nl", label: "Fase" },
  { key: "n", label: "Projecten", num: true, format: formatInteger },
];

/** Horizontal bars per stage, the count beside each; the stopped projects below a dashed line. */
export function stageChart(rows, meta, { width }) {
  return Plot.plot({
    width,
    height: 210,
    marginLeft: 150,
    marginRight: 40,
    x: { label: "Aantal projecten", grid: true, tickFormat: tickFormat("aantal") },
    y: {
      label: null,
      domain: stagesOf(meta),
      tickSize: 0,
      tickFormat: (s) => (s === "gestopt" ? "Gestopt (apart)" : label(meta, "stage", s)),
    },
    color: vocabularyColor(meta, "stage"),
    marks: [
      Plot.barX(rows, {
        y: "stage",
        x: "n",
        fill: "stage",
        fillOpacity: (d) => (d.stage === "gestopt" ? 0.45 : 1),
      }),
      Plot.text(rows, {
        y: "stage",
        x: "n",
        text: (d) => formatInteger(d.n),
        dx: 6,
        textAnchor: "start",
      }),
      Plot.ruleY(["gestopt"], { dy: -15, strokeDasharray: "3,3", strokeOpacity: 0.5 }),
      Plot.ruleX([0]),
    ],
  });
}

/** Running projects per theme and stage, by theme name then stage. */
export function themeRows(counts, meta) {
  const running = runningOf(meta);
  return counts.themes
    .filter((d) => running.includes(d.stage))
    .map((d) => ({
      ...d,
      theme: d.theme ?? "Geen themalijn",
      stage_nl: label(meta, "stage", d.stage),
    }))
    .sort(
      (a, b) =>
        a.theme.localeCompare(b.theme, "nl") || running.indexOf(a.stage) - running.indexOf(b.stage),
    );
}

export const THEME_COLUMNS = [
  { key: "theme", label: "Themalijn" },
  { key: "stage_nl", label: "Fase" },
  { key: "n", label: "Projecten", num: true, format: formatInteger },
];

/** Horizontal bars per theme, stacked by stage. */
export function themeChart(rows, meta, { width }) {
  const running = runningOf(meta);
  const themes = [...new Set(rows.map((d) => d.theme))];
  return Plot.plot({
    width,
    height: 50 + themes.length * 26,
    marginLeft: width < 640 ? 130 : 200,
    x: { label: "Aantal projecten", grid: true, tickFormat: tickFormat("aantal") },
    y: {
      label: null,
      domain: themes,
      // Long theme names shortened on narrow screens; the tooltip and table have them whole.
      tickFormat: (t) => (width < 640 && t.length > 21 ? `${t.slice(0, 20)}…` : t),
    },
    color: vocabularyColor(meta, "stage", {
      domain: running,
      range: vocabularyColor(meta, "stage").range.slice(0, running.length),
      legend: true,
    }),
    marks: [
      Plot.barX(rows, {
        y: "theme",
        x: "n",
        fill: "stage",
        order: running,
        title: (d) => `${d.theme}, ${d.stage_nl}: ${formatInteger(d.n)} projecten`,
        tip: true,
      }),
      Plot.ruleX([0]),
    ],
  });
}

/** The CSV columns of the project list: every column of the projects table. */
export const PROJECT_CSV_COLUMNS = [
  { key: "project_id", label: "Project-id" },
  { key: "project_name", label: "Project" },
  { key: "network", label: "Netwerk" },
  { key: "theme", label: "Themalijn" },
  { key: "iza_theme", label: "IZA-thema" },
  { key: "stage", label: "Fase" },
  { key: "start_on", label: "Start" },
  { key: "end_on", label: "Einde" },
  { key: "partners", label: "Partners" },
  { key: "sectors", label: "Sectoren" },
  { key: "funding_total_eur", label: "Financiering (euro)" },
  { key: "funded_until_year", label: "Gefinancierd tot en met" },
  { key: "structural_share", label: "Structureel aandeel" },
];

const yearOrDash = (v) => (v == null ? "–" : String(v));

/** The funding columns shared by the project lists (amount, funded until, structural share). */
export const FUNDING_LIST_COLUMNS = [
  { key: "funded_until_year", label: "Gefinancierd t/m", num: true, format: yearOrDash },
  { key: "funding_total_eur", label: "Financiering", num: true, format: (v) => formatEuro(v) },
  { key: "structural_share", label: "Structureel", num: true, format: (v) => formatPercent(v) },
];

/** The table columns of the project list (the network only when all networks are shown). */
export function projectColumns(scope, meta) {
  const stages = stagesOf(meta);
  const [until, amount, share] = FUNDING_LIST_COLUMNS;
  return [
    { key: "project_name", label: "Project" },
    ...(scope === "alle" ? [{ key: "network", label: "Netwerk" }] : []),
    { key: "theme", label: "Themalijn" },
    { key: "stage_nl", label: "Fase", sortValue: (r) => stages.indexOf(r.stage) },
    { key: "lopend_nl", label: "Lopend" },
    { key: "start_on", label: "Start", format: formatDate, nowrap: true },
    { key: "end_on", label: "Einde", format: formatDate, nowrap: true },
    { key: "partners", label: "Partners", num: true, format: formatInteger },
    { key: "sectors", label: "Sectoren" },
    amount,
    until,
    share,
  ];
}

/** The list's rows with the Dutch stage and "ja"/"nee" for running. */
export const projectRows = (rows, meta) =>
  rows.map((p) => ({
    ...p,
    stage_nl: label(meta, "stage", p.stage),
    lopend_nl: p.lopend ? "ja" : "nee",
  }));

/** Running projects without granted funding after `year`, with the Dutch stage. */
export const withoutFuture = (rows, meta, year) =>
  rows
    .filter((p) => p.lopend && (p.funded_until_year == null || p.funded_until_year <= year))
    .map((p) => ({ ...p, stage_nl: label(meta, "stage", p.stage) }));

/** The table columns of the projects without a future. */
export function withoutFutureColumns(scope) {
  const [until, amount, share] = FUNDING_LIST_COLUMNS;
  return [
    { key: "project_name", label: "Project" },
    ...(scope === "alle" ? [{ key: "network", label: "Netwerk" }] : []),
    { key: "stage_nl", label: "Fase" },
    { key: "end_on", label: "Einde", format: (v) => (v ? formatDate(v) : "open"), nowrap: true },
    until,
    { ...amount, label: "Financiering totaal" },
    share,
  ];
}

/**
 * The list of projects (searchable, sortable, 100 rows a page, latest start first) and a link to
 * its rows as CSV; `caption(n)` says what the n rows are.
 */
export function projectTable(rows, meta, { scope, caption }) {
  const shown = projectRows(rows, meta);
  return html`<div>
    ${dataTable(shown, {
      search: "Zoek een project",
      caption: caption(shown.length),
      sort: { key: "start_on", descending: true },
      className: "project-table tall",
      pageSize: 100,
      columns: projectColumns(scope, meta),
    })}
    <p>
      ${csvLink(shown, PROJECT_CSV_COLUMNS, "projecten", "Download de projecten als CSV (Excel)")}
    </p>
  </div>`;
}
