// Member organisations per sector over the twelve reference dates (members_by_sector.json),
// stacked bars in the sectors' colours of palette.js, the same on the members page and a network's.
import * as Plot from "@observablehq/plot";
import { formatDate, formatInteger, tickFormat } from "./format.js";
import { label, vocabularyColor } from "./palette.js";

/** members_by_sector rows of one scope ("alle" or a network), with the Dutch sector name. */
export function sectorRows(membersBySector, meta, scope) {
  return membersBySector
    .filter((r) => r.scope === scope)
    .map((r) => ({ ...r, sector_nl: label(meta, "sector", r.sector) }));
}

export const SECTOR_COLUMNS = [
  { key: "period_end", label: "Peildatum", format: formatDate, nowrap: true },
  { key: "sector_nl", label: "Sector" },
  { key: "organisations", label: "Organisaties", num: true, format: formatInteger },
];

/** The x axis of bars per reference date: one band per peildatum, dates turned to fit `width`. */
export function peildatumBands(referenceDates, width) {
  return {
    type: "band",
    domain: referenceDates,
    tickFormat: (d) => formatDate(d),
    tickRotate: width < 640 ? -60 : -30,
    label: "Peildatum",
  };
}

/** Active member organisations per reference date (`meta.reference_dates`), stacked by sector. */
export function sectorChart(rows, meta, { width, height = 340 }) {
  return Plot.plot({
    width,
    height,
    marginBottom: 80,
    x: peildatumBands(meta.reference_dates, width),
    y: { label: "Aantal organisaties", grid: true, tickFormat: tickFormat("aantal") },
    color: vocabularyColor(meta, "sector", { legend: true }),
    marks: [
      Plot.barY(rows, {
        x: "period_end",
        y: "organisations",
        fill: "sector",
        order: (meta.vocabularies.sector ?? []).map((v) => v.value),
        title: (d) =>
          `${d.sector_nl} op ${formatDate(d.period_end)}: ${formatInteger(d.organisations)} organisaties`,
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  });
}
