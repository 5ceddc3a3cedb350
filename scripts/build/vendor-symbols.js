// Which symbols the site's pages and components import from the bundled libraries, read from
// their sources (docs/**/*.md and docs/**/*.js), so that the vendor bundle (vendor.js) holds
// exactly those and cannot drift from what the pages use. A library may be imported by name
// (`import { tableFromIPC } from "apache-arrow"`) or as a namespace whose members are then
// written out (`import * as Plot from "@observablehq/plot"` … `Plot.dot(…)`); any other use of
// a namespace (`Plot[name]`, passing `Plot` on, a default import) is refused, because then the
// symbols a page uses cannot be known.
import { readFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { walk } from "./files.js";

/** The libraries in the vendor bundle: npm name, export prefix, deep entry points per symbol. */
export const LIBRARIES = [
  { name: "@observablehq/plot", prefix: "plot", entries: {} },
  { name: "d3", prefix: "d3", entries: {} },
  // The root module of apache-arrow does not tree-shake (its classes register themselves);
  // the IPC module alone leaves out the builders, the JSON readers and most of the types.
  {
    name: "apache-arrow",
    prefix: "arrow",
    entries: { tableFromIPC: "apache-arrow/ipc/serialization" },
  },
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Removes // and /* comments (roughly: not inside strings), so prose names no symbol. */
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1");
}

/**
 * The symbols that `text` (one page or component, named `file` in errors) imports from
 * `library`, added to `into`.
 */
export function symbolsIn(text, library, file, into = new Set()) {
  const code = stripComments(text);
  const from = `\\s*from\\s*["']${escape(library)}["']`;
  for (const m of code.matchAll(new RegExp(`\\bimport\\s*\\{([^}]*)\\}${from}`, "g"))) {
    for (const part of m[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) into.add(name);
    }
  }
  const refused = new RegExp(`\\b(?:import\\s+[\\w$]+\\s*,?|export\\b[^;]*?)${from}`);
  if (refused.test(code)) {
    throw new Error(`${file}: only named or namespace imports of "${library}" can be bundled`);
  }
  for (const m of code.matchAll(
    new RegExp(`\\bimport\\s*\\*\\s*as\\s+([\\w$]+)${from}\\s*;?`, "g"),
  )) {
    const ns = m[1];
    const rest = code.slice(0, m.index) + code.slice(m.index + m[0].length);
    const uses = new RegExp(`(?<![\\w$.])${escape(ns)}(?![\\w$])(\\s*\\.\\s*([\\w$]+))?`, "g");
    for (const use of rest.matchAll(uses)) {
      if (!use[2]) {
        const line = rest.slice(0, use.index).split("\n").length;
        throw new Error(
          `${file}:${line}: "${ns}" (from "${library}") is used other than as ${ns}.name`,
        );
      }
      into.add(use[2]);
    }
  }
  return into;
}

/** Per library of LIBRARIES, the sorted symbols that the sources under `docs` import. */
export function vendorSymbols(docs) {
  const found = new Map(LIBRARIES.map((library) => [library.name, new Set()]));
  for (const path of walk(docs)) {
    const rel = relative(docs, path);
    if (rel.split(/[\\/]/).some((part) => part.startsWith("."))) continue; // .observablehq, .data
    if (![".md", ".js"].includes(extname(path))) continue;
    if (/\.(json|csv|arrow|txt)\.js$/.test(path) || rel.startsWith(join("data", ""))) continue;
    const text = readFileSync(path, "utf8");
    for (const library of LIBRARIES) symbolsIn(text, library.name, rel, found.get(library.name));
  }
  return new Map([...found].map(([name, symbols]) => [name, [...symbols].sort()]));
}
