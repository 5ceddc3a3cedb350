// scripts/build/page-bundles.js: each import statement of a page (a cell's imports) gets one module,
// bundled from the sources of exactly what it takes; what two statements share is a chunk that
// both import. In the built site (dist/, from `npm run build`) every page with cells does so, and
// preloads exactly the modules it reaches.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { moduleSpecifiers } from "../../scripts/build/modules.js";
import {
  bundleEntry,
  bundlePages,
  pageImports,
  sourceOf,
} from "../../scripts/build/page-bundles.js";
import { lateStatements } from "../../scripts/build/late-imports.js";
import { tempDir } from "../helpers.ts";
import { builtPages } from "../site/browser.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const htmlOf = (page: string) =>
  join(dist, page.endsWith("/") ? `${page.slice(1)}index.html` : `${page.slice(1)}.html`);

describe("pageImports", () => {
  it("reads Framework's compiled imports: names, aliases, namespaces and a single import", () => {
    const script = `define({id: "1", body: async () => {
const [{html}, d3, {a, b: c}] = await Promise.all([import("./_node/htl@0.3.1/index.0caf36e7.js"), import("./_node/d3@7.9.2/index.c8f1bfbe.js"), import("./_import/components/x.12345678.js")]);
return {html, d3, a, c};
}});
define({id: "2", body: async () => {
const {markdownLite} = await import("./_import/components/markdown-lite.8510dd5b.js");
}});`;
    const statements = pageImports(script)!;
    expect(statements.map((s) => s.imports)).toEqual([
      [
        { specifier: "./_node/htl@0.3.1/index.0caf36e7.js", names: ["html"] },
        { specifier: "./_node/d3@7.9.2/index.c8f1bfbe.js", namespace: "d3" },
        { specifier: "./_import/components/x.12345678.js", names: ["a", "b"] },
      ],
      [{ specifier: "./_import/components/markdown-lite.8510dd5b.js", names: ["markdownLite"] }],
    ]);
    expect(script.slice(statements[1]!.index)).toMatch(/^const \{markdownLite\} = await import/);
  });

  it("refuses a pattern it cannot read, and finds nothing in a page without imports", () => {
    expect(
      pageImports(`const [{a}, [b]] = await Promise.all([import("./a.js"), import("./b.js")]);`),
    ).toBeNull();
    expect(pageImports(`define({id: "1", body: () => display(1)});`)).toEqual([]);
  });
});

describe("lateStatements", () => {
  it("marks the imports of a cell that takes the first-chart promise, not those of other cells", () => {
    const script = `define({id: "1", inputs: [], outputs: ["afterFirstChart","firstChart"], body: async () => {
const {afterFirstChart} = await import("./_import/components/first-chart.1234abcd.js");
const firstChart = afterFirstChart();
return {afterFirstChart,firstChart};
}});
define({id: "2", inputs: ["afterFirstChart","display"], body: async (afterFirstChart,display) => {
const {table} = await import("./_import/components/table.1234abcd.js");
await afterFirstChart();
}});
define({id: "3", inputs: ["firstChart","file"], outputs: ["maps"], body: async (firstChart,file) => {
const {maps} = await import("./_import/components/maps.1234abcd.js");
firstChart;
return {maps};
}});`;
    const statements = pageImports(script)!;
    expect(statements).toHaveLength(3);
    // The second cell imports when it starts (before its await), so its module is needed early.
    expect(lateStatements(script, statements)).toEqual([false, false, true]);
    expect(
      lateStatements(script.replace("const firstChart = afterFirstChart();", ""), statements),
    ).toEqual([false, false, false]);
  });
});

describe("sourceOf", () => {
  it("maps a component to docs/ and a package module to its name, nothing else", () => {
    expect(sourceOf("/d", "/docs", "/d/_import/components/kpi.22a00308.js")).toEqual({
      component: join("/docs", "components", "kpi.js"),
    });
    expect(sourceOf("/d", "/docs", "/d/_node/@observablehq/plot@0.6.17/index.f66f3cd7.js")).toEqual(
      { library: "@observablehq/plot" },
    );
    expect(sourceOf("/d", "/docs", "/d/_node/d3@7.9.2/index.c8f1bfbe.js")).toEqual({
      library: "d3",
    });
    expect(sourceOf("/d", "/docs", "/d/_node/d3@7.9.2/src/x.c8f1bfbe.js")).toBeNull();
    expect(sourceOf("/d", "/docs", "/d/_observablehq/client.d10d8454.js")).toBeNull();
  });
});

describe("bundleEntry", () => {
  it("exports per import the names taken, a library's from its deep entry, or a namespace", () => {
    const entry = bundleEntry([
      { source: { library: "htl" }, names: ["html"] },
      { source: { library: "apache-arrow" }, names: ["tableFromIPC"] },
      { source: { component: "/docs/components/events.js" } },
    ]);
    expect(entry).toBe(
      [
        'import { html as i0$html } from "htl";',
        "export const m0 = { html: i0$html };",
        'import { tableFromIPC as i1$tableFromIPC } from "apache-arrow/ipc/serialization";',
        "export const m1 = { tableFromIPC: i1$tableFromIPC };",
        'import * as i2 from "/docs/components/events.js";',
        "export { i2 as m2 };",
        "",
      ].join("\n"),
    );
  });
});

describe("bundlePages", () => {
  it("bundles each import statement of a page into a module; what two share is one chunk", async () => {
    const dir = tempDir();
    const docs = join(dir, "docs");
    const site = join(dir, "dist");
    // a.js has state (as first-chart.js): both cells must see the same instance.
    write(
      join(docs, "components", "a.js"),
      'import { b } from "./b.js";\nlet n = 0;\nexport const x = () => b + ++n;\nexport const y = () => n;\nexport const unused = 3;\n',
    );
    write(join(docs, "components", "b.js"), "export const b = 40;\n");
    write(join(site, "_import", "components", "a.12345678.js"), "export const x = 0;\n");
    const script = [
      'import {define} from "../_observablehq/client.js";',
      'define({id: "1", body: async () => {',
      'const [{x}, {html}] = await Promise.all([import("../_import/components/a.12345678.js"), import("../_node/htl@0.3.1/index.0caf36e7.js")]);',
      "return {x, html};",
      "}});",
      'define({id: "2", body: async () => {',
      'const {y} = await import("../_import/components/a.12345678.js");',
      "return {y};",
      "}});",
    ].join("\n");
    const page = join(site, "netwerk", "n.html");
    write(
      page,
      `<head>\n<link rel="modulepreload" href="../_observablehq/client.js">\n<link rel="modulepreload" href="../_import/components/a.12345678.js">\n<link rel="modulepreload" href="../_node/htl@0.3.1/index.0caf36e7.js">\n</head>\n<script type="module">\n${script}\n</script>\n`,
    );
    const result = await bundlePages(site, docs, join(root, "node_modules"), new Map());
    expect(result.pages).toBe(1);
    expect(result.skipped).toEqual([]);
    const files = result.bundles.map((b) => b.bundle).sort();
    expect(files).toEqual([
      expect.stringMatching(/^_import\/bundle\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^_import\/bundle\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^_import\/chunk\.[0-9A-Z]{8}\.js$/),
    ]);
    const html = readFileSync(page, "utf8");
    const imported = [...html.matchAll(/import\("\.\.\/([^"]+)"\)/g)].map((m) => m[1]!);
    const [first, second] = [...new Set(imported)];
    const chunk = files[2]!;
    expect(html).toContain(
      `const [{x}, {html}] = await Promise.all([import("../${first}").then((m) => m.m0), import("../${first}").then((m) => m.m1)]);`,
    );
    expect(html).toContain(`const {y} = await import("../${second}").then((m) => m.m0);`);
    // Framework's preloads of _import/ and _node/ give way to the modules and the chunk.
    expect(html).toContain(
      [
        '<link rel="modulepreload" href="../_observablehq/client.js">',
        `<link rel="modulepreload" href="../${first}">`,
        `<link rel="modulepreload" href="../${chunk}">`,
        `<link rel="modulepreload" href="../${second}">`,
        "</head>",
      ].join("\n"),
    );
    for (const file of [first, second])
      expect(moduleSpecifiers(readFileSync(join(site, file!), "utf8"))).toEqual([
        `./${chunk.slice("_import/".length)}`,
      ]);
    type Module = Record<string, Record<string, unknown>>;
    const one = (await import(join(site, first!))) as Module;
    const two = (await import(join(site, second!))) as Module;
    expect(Object.keys(one).sort()).toEqual(["m0", "m1"]);
    expect(Object.keys(one.m0!)).toEqual(["x"]);
    expect(Object.keys(two.m0!)).toEqual(["y"]);
    expect(typeof one.m1!.html).toBe("function");
    expect((two.m0!.y as () => number)()).toBe(0);
    expect((one.m0!.x as () => number)()).toBe(41);
    expect((two.m0!.y as () => number)()).toBe(1);
  });

  it("bundles a page with one import statement into one module without imports", async () => {
    const dir = tempDir();
    const docs = join(dir, "docs");
    const site = join(dir, "dist");
    write(join(docs, "components", "a.js"), "export const x = () => 41;\n");
    write(join(site, "_import", "components", "a.12345678.js"), "export const x = 0;\n");
    const page = join(site, "p.html");
    write(
      page,
      `<head>\n</head>\n<script type="module">\ndefine({id: "1", body: async () => {\nconst {x} = await import("./_import/components/a.12345678.js");\nreturn {x};\n}});\n</script>\n`,
    );
    const result = await bundlePages(site, docs, join(root, "node_modules"), new Map());
    expect(result.bundles).toHaveLength(1);
    const bundle = result.bundles[0]!.bundle;
    const html = readFileSync(page, "utf8");
    expect(html).toContain(`const {x} = await import("./${bundle}").then((m) => m.m0);`);
    expect(html).toContain(`<link rel="modulepreload" href="./${bundle}">\n</head>`);
    expect(moduleSpecifiers(readFileSync(join(site, bundle), "utf8"))).toEqual([]);
  });
});

describe("the page modules in the built site (dist/)", () => {
  it("every page imports a module per import statement, which imports only chunks; preloaded unless its cell waits for the first chart", () => {
    expect(existsSync(join(dist, "index.html")), "dist/ not built: run `npm run build`").toBe(true);
    const modules = new Set<string>();
    const reached = (file: string, seen = new Set<string>()): Set<string> => {
      for (const spec of moduleSpecifiers(readFileSync(file, "utf8"))) {
        const next = resolve(dirname(file), spec);
        expect(next.slice(dist.length + 1), file).toMatch(/^_import[\\/]chunk\.[0-9A-Z]{8}\.js$/);
        if (!seen.has(next)) reached(next, seen.add(next));
      }
      return seen;
    };
    for (const page of builtPages(dist)) {
      const html = readFileSync(htmlOf(page), "utf8");
      const base = dirname(htmlOf(page));
      const imports = [...html.matchAll(/\bimport\("([^"]+)"\)/g)];
      const imported = new Set(imports.map((m) => resolve(base, m[1]!)));
      if (imported.size === 0) continue;
      const statements = html.match(/= await (?:Promise\.all\(\[)?import\(/g) ?? [];
      expect(imported.size, page).toBe(statements.length);
      // A cell that takes the promise of `const x = afterFirstChart();` runs after the first chart.
      const promises = [...html.matchAll(/const (\w+) = afterFirstChart\(\);/g)].map((m) => m[1]!);
      const waits = (at: number) => {
        const cell = html.lastIndexOf('define({id: "', at);
        const inputs = /inputs: \[([^\]]*)\]/.exec(html.slice(cell))![1]!;
        return promises.some((name) => inputs.includes(`"${name}"`));
      };
      const needed = new Set<string>();
      let late = 0;
      for (const match of imports) {
        const module = resolve(base, match[1]!);
        expect(module.slice(dist.length + 1), page).toMatch(
          /^_import[\\/]bundle\.[0-9a-f]{8}\.js$/,
        );
        if (waits(match.index!)) late += 1;
        else for (const file of [module, ...reached(module)]) needed.add(file);
      }
      if (page === "/" || page === "/leden")
        expect(late, `${page}: a module after the chart`).toBeGreaterThan(0);
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) =>
        resolve(base, m[1]!),
      );
      expect(preloads.filter((p) => /[\\/]_(?:import|node)[\\/]/.test(p)).sort(), page).toEqual(
        [...needed].sort(),
      );
      for (const file of needed) modules.add(file);
    }
    // The 14 top-level pages with cells and the network pages; far fewer modules than pages.
    expect(modules.size).toBeGreaterThanOrEqual(5);
  });

  it("a page module runs: the Overzicht's decodes an Arrow payload into rows", async () => {
    const html = readFileSync(join(dist, "index.html"), "utf8");
    // The page's modules: the KPI cards' first, the charts' (Arrow among them) after it.
    const specs = [...html.matchAll(/import\("\.\/(_import\/bundle\.[0-9a-f]{8}\.js)"\)/g)];
    expect(specs.length).toBeGreaterThanOrEqual(2);
    const modules = await Promise.all(
      specs.map(
        async (spec) =>
          (await import(join(dist, spec[1]!))) as Record<string, Record<string, unknown>>,
      ),
    );
    const imports = modules.flatMap((module) => Object.values(module));
    const first = Object.values(modules[0]!).flatMap((m) => Object.keys(m));
    for (const name of ["html", "kpiGrid", "loadSeries"]) expect(first).toContain(name);
    const exported = imports.flatMap((m) => Object.keys(m));
    for (const name of ["tableFromIPC", "rowsOf"]) expect(exported).toContain(name);
    const pick = <T>(name: string) => imports.find((m) => name in m)![name] as T;
    const tableFromIPC = pick<(ipc: Uint8Array) => unknown>("tableFromIPC");
    const rowsOf = pick<(table: unknown) => unknown[]>("rowsOf");
    const ipc = tableToIPC(tableFromArrays({ n: Int32Array.from([3, 1]), s: ["a", "b"] }));
    expect(rowsOf(tableFromIPC(ipc))).toEqual([
      { n: 3, s: "a" },
      { n: 1, s: "b" },
    ]);
  });
});
