// The trend charts of the page per network (a board report): members per sector over the
// reference dates, and granted funding per year by source. Colours of the vocabularies come from
// palette.js, so a sector or source looks the same as on the other pages.
import * as Plot from "@observablehq/plot";
import { formatDate, formatEuro, formatInteger, tickFormat, toDate } from "./format.js";
import { label, vocabularyColor } from "./palette.js";

/** members_by_sector rows of one scope, with the Dutch sector name and a Date. */
export function sectorRows(membersBySector, meta, scope) {
  return membersBySector
    .filter((r) => r.scope === scope)
    .map((r) => ({ ...r, sector_nl: label(meta, "sector", r.sector), date: toDate(r.period_end) }));
}

export const SECTOR_COLUMNS = [
  { key: "period_end", label: "Peildatum", format: formatDate },
  { key: "sector_nl", label: "Sector" },
  { key: "organisations", label: "Organisaties", num: true, format: formatInteger },
];

/** Active member organisations per sector over the reference dates, stacked areas. */
export function sectorChart(rows, meta, { width }) {
  return Plot.plot({
    width,
    height: 260,
    marginLeft: 44,
    x: {
      type: "utc",
      label: "Peildatum →",
      tickFormat: tickFormat("kwartaal"),
      ticks: width < 500 ? 3 : 6,
    },
    y: { label: "Organisaties ↑", tickFormat: tickFormat("aantal"), grid: true },
    color: vocabularyColor(meta, "sector", { legend: true, label: "Sector" }),
    marks: [
      Plot.areaY(rows, {
        x: "date",
        y: "organisations",
        fill: "sector",
        order: (meta.vocabularies.sector ?? []).map((v) => v.value),
        title: (d) =>
          `${d.sector_nl}, ${formatDate(d.period_end)}: ${formatInteger(d.organisations)}`,
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  });
}

/** funding_by_source rows of one network, summed over kind, with the Dutch source name. */
export function fundingRows(fundingBySource, meta, network) {
  const sums = new Map();
  for (const r of fundingBySource.filter((r) => r.network === network)) {
    const key = `${r.year}\u0000${r.source_type}`;
    const row = sums.get(key) ?? {
      year: r.year,
      source_type: r.source_type,
      source_nl: label(meta, "source_type", r.source_type),
      amount_eur: 0,
    };
    row.amount_eur += r.amount_eur ?? 0;
    sums.set(key, row);
  }
  return [...sums.values()].sort(
    (a, b) => a.year - b.year || a.source_type.localeCompare(b.source_type),
  );
}

export const FUNDING_COLUMNS = [
  { key: "year", label: "Jaar" },
  { key: "source_nl", label: "Bron" },
  { key: "amount_eur", label: "Bedrag", num: true, format: (v) => formatEuro(v) },
];

/** Granted funding per year, stacked by source; years after the peildatum's year are marked. */
export function fundingChart(rows, meta, { width, year }) {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return Plot.plot({
    width,
    height: 260 + (width < 560 ? 16 : 0),
    marginLeft: 70,
    marginBottom: width < 560 ? 46 : 36,
    x: {
      type: "band",
      domain: years,
      label: "Jaar",
      tickFormat: (y) => (y > year ? `${y}*` : String(y)),
      tickRotate: width < 560 ? -45 : 0,
    },
    y: { label: "Toegekend (€) ↑", tickFormat: tickFormat("euro"), grid: true },
    color: vocabularyColor(meta, "source_type", { legend: true, label: "Bron" }),
    marks: [
      Plot.barY(rows, {
        x: "year",
        y: "amount_eur",
        fill: "source_type",
        order: (meta.vocabularies.source_type ?? []).map((v) => v.value),
        title: (d) => `${d.year}, ${d.source_nl}: ${formatEuro(d.amount_eur)}`,
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  });
}
