// The audit of the built site: nothing is fetched from another origin, no English interface
// string is left, and no folder is named like a page (a host that prefers the folder would
// answer the page's clean URL with a 404).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { lineOf, walk } from "./files.js";

/** English strings that must not remain in built HTML or JavaScript. */
export const ENGLISH = [
  "Toggle sidebar",
  "Built with",
  'placeholder="Search"',
  "<div>Contents</div>",
];

/** Hosts that must not occur anywhere in built HTML, JavaScript or CSS. */
export const FORBIDDEN_HOSTS = ["fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net"];

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

/** The problems of one built file's text: other hosts, requests to other origins, English. */
export function auditText(name, ext, text) {
  const problems = [];
  for (const host of FORBIDDEN_HOSTS) {
    const index = text.indexOf(host);
    if (index >= 0) problems.push(`${name}:${lineOf(text, index)}: refers to ${host}`);
  }
  for (const pattern of EXTERNAL[ext] ?? []) {
    for (const match of text.matchAll(pattern)) {
      const excerpt = text.slice(match.index, match.index + 120).split("\n")[0];
      problems.push(`${name}:${lineOf(text, match.index)}: request to another origin: ${excerpt}`);
    }
  }
  if (ext !== ".css") {
    for (const english of ENGLISH) {
      if (text.includes(english))
        problems.push(`${name}: English interface string left: ${english}`);
    }
  }
  return problems;
}

/** Folders of `dir` (relative, "/"-separated) that share their name with a page (`x/` and `x.html`). */
export function pageFolders(dir, prefix = "") {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const folder = `${prefix}${entry.name}`;
      const clash = existsSync(join(dir, `${folder}.html`)) ? [folder] : [];
      return [...clash, ...pageFolders(dir, `${folder}/`)];
    });
}

/** Every problem in the built site `dir`; none means it may be published. */
export function auditSite(dir) {
  const problems = [];
  for (const path of walk(dir)) {
    const ext = extname(path);
    if (!(ext in EXTERNAL)) continue;
    problems.push(...auditText(relative(dir, path), ext, readFileSync(path, "utf8")));
  }
  for (const folder of pageFolders(dir)) {
    problems.push(`${folder}/: a folder named like the page ${folder}.html`);
  }
  return problems;
}
