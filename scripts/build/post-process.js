// Post-processing of the built site: lang="nl" on every page, a viewport that allows zooming,
// the interface strings that Framework 1.13 writes in English translated, and the pages' JSON
// data preloaded.
import { readFileSync, writeFileSync } from "node:fs";
import { extname, relative } from "node:path";
import { walk } from "./files.js";
import { withoutLatePreloads } from "./late-imports.js";
import { registeredFiles } from "./page-imports.js";

/** Strings that Framework 1.13 writes in English and no config option reaches. */
export const TRANSLATIONS = [
  // The sidebar toggle's title: in the HTML, and set again by the client script on load.
  ['title="Toggle sidebar"', 'title="Zijbalk tonen of verbergen"', [".html"]],
  ["`Toggle sidebar ${", "`Zijbalk tonen of verbergen ${", [".js"]],
];

/** The viewport of every page: Framework 1.13 writes `maximum-scale=1`, which forbids zooming. */
export const VIEWPORT = "width=device-width, initial-scale=1";

/**
 * Whether a viewport's content lets the visitor zoom (WCAG 1.4.4; axe-core's meta-viewport):
 * no `user-scalable=no` (or 0) and no `maximum-scale` below 5.
 */
export function viewportAllowsZoom(content) {
  const settings = new Map(
    content
      .split(/[,;]/)
      .map((part) => part.split("=").map((s) => s.trim().toLowerCase()))
      .filter(([key]) => key),
  );
  const scalable = settings.get("user-scalable");
  if (scalable === "no" || scalable === "0") return false;
  const maximum = settings.get("maximum-scale");
  return maximum === undefined || Number(maximum) >= 5;
}

/**
 * Replaces the content of the page's viewport meta by VIEWPORT; null when the page has not
 * exactly one viewport meta as Framework writes it.
 */
export function allowZoom(html) {
  const metas = html.match(/<meta name="viewport" content="[^"]*">/g) ?? [];
  if (metas.length !== 1) return null;
  return html.replace(metas[0], `<meta name="viewport" content="${VIEWPORT}">`);
}

/**
 * A page's data files: the `path` of every JSON file (mimeType application/json) and Arrow IPC
 * file (`.arrow`, which Framework registers without a mimeType) it registers for FileAttachment.
 */
export function registeredData(html) {
  return registeredFiles(html)
    .filter(({ path }) => typeof path === "string")
    .filter(({ path, mimeType }) => mimeType === "application/json" || path.endsWith(".arrow"))
    .map(({ path }) => path);
}

/**
 * Adds `<link rel="preload" as="fetch">` for each of the page's data files before its first
 * module preload: the browser then fetches the data alongside the JavaScript, instead of after
 * it, when a cell calls FileAttachment(…).json() or .arrayBuffer(). (`crossorigin` makes the
 * preload match fetch().)
 */
export function preloadData(html) {
  const links = registeredData(html)
    .map((path) => `<link rel="preload" as="fetch" href="${path}" crossorigin>\n`)
    .join("");
  const at = html.indexOf('<link rel="modulepreload"');
  if (!links || at < 0) return html;
  return html.slice(0, at) + links + html.slice(at);
}

/**
 * Sets lang="nl", allows zooming, preloads the data and applies TRANSLATIONS in every HTML and
 * JavaScript file of `dir`; returns the problems found (a page whose <html> tag is not the plain
 * one, a client script without the sidebar title).
 */
export function postProcess(dir) {
  const problems = [];
  const translated = new Set();
  for (const path of walk(dir)) {
    const ext = extname(path);
    if (ext !== ".html" && ext !== ".js" && ext !== ".mjs") continue;
    let text = readFileSync(path, "utf8");
    const original = text;
    if (ext === ".html") {
      const tags = text.match(/<html\b[^>]*>/g) ?? [];
      if (tags.length !== 1 || (tags[0] !== "<html>" && tags[0] !== '<html lang="nl">')) {
        problems.push(
          `${relative(dir, path)}: expected one plain <html> tag, found ${tags.join(" ") || "none"}`,
        );
      } else {
        text = text.replace("<html>", '<html lang="nl">');
      }
      // A page without Framework's viewport meta fails test/site/zoom.test.ts.
      text = allowZoom(text) ?? text;
      if (!text.includes('rel="preload" as="fetch"')) text = preloadData(text);
      // The files only cells after the first chart read are fetched when those cells run.
      text = withoutLatePreloads(text);
    }
    for (const [english, dutch, exts] of TRANSLATIONS) {
      if (!exts.includes(ext)) continue;
      if (text.includes(english)) text = text.replaceAll(english, dutch);
      if (text.includes(dutch)) translated.add(english);
    }
    if (text !== original) writeFileSync(path, text);
  }
  // The client script always carries the sidebar title; if it is gone, Framework has changed.
  if (!translated.has(TRANSLATIONS[1][0])) {
    problems.push(
      `client script: sidebar title not found (${TRANSLATIONS[1][0]}): Framework changed?`,
    );
  }
  return problems;
}
