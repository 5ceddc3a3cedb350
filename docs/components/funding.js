// Granted funding (funding_by_source.json) per calendar year: by source, stacked, and the
// structural share; years after the peildatum's year are money already granted for the future.
import * as Plot from "@observablehq/plot";
import { formatEuro, formatPercent, tickFormat } from "./format.js";
import { label, vocabularyColor } from "./palette.js";

/** Sums of amount_eur over `keys` (e.g. ["year", "source_type"]) of the rows. */
function sum(rows, keys) {
  const totals = new Map();
  for (const r of rows) {
    const key = keys.map((k) => r[k]).join("\u0000");
    const t = totals.get(key) ?? {
      ...Object.fromEntries(keys.map((k) => [k, r[k]])),
      amount_eur: 0,
    };
    t.amount_eur += r.amount_eur ?? 0;
    totals.set(key, t);
  }
  return [...totals.values()];
}

/** The funding of one scope ("alle": every network) per year and source, in the contract's order. */
export function fundingRows(fundingBySource, meta, scope) {
  const sources = (meta.vocabularies.source_type ?? []).map((v) => v.value);
  const rows = fundingBySource.filter((f) => scope === "alle" || f.network === scope);
  return sum(rows, ["year", "source_type"])
    .map((r) => ({ ...r, source_nl: label(meta, "source_type", r.source_type) }))
    .sort(
      (a, b) => a.year - b.year || sources.indexOf(a.source_type) - sources.indexOf(b.source_type),
    );
}

export const FUNDING_COLUMNS = [
  { key: "year", label: "Jaar", format: (v) => String(v) },
  { key: "source_nl", label: "Bron" },
  { key: "amount_eur", label: "Bedrag", num: true, format: (v) => formatEuro(v) },
];

/** The years of the rows, ascending. */
const yearsOf = (rows) => [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);

/** Years on a narrow screen as '24, so that eleven of them fit; a future year with a star. */
const yearTick = (width, year) => (y) =>
  `${width < 560 ? `'${String(y).slice(2)}` : String(y)}${y > year ? "*" : ""}`;

/**
 * Granted funding per year (`fundingRows`), stacked by source; a dashed line at the peildatum's
 * `year`, later years starred.
 */
export function fundingChart(rows, meta, { width, year, height = 340 }) {
  const years = yearsOf(rows);
  return Plot.plot({
    width,
    height,
    marginLeft: 70,
    x: { type: "band", label: "Jaar", domain: years, tickFormat: yearTick(width, year) },
    y: { label: "Bedrag (euro)", grid: true, tickFormat: tickFormat("euro") },
    color: vocabularyColor(meta, "source_type", { legend: true }),
    marks: [
      Plot.barY(rows, {
        x: "year",
        y: "amount_eur",
        fill: "source_type",
        order: (meta.vocabularies.source_type ?? []).map((v) => v.value),
        title: (d) => `${d.year}, ${d.source_nl}: ${formatEuro(d.amount_eur)}`,
        tip: true,
      }),
      Plot.ruleX([year], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6 }),
      Plot.ruleY([0]),
    ],
  });
}

/**
 * The rows of fundingRows and structuralRows from a scope's file data/financiering/<key>.json
 * (site_funding: its sums per year and source, and per year and kind, added up in SQL in the
 * order in which fundingRows adds funding_by_source's rows, so the same numbers): the sums are
 * the scope's already, so nothing is filtered out ("alle"), and each sum is one row.
 */
export const scopeFundingRows = (file, meta) => fundingRows(file?.by_source ?? [], meta, "alle");
export const scopeStructuralRows = (file) => structuralRows(file?.by_kind ?? [], "alle");

/** Per year of one scope: structural and incidental funding, their total and the structural share. */
export function structuralRows(fundingBySource, scope) {
  const rows = fundingBySource.filter((f) => scope === "alle" || f.network === scope);
  const perKind = sum(rows, ["year", "kind"]);
  const amount = (year, kind) =>
    perKind.find((r) => r.year === year && r.kind === kind)?.amount_eur ?? 0;
  return yearsOf(rows).map((year) => {
    const structureel = amount(year, "structureel");
    const incidenteel = amount(year, "incidenteel");
    const total = structureel + incidenteel;
    return { year, structureel, incidenteel, total, share: total ? structureel / total : null };
  });
}

export const STRUCTURAL_COLUMNS = [
  { key: "year", label: "Jaar", format: (v) => String(v) },
  { key: "structureel", label: "Structureel", num: true, format: (v) => formatEuro(v) },
  { key: "incidenteel", label: "Incidenteel", num: true, format: (v) => formatEuro(v) },
  { key: "share", label: "Structureel aandeel", num: true, format: (v) => formatPercent(v) },
];

/** The structural share of each year's funding (`structuralRows`), as bars with the share on top. */
export function structuralChart(rows, { width, year }) {
  return Plot.plot({
    width,
    height: 260,
    x: { type: "band", label: "Jaar", domain: yearsOf(rows), tickFormat: yearTick(width, year) },
    y: {
      label: "Structureel aandeel (%)",
      domain: [0, 1],
      grid: true,
      tickFormat: tickFormat("aandeel"),
    },
    marks: [
      Plot.barY(rows, {
        x: "year",
        y: "share",
        fill: "var(--theme-foreground-focus)",
        title: (d) =>
          `${d.year}: ${formatPercent(d.share)} structureel (${formatEuro(d.structureel, { compact: true })} van ${formatEuro(d.total, { compact: true })})`,
        tip: true,
      }),
      Plot.text(rows, {
        x: "year",
        y: "share",
        text: (d) => (width < 560 ? "" : formatPercent(d.share)),
        dy: -8,
        fill: "currentColor",
      }),
      Plot.ruleY([0]),
    ],
  });
}
