// Shared by the browser tests (test/site), scripts/ensure-chromium.js and scripts/page-weights.js.
import process from "node:process";

/** Where the browser tests find Chromium: CHROMIUM_PATH, else Debian's package. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

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
