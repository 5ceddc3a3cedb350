// The members page's own charts: members joining and leaving per quarter, and the golden
// triangle (education, government, care or welfare) per network; and the member counts per
// gemeente and zorgkantoorregio for its maps.
import * as Plot from "@observablehq/plot";
import { formatDate, formatInteger } from "./format.js";
import { indicatorSeries } from "./kpi.js";
import { peildatumBands } from "./sector.js";
import { scopeLabel } from "./trend.js";

/** Instroom (up) and uitstroom (down) of one scope per reference date, from the indicators. */
export function flowRows(indicators, scope) {
  const rows = (id, soort, sign) =>
    indicatorSeries(indicators, id, scope).map((r) => ({
      period_end: r.period_end,
      soort,
      value: r.value,
      signed: sign * (r.value ?? 0),
    }));
  return [...rows("leden_instroom", "Instroom", 1), ...rows("leden_uitstroom", "Uitstroom", -1)];
}

export const FLOW_COLUMNS = [
  { key: "period_end", label: "Peildatum", format: formatDate, nowrap: true },
  { key: "soort", label: "Soort" },
  { key: "value", label: "Lidmaatschappen", num: true, format: formatInteger },
];

/** Bars per reference date: new memberships up, ended ones down. */
export function flowChart(rows, meta, { width }) {
  return Plot.plot({
    width,
    height: 300,
    marginBottom: 80,
    x: peildatumBands(meta.reference_dates, width),
    y: {
      label: "Aantal lidmaatschappen (uitstroom negatief)",
      grid: true,
      tickFormat: (v) => formatInteger(Math.abs(v)),
    },
    color: { domain: ["Instroom", "Uitstroom"], range: ["#4269d0", "#efb118"], legend: true },
    marks: [
      Plot.barY(rows, {
        x: "period_end",
        y: "signed",
        fill: "soort",
        title: (d) => `${d.soort} tot ${formatDate(d.period_end)}: ${formatInteger(d.value)}`,
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** The three pillars of the golden triangle and their sectors. */
export const PILLARS = [
  { key: "Onderwijs", sectors: ["onderwijs"] },
  { key: "Overheid", sectors: ["overheid"] },
  { key: "Zorg of welzijn", sectors: ["zorg", "welzijn"] },
];

/**
 * Per scope (each network, then "alle") and pillar: the member organisations at the peildatum,
 * and whether the golden triangle (indicator gouden_driehoek) is complete there.
 */
export function triangleRows(membersBySector, indicators, meta) {
  const scopes = [...meta.networks.map((n) => n.name), "alle"];
  return scopes.flatMap((s) => {
    const complete = indicatorSeries(indicators, "gouden_driehoek", s).find(
      (r) => r.period_end === meta.peildatum,
    )?.value;
    return PILLARS.map((p) => {
      const count = membersBySector
        .filter(
          (r) => r.scope === s && r.period_end === meta.peildatum && p.sectors.includes(r.sector),
        )
        .reduce((sum, r) => sum + r.organisations, 0);
      return {
        scope: scopeLabel(s),
        pijler: p.key,
        count,
        aanwezig: count > 0 ? "ja" : "nee",
        complete,
      };
    });
  });
}

export const TRIANGLE_COLUMNS = [
  { key: "scope", label: "Netwerk" },
  { key: "pijler", label: "Pijler" },
  { key: "count", label: "Lidorganisaties", num: true, format: formatInteger },
];

/** A cell per scope and pillar with its count ("ontbreekt" when none), ✓ or ✗ after the scope. */
export function triangleChart(rows, { width }) {
  const scopes = [...new Set(rows.map((r) => r.scope))];
  const complete = new Map(rows.map((r) => [r.scope, r.complete]));
  return Plot.plot({
    width: Math.min(width, 720),
    height: 60 + scopes.length * 44,
    marginLeft: width < 500 ? 135 : 170,
    x: {
      label: null,
      axis: "top",
      tickSize: 0,
      domain: PILLARS.map((p) => p.key),
      tickFormat: (k) => (width < 500 && k === "Zorg of welzijn" ? "Zorg/welzijn" : k),
    },
    y: {
      label: null,
      domain: scopes,
      tickSize: 0,
      tickFormat: (s) => `${s} ${complete.get(s) === 1 ? "✓" : "✗"}`,
    },
    color: {
      domain: ["ja", "nee"],
      range: ["var(--theme-foreground-focus)", "var(--theme-background)"],
    },
    marks: [
      Plot.cell(rows, {
        x: "pijler",
        y: "scope",
        fill: "aanwezig",
        stroke: "var(--theme-foreground-muted)",
        inset: 2,
      }),
      Plot.text(rows, {
        x: "pijler",
        y: "scope",
        text: (d) => (d.count > 0 ? formatInteger(d.count) : "ontbreekt"),
        fill: (d) => (d.count > 0 ? "var(--theme-background)" : "currentColor"),
        fontSize: 13,
        fontWeight: 600,
      }),
    ],
  });
}
