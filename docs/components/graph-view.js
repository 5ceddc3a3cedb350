// The co-participation graph of a scope on /projecten: the graph in a figure (legend, note, its
// links as the data) and its organisations in a sortable, searchable table behind a toggle.
import { html } from "htl";
import { figure } from "./chart.js";
import * as graphs from "./graph.js";
import { dataTable } from "./table.js";

/**
 * The graph (a scope's netwerkgraaf file) of `who` at `peildatum` (in words), and its
 * organisations; `resize` is Framework's.
 */
export function graphSection({ resize, graph, meta, who, peildatum }) {
  return html`${figure({
      title: "Wie werkt met wie samen in projecten",
      subtitle: `Leden van ${who} op ${peildatum}: een lijn verbindt twee leden met een gezamenlijk lopend project; groter = meer verbindingen.`,
      chart: html`${graphs.graphLegend(meta)}${resize((width) =>
        graphs.sectorGraph(graph, meta, { width }),
      )}`,
      note: graphs.graphNote(graph),
      data: graphs.graphLinks(graph),
      columns: graphs.LINK_COLUMNS,
      filename: "samenwerkingsnetwerk",
    })}
    <details class="card">
      <summary>
        <strong>Organisaties in het netwerk</strong>: naam, sector en aantal verbindingen
        (sorteerbaar)
      </summary>
      ${dataTable(graphs.graphNodes(graph, meta), {
        search: "Zoek een organisatie",
        sort: { key: "degree", descending: true },
        columns: graphs.NODE_COLUMNS,
      })}
    </details>`;
}
