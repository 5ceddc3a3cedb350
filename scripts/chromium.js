// Shared by the browser tests (test/site) and scripts/page-weights.js.

/** Debian's chromium, headless on a closed network (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A drawn mark: a child of a Plot mark group (not an axis, grid or frame), a circle of a
 * hand-made SVG such as the d3-force network graph, or the line of a KPI card's sparkline.
 */
export const MARK_SELECTOR = [
  'svg g[aria-label]:not([aria-label$="axis"]):not([aria-label*="-axis "]):not([aria-label$="grid"]):not([aria-label="frame"]) > *',
  "svg circle",
  "svg.kpi-spark path[d]",
].join(", ");
