#!/usr/bin/env node
// Builds the dashboard: refresh the outputs, clear Framework's loader cache, `observable build`,
// then finish dist/ (one vendor module for d3, Plot and Arrow, one module per page, the download
// files, post-processing: scripts/build/) and audit it (nothing from another origin, no English, no
// folder named like a page). Plain JavaScript, so it runs before anything is compiled.
// REGIOMONITOR_SKIP_REFRESH=1 skips the refresh (for working on the site only); REGIOMONITOR_OUT
// and REGIOMONITOR_DB point the loaders at other outputs, REGIOMONITOR_DIST builds elsewhere.
import { spawnSync } from "node:child_process";
import console from "node:console";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, relative, resolve } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { auditSite } from "./build/audit.js";
import { DOWNLOADS_FOLDER, copyDownloads } from "./build/downloads.js";
import { bundlePages } from "./build/page-bundles.js";
import { postProcess } from "./build/post-process.js";
import { STATIC_KINDS, copyScopeFiles } from "./build/scope-files.js";
import { preloadScopeFiles } from "./build/scope-preloads.js";
import { seedLoaderCache } from "./build/seed-loaders.js";
import { vendorSymbols } from "./build/vendor-symbols.js";
import { bundleVendor } from "./build/vendor.js";
import { filledCache } from "../loaders/site-cache.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "node_modules", ".bin");

/**
 * Versions for the libraries that Framework's client and stdlib import lazily as `npm:` (the
 * implicit globals d3, Plot, … and FileAttachment's csv/arrow/parquet readers). Framework looks
 * their versions up on registry.npmjs.org whenever its cache is empty, which would make every
 * build need the network. Our pages import from node_modules and never load these, so seeding
 * the cache with fixed versions keeps the build offline and its output reproducible.
 */
export const NPM_VERSIONS = {
  "@observablehq/plot": "0.6.17",
  "@observablehq/sample-datasets": "1.0.1",
  "apache-arrow": "21.2.0",
  arquero: "8.0.3",
  d3: "7.9.2",
  "d3-dsv": "3.0.2",
  echarts: "6.1.0",
  htl: "1.0.0",
  leaflet: "1.9.4",
  lodash: "4.18.1",
  "mapbox-gl": "3.32.0",
  "parquet-wasm": "0.8.0",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "topojson-client": "3.1.0",
};

/** Runs `job` and prints how long it took (wall seconds), so that the build's phases show. */
async function timed(label, job) {
  const start = performance.now();
  const result = await job();
  const seconds = ((performance.now() - start) / 1000).toLocaleString("nl-NL", {
    maximumFractionDigits: 1,
  });
  console.error(`build: ${label}: ${seconds} s`);
  return result;
}

function run(command, args, env = process.env) {
  console.error(`> ${[relative(root, command) || command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(
      `build: stopped: ${args[0] ?? command} exited with ${result.status ?? result.signal}`,
    );
    process.exit(result.status || 1);
  }
}

/**
 * Empties Framework's cache, so no loader output is reused, and seeds it with NPM_VERSIONS. Its
 * `_node` folder stays: the rollup bundles of the packages in node_modules, each in a folder
 * named after the package's version (Framework builds one only when its file is absent), so a
 * bundle is reused only for the same version. Bundling them again cost every build ≈ 15–20 CPU-s.
 */
export function clearLoaderCache(cache = join(root, "docs", ".observablehq", "cache")) {
  // Framework does not see what a loader imports, and would reuse stale loader output.
  for (const entry of existsSync(cache) ? readdirSync(cache) : []) {
    if (entry !== "_node") rmSync(join(cache, entry), { recursive: true, force: true });
  }
  for (const [name, version] of Object.entries(NPM_VERSIONS)) {
    mkdirSync(join(cache, "_npm", `${name}@${version}`), { recursive: true });
  }
}

async function main() {
  const dist = resolve(root, process.env.REGIOMONITOR_DIST ?? "dist");
  const out = resolve(root, process.env.REGIOMONITOR_OUT ?? join("docs", ".data"));
  if (process.env.REGIOMONITOR_SKIP_REFRESH === "1") {
    console.error("build: refresh skipped (REGIOMONITOR_SKIP_REFRESH=1)");
  } else {
    await timed("refresh", () =>
      run(process.execPath, [
        "bin/regiomonitor.js",
        "refresh",
        "--data",
        "data/exports",
        "--out",
        "docs/.data",
        "--db",
        "data/monitor.duckdb",
      ]),
    );
  }
  clearLoaderCache();
  // The loaders' shared cache (loaders/site-cache.js), this build's own: its first loader fills
  // it once with every payload, and no payload is reused from an earlier build's code.
  const siteCache = mkdtempSync(join(tmpdir(), "regiomonitor-site-build-"));
  process.on("exit", () => rmSync(siteCache, { recursive: true, force: true }));
  process.env.REGIOMONITOR_SITE_CACHE = siteCache;
  // Every payload once, in this process; Framework then copies the loaders' outputs from its
  // cache instead of starting a process per file (scripts/build/seed-loaders.js).
  const filled = await timed("site payloads", () => filledCache());
  const seeded = seedLoaderCache(
    filled,
    join(root, "docs"),
    join(root, "docs", ".observablehq", "cache"),
    STATIC_KINDS,
  );
  console.error(
    `build: ${seeded.files} loader outputs seeded into Framework's cache` +
      (seeded.missing.length > 0 ? `; left to their loaders: ${seeded.missing.join(", ")}` : ""),
  );
  await timed("observable build (pages and data files)", () =>
    run(join(bin, "observable"), ["build"], {
      ...process.env,
      // The config (.ts) loads with tsx, which must be found when this script runs outside npm.
      PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`,
      OBSERVABLE_TELEMETRY_DISABLE: "1",
    }),
  );
  const scoped = await timed("per-scope files", async () => copyScopeFiles(filled, dist));
  console.error(`build: ${scoped.files} per-scope files (${scoped.bytes} bytes) in dist/data/`);
  const symbols = vendorSymbols(join(root, "docs"));
  const vendor = await timed("vendor module", () =>
    bundleVendor(dist, join(root, "node_modules"), symbols),
  );
  console.error(
    `build: ${vendor.vendor} (${vendor.bytes} bytes) for ${vendor.replaced.join(", ")}; ${vendor.preloadsDropped} module preloads dropped`,
  );
  const bundled = await timed("page modules", () =>
    bundlePages(dist, join(root, "docs"), join(root, "node_modules"), symbols),
  );
  console.error(
    `build: ${bundled.pages} pages import their modules (${bundled.bundles.length} modules, ` +
      `${bundled.bundles.map((b) => b.bytes).join(", ")} bytes)` +
      (bundled.skipped.length > 0 ? `; left as built: ${bundled.skipped.join("; ")}` : ""),
  );
  const downloads = copyDownloads(out, join(dist, DOWNLOADS_FOLDER));
  console.error(`build: ${downloads.length} download files in dist/${DOWNLOADS_FOLDER}/`);
  const meta = JSON.parse(readFileSync(join(filled, "site", "meta.json"), "utf8"));
  const problems = await timed("post-processing and audit", () => {
    const processed = postProcess(dist);
    // After postProcess, which preloads the registered data files only on a page without any
    // `as="fetch"` preload yet.
    const preloads = preloadScopeFiles(dist, meta.refreshed_at);
    console.error(`build: ${preloads} preloads of the default scope's files`);
    return [...processed, ...auditSite(dist)];
  });
  if (problems.length > 0) {
    console.error(`build: FAILED: ${problems.length} problem(s) in dist/:`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.error("build: dist/ is ready (lang=nl, no requests to other origins)");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
