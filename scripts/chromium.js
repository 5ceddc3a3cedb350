// Shared by the browser tests (test/site), scripts/ensure-chromium.js and scripts/weights/.
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

/**
 * Counts a Playwright page's requests in flight; `quiet` waits (up to `timeout` ms) until none
 * has been in flight for `ms` on end, and resolves with whether that happened. Playwright's
 * "networkidle" load state stays reached once the page has loaded, so waiting for it again does
 * not wait for the files that a page fetches after its first charts; this does.
 */
export function requestsInFlight(page) {
  const inFlight = new Set();
  let lastChange = Date.now();
  const start = (request) => {
    inFlight.add(request);
    lastChange = Date.now();
  };
  const end = (request) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  page.on("request", start).on("requestfinished", end).on("requestfailed", end);
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) inFlight.clear();
  });
  const quiet = async (ms = 500, timeout = 10_000) => {
    const settled = () => inFlight.size === 0 && Date.now() - lastChange >= ms;
    const deadline = Date.now() + timeout;
    while (!settled() && Date.now() < deadline) await page.waitForTimeout(50);
    return settled();
  };
  return { quiet };
}
