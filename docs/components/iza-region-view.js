// The parts of an IZA region's page (iza/[regio].md) below its first charts: the milestones'
// timeline, the overdue milestones, progress per theme and the projects, and the map. Rows from
// iza-region.js.
import { html } from "htl";
import { focusableScroll } from "./a11y.js";
import { figure } from "./chart.js";
import { formatInteger } from "./format.js";
import { timelineChart } from "./iza-charts.js";
import { izaMap } from "./iza-map.js";
import {
  MILESTONE_COLUMNS,
  OVERDUE_COLUMNS,
  PROJECT_COLUMNS,
  THEME_COLUMNS,
} from "./iza-region.js";
import { ATTRIBUTION } from "./maps.js";
import { dataTable } from "./table.js";

/**
 * The milestones' timeline (rows of regionTimeline): deadline and completion per milestone up to
 * the peildatum, with the cancelled ones counted in its note; a sentence when there are none.
 */
export function timelineSection({ resize, rows, cancelled, asOf, peildatum, key }) {
  if (!rows.length) return html`<p>Dit regioplan heeft geen mijlpalen die niet geschrapt zijn.</p>`;
  const left = cancelled
    ? `${formatInteger(cancelled)} geschrapte ${cancelled === 1 ? "mijlpaal staat" : "mijlpalen staan"} er niet in.`
    : "";
  return figure({
    title: "Mijlpalen: deadline en gereed",
    subtitle: `Elke mijlpaal van het regioplan: deadline (open ruit) en datum gereed (gevuld teken), tot de peildatum ${peildatum} (stippellijn)`,
    chart: resize((width) => timelineChart(rows, { width, asOf })),
    note: `Een lijn loopt van de deadline naar de datum gereed; bij een achterstallige mijlpaal loopt hij door tot de peildatum (kruis). ${left}`,
    data: rows,
    columns: MILESTONE_COLUMNS,
    filename: `iza-${key}-mijlpalen`,
  });
}

/** The overdue milestones (status from the refresh), longest overdue first, with I4 as count. */
export function overdueSection(rows, overdueCount) {
  const overdue = rows.filter((r) => r.status === "Achterstallig");
  if (!overdue.length)
    return html`<p>Op de peildatum is geen mijlpaal van dit regioplan achterstallig.</p>`;
  const table = dataTable(overdue, {
    columns: OVERDUE_COLUMNS,
    sort: { key: "days_overdue", descending: true },
  });
  return html`<p>
      ${formatInteger(overdueCount)} ${overdueCount === 1 ? "mijlpaal is" : "mijlpalen zijn"} op de
      peildatum over de deadline en nog niet gereed, de langst achterstallige eerst.
    </p>
    ${focusableScroll(table, "Achterstallige mijlpalen")}`;
}

/** Progress per theme, then the projects that carry the region's milestones. */
export function themesAndProjects(themes, projects) {
  return html`<h3>Voortgang per thema</h3>
    ${focusableScroll(dataTable(themes, { columns: THEME_COLUMNS }), "Voortgang per thema")}
    <h3>Projecten die mijlpalen dragen</h3>
    ${
      projects.length
        ? focusableScroll(dataTable(projects, { columns: PROJECT_COLUMNS }), "Projecten")
        : html`<p>Geen mijlpaal van dit regioplan hoort bij een project.</p>`
    }`;
}

/**
 * The region on the map of the zorgkantoorregio's, shaded by its progress (I5 at the peildatum);
 * a region that is no zorgkantoorregio says so.
 */
export function regionMapFigure({ resize, topology, link, title, progress, peildatum, key }) {
  const onMap = link?.code ? [{ code: link.code, region: title, progress }] : [];
  return figure({
    title: "Zorgkantoorregio",
    subtitle: onMap.length
      ? `${title} op de kaart van de zorgkantoorregio's, gekleurd naar de voortgang op ${peildatum}`
      : `${title} is geen zorgkantoorregio en staat daarom niet op de kaart`,
    chart: resize((width) => izaMap(topology, onMap, { width: Math.min(width, 480) })),
    note: `${ATTRIBUTION}. Grijs: de andere zorgkantoorregio's.`,
    data: onMap,
    columns: [
      { key: "region", label: "Regio" },
      { key: "code", label: "Code" },
    ],
    filename: `iza-${key}-kaart`,
  });
}
