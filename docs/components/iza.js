// IZA regional plans (iza_progress.json, iza-mijlpalen.json) as rows for the charts and tables:
// regions merged by zorgkantoorregio (a milestone may name ZK30 or Zuidoost-Brabant: both are the
// same region), progress per region and theme, and each milestone's status at the peildatum.
// The charts are in iza-charts.js, the map in iza-map.js.
import { html } from "htl";
import { formatDate, formatInteger, formatPercent, toDate } from "./format.js";
import { focusableScroll } from "./a11y.js";
import { regionTitle } from "./iza-region.js";
import { dataTable } from "./table.js";

/** Text whose hyphens do not break a table cell: 18-05-2023, PRJ-00102. */
const nowrap = (text) => (text == null ? "–" : String(text).replaceAll("-", "\u2011"));
const date = (v) => nowrap(v == null ? null : formatDate(v));

/** The region label of each iza_region as written: the zorgkantoorregio's name, or as written. */
export function regionLabels(regions) {
  return new Map(regions.map((r) => [r.iza_region, r.naam]));
}

/** The zorgkantoorregio code of each region label (none for other regions, e.g. Regio De Peel). */
export function regionCodes(regions) {
  return new Map(regions.filter((r) => r.code).map((r) => [r.naam, r.code]));
}

/** iza_progress merged per (region label, theme), with progress = completed / milestones. */
export function progressCells(progress, regions) {
  const labels = regionLabels(regions);
  const cells = new Map();
  for (const row of progress) {
    const region = labels.get(row.iza_region) ?? row.iza_region;
    const key = `${region}\u0000${row.iza_theme}`;
    const cell = cells.get(key) ?? {
      region,
      theme: row.iza_theme,
      milestones: 0,
      completed: 0,
      due: 0,
      on_time: 0,
      overdue: 0,
    };
    for (const k of ["milestones", "completed", "due", "on_time", "overdue"])
      cell[k] += row[k] ?? 0;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((c) => ({ ...c, progress: c.milestones ? c.completed / c.milestones : null }))
    .sort((a, b) => a.region.localeCompare(b.region, "nl") || a.theme.localeCompare(b.theme, "nl"));
}

export const CELL_COLUMNS = [
  { key: "region", label: "Regio" },
  { key: "theme", label: "Thema" },
  { key: "milestones", label: "Mijlpalen", num: true, format: formatInteger },
  { key: "completed", label: "Gereed", num: true, format: formatInteger },
  { key: "overdue", label: "Achterstallig", num: true, format: formatInteger },
  { key: "progress", label: "Voortgang", num: true, format: (v) => formatPercent(v) },
];

/** The status of a milestone at the peildatum `asOf` (ISO), in Dutch. */
export function milestoneStatus(m, asOf) {
  if (m.completed_on && m.completed_on <= asOf) {
    return m.completed_on <= m.due_on ? "Op tijd gereed" : "Te laat gereed";
  }
  return m.due_on <= asOf ? "Achterstallig" : "Gepland";
}

/** Status colours (observable10) and shapes: the shape repeats the colour's meaning. */
export const STATUSES = [
  { value: "Op tijd gereed", color: "#4269d0", symbol: "circle" },
  { value: "Te laat gereed", color: "#efb118", symbol: "triangle" },
  { value: "Achterstallig", color: "#ff725c", symbol: "times" },
  { value: "Gepland", color: "#9498a0", symbol: "diamond" },
];

/**
 * The milestones that are not cancelled, each with its region label, status, days overdue and a
 * lane (a row within its region, so that milestones close in time do not overlap).
 */
export function timelineRows(milestones, regions, asOf) {
  const labels = regionLabels(regions);
  const rows = milestones
    .filter((m) => !m.cancelled)
    .map((m) => {
      const status = milestoneStatus(m, asOf);
      const end = status === "Achterstallig" ? asOf : (m.completed_on ?? m.due_on);
      return {
        ...m,
        region: labels.get(m.iza_region) ?? m.iza_region,
        status,
        start: m.due_on < end ? m.due_on : end,
        end: m.due_on > end ? m.due_on : end,
        days_overdue:
          status === "Achterstallig" ? Math.round((toDate(asOf) - toDate(m.due_on)) / 864e5) : null,
      };
    })
    .sort((a, b) => a.region.localeCompare(b.region, "nl") || a.start.localeCompare(b.start));
  const lanes = new Map();
  const gap = 75 * 864e5; // room for the symbols between two milestones in one lane
  for (const row of rows) {
    const ends = lanes.get(row.region) ?? [];
    let lane = ends.findIndex((end) => toDate(row.start) - end > gap);
    if (lane < 0) lane = ends.length;
    ends[lane] = toDate(row.end).getTime();
    lanes.set(row.region, ends);
    row.lane = lane;
  }
  return rows;
}

export const TIMELINE_COLUMNS = [
  { key: "region", label: "Regio" },
  { key: "iza_theme", label: "Thema" },
  { key: "title", label: "Mijlpaal" },
  { key: "due_on", label: "Deadline", format: date },
  { key: "completed_on", label: "Gereed op", format: date },
  { key: "status", label: "Status" },
];

/** The overdue milestones, longest overdue first. */
export const OVERDUE_COLUMNS = [
  { key: "title", label: "Mijlpaal" },
  { key: "region", label: "Regio" },
  { key: "iza_theme", label: "Thema" },
  { key: "due_on", label: "Deadline", format: date },
  { key: "days_overdue", label: "Dagen over tijd", num: true, format: formatInteger },
  { key: "project_id", label: "Project", format: nowrap },
];

/**
 * Progress per zorgkantoorregio (the cells summed per region code) for the map, and the regions
 * that are no zorgkantoorregio (not on the map).
 */
export function mapRows(cells, regions) {
  const codes = regionCodes(regions);
  const byCode = new Map();
  for (const c of cells) {
    const code = codes.get(c.region);
    if (!code) continue;
    const sum = byCode.get(code) ?? { region: c.region, code, milestones: 0, completed: 0 };
    sum.milestones += c.milestones;
    sum.completed += c.completed;
    byCode.set(code, sum);
  }
  return {
    rows: [...byCode.values()].map((d) => ({
      ...d,
      progress: d.milestones ? d.completed / d.milestones : null,
    })),
    offMap: [...new Set(cells.map((c) => c.region))].filter((r) => !codes.has(r)),
  };
}

export const MAP_COLUMNS = [
  { key: "region", label: "Zorgkantoorregio" },
  { key: "code", label: "Code" },
  { key: "milestones", label: "Mijlpalen", num: true, format: formatInteger },
  { key: "completed", label: "Gereed", num: true, format: formatInteger },
  { key: "progress", label: "Voortgang", num: true, format: (v) => formatPercent(v) },
];

/**
 * Links to the page of every IZA region (iza-regios.json), by label, as a list; relative to the
 * overview /iza/, also when it is served as /iza.
 */
export function regionLinks(pages) {
  return html`<ul class="region-links">
    ${pages.map(
      (p) =>
        html`<li>
          <a href=${`../iza/${encodeURIComponent(p.key)}`}>${regionTitle(p, p.iza_region)}</a>
        </li>`,
    )}
  </ul>`;
}

/**
 * The milestones of timelineRows that are overdue at the peildatum, the longest overdue first, as
 * a sentence and a scrollable table; a sentence alone when there are none.
 */
export function overdueBlock(rows) {
  const overdue = rows
    .filter((r) => r.status === "Achterstallig")
    .sort((a, b) => b.days_overdue - a.days_overdue);
  if (overdue.length === 0)
    return html`<p>Op de peildatum is geen enkele mijlpaal achterstallig.</p>`;
  const table = dataTable(overdue, {
    columns: OVERDUE_COLUMNS,
    sort: { key: "days_overdue", descending: true },
  });
  return html`<p>
      ${formatInteger(overdue.length)} ${overdue.length === 1 ? "mijlpaal is" : "mijlpalen zijn"} op
      de peildatum over de deadline en nog niet gereed, de langst achterstallige eerst.
    </p>
    ${focusableScroll(table, "Achterstallige mijlpalen")}`;
}
