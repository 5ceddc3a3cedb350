#!/usr/bin/env node
// Measures every built page (dist/) in Chromium: the bytes a visitor transfers when the server
// compresses with gzip (the sum over the page's requests of each response body's gzip size; our
// static server does not compress, so node:zlib computes it) and the time until the first chart
// has drawn (performance.now() when the first SVG mark is in the document). Prints a table and
// the figures as JSON. `--strict` exits 1 when a page misses a target; `--runs N` (default 5)
// loads each page N times and reports the median time. Every load is in a fresh browser context
// (empty cache); one unmeasured load first warms up the browser process itself, whose very first
// page is slower than any visitor's (their browser is already running).
// Run `npm run build` first. CHROMIUM_PATH overrides /usr/bin/chromium.
/* global window, document, MutationObserver -- used in functions that run in the page */
import console from "node:console";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { CHROMIUM_ARGS, MARK_SELECTOR } from "./chromium.js";
import { URL, fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "./serve.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");

/** Targets of the dashboard issue: gzip bytes per page and time to the first chart. */
export const TARGETS = { bytes: 250 * 1024, firstChartMs: 1000 };

/** Every page in `dir` as its clean URL path ("/", "/signalen", "/netwerk/x"), except 404. */
export function builtPages(dir = dist, prefix = "/") {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) {
        return entry.name.startsWith("_") || entry.name === "downloads"
          ? []
          : builtPages(join(dir, entry.name), `${prefix}${entry.name}/`);
      }
      if (!entry.name.endsWith(".html")) return [];
      if (prefix === "/" && entry.name === "404.html") return [];
      return [
        entry.name === "index.html" ? prefix : `${prefix}${entry.name.slice(0, -".html".length)}`,
      ];
    })
    .sort();
}

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

/** Loads `url` in a fresh context; returns the gzip bytes, the requests and the first-mark time. */
async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(url).origin;
  await context.route("**/*", (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
  );
  await context.addInitScript(watchFirstMark, MARK_SELECTOR);
  const page = await context.newPage();
  const bodies = [];
  page.on("response", (response) => {
    bodies.push(
      response.body().then(
        (body) => ({ raw: body.length, gzip: gzipSync(body).length }),
        () => ({ raw: 0, gzip: 0 }), // redirects and aborted requests have no body
      ),
    );
  });
  try {
    await page.goto(url, { waitUntil: "networkidle" });
    const hasChart = await page.evaluate(
      (selector) => document.querySelector(selector) !== null,
      MARK_SELECTOR,
    );
    const firstChartMs = hasChart
      ? await page
          .waitForFunction(() => window.__firstMark, null, { timeout: 10_000 })
          .then((handle) => handle.jsonValue())
      : null;
    const sizes = await Promise.all(bodies);
    return {
      requests: sizes.length,
      raw: sizes.reduce((sum, size) => sum + size.raw, 0),
      gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
      firstChartMs,
    };
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

function printTable(results) {
  const rows = [
    ["pagina", "verzoeken", "KB (ongecomprimeerd)", "KB (gzip)", "eerste grafiek (ms)", ""],
    ...results.map((r) => [
      r.path,
      String(r.requests),
      kb(r.raw),
      kb(r.gzip),
      r.firstChartMs === null ? "–" : String(Math.round(r.firstChartMs)),
      r.ok ? "" : "boven doel",
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [index, row] of rows.entries()) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join("  "),
    );
    if (index === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      strict: { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: not a positive integer: ${values.runs}`);
  if (!existsSync(join(dist, "index.html"))) {
    console.error("Geen dist/index.html: bouw het dashboard eerst met `npm run build`.");
    process.exit(1);
  }
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const server = await startServer(dist, 0);
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const results = [];
  try {
    await measure(browser, new URL("/", server.url).href);
    for (const path of builtPages()) {
      const url = new URL(path, server.url).href;
      const measured = [];
      for (let run = 0; run < runs; run++) measured.push(await measure(browser, url));
      const [first] = measured;
      const times = measured.map((m) => m.firstChartMs).filter((ms) => ms !== null);
      const firstChartMs = times.length ? median(times) : null;
      const ok =
        first.gzip <= TARGETS.bytes &&
        (firstChartMs === null || firstChartMs < TARGETS.firstChartMs);
      results.push({
        path,
        requests: first.requests,
        raw: first.raw,
        gzip: first.gzip,
        firstChartMs,
        timesMs: times.map((ms) => Math.round(ms)),
        ok,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  printTable(results);
  console.log(JSON.stringify({ targets: TARGETS, runs, pages: results }, null, 2));
  if (values.strict && results.some((r) => !r.ok)) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
