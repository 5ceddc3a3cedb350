// scripts/bundle-d3.js: d3 as one module in the built site (dist/, from `npm run build`), and
// the module preloads that follow from it. The pages themselves run in site.test.ts.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { moduleSpecifiers } from "../../scripts/bundle-d3.js";
import { builtPages } from "../site/browser.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

const htmlOf = (page: string) => join(dist, page === "/" ? "index.html" : `${page.slice(1)}.html`);

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

describe("d3 in the built site", () => {
  it("is one module without imports that has what the pages use", async () => {
    const folder = readdirSync(join(dist, "_node")).find((n) => /^d3@/.test(n));
    expect(folder).toBeDefined();
    const [file] = readdirSync(join(dist, "_node", folder!));
    const text = readFileSync(join(dist, "_node", folder!, file!), "utf8");
    expect(moduleSpecifiers(text)).toEqual([]);
    const d3 = (await import(join(dist, "_node", folder!, file!))) as Record<string, unknown>;
    for (const name of [
      "utcYear",
      "formatLocale",
      "timeFormatLocale",
      "rollups",
      "schemeTableau10",
    ])
      expect(typeof d3[name], name).not.toBe("undefined");
  });

  it("no page preloads a d3 package it does not reach, and every preload exists", () => {
    const pages = builtPages(dist);
    expect(pages.length).toBeGreaterThanOrEqual(14);
    for (const page of pages) {
      const html = readFileSync(htmlOf(page), "utf8");
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(
        (m) => m[1]!,
      );
      for (const href of preloads)
        expect(existsSync(resolve(dirname(htmlOf(page)), href)), `${page}: ${href}`).toBe(true);
      const packages = preloads
        .map((href) => /_node\/(d3-[a-z-]+)@/.exec(href)?.[1])
        .filter((name) => name != null);
      // Only d3-force (the network graph) and what it imports are still separate modules.
      expect(
        packages.filter(
          (p) => !["d3-force", "d3-dispatch", "d3-quadtree", "d3-timer"].includes(p!),
        ),
        page,
      ).toEqual([]);
      // Framework's own three, htl, Plot, d3, topojson, apache-arrow with tslib and flatbuffers, the
      // page's components: tens, where one preload per d3 package made hundreds.
      expect(preloads.length, page).toBeLessThan(35);
    }
  });
});
