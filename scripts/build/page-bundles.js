// One module per page. Framework's first cell of a page imports each component module
// (`_import/components/*.js`) and each library (`_node/<package>/index.js`) on its own, so a page
// fetches, compiles and links 20–30 modules before any cell runs. This step bundles, with esbuild
// from the sources (docs/ and node_modules), exactly what the page's cells import — the names
// they take, or the members they use of a library namespace — into one module,
// `_import/bundle.<hash>.js` (pages with the same imports, such as the network pages, share it),
// points each `import("…")` of the page at it and keeps one module preload for it. A page whose
// imports this step cannot read is left as Framework wrote it, and named in the build log.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";
import { walk } from "./files.js";
import { LIBRARIES } from "./vendor-symbols.js";
import { BROWSER_BUNDLE } from "./vendor.js";

const posix = (path) => path.split(sep).join("/");

/** Framework's compiled imports in a page: `const [{a, b}, ns] = await Promise.all([import("x"), …]);`. */
const IMPORT_STATEMENT =
  /const (\[[^\]]*\]|\{[^}]*\}) = await (?:Promise\.all\(\[((?:import\("[^"]+"\)(?:, )?)+)\]\)|import\("([^"]+)"\));/g;
const SPECIFIER = /import\("([^"]+)"\)/g;
const NAME = /^[\w$]+$/;

/** The elements of a destructuring pattern's top level: `{a, b: c}, d` → ["{a, b: c}", "d"]. */
function topLevel(pattern) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const char of pattern) {
    if (char === "{") depth += 1;
    if (char === "}") depth -= 1;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** `{a, b: c}` → [["a", "a"], ["b", "c"]] (imported name, local name); null if not that form. */
function bindings(element) {
  if (!element.startsWith("{") || !element.endsWith("}")) return null;
  const pairs = [];
  for (const part of element
    .slice(1, -1)
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [imported, local = imported] = part.split(":").map((p) => p.trim());
    if (!NAME.test(imported) || !NAME.test(local)) return null;
    pairs.push([imported, local]);
  }
  return pairs;
}

/**
 * The imports of a page's module script: per statement its text and, per import, the specifier
 * and either the imported names or the namespace's local name. Null when an import is not in a
 * statement of Framework's form.
 */
export function pageImports(script) {
  const statements = [];
  for (const match of script.matchAll(IMPORT_STATEMENT)) {
    const [text, pattern, list, single] = match;
    const specifiers = single ? [single] : [...list.matchAll(SPECIFIER)].map((m) => m[1]);
    const elements = single ? [pattern] : topLevel(pattern.slice(1, -1));
    if (elements.length !== specifiers.length) return null;
    const imports = [];
    for (const [i, element] of elements.entries()) {
      const names = bindings(element);
      if (names) imports.push({ specifier: specifiers[i], names: names.map(([n]) => n) });
      else if (NAME.test(element)) imports.push({ specifier: specifiers[i], namespace: element });
      else return null;
    }
    statements.push({ text, index: match.index, imports });
  }
  // An import outside these statements would load a second copy of a module: refuse the page.
  const found = statements.reduce((sum, s) => sum + s.imports.length, 0);
  if ((script.match(/\bimport\(/g) ?? []).length !== found) return null;
  return statements;
}

/**
 * What a module URL of the built site is built from: a component (`_import/<path>.<hash>.js` →
 * `docs/<path>.js`) or a package (`_node/<name>@<version>/index.<hash>.js` → `<name>`); null for
 * anything else.
 */
export function sourceOf(dist, docs, file) {
  const rel = posix(relative(dist, file));
  const local = /^_import\/(.+)\.[0-9a-f]{8}\.js$/.exec(rel);
  if (local) return { component: join(docs, ...`${local[1]}.js`.split("/")) };
  const pkg = /^_node\/((?:@[^/]+\/)?[^/@]+)@[^/]+\/index\.[0-9a-f]{8}\.js$/.exec(rel);
  if (pkg) return { library: pkg[1] };
  return null;
}

/**
 * The entry module of one page's bundle: per import `m<i>`, an object of the names the cells
 * take (a library's names from its deep entry where LIBRARIES sets one) or a component's whole
 * namespace. `imports`: [{ source, names } | { source, namespace: true }].
 */
export function bundleEntry(imports, libraries = LIBRARIES) {
  const lines = [];
  for (const [i, { source, names }] of imports.entries()) {
    if (!names) {
      lines.push(`import * as i${i} from ${JSON.stringify(source.component)};`);
      lines.push(`export { i${i} as m${i} };`);
      continue;
    }
    const library = source.library && libraries.find((l) => l.name === source.library);
    const from = (name) =>
      source.component ?? (library?.entries[name] ? library.entries[name] : source.library);
    const bySource = new Map();
    for (const name of names) bySource.set(from(name), [...(bySource.get(from(name)) ?? []), name]);
    for (const [path, list] of bySource) {
      const specs = list.map((name) => `${name} as i${i}$${name}`).join(", ");
      lines.push(`import { ${specs} } from ${JSON.stringify(path)};`);
    }
    lines.push(`export const m${i} = { ${names.map((n) => `${n}: i${i}$${n}`).join(", ")} };`);
  }
  return lines.join("\n") + "\n";
}

const MODULE_SCRIPT = /<script type="module">([\s\S]*?)<\/script>/;
const PRELOAD = /<link rel="modulepreload" href="([^"]+)">\n?/g;

/**
 * One page's plan: its imports, or why it is left alone. A library namespace (`import * as d3`)
 * takes the symbols that the whole site uses of that library (`symbols`, from vendorSymbols),
 * since a namespace passes from cell to cell.
 */
function planPage(dist, docs, path, symbols) {
  const html = readFileSync(path, "utf8");
  const script = MODULE_SCRIPT.exec(html)?.[1];
  if (!script) return { path, html, skip: "no module script" };
  const statements = pageImports(script);
  if (!statements) return { path, html, skip: "imports not in Framework's form" };
  if (statements.length === 0) return { path, html, skip: null, imports: [] };
  // Per module (a module may be imported by several cells, with other names): what is taken.
  const bySpecifier = new Map();
  for (const { specifier, names, namespace } of statements.flatMap((s) => s.imports)) {
    const source = sourceOf(dist, docs, resolve(dirname(path), specifier));
    if (!source) return { path, html, skip: `cannot bundle ${specifier}` };
    let taken = names;
    if (!names && source.library) {
      if (!symbols.has(source.library))
        return { path, html, skip: `namespace ${namespace} of ${source.library}` };
      taken = symbols.get(source.library);
    }
    const before = bySpecifier.get(specifier);
    // A component's namespace (names undefined) takes everything.
    const whole = !taken || (before && !before.names);
    const merged = whole ? undefined : [...new Set([...(before?.names ?? []), ...taken])].sort();
    bySpecifier.set(specifier, { specifier, source, names: merged });
  }
  const imports = [...bySpecifier.values()];
  return { path, html, script, statements, imports, skip: null };
}

/** `html` with its imports pointed at `bundle` (relative to the page) and one preload for it. */
function rewritePage(dist, plan, bundle) {
  const base = dirname(plan.path);
  const href = posix(relative(base, bundle));
  const url = href.startsWith(".") ? href : `./${href}`;
  const index = new Map(plan.imports.map((imp, i) => [imp.specifier, i]));
  let script = plan.script;
  for (const statement of plan.statements) {
    const rewritten = statement.text.replace(
      SPECIFIER,
      (_, specifier) => `import(${JSON.stringify(url)}).then((m) => m.m${index.get(specifier)})`,
    );
    script = script.replace(statement.text, rewritten);
  }
  let html = plan.html.replace(plan.script, () => script);
  let first = -1;
  html = html.replace(PRELOAD, (link, target, offset) => {
    const rel = posix(relative(dist, resolve(base, target)));
    if (!rel.startsWith("_import/") && !rel.startsWith("_node/")) return link;
    if (first < 0) first = offset;
    return "";
  });
  const link = `<link rel="modulepreload" href="${url}">\n`;
  if (first >= 0) html = html.slice(0, first) + link + html.slice(first);
  else html = html.replace("</head>", `${link}</head>`);
  return html;
}

/**
 * Bundles each page of `dist` (its modules from `docs` and `nodeModules`) into one module and
 * rewrites the page to use it; `symbols`: per library of LIBRARIES, the symbols the site uses. Returns the bundles written (with their bytes), the pages
 * rewritten and the pages left alone with the reason.
 */
export async function bundlePages(dist, docs, nodeModules, symbols, libraries = LIBRARIES) {
  const plans = [...walk(dist)]
    .filter((path) => extname(path) === ".html")
    .map((path) => planPage(dist, docs, path, symbols));
  const skipped = plans
    .filter((p) => p.skip)
    .map((p) => `${posix(relative(dist, p.path))}: ${p.skip}`);
  const todo = plans.filter((p) => !p.skip && p.imports.length > 0);
  const entries = [...new Set(todo.map((p) => (p.entry = bundleEntry(p.imports, libraries))))];
  const result = await build({
    entryPoints: Object.fromEntries(entries.map((_, i) => [`entry${i}`, `page-entry:${i}`])),
    ...BROWSER_BUNDLE,
    nodePaths: [nodeModules],
    outdir: join(dist, "_import"),
    logLevel: "silent",
    plugins: [
      {
        name: "page-entries",
        setup(b) {
          b.onResolve({ filter: /^page-entry:/ }, (args) => ({
            path: args.path,
            namespace: "page-entry",
          }));
          b.onLoad({ filter: /.*/, namespace: "page-entry" }, (args) => ({
            contents: entries[Number(args.path.split(":")[1])],
            resolveDir: docs,
            loader: "js",
          }));
        },
      },
    ],
  });
  const bundles = new Map();
  const written = [];
  for (const output of result.outputFiles) {
    const i = Number(/entry(\d+)\.js$/.exec(output.path)[1]);
    const hash = createHash("sha256").update(output.text).digest("hex").slice(0, 8);
    const file = join(dist, "_import", `bundle.${hash}.js`);
    writeFileSync(file, output.text);
    bundles.set(entries[i], file);
    written.push({ bundle: posix(relative(dist, file)), bytes: output.text.length });
  }
  for (const plan of todo)
    writeFileSync(plan.path, rewritePage(dist, plan, bundles.get(plan.entry)));
  return { bundles: written, pages: todo.length, skipped };
}
