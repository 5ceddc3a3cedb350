// Framework builds each npm package of a page into its own module, so `import … from "d3"` (by
// Plot and by our components) loads d3's umbrella module and its 30 packages as 30 more files:
// on a 2-core machine that alone delays the first chart by about 200 ms. This step replaces the
// umbrella module in dist/ by one module bundled with esbuild from the same d3 in node_modules
// (same exports, no imports) and drops the module preloads that no page needs any more. Pages
// still import "d3" and "@observablehq/plot" as written. The file keeps its name: renaming it
// would change the modules that import it without changing their (cached, immutable) names, and
// a browser holding the old umbrella still finds the d3 packages it imports, which stay in dist/.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** The relative module specifiers in JavaScript text: static imports, re-exports and import(). */
export function moduleSpecifiers(text) {
  const found = new Set();
  const patterns = [
    /\b(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g,
    /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
  return [...found];
}

/** d3's umbrella module in `dist`, as `{path, name}` (e.g. `_node/d3@7.9.2/index.c8f1bfbe.js`). */
function findUmbrella(dist) {
  const node = join(dist, "_node");
  if (!existsSync(node)) return null;
  const folder = readdirSync(node).find((name) => /^d3@\d/.test(name));
  if (!folder) return null;
  const file = readdirSync(join(node, folder)).find((name) => /^index\.[0-9a-f]+\.js$/.test(name));
  return file ? { path: join(node, folder, file), name: `${folder}/${file}` } : null;
}

/** The modules reachable from `roots` (absolute paths) by following relative imports. */
function reachable(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    // Framework's stdlib names optional modules (xlsx, zip, …) that a build without them lacks.
    if (!existsSync(path)) continue;
    for (const spec of moduleSpecifiers(readFileSync(path, "utf8"))) {
      queue.push(resolve(dirname(path), spec));
    }
  }
  return seen;
}

const PRELOAD = /<link rel="modulepreload" href="([^"]+)">\n?/g;

/**
 * Replaces d3's umbrella module in `dist` by one bundle and drops the module preloads of d3
 * packages that no page reaches any more. Returns what it did, for the build's log.
 */
export async function bundleD3(dist, nodeModules) {
  const umbrella = findUmbrella(dist);
  if (!umbrella) return { replaced: null, preloadsDropped: 0 };
  const result = await build({
    stdin: { contents: 'export * from "d3";', resolveDir: nodeModules, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  writeFileSync(umbrella.path, code);
  const files = [...walk(dist)].filter((path) => [".js", ".html"].includes(extname(path)));
  // Each page's own module script and its non-d3 preloads are the roots; keep what they reach.
  let preloadsDropped = 0;
  for (const path of files.filter((p) => extname(p) === ".html")) {
    const text = readFileSync(path, "utf8");
    const base = dirname(path);
    const preloads = [...text.matchAll(PRELOAD)].map((m) => m[1]);
    const isD3Package = (href) =>
      /^_node\/d3-[a-z-]+@/.test(relative(dist, resolve(base, href)).split(sep).join("/"));
    const needed = reachable([
      ...moduleSpecifiers(text).map((spec) => resolve(base, spec)),
      ...preloads.filter((href) => !isD3Package(href)).map((href) => resolve(base, href)),
    ]);
    const kept = text.replace(PRELOAD, (link, href) => {
      if (needed.has(resolve(base, href))) return link;
      preloadsDropped += 1;
      return "";
    });
    if (kept !== text) writeFileSync(path, kept);
  }
  return { replaced: `${umbrella.name} (${code.length} bytes)`, preloadsDropped };
}
