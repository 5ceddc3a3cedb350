// The co-participation network as a force-directed SVG: organisations as circles (colour by
// sector, area by degree), a line between two that share an active project. The layout is
// computed before drawing (no animation), so the picture is stable and prints well.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import * as Plot from "@observablehq/plot";
import { svg } from "htl";
import { formatInteger } from "./format.js";
import { colorOf, label, vocabularyColor } from "./palette.js";

/**
 * An SVG of `graph` ({nodes: [{id, name, sector, degree, projects}], links: [{source, target,
 * projects}]}, one scope's netwerkgraaf/<key>.json). Options: `width`, `height`, `color(sector)` →
 * CSS colour, `sectorLabel(sector)` → Dutch name, `ariaLabel` (a Dutch description). Each circle
 * has a <title> with the organisation's name, sector and degree (shown on hover).
 */
export function networkGraph(
  graph,
  {
    width = 640,
    height = 480,
    color = () => "currentColor",
    sectorLabel = (s) => s,
    ariaLabel = "",
  } = {},
) {
  const nodes = graph.nodes.map((d) => ({ ...d }));
  const links = graph.links.map((d) => ({ ...d }));
  const radius = (d) => 3 + 2.2 * Math.sqrt(d.degree);
  const simulation = forceSimulation(nodes)
    .force(
      "link",
      forceLink(links)
        .id((d) => d.id)
        .distance(30)
        .strength(0.15),
    )
    .force("charge", forceManyBody().strength(-40))
    // Organisations without a shared project are pulled in harder, so they ring the cluster
    // instead of pushing it into a corner.
    .force(
      "x",
      forceX(0).strength((d) => (d.degree ? 0.06 : 0.2) * (height / width) ** 0.5),
    )
    .force(
      "y",
      forceY(0).strength((d) => (d.degree ? 0.06 : 0.2) * (width / height) ** 0.5),
    )
    .force(
      "collide",
      forceCollide((d) => radius(d) + 1.5),
    )
    .stop();
  for (let i = 0; i < 300; ++i) simulation.tick();

  // Fit the layout into the box.
  const pad = 12;
  const xs = nodes.map((d) => d.x);
  const ys = nodes.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min((width - 2 * pad) / (x1 - x0 || 1), (height - 2 * pad) / (y1 - y0 || 1), 3);
  const cx = (width - k * (x1 + x0)) / 2;
  const cy = (height - k * (y1 + y0)) / 2;
  const px = (d) => (cx + k * d.x).toFixed(1);
  const py = (d) => (cy + k * d.y).toFixed(1);
  const order = nodes.slice().sort((a, b) => a.degree - b.degree);

  return svg`<svg class="network-graph" width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="img" aria-label=${ariaLabel}>
    <g stroke="currentColor" stroke-opacity="0.25">
      ${links.map(
        (l) =>
          svg`<line x1=${px(l.source)} y1=${py(l.source)} x2=${px(l.target)} y2=${py(l.target)} stroke-width=${Math.min(4, 0.6 + 0.6 * l.projects)}></line>`,
      )}
    </g>
    <g stroke="var(--theme-background)" stroke-width="1">
      ${order.map(
        (d) =>
          svg`<circle cx=${px(d)} cy=${py(d)} r=${radius(d) * Math.min(1.4, Math.max(0.8, k))} fill=${color(d.sector)}><title>${d.name} (${sectorLabel(d.sector)}): ${formatInteger(d.degree)} verbindingen, ${formatInteger(d.projects)} lopende projecten</title></circle>`,
      )}
    </g>
  </svg>`;
}

/** The graph's links with both organisations' names, for the table and CSV. */
export function graphLinks(graph) {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return graph.links.map((l) => ({
    ...l,
    source_name: names.get(l.source),
    target_name: names.get(l.target),
  }));
}

export const LINK_COLUMNS = [
  { key: "source_name", label: "Organisatie" },
  { key: "target_name", label: "Samen met" },
  { key: "projects", label: "Gezamenlijke projecten", num: true, format: formatInteger },
];

export const NODE_COLUMNS = [
  { key: "name", label: "Organisatie" },
  { key: "sector_nl", label: "Sector" },
  { key: "degree", label: "Verbindingen", num: true, format: formatInteger },
  { key: "projects", label: "Lopende projecten", num: true, format: formatInteger },
];

/** What the drawing shows, in words: all members, or the best connected ones of a large graph. */
export function graphNote(graph) {
  const connected = graph.nodes.filter((d) => d.degree > 0).length;
  const [nodes, links] = [graph.nodes.length, graph.links.length];
  const shown =
    (graph.total_nodes ?? 0) > nodes
      ? `${formatInteger(graph.total_nodes)} leden, ${formatInteger(graph.total_links)} verbindingen; getekend zijn de ${formatInteger(nodes)} leden met de meeste verbindingen en de ${formatInteger(links)} verbindingen tussen hen.`
      : `${formatInteger(nodes)} leden, ${formatInteger(links)} verbindingen; ${formatInteger(nodes - connected)} leden hebben geen gezamenlijk lopend project.`;
  return `${shown} Beweeg over een bol voor de naam. Dezelfde gegevens staan per organisatie in de tabel hieronder.`;
}

/** The aria-label of the drawing: its size, and where the same data stands. */
export const graphLabel = (graph) =>
  `Netwerkdiagram met ${graph.nodes.length} leden en ${graph.links.length} verbindingen; de tabel eronder geeft dezelfde gegevens.`;

/** The drawing's height for a width: three quarters of it, between 320 and 560 px. */
export const graphHeight = (width) => Math.max(320, Math.min(560, width * 0.75));

/** The graph's organisations with their Dutch sector name, for the table. */
export const graphNodes = (graph, meta) =>
  graph.nodes.map((d) => ({ ...d, sector_nl: label(meta, "sector", d.sector) }));

/** networkGraph in the sectors' colours of palette.js, sized for `width`, described in words. */
export const sectorGraph = (graph, meta, { width }) =>
  networkGraph(graph, {
    width,
    height: graphHeight(width),
    color: (s) => colorOf(meta, "sector", s),
    sectorLabel: (s) => label(meta, "sector", s),
    ariaLabel: graphLabel(graph),
  });

/** The legend of the sector colours, to stand above sectorGraph. */
export const graphLegend = (meta) => Plot.legend({ color: vocabularyColor(meta, "sector") });
