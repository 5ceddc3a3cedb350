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
import console from "node:console";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { builtPages } from "./build/files.js";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium.js";
import { startServer } from "./serve.js";
import { buildLandelijk } from "./weights/landelijk.js";
import { TARGETS, measure, median } from "./weights/measure.js";
import { printRequests, printTable } from "./weights/report.js";

export { FIRST_CHART, TARGETS } from "./weights/measure.js";

const root = fileURLToPath(new URL("..", import.meta.url));

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
