// scripts/build/scope-preloads.js: every page preloads the per-scope files it fetches for its
// default scope, with exactly the URL it fetches, and only files the build wrote.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lateFiles } from "../../scripts/build/late-imports.js";
import { MODULE_SCRIPT } from "../../scripts/build/page-imports.js";
import { registeredData } from "../../scripts/build/post-process.js";
import { preloadScopeFiles, scopeFilesOf } from "../../scripts/build/scope-preloads.js";
import { tempDir } from "../helpers.ts";

const AT = "2025-10-01T08:00:00.000Z";
const V = "?v=2025-10-01T08%3A00%3A00.000Z";

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

const page = (modules: string[]) =>
  "<html><head>\n" +
  modules.map((m) => `<link rel="modulepreload" href="${m}">\n`).join("") +
  "</head><body></body></html>\n";

describe("scopeFilesOf", () => {
  it("lists the default scope's files of the top-level pages, networks and regions", () => {
    expect(scopeFilesOf("leden")).toEqual([
      "data/indicatoren/alle--netwerken.json",
      "data/per-indicator/gouden_driehoek.json",
    ]);
    expect(scopeFilesOf("index")).toHaveLength(8);
    expect(scopeFilesOf("netwerk/zorgnetwerk-arnhem")).toEqual([
      "data/samenvatting/zorgnetwerk-arnhem.json",
    ]);
    expect(scopeFilesOf("iza/index")).toEqual(["data/indicatoren/alle--netwerken.json"]);
    expect(scopeFilesOf("iza/zk01")).toEqual(["data/samenvatting/iza--zk01.json"]);
    expect(scopeFilesOf("methode")).toEqual([]);
    expect(scopeFilesOf("netwerk/a/b")).toEqual([]);
  });

  it("has files for every top-level page that fetches series or a summary on load", () => {
    // The top-level pages and the IZA overview (docs/iza/index.md, at /iza/).
    const fetching = [...readdirSync("docs"), "iza/index.md"]
      .filter((name) => name.endsWith(".md"))
      .filter((name) =>
        /\b(loadSeries|loadSummary|loadScopeFile)\(/.test(readFileSync(join("docs", name), "utf8")),
      )
      .map((name) => name.slice(0, -".md".length));
    expect(fetching.length).toBeGreaterThanOrEqual(7);
    for (const name of fetching) expect(scopeFilesOf(name), name).not.toEqual([]);
  });
});

describe("preloadScopeFiles", () => {
  it("adds the preloads after the module preloads, with the URL the page fetches", () => {
    const dist = tempDir();
    write(join(dist, "leden.html"), page(["./_observablehq/client.js", "./_node/vendor.js"]));
    write(join(dist, "netwerk", "a.html"), page(["../_observablehq/client.js"]));
    write(join(dist, "netwerk", "b.html"), page(["../_observablehq/client.js"]));
    write(join(dist, "methode.html"), page(["./_observablehq/client.js"]));
    write(join(dist, "data", "indicatoren", "alle--netwerken.json"), "{}");
    write(join(dist, "data", "per-indicator", "gouden_driehoek.json"), "{}");
    write(join(dist, "data", "samenvatting", "a.json"), "{}");
    expect(preloadScopeFiles(dist, AT)).toBe(3);
    expect(readFileSync(join(dist, "leden.html"), "utf8")).toBe(
      "<html><head>\n" +
        '<link rel="modulepreload" href="./_observablehq/client.js">\n' +
        '<link rel="modulepreload" href="./_node/vendor.js">\n' +
        `<link rel="preload" as="fetch" href="./data/indicatoren/alle--netwerken.json${V}" crossorigin>\n` +
        `<link rel="preload" as="fetch" href="./data/per-indicator/gouden_driehoek.json${V}" crossorigin>\n` +
        "</head><body></body></html>\n",
    );
    expect(readFileSync(join(dist, "netwerk", "a.html"), "utf8")).toContain(
      `<link rel="preload" as="fetch" href="../data/samenvatting/a.json${V}" crossorigin>\n</head>`,
    );
    // b has no summary file: no preload that would end in a 404.
    expect(readFileSync(join(dist, "netwerk", "b.html"), "utf8")).toBe(
      page(["../_observablehq/client.js"]),
    );
    expect(readFileSync(join(dist, "methode.html"), "utf8")).toBe(
      page(["./_observablehq/client.js"]),
    );
    // Run again: nothing added twice.
    expect(preloadScopeFiles(dist, AT)).toBe(0);
  });
});

describe("the preloads in the built site (dist/, from `npm run build`)", () => {
  it("every page preloads its registered data files (not those read only after its first chart) and its default scope's files", () => {
    const dist = "dist";
    expect(existsSync(join(dist, "index.html")), "dist/ not built: run `npm run build`").toBe(true);
    const meta = JSON.parse(
      readFileSync(
        join(
          dist,
          "_file",
          "data",
          readdirSync(join(dist, "_file", "data")).find((n) => n.startsWith("meta."))!,
        ),
        "utf8",
      ),
    ) as { refreshed_at: string };
    const version = `?v=${encodeURIComponent(meta.refreshed_at)}`;
    const pages = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".html"))
      .map((e) =>
        join(e.parentPath, e.name)
          .slice(dist.length + 1)
          .replaceAll("\\", "/"),
      )
      .filter((p) => !p.startsWith("_"));
    let scoped = 0;
    let late = 0;
    for (const path of pages) {
      const html = readFileSync(join(dist, path), "utf8");
      const up = "../".repeat(path.split("/").length - 1) || "./";
      const after = new Set(lateFiles(MODULE_SCRIPT.exec(html)?.[1] ?? ""));
      for (const file of registeredData(html)) {
        const link = `<link rel="preload" as="fetch" href="${file}" crossorigin>`;
        if (after.has(file)) {
          late += 1;
          expect(html, `${path}: ${file}`).not.toContain(link);
        } else expect(html, `${path}: ${file}`).toContain(link);
      }
      for (const file of scopeFilesOf(path.slice(0, -".html".length))) {
        if (!existsSync(join(dist, file))) continue;
        expect(html, `${path}: ${file}`).toContain(
          `<link rel="preload" as="fetch" href="${up}${file}${version}" crossorigin>`,
        );
        scoped += 1;
      }
    }
    expect(scoped).toBeGreaterThanOrEqual(20);
    // Overzicht 2, Leden 2, Bijeenkomsten 1, Wederkerigheid 1.
    expect(late).toBeGreaterThanOrEqual(6);
  });
});
