// The measurement of one page load for `npm run weights` (scripts/page-weights.js): the gzip bytes
// of every response, the time to the first drawn chart, and any request that would leave the site.
/* global window, document, MutationObserver -- used in functions that run in the page */
import console from "node:console";
import { URL } from "node:url";
import { gzipSync } from "node:zlib";
import { MARK_SELECTOR, requestsInFlight } from "../chromium.js";

/**
 * Targets of issue 13: gzip bytes per page (250 kB taken literally: 250.000 bytes, not 250 KiB),
 * time to the first chart, site build time.
 */
export const TARGETS = { bytes: 250_000, firstChartMs: 1000, buildMs: 45_000 };

/** A drawn mark of a chart inside the page's <main> (MARK_SELECTOR, scoped). */
export const FIRST_CHART = MARK_SELECTOR.split(", ")
  .map((selector) => `main ${selector}`)
  .join(", ");

/** Installed before any page script: notes performance.now() when the first mark appears. */
function watchFirstMark(selector) {
  const found = () => {
    if (window.__firstMark === undefined && document.querySelector(selector)) {
      window.__firstMark = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(found);
  observer.observe(document, { childList: true, subtree: true });
}

/** Loads `url` in a fresh context; returns the bytes, the requests and the first-chart time. */
export async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(url).origin;
  const external = [];
  await context.route("**/*", (route) => {
    const requested = route.request().url();
    if (requested.startsWith(`${origin}/`)) return route.continue();
    if (!requested.startsWith("data:") && !requested.startsWith("blob:")) external.push(requested);
    return route.abort("blockedbyclient");
  });
  await context.addInitScript(watchFirstMark, FIRST_CHART);
  const page = await context.newPage();
  const network = requestsInFlight(page);
  const bodies = [];
  page.on("response", (response) => {
    bodies.push(
      response.body().then(
        (body) => ({ url: response.url(), raw: body.length, gzip: gzipSync(body).length }),
        () => ({ url: response.url(), raw: 0, gzip: 0 }), // redirects and aborted requests have no body
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: "networkidle" });
    // On a busy machine the network can be idle for 500 ms while a page still computes before
    // its next fetch: wait for the first chart (up to 10 s; pages without one take that long),
    // then until no request has been in flight for 500 ms, so that every payload the page loads
    // is counted (also those it fetches once the first chart is drawn).
    const firstChartMs = await page
      .waitForFunction(() => window.__firstMark, null, { timeout: 10_000 })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!(await network.quiet())) {
      console.error(`weights: ${url} still fetched files after 10 s; its bytes may be too few`);
    }
    const sizes = await Promise.all(bodies);
    return {
      requests: sizes.length,
      raw: sizes.reduce((sum, size) => sum + size.raw, 0),
      gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
      sizes,
      firstChartMs,
      external,
    };
  } finally {
    await context.close();
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
