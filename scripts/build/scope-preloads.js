// Preloads of the per-scope files a page fetches for its default scope (the one shown without a
// query string): the indicator series of "alle netwerken" and of the indicators compared across
// networks, a network's or region's summary. The pages fetch them with a plain URL
// (docs/components/series.js, summary.js: `data/<kind>/<key>.json?v=<refreshed_at>`) only after
// their modules have run and meta.json has arrived; a `<link rel="preload" as="fetch">` with the
// same URL lets the browser fetch them alongside the modules. A preload whose file the build did
// not write is left out (a scope without a summary), so no preload ends in a 404.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { PROFILE_INDICATORS } from "../../docs/components/conditions.js";
import { OVERVIEW_COMPARE } from "../../docs/components/overview-compare.js";
import { walk } from "./files.js";

/** The file key of the scope "alle netwerken" (ALL_KEY of src/site/keys.ts). */
const ALL = "alle--netwerken";

const series = (key) => `data/indicatoren/${key}.json`;
const perIndicator = (id) => `data/per-indicator/${id}.json`;
const summaryOf = (key) => `data/samenvatting/${key}.json`;

/** Per top-level page (its path without .html), the files of its default scope "alle". */
const TOP_LEVEL = {
  index: [series(ALL), ...OVERVIEW_COMPARE.map(perIndicator), summaryOf(ALL)],
  leden: [series(ALL), perIndicator("gouden_driehoek")],
  projecten: [series(ALL)],
  bijeenkomsten: [series(ALL)],
  financiering: [series(ALL), `data/financiering/${ALL}.json`],
  wederkerigheid: PROFILE_INDICATORS.map(perIndicator),
  "iza/index": [series(ALL)],
};

/**
 * The files (relative to the site's root) that the page at `page` (its path in dist/ without
 * .html, "/" separated) fetches on load for its default scope; [] for a page that fetches none.
 */
export function scopeFilesOf(page) {
  if (TOP_LEVEL[page]) return TOP_LEVEL[page];
  const [folder, key, ...rest] = page.split("/");
  if (rest.length > 0 || !key) return [];
  if (folder === "netwerk") return [summaryOf(key)];
  if (folder === "iza") return [summaryOf(`iza--${key}`)];
  return [];
}

/**
 * Adds to every page of `dist` a `<link rel="preload" as="fetch" crossorigin>` per file of
 * scopeFilesOf that exists in `dist`, with the URL the page fetches (`?v=` and the refresh time
 * `refreshedAt`, as meta.refreshed_at), after the page's module preloads, so the modules it needs
 * first are requested first. Returns the number of preloads written.
 */
export function preloadScopeFiles(dist, refreshedAt) {
  let written = 0;
  for (const path of walk(dist)) {
    if (extname(path) !== ".html") continue;
    const page = relative(dist, path).split(sep).join("/").slice(0, -".html".length);
    const files = scopeFilesOf(page).filter((file) => existsSync(join(dist, ...file.split("/"))));
    if (files.length === 0) continue;
    const up = "../".repeat(page.split("/").length - 1) || "./";
    const version = encodeURIComponent(refreshedAt);
    const text = readFileSync(path, "utf8");
    const links = files
      .map((f) => `<link rel="preload" as="fetch" href="${up}${f}?v=${version}" crossorigin>\n`)
      .filter((link) => !text.includes(link));
    if (links.length === 0) continue;
    const modules = [...text.matchAll(/<link rel="modulepreload" href="[^"]*">\n?/g)].at(-1);
    const at = modules ? modules.index + modules[0].length : text.indexOf("</head>");
    if (at < 0) continue;
    writeFileSync(path, text.slice(0, at) + links.join("") + text.slice(at));
    written += links.length;
  }
  return written;
}
