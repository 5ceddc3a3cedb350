#!/usr/bin/env node
// Builds the dashboard: refresh the outputs, clear Framework's loader cache, `observable build`,
// then make dist/ Dutch (lang="nl", interface strings) and check that it fetches nothing from
// another origin. Plain JavaScript, so it runs before anything is compiled.
// REGIOMONITOR_SKIP_REFRESH=1 skips the refresh (for working on the site only).
import { spawnSync } from "node:child_process";
import console from "node:console";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, extname, join, relative, resolve } from "node:path";
import process from "node:process";
import { URL, fileURLToPath } from "node:url";
import { bundleD3 } from "./bundle-d3.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
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

/** Strings that Framework 1.13 writes in English and no config option reaches. */
export const TRANSLATIONS = [
  // The sidebar toggle's title: in the HTML, and set again by the client script on load.
  ['title="Toggle sidebar"', 'title="Zijbalk tonen of verbergen"', [".html"]],
  ["`Toggle sidebar ${", "`Zijbalk tonen of verbergen ${", [".js"]],
];

/** English strings that must not remain in built HTML or JavaScript. */
export const ENGLISH = [
  "Toggle sidebar",
  "Built with",
  'placeholder="Search"',
  "<div>Contents</div>",
];

/** Hosts that must not occur anywhere in built HTML, JavaScript or CSS. */
const FORBIDDEN_HOSTS = ["fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net"];

const ORIGIN = String.raw`(?:https?:)?//`;
/** Patterns of a request to another origin, per file type. */
const EXTERNAL = {
  ".html": [
    new RegExp(
      String.raw`<(?:link|script|img|iframe|source|video|audio|embed|track)\b[^>]*\s(?:href|src|srcset)\s*=\s*["']?${ORIGIN}`,
      "gi",
    ),
    new RegExp(String.raw`<object\b[^>]*\sdata\s*=\s*["']?${ORIGIN}`, "gi"),
    new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?${ORIGIN}`, "gi"),
    new RegExp(String.raw`url\(\s*["']?${ORIGIN}`, "gi"),
    new RegExp(String.raw`\bimport\s*(?:\(\s*)?(?:[\w*{}\s,$]+\s+from\s*)?["']${ORIGIN}`, "g"),
  ],
  ".js": [
    new RegExp(String.raw`\bimport\s*(?:\(\s*)?(?:[\w*{}\s,$]+\s+from\s*)?["'\x60]${ORIGIN}`, "g"),
    new RegExp(String.raw`\bfetch\(\s*["'\x60]${ORIGIN}`, "g"),
  ],
  ".css": [
    new RegExp(String.raw`@import\s+(?:url\(\s*)?["']?${ORIGIN}`, "gi"),
    new RegExp(String.raw`url\(\s*["']?${ORIGIN}`, "gi"),
  ],
};
EXTERNAL[".mjs"] = EXTERNAL[".js"];

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

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function lineOf(text, index) {
  return text.slice(0, index).split("\n").length;
}

/** A page's data files: the `path` of every JSON file it registers for FileAttachment. */
export function registeredJson(html) {
  const paths = [];
  for (const match of html.matchAll(/\nregisterFile\("[^"]*", (\{[^\n]*\})\);/g)) {
    const { path, mimeType } = JSON.parse(match[1]);
    if (mimeType === "application/json" && typeof path === "string") paths.push(path);
  }
  return paths;
}

/**
 * Adds `<link rel="preload" as="fetch">` for each of the page's JSON data files before its first
 * module preload: the browser then fetches the data alongside the JavaScript, instead of after
 * it, when a cell calls FileAttachment(…).json(). (`crossorigin` makes the preload match fetch().)
 */
export function preloadData(html) {
  const links = registeredJson(html)
    .map((path) => `<link rel="preload" as="fetch" href="${path}" crossorigin>\n`)
    .join("");
  const at = html.indexOf('<link rel="modulepreload"');
  if (!links || at < 0) return html;
  return html.slice(0, at) + links + html.slice(at);
}

/** Sets lang="nl" and applies TRANSLATIONS; returns the problems found in the built files. */
export function postProcess(dir) {
  const problems = [];
  const translated = new Set();
  for (const path of walk(dir)) {
    const ext = extname(path);
    if (!(ext in EXTERNAL)) continue;
    const name = relative(dir, path);
    let text = readFileSync(path, "utf8");
    const original = text;
    if (ext === ".html") {
      const tags = text.match(/<html\b[^>]*>/g) ?? [];
      if (tags.length !== 1 || (tags[0] !== "<html>" && tags[0] !== '<html lang="nl">')) {
        problems.push(`${name}: expected one plain <html> tag, found ${tags.join(" ") || "none"}`);
      } else {
        text = text.replace("<html>", '<html lang="nl">');
      }
      if (!text.includes('rel="preload" as="fetch"')) text = preloadData(text);
    }
    for (const [english, dutch, exts] of TRANSLATIONS) {
      if (!exts.includes(ext)) continue;
      if (text.includes(english)) text = text.replaceAll(english, dutch);
      if (text.includes(dutch)) translated.add(english);
    }
    if (text !== original) writeFileSync(path, text);
    for (const host of FORBIDDEN_HOSTS) {
      const index = text.indexOf(host);
      if (index >= 0) problems.push(`${name}:${lineOf(text, index)}: refers to ${host}`);
    }
    for (const pattern of EXTERNAL[ext]) {
      for (const match of text.matchAll(pattern)) {
        const excerpt = text.slice(match.index, match.index + 120).split("\n")[0];
        problems.push(
          `${name}:${lineOf(text, match.index)}: request to another origin: ${excerpt}`,
        );
      }
    }
    if (ext !== ".css") {
      for (const english of ENGLISH) {
        if (text.includes(english))
          problems.push(`${name}: English interface string left: ${english}`);
      }
    }
  }
  // The client script always carries the sidebar title; if it is gone, Framework has changed.
  if (!translated.has(TRANSLATIONS[1][0])) {
    problems.push(
      `client script: sidebar title not found (${TRANSLATIONS[1][0]}): Framework changed?`,
    );
  }
  return problems;
}

/**
 * The output tables in the three download formats (spec/outputs.md) and the workbook of all
 * tables (regiomonitor.xlsx); never the database.
 */
const DOWNLOAD = /^(?:[a-z_]+\.(?:csv|nl\.csv|parquet)|regiomonitor\.xlsx)$/;

/** Copies the refresh's output tables from `from` into `to` (dist/downloads/); returns their names. */
export function copyDownloads(from, to) {
  const names = readdirSync(from).filter((name) => DOWNLOAD.test(name));
  if (names.length === 0)
    throw new Error(`build: no output tables in ${from} to offer as downloads`);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of names) copyFileSync(join(from, name), join(to, name));
  return names;
}

async function main() {
  if (process.env.REGIOMONITOR_SKIP_REFRESH === "1") {
    console.error("build: refresh skipped (REGIOMONITOR_SKIP_REFRESH=1)");
  } else {
    run(process.execPath, [
      "bin/regiomonitor.js",
      "refresh",
      "--data",
      "data/exports",
      "--out",
      "docs/.data",
      "--db",
      "data/monitor.duckdb",
    ]);
  }
  // Framework does not see what a loader imports, and would reuse stale loader output.
  const cache = join(root, "docs", ".observablehq", "cache");
  rmSync(cache, { recursive: true, force: true });
  for (const [name, version] of Object.entries(NPM_VERSIONS)) {
    mkdirSync(join(cache, "_npm", `${name}@${version}`), { recursive: true });
  }
  run(join(bin, "observable"), ["build"], {
    ...process.env,
    // Loaders (.ts) run with tsx, which must be found when this script runs outside npm.
    PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`,
    OBSERVABLE_TELEMETRY_DISABLE: "1",
  });
  const bundled = await bundleD3(dist, join(root, "node_modules"));
  console.error(
    `build: d3 as one module: ${bundled.replaced ?? "not used"}; ${bundled.preloadsDropped} module preloads dropped`,
  );
  const downloads = copyDownloads(
    resolve(root, process.env.REGIOMONITOR_OUT ?? join("docs", ".data")),
    join(dist, "downloads"),
  );
  console.error(`build: ${downloads.length} download files in dist/downloads/`);
  const problems = postProcess(dist);
  if (problems.length > 0) {
    console.error(`build: FAILED: ${problems.length} problem(s) in dist/:`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.error("build: dist/ is ready (lang=nl, no requests to other origins)");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
