// The page of one IZA region (iza/[regio].md): its payload (iza/data/<key>.json, the
// site mart site_iza_pages) in the shapes of the shared components. Every number comes from the
// refresh: the I1–I5 series from the indicators, each milestone's status at the peildatum from
// SQL; here only the layout (lanes of the timeline) and the Dutch labels. Nothing here needs
// Plot or d3-geo: the page draws its KPI cards from this module before those are loaded.
import { html } from "htl";
import { formatDate, formatInteger, formatPercent, toDate } from "./format.js";
import { seriesRows } from "./series.js";

/** Text whose hyphens do not break a table cell: 18-05-2023, PRJ-00102. */
const nowrap = (text) => (text == null ? "–" : String(text).replaceAll("-", "\u2011"));
const date = (v) => nowrap(v == null ? null : formatDate(v));

/**
 * The region's I1–I5 rows (seriesRows). The shared KPI and trend components leave out rows of
 * scope_type iza_regio (on pages that mix them with networks); this file holds nothing else, so
 * its rows are passed as the page's one scope.
 */
export function regionIndicators(own) {
  return seriesRows(own.indicator_series).map((r) => ({ ...r, scope_type: "regio" }));
}

/**
 * The region's label: its zorgkantoorregio's name with the code, the name as written in the data
 * when that differs ("Zuidoost-Brabant (ZK30)" for both ZK30 and Zuidoost-Brabant would not say
 * which page is which), or the region as written when it is no zorgkantoorregio.
 */
export function regionTitle(link, region) {
  if (!link?.code) return region;
  return link.naam === region
    ? `${region} (${link.code})`
    : `${link.naam} (${link.code}, in de gegevens: ${region})`;
}

/**
 * The milestones as rows of timelineChart (iza-charts.js): the status from the payload, a line
 * from the deadline to the date it was completed (or the peildatum while overdue), and a lane
 * per row so that milestones close in time do not overlap.
 */
export function regionTimeline(own, label, asOf) {
  const rows = own.milestones.map((m) => {
    const end = m.status === "Achterstallig" ? asOf : (m.completed_on ?? m.due_on);
    return {
      ...m,
      region: label,
      start: m.due_on < end ? m.due_on : end,
      end: m.due_on > end ? m.due_on : end,
    };
  });
  rows.sort((a, b) => a.start.localeCompare(b.start));
  const lanes = [];
  const gap = 75 * 864e5; // room for the symbols between two milestones in one lane
  for (const row of rows) {
    let lane = lanes.findIndex((end) => toDate(row.start) - end > gap);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = toDate(row.end).getTime();
    row.lane = lane;
  }
  return rows;
}

export const MILESTONE_COLUMNS = [
  { key: "title", label: "Mijlpaal" },
  { key: "iza_theme", label: "Thema" },
  { key: "due_on", label: "Deadline", format: date },
  { key: "completed_on", label: "Gereed op", format: date },
  { key: "status", label: "Status" },
  { key: "project_id", label: "Project", format: nowrap },
];

export const OVERDUE_COLUMNS = [
  { key: "title", label: "Mijlpaal" },
  { key: "iza_theme", label: "Thema" },
  { key: "due_on", label: "Deadline", format: date },
  { key: "days_overdue", label: "Dagen over tijd", num: true, format: formatInteger },
  { key: "project_id", label: "Project", format: nowrap },
];

/** Progress per theme of the regional plan (iza_progress), with the share completed. */
export function themeRows(own) {
  return own.progress.map((p) => ({
    ...p,
    progress: p.milestones ? p.completed / p.milestones : null,
  }));
}

export const THEME_COLUMNS = [
  { key: "theme", label: "Thema" },
  { key: "milestones", label: "Mijlpalen", num: true, format: formatInteger },
  { key: "completed", label: "Gereed", num: true, format: formatInteger },
  { key: "overdue", label: "Achterstallig", num: true, format: formatInteger },
  { key: "progress", label: "Voortgang", num: true, format: (v) => formatPercent(v) },
];

export const PROJECT_COLUMNS = [
  { key: "project_name", label: "Project" },
  { key: "network", label: "Netwerk" },
  { key: "stage", label: "Fase" },
  { key: "start_on", label: "Start", format: date },
  { key: "end_on", label: "Einde", format: date },
  { key: "milestones", label: "Mijlpalen", num: true, format: formatInteger },
  { key: "overdue", label: "Achterstallig", num: true, format: formatInteger },
];

/**
 * The other pages of the same zorgkantoorregio (a plan may name it by code and by name: ZK30
 * and Zuidoost-Brabant), as a note with links; null when there are none.
 */
export function sameRegionNote(pages, link) {
  const others = link?.code ? pages.filter((p) => p.code === link.code && p.key !== link.key) : [];
  if (!others.length) return null;
  return html`<p class="muted">
    De gegevens noemen deze zorgkantoorregio ook
    ${others.map(
      (p, i) =>
        html`${i ? ", " : ""}<a href=${`./${encodeURIComponent(p.key)}`}>${p.iza_region}</a>`,
    )}:
    de indicatoren tellen elke schrijfwijze apart, de pagina
    <a href="./">IZA-voortgang</a> telt ze samen als ${link.naam}.
  </p>`;
}
