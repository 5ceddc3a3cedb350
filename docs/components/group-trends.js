// The indicators of a catalog group that its page shows no chart of yet, each as a small trend:
// with them every indicator has a chart on its group's page (/leden, /projecten, …), the chart
// a summary sentence links to (#grafiek-<id>). Which indicators, their names and units come from
// the catalog, so a new indicator gets its chart without a page edit.
import { html } from "htl";
import { trendFigure } from "./trend.js";

/** The catalog rows of `group` that are not in `charted`, in catalog order. */
export function unchartedEntries(catalog, group, charted = []) {
  return catalog.filter((c) => c.group === group && !charted.includes(c.indicator));
}

/**
 * A grid of small trend charts, one per indicator of `group` not in `charted` (the ids the page
 * draws elsewhere), titled with the catalog's name; `subtitle` is shared (who and until when).
 * Other options as trendFigure (resize, indicators, catalog, scopes, networks, peildatum). Empty
 * when the page already charts every indicator of the group.
 */
export function groupTrends({ group, charted = [], catalog, subtitle, cols = 3, ...options }) {
  const entries = unchartedEntries(catalog, group, charted);
  if (entries.length === 0) return html``;
  return html`<div class=${`grid grid-cols-${cols} group-trends`}>
    ${entries.map((entry) =>
      trendFigure({
        ...options,
        catalog,
        ids: [entry.indicator],
        title: entry.name_nl,
        subtitle,
        filename: `verloop-${entry.indicator}`,
        height: 200,
      }),
    )}
  </div>`;
}
