// scripts/build/vendor.js and vendor-symbols.js: one vendor module with exactly the symbols the
// pages use from d3, Plot and Arrow, in the built site (dist/, from `npm run build`), and the
// module preloads that follow from it. The pages themselves run in test/site/site.test.ts.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { moduleSpecifiers, reachable } from "../../scripts/build/modules.js";
import { LIBRARIES, symbolsIn, vendorSymbols } from "../../scripts/build/vendor-symbols.js";
import { frameworkModule, vendorEntry } from "../../scripts/build/vendor.js";
import { builtPages } from "../site/browser.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");

const htmlOf = (page: string) =>
  join(dist, page.endsWith("/") ? `${page.slice(1)}index.html` : `${page.slice(1)}.html`);

describe("moduleSpecifiers", () => {
  it("finds static imports, re-exports and dynamic imports of relative modules only", () => {
    const text = `import{a as b,c}from"../x/a.1.js";export*from"./b.js";import "./side.js";
      const m = import("../../c.js"); import {d} from "d3"; fetch("./data.json");`;
    expect(moduleSpecifiers(text).sort()).toEqual([
      "../../c.js",
      "../x/a.1.js",
      "./b.js",
      "./side.js",
    ]);
  });
});

describe("symbolsIn", () => {
  it("reads named imports and the members written after a namespace", () => {
    const page = `import { tableFromIPC, Table as T } from "apache-arrow";
      import * as Plot from "@observablehq/plot";
      // Plot.comment is not code
      const chart = Plot.plot({ marks: [Plot.dot(rows), Plot .ruleY([0])] });
      chart.legend("color"); /* Plot.block */`;
    expect([...symbolsIn(page, "apache-arrow", "page.md")].sort()).toEqual([
      "Table",
      "tableFromIPC",
    ]);
    expect([...symbolsIn(page, "@observablehq/plot", "page.md")].sort()).toEqual([
      "dot",
      "plot",
      "ruleY",
    ]);
    expect([...symbolsIn(page, "d3", "page.md")]).toEqual([]);
  });

  it("refuses a namespace used as a value, a default import and a re-export", () => {
    const dynamic = `import * as d3 from "d3";\nconst f = d3[name];`;
    expect(() => symbolsIn(dynamic, "d3", "x.js")).toThrow(/x\.js:2: "d3" \(from "d3"\) is used/);
    const passed = `import * as Plot from "@observablehq/plot";\nchart(Plot);`;
    expect(() => symbolsIn(passed, "@observablehq/plot", "y.js")).toThrow(/y\.js:2/);
    expect(() => symbolsIn(`import d3 from "d3";`, "d3", "z.js")).toThrow(/only named/);
    expect(() => symbolsIn(`export { utcDay } from "d3";`, "d3", "z.js")).toThrow(/only named/);
  });
});

describe("vendorSymbols of docs/", () => {
  const symbols = vendorSymbols(join(root, "docs"));

  it("finds what the pages and components draw and read with", () => {
    expect(symbols.get("@observablehq/plot")).toEqual(
      expect.arrayContaining(["plot", "barX", "geo"]),
    );
    expect(symbols.get("d3")).toEqual(expect.arrayContaining(["formatLocale", "utcYear"]));
    expect(symbols.get("apache-arrow")).toEqual(["tableFromIPC"]);
  });

  it("names only symbols that the libraries export", async () => {
    for (const library of LIBRARIES) {
      const module = (await import(library.name)) as Record<string, unknown>;
      for (const name of symbols.get(library.name)!)
        expect(typeof module[name], `${library.name}: ${name}`).not.toBe("undefined");
    }
  });

  it("becomes one entry module with a prefix per library and deep imports where set", () => {
    const entry = vendorEntry(
      new Map([
        ["d3", ["utcDay", "symbol"]],
        ["apache-arrow", ["tableFromIPC"]],
      ]),
    );
    expect(entry).toBe(
      'export { utcDay as d3$utcDay, symbol as d3$symbol } from "d3";\n' +
        'export { tableFromIPC as arrow$tableFromIPC } from "apache-arrow/ipc/serialization";\n',
    );
  });
});

describe("the vendor module in the built site (dist/)", () => {
  it("replaces d3, Plot and Arrow by re-exports from one module without imports", async () => {
    expect(existsSync(join(dist, "index.html")), "dist/ not built: run `npm run build`").toBe(true);
    const modules = LIBRARIES.map((library) => frameworkModule(dist, library.name));
    const vendors = new Set<string>();
    for (const module of modules) {
      expect(module).not.toBeNull();
      const specifiers = moduleSpecifiers(readFileSync(module!, "utf8"));
      expect(specifiers).toHaveLength(1);
      vendors.add(resolve(dirname(module!), specifiers[0]!));
    }
    expect(vendors.size).toBe(1);
    const [vendor] = [...vendors];
    expect(vendor).toMatch(/_node[\\/]vendor\.[0-9a-f]{8}\.js$/);
    expect(moduleSpecifiers(readFileSync(vendor!, "utf8"))).toEqual([]);
    const [plot, d3, arrow] = (await Promise.all(modules.map((m) => import(m!)))) as Record<
      string,
      (...args: unknown[]) => unknown
    >[];
    expect(typeof plot!.plot).toBe("function");
    expect(typeof plot!.barX).toBe("function");
    expect(d3!.utcYear!.call(null, new Date(Date.UTC(2024, 5, 30)))).toEqual(
      new Date(Date.UTC(2024, 0, 1)),
    );
    const ipc = tableToIPC(tableFromArrays({ n: Int32Array.from([3, 1, 4]), s: ["a", "b", "c"] }));
    const table = arrow!.tableFromIPC!(ipc) as { toArray(): { toJSON(): unknown }[] };
    expect(table.toArray().map((row) => row.toJSON())).toEqual([
      { n: 3, s: "a" },
      { n: 1, s: "b" },
      { n: 4, s: "c" },
    ]);
  });

  it("every page preloads only what it reaches, the vendor module where it draws", () => {
    const pages = builtPages(dist);
    expect(pages.length).toBeGreaterThanOrEqual(14);
    for (const page of pages) {
      const html = readFileSync(htmlOf(page), "utf8");
      const base = dirname(htmlOf(page));
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) =>
        resolve(base, m[1]!),
      );
      const reached = reachable([
        ...moduleSpecifiers(html).map((spec) => resolve(base, spec)),
        ...preloads.filter((p) => !/[\\/]_node[\\/]/.test(p)),
      ]);
      for (const preload of preloads) {
        expect(existsSync(preload), `${page}: ${preload}`).toBe(true);
        expect(reached.has(preload), `${page}: ${preload}`).toBe(true);
      }
      const names = preloads.map((p) => p.slice(dist.length + 1).replaceAll("\\", "/"));
      // Only d3-force (the network graph) and what it imports are still separate d3 modules.
      const d3Packages = names.map((n) => /^_node\/(d3-[a-z-]+)@/.exec(n)?.[1]).filter(Boolean);
      expect(
        d3Packages.filter(
          (p) => !["d3-force", "d3-dispatch", "d3-quadtree", "d3-timer"].includes(p!),
        ),
        page,
      ).toEqual([]);
      for (const gone of ["tslib@", "flatbuffers@", "isoformat@", "interval-tree-1d@"])
        expect(
          names.filter((n) => n.includes(gone)),
          page,
        ).toEqual([]);
      if (names.some((n) => n.startsWith("_node/@observablehq/plot@")))
        expect(
          names.filter((n) => /^_node\/vendor\.[0-9a-f]{8}\.js$/.test(n)),
          page,
        ).toHaveLength(1);
      expect(preloads.length, page).toBeLessThan(30);
    }
  });
});
