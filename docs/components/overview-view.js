// The parts of the overview (index.md) below the key figures: the networks' trends side by side
// and the line on the last refresh's rejected rows.
import { html } from "htl";
import { formatDate, formatInteger } from "./format.js";
import { trendFigure } from "./trend.js";

/**
 * Active members and running projects per network over the twelve reference dates, side by side
 * (`networks`: the names in meta.json's order, so each network keeps its colour).
 */
export function networkTrends({ resize, indicators, catalog, networks, peildatum }) {
  const until = `op de twaalf peildata tot en met ${formatDate(peildatum)}`;
  const perNetwork = (id, options) =>
    trendFigure({
      resize,
      indicators,
      catalog,
      ids: [id],
      scopes: networks,
      networks,
      peildatum,
      height: 240,
      ...options,
    });
  return html`<div class="grid grid-cols-2">
    ${perNetwork("leden_actief", {
      title: "Actieve leden per netwerk",
      subtitle: `Aantal lidorganisaties ${until}.`,
      filename: "leden-per-netwerk",
    })}
    ${perNetwork("projecten_actief", {
      title: "Lopende projecten per netwerk",
      subtitle: `Aantal lopende projecten ${until}.`,
      filename: "projecten-per-netwerk",
    })}
  </div>`;
}

/** How many rows the last refresh rejected and which files were missing or unusable (data_quality). */
export function qualityNote(quality) {
  const rejected = quality.reduce((sum, r) => sum + (r.rows_rejected ?? 0), 0);
  const unusable = quality.filter((r) => r.status !== "ok");
  return html`<p class="muted">
    Bij de laatste verversing zijn ${formatInteger(rejected)} rijen
    afgewezen${
      unusable.length
        ? ` en ontbraken of waren onbruikbaar: ${unusable.map((r) => r.file).join(", ")}`
        : ""
    }.
    Zie <a href="./datakwaliteit">Datakwaliteit</a>.
  </p>`;
}
