// One vendor module for the built site. Framework builds each npm package a page imports into
// its own module in dist/_node/: Plot, the whole of d3 (and its 30 packages), apache-arrow with
// tslib and flatbuffers — ≈ 220 kB gzip on every page, most of it code no page runs, and tens of
// modules to fetch before the first chart. This step bundles, with esbuild from node_modules,
// exactly the symbols the pages and components import (vendor-symbols.js, read from docs/) into
// one module without imports, `_node/vendor.<hash>.js`, and turns each library's module that
// Framework wrote into a one-line re-export from it (the file keeps its name, so the pages and
// components import "d3", "@observablehq/plot" and "apache-arrow" as written). Then each page
// preloads what it reaches and nothing else: the vendor module, no more d3 packages.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";
import { walk } from "./files.js";
import { moduleSpecifiers, reachable } from "./modules.js";
import { LIBRARIES } from "./vendor-symbols.js";

const posix = (path) => path.split(sep).join("/");

/** The entry module's source: every library's symbols re-exported as `<prefix>$<symbol>`. */
export function vendorEntry(symbols, libraries = LIBRARIES) {
  const lines = [];
  for (const library of libraries) {
    const bySource = new Map();
    for (const symbol of symbols.get(library.name) ?? []) {
      const source = library.entries[symbol] ?? library.name;
      bySource.set(source, [...(bySource.get(source) ?? []), symbol]);
    }
    for (const [source, names] of bySource) {
      const list = names.map((name) => `${name} as ${library.prefix}$${name}`).join(", ");
      lines.push(`export { ${list} } from ${JSON.stringify(source)};`);
    }
  }
  return lines.join("\n") + "\n";
}

/** The module Framework wrote for npm package `name` in `dist`, e.g. `_node/d3@7.9.2/index.<hash>.js`. */
export function frameworkModule(dist, name) {
  const [scope, bare] = name.startsWith("@") ? name.split("/") : [null, name];
  const parent = scope ? join(dist, "_node", scope) : join(dist, "_node");
  if (!existsSync(parent)) return null;
  const folder = readdirSync(parent).find(
    (entry) => entry.startsWith(`${bare}@`) && /@\d/.test(entry),
  );
  if (!folder) return null;
  const file = readdirSync(join(parent, folder)).find((entry) =>
    /^index\.[0-9a-f]+\.js$/.test(entry),
  );
  return file ? join(parent, folder, file) : null;
}

const PRELOAD = /<link rel="modulepreload" href="([^"]+)">\n?/g;

/**
 * Each page's module preloads: those under _node/ only if the page reaches them, plus the vendor
 * module (`vendor`, absolute) where it does. Returns the number of preloads dropped.
 */
export function fixPreloads(dist, vendor) {
  let dropped = 0;
  for (const path of [...walk(dist)].filter((p) => extname(p) === ".html")) {
    const text = readFileSync(path, "utf8");
    const base = dirname(path);
    const preloads = [...text.matchAll(PRELOAD)].map((m) => m[1]);
    const inNode = (href) => posix(relative(dist, resolve(base, href))).startsWith("_node/");
    const needed = reachable([
      ...moduleSpecifiers(text).map((spec) => resolve(base, spec)),
      ...preloads.filter((href) => !inNode(href)).map((href) => resolve(base, href)),
    ]);
    let kept = text.replace(PRELOAD, (link, href) => {
      if (needed.has(resolve(base, href))) return link;
      dropped += 1;
      return "";
    });
    const href = posix(relative(base, vendor));
    const link = `<link rel="modulepreload" href="${href.startsWith(".") ? href : `./${href}`}">`;
    if (needed.has(vendor) && !kept.includes(link)) {
      // Right after the last preload (the page's own modules come before the libraries).
      const last = [...kept.matchAll(PRELOAD)].at(-1);
      if (last)
        kept =
          kept.slice(0, last.index + last[0].length) +
          link +
          "\n" +
          kept.slice(last.index + last[0].length);
    }
    if (kept !== text) writeFileSync(path, kept);
  }
  return dropped;
}

/** esbuild's options for a minified ES module for the browsers the site supports (kept in memory). */
export const BROWSER_BUNDLE = Object.freeze({
  bundle: true,
  minify: true,
  format: /** @type {const} */ ("esm"),
  platform: /** @type {const} */ ("browser"),
  target: "es2022",
  write: false,
});

/**
 * Bundles `symbols` (per library name, from vendorSymbols) from `nodeModules` into one module in
 * `dist` and points Framework's library modules at it. Returns what it did, for the build's log.
 */
export async function bundleVendor(dist, nodeModules, symbols, libraries = LIBRARIES) {
  const result = await build({
    stdin: { contents: vendorEntry(symbols, libraries), resolveDir: nodeModules, loader: "js" },
    ...BROWSER_BUNDLE,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 8);
  const vendor = join(dist, "_node", `vendor.${hash}.js`);
  writeFileSync(vendor, code);
  const replaced = [];
  for (const library of libraries) {
    const module = frameworkModule(dist, library.name);
    if (!module) continue; // no page imports it
    const names = symbols.get(library.name) ?? [];
    const list = names.map((name) => `${library.prefix}$${name} as ${name}`).join(", ");
    const from = posix(relative(dirname(module), vendor));
    writeFileSync(
      module,
      `export { ${list} } from "${from.startsWith(".") ? from : `./${from}`}";\n`,
    );
    replaced.push(posix(relative(dist, module)));
  }
  const preloadsDropped = fixPreloads(dist, vendor);
  return { vendor: posix(relative(dist, vendor)), bytes: code.length, replaced, preloadsDropped };
}
