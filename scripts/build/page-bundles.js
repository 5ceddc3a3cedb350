// Page modules. Framework's first cell of a page imports each component module
// (`_import/components/*.js`) and each library (`_node/<package>/index.js`) on its own, so a page
// fetches, compiles and links 20–30 modules before any cell runs. This step bundles, with esbuild
// from the sources (docs/ and node_modules), exactly what each import statement of the page (a
// cell's imports; most pages have one) takes — the names, or the members used of a library
// namespace — into one module, `_import/bundle.<hash>.js`; code that two statements of a page
// share goes into a chunk (`_import/chunk.<hash>.js`) that both import, so a component has one
// instance per page. A page whose first chart needs little can so import it first and the rest
// in a later cell (the IZA region and network pages). Pages with the same imports share their
// modules; each page preloads its modules and chunks, except those only a cell waiting for the
// first chart imports (late-imports.js). A page whose imports this step cannot read is left as
// Framework wrote it, and named in the build log.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";
import { walk } from "./files.js";
import { lateStatements } from "./late-imports.js";
import { MODULE_SCRIPT, SPECIFIER, pageImports } from "./page-imports.js";
import { LIBRARIES } from "./vendor-symbols.js";
import { BROWSER_BUNDLE } from "./vendor.js";

const posix = (path) => path.split(sep).join("/");

export { pageImports };

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

const PRELOAD = /<link rel="modulepreload" href="([^"]+)">\n?/g;

/**
 * One page's plan: per import statement (a cell's imports), what it takes of each module, or why
 * the page is left alone. A library namespace (`import * as d3`) takes the symbols that the whole
 * site uses of that library (`symbols`, from vendorSymbols), since a namespace passes from cell
 * to cell.
 */
function planPage(dist, docs, path, symbols) {
  const html = readFileSync(path, "utf8");
  const script = MODULE_SCRIPT.exec(html)?.[1];
  if (!script) return { path, html, skip: "no module script" };
  const statements = pageImports(script);
  if (!statements) return { path, html, skip: "imports not in Framework's form" };
  const groups = [];
  for (const statement of statements) {
    // Per module of the statement: what it takes (a component's namespace: everything).
    const bySpecifier = new Map();
    for (const { specifier, names, namespace } of statement.imports) {
      const source = sourceOf(dist, docs, resolve(dirname(path), specifier));
      if (!source) return { path, html, skip: `cannot bundle ${specifier}` };
      let taken = names;
      if (!names && source.library) {
        if (!symbols.has(source.library))
          return { path, html, skip: `namespace ${namespace} of ${source.library}` };
        taken = symbols.get(source.library);
      }
      const before = bySpecifier.get(specifier);
      const whole = !taken || (before && !before.names);
      const merged = whole ? undefined : [...new Set([...(before?.names ?? []), ...taken])].sort();
      bySpecifier.set(specifier, { specifier, source, names: merged });
    }
    groups.push([...bySpecifier.values()]);
  }
  const late = lateStatements(script, statements);
  return { path, html, script, statements, groups, late, skip: null };
}

/**
 * `html` with each import statement pointed at its module (`entries[i]` for statement i, a file
 * of dist) and one module preload per file in `preloads` (the entries with the chunks they
 * import), where Framework's preloads of _import/ and _node/ were.
 */
function rewritePage(dist, plan, entries, preloads) {
  const base = dirname(plan.path);
  const urlOf = (file) => {
    const href = posix(relative(base, file));
    return href.startsWith(".") ? href : `./${href}`;
  };
  let script = plan.script;
  for (const [i, statement] of plan.statements.entries()) {
    const index = new Map(plan.groups[i].map((imp, j) => [imp.specifier, j]));
    const url = JSON.stringify(urlOf(entries[i]));
    const rewritten = statement.text.replace(
      SPECIFIER,
      (_, specifier) => `import(${url}).then((m) => m.m${index.get(specifier)})`,
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
  const links = preloads.map((file) => `<link rel="modulepreload" href="${urlOf(file)}">\n`);
  if (first >= 0) html = html.slice(0, first) + links.join("") + html.slice(first);
  else html = html.replace("</head>", `${links.join("")}</head>`);
  return html;
}

/**
 * Modules from `entries` (entry modules' sources) in `outdir`. With `splitting` (the entries of
 * one kind of page: one per import statement), esbuild puts the code that several entries share
 * into chunks, so that a component has one instance per page; without, each module stands alone.
 * Returns the files (absolute paths, not yet written: `outputs`) and per entry its file and the
 * chunks it imports (transitively).
 */
async function bundleEntries(entries, docs, nodeModules, outdir, splitting) {
  const result = await build({
    entryPoints: Object.fromEntries(entries.map((_, i) => [`entry${i}`, `page-entry:${i}`])),
    ...BROWSER_BUNDLE,
    splitting,
    entryNames: "[name]",
    chunkNames: "chunk.[hash]",
    metafile: true,
    nodePaths: [nodeModules],
    outdir,
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
  const imports = new Map(
    Object.entries(result.metafile.outputs).map(([path, output]) => [
      resolve(path),
      output.imports.filter((i) => i.kind === "import-statement").map((i) => resolve(i.path)),
    ]),
  );
  const closure = (file, seen = new Set()) => {
    for (const next of imports.get(file) ?? []) {
      if (!seen.has(next)) closure(next, seen.add(next));
    }
    return seen;
  };
  const outputs = new Map();
  const files = [];
  for (const output of result.outputFiles) {
    const entry = /[\\/]entry(\d+)\.js$/.exec(output.path);
    if (!entry) {
      outputs.set(output.path, output.text);
      continue;
    }
    // An entry is named after its content; nothing imports it but the page.
    const hash = createHash("sha256").update(output.text).digest("hex").slice(0, 8);
    const file = join(outdir, `bundle.${hash}.js`);
    outputs.set(file, output.text);
    files[Number(entry[1])] = { file, chunks: [...closure(output.path)] };
  }
  return { outputs, entries: files };
}

/**
 * Bundles the modules of each page of `dist` (from `docs` and `nodeModules`) into one module per
 * import statement of the page (a cell's imports; most pages have one) and rewrites the page to
 * use them; `symbols`: per library of LIBRARIES, the symbols the site uses. Pages with the same
 * imports share their modules. Returns the modules written (with their bytes), the pages
 * rewritten and the pages left alone with the reason.
 */
export async function bundlePages(dist, docs, nodeModules, symbols, libraries = LIBRARIES) {
  const plans = [...walk(dist)]
    .filter((path) => extname(path) === ".html")
    .map((path) => planPage(dist, docs, path, symbols));
  const skipped = plans
    .filter((p) => p.skip)
    .map((p) => `${posix(relative(dist, p.path))}: ${p.skip}`);
  const todo = plans.filter((p) => !p.skip && p.groups.length > 0);
  const kinds = new Map();
  for (const plan of todo) {
    plan.entries = plan.groups.map((group) => bundleEntry(group, libraries));
    kinds.set(JSON.stringify(plan.entries), plan.entries);
  }
  const outdir = join(dist, "_import");
  // One build for the pages with one statement (most), one per kind of page with more: a build
  // parses the libraries again (≈ 1 CPU-s), and chunks shared across kinds would split a page's
  // code into many modules.
  const singles = [...kinds].filter(([, entries]) => entries.length === 1);
  const several = [...kinds].filter(([, entries]) => entries.length > 1);
  const builds = await Promise.all([
    singles.length
      ? bundleEntries(
          singles.map(([, [entry]]) => entry),
          docs,
          nodeModules,
          outdir,
          false,
        )
      : { outputs: new Map(), entries: [] },
    ...several.map(([, entries]) => bundleEntries(entries, docs, nodeModules, outdir, true)),
  ]);
  const built = new Map([
    ...singles.map(([key], i) => [key, [builds[0].entries[i]]]),
    ...several.map(([key], i) => [key, builds[i + 1].entries]),
  ]);
  const written = new Map();
  for (const { outputs } of builds) {
    for (const [file, text] of outputs) {
      if (written.has(file)) continue;
      writeFileSync(file, text);
      written.set(file, { bundle: posix(relative(dist, file)), bytes: text.length });
    }
  }
  for (const plan of todo) {
    const entries = built.get(JSON.stringify(plan.entries));
    // What the page needs before its first chart; the rest loads when its cell runs.
    const early = entries.filter((_, i) => !plan.late[i]);
    const preloads = [...new Set(early.flatMap((e) => [e.file, ...e.chunks]))];
    const files = entries.map((e) => e.file);
    writeFileSync(plan.path, rewritePage(dist, plan, files, preloads));
  }
  return { bundles: [...written.values()], pages: todo.length, skipped };
}
