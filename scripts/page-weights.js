#!/usr/bin/env node
// Measures every built page in Chromium against the targets of issue 13, and with --landelijk
// first builds the site on the national-scale outputs, all in one command:
//
//   npm run weights                     measure dist/ as built (`npm run build` first)
//   npm run weights -- --landelijk      generate data/landelijk if absent (landelijk, seed 7),
//                                       refresh it into .cache/landelijk/{monitor.duckdb,out},
//                                       build the site on it into .cache/landelijk/dist (timed),
//                                       then measure that site
//   npm run weights -- --landelijk --skip-build   measure .cache/landelijk/dist as built
//   … --pages /,/leden                  measure only these pages
//   … --requests                        also list each page's requests with their gzip size
//   … --site <folder>                   measure the site built in <folder> instead
//
// Per page:
// - gzip bytes transferred: the sum over the page's requests of each response body's gzip size
//   (our static server does not compress, so node:zlib computes what a gzip server would send);
//   target ≤ 250 kB (250.000 bytes).
// - time to first chart: performance.now() (ms since navigation start) at the moment the first
//   drawn chart mark inside <main> is attached to the document: a MutationObserver, installed by
//   an init script before any page script runs, checks FIRST_CHART on every DOM change. Median
//   of --runs loads (default 5); target < 1 s. Pages without a chart show "–".
// Every load is in a fresh browser context (empty cache) that lets no request leave the site
// (others are aborted and reported; a page with one fails); one unmeasured load first warms up
// the browser process itself, whose very first page is slower than any visitor's.
// With --landelijk also the site build time (scripts/build.js with the refresh skipped: loader
// cache, observable build, post-processing, audit); target ≤ 45 s.
// Prints a Dutch table with pass/fail per target, then the figures as JSON. `--strict` exits 1
// when a target is missed. CHROMIUM_PATH overrides /usr/bin/chromium.
/* global window, document, MutationObserver -- used in functions that run in the page */
import { spawnSync } from "node:child_process";
import console from "node:console";
import { existsSync, mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { builtPages } from "./build/files.js";
import { CHROMIUM_ARGS, MARK_SELECTOR, chromiumPath, requestsInFlight } from "./chromium.js";
import { startServer } from "./serve.js";

const root = fileURLToPath(new URL("..", import.meta.url));

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
async function measure(browser, url) {
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const number = (value, digits = 0) =>
  value.toLocaleString("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Bytes as kB (1.000 bytes, as the target), one decimal. */
const kb = (bytes) => number(bytes / 1000, 1);
const verdict = (ok) => (ok ? "gehaald" : "NIET GEHAALD");

/** Prints `rows` (the first is the header) as a table with aligned columns. */
function printRows(rows) {
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

function printTable(results, build) {
  printRows([
    [
      "pagina",
      "verzoeken",
      "kB ongecompr.",
      "kB gzip",
      `≤ ${kb(TARGETS.bytes)} kB`,
      "eerste grafiek (ms)",
      `< ${number(TARGETS.firstChartMs)} ms`,
      "andere herkomst",
    ],
    ...results.map((r) => [
      r.path,
      String(r.requests),
      kb(r.raw),
      kb(r.gzip),
      verdict(r.bytesOk),
      r.firstChartMs === null ? "–" : number(r.firstChartMs),
      r.firstChartMs === null ? "–" : verdict(r.timeOk),
      r.external.length ? `${r.external.length} geblokkeerd` : "geen",
    ]),
  ]);
  const heavy = results.filter((r) => !r.bytesOk).length;
  const slow = results.filter((r) => !r.timeOk).length;
  const leaking = results.filter((r) => r.external.length).length;
  console.log("");
  console.log(`pagina's: ${results.length}`);
  console.log(
    `gewicht ≤ ${kb(TARGETS.bytes)} kB gzip: ${verdict(heavy === 0)} (${heavy} te zwaar)`,
  );
  console.log(
    `eerste grafiek < ${number(TARGETS.firstChartMs)} ms: ${verdict(slow === 0)} (${slow} te traag)`,
  );
  console.log(`verzoeken naar andere herkomst: ${verdict(leaking === 0)} (${leaking} pagina's)`);
  if (build) {
    console.log(
      `bouwtijd site ≤ ${number(TARGETS.buildMs / 1000)} s: ${number(build.buildMs / 1000, 1)} s, ${verdict(build.buildOk)}` +
        ` (verversen ${number(build.refreshMs / 1000, 1)} s, geen doel)`,
    );
  }
}

/** With --requests: the requests of one load of `path`, heaviest first (gzip kB). */
function printRequests(path, sizes, base) {
  console.log(`${path}:`);
  for (const size of [...sizes].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`  ${kb(size.gzip).padStart(7)}  ${decodeURI(size.url.slice(base.length))}`);
  }
}

/** Runs a command in the project folder; stops the measurement when it fails. Returns its ms. */
function step(command, args, env = process.env) {
  console.error(`> ${[command === process.execPath ? "node" : command, ...args].join(" ")}`);
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`weights: gestopt: ${args[0] ?? command} eindigde met ${result.status}`);
    process.exit(result.status || 1);
  }
  return performance.now() - start;
}

/**
 * The site on the landelijk outputs: generates `data` if absent, refreshes it into `work`
 * (incremental: unchanged exports are not read again), builds into `work`/dist. Returns the
 * folder of the built site and the times.
 */
function buildLandelijk(data, work) {
  if (!existsSync(join(data, "members.csv"))) {
    step(process.execPath, [
      "bin/regiomonitor.js",
      "generate",
      "--scale",
      "landelijk",
      "--seed",
      "7",
      "--out",
      data,
    ]);
  }
  mkdirSync(work, { recursive: true });
  const db = join(work, "monitor.duckdb");
  const out = join(work, "out");
  const dist = join(work, "dist");
  const refreshMs = step(process.execPath, [
    "bin/regiomonitor.js",
    "refresh",
    "--data",
    data,
    "--out",
    out,
    "--db",
    db,
  ]);
  const buildMs = step(process.execPath, ["scripts/build.js"], {
    ...process.env,
    REGIOMONITOR_SKIP_REFRESH: "1",
    REGIOMONITOR_DB: db,
    REGIOMONITOR_OUT: out,
    REGIOMONITOR_DIST: dist,
  });
  return { dist, refreshMs, buildMs, buildOk: buildMs <= TARGETS.buildMs };
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      strict: { type: "boolean", default: false },
      landelijk: { type: "boolean", default: false },
      data: { type: "string", default: "data/landelijk" },
      "skip-build": { type: "boolean", default: false },
      pages: { type: "string" },
      requests: { type: "boolean", default: false },
      site: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: not a positive integer: ${values.runs}`);
  const work = join(root, ".cache", "landelijk");
  const build =
    values.landelijk && !values["skip-build"]
      ? buildLandelijk(resolve(root, values.data), work)
      : null;
  const dist = values.site
    ? resolve(root, values.site)
    : values.landelijk
      ? join(work, "dist")
      : join(root, "dist");
  if (!existsSync(join(dist, "index.html"))) {
    console.error(
      values.landelijk
        ? `Geen ${relative(root, dist)}/index.html: bouw eerst met \`npm run weights -- --landelijk\`.`
        : "Geen dist/index.html: bouw het dashboard eerst met `npm run build`.",
    );
    process.exit(1);
  }
  const server = await startServer(dist, 0);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const results = [];
  try {
    await measure(browser, new URL("/", server.url).href);
    const only = values.pages?.split(",");
    for (const path of builtPages(dist).filter((p) => !only || only.includes(p))) {
      const url = new URL(path, server.url).href;
      const measured = [];
      for (let run = 0; run < runs; run++) measured.push(await measure(browser, url));
      const [first] = measured;
      if (values.requests) printRequests(path, first.sizes, server.url);
      const times = measured.map((m) => m.firstChartMs).filter((ms) => ms !== null);
      const firstChartMs = times.length ? median(times) : null;
      const bytesOk = first.gzip <= TARGETS.bytes;
      const timeOk = firstChartMs === null || firstChartMs < TARGETS.firstChartMs;
      const external = [...new Set(measured.flatMap((m) => m.external))];
      results.push({
        path,
        requests: first.requests,
        raw: first.raw,
        gzip: first.gzip,
        firstChartMs,
        timesMs: times.map((ms) => Math.round(ms)),
        external,
        bytesOk,
        timeOk,
        ok: bytesOk && timeOk && external.length === 0,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  printTable(results, build);
  console.log(
    JSON.stringify(
      {
        targets: TARGETS,
        runs,
        site: relative(root, dist),
        build: build && {
          refreshMs: build.refreshMs,
          buildMs: build.buildMs,
          buildOk: build.buildOk,
        },
        pages: results,
      },
      null,
      2,
    ),
  );
  const missed = results.some((r) => !r.ok) || (build !== null && !build.buildOk);
  if (values.strict && missed) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
