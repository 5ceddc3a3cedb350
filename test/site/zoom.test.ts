/// <reference lib="dom" />
// Zooming (WCAG 1.4.4 and 1.4.10): the build rewrites Framework's viewport meta, which forbids
// zooming, on every page; and at 200 % zoom no page needs horizontal scrolling, except inside
// the tables that scroll by design.
//
// 200 % zoom is emulated as Chromium zooms: a browser window 1280 px wide zoomed to 200 % lays
// the page out in a viewport of 640 CSS px, with two device pixels per CSS px. So the page is
// opened at 640 × 450 CSS px with deviceScaleFactor 2: media queries, `resize()` widths and
// window.devicePixelRatio are then what a zoomed visitor gets. (CSS `zoom` on <html> would
// instead keep the viewport at 1280 px for media queries and for Framework's resize.)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { VIEWPORT, allowZoom, viewportAllowsZoom } from "../../scripts/build/post-process.js";
import { builtPages, checkCharts, openSite, visit } from "./browser.ts";
import { findOverflow, type Reflow } from "./reflow.ts";
import { visitedPages } from "./url-pages.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));
const pages = visitedPages(existsSync(join(dist, "index.html")) ? builtPages(dist) : []);
/** The HTML file of a page path. */
const fileOf = (path: string) =>
  join(
    dist,
    path === "/" ? "index.html" : path.endsWith("/") ? `${path}index.html` : `${path}.html`,
  );
/** The content of the page's viewport meta, or null. */
const viewportOf = (html: string) =>
  html.match(/<meta name="viewport" content="([^"]*)">/)?.[1] ?? null;

describe("viewportAllowsZoom and allowZoom", () => {
  it("tells a viewport that allows zooming from one that does not", () => {
    expect(viewportAllowsZoom("width=device-width, initial-scale=1")).toBe(true);
    expect(viewportAllowsZoom("width=device-width, maximum-scale=5")).toBe(true);
    expect(viewportAllowsZoom("width=device-width, initial-scale=1, maximum-scale=1")).toBe(false);
    expect(viewportAllowsZoom("width=device-width; maximum-scale = 2.0")).toBe(false);
    expect(viewportAllowsZoom("width=device-width, user-scalable=no")).toBe(false);
    expect(viewportAllowsZoom("width=device-width, user-scalable=0")).toBe(false);
  });

  it("rewrites Framework's viewport meta, and only a page with exactly one", () => {
    const framework =
      '<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n</head>';
    expect(allowZoom(framework)).toBe(
      `<head>\n<meta charset="utf-8">\n<meta name="viewport" content="${VIEWPORT}">\n</head>`,
    );
    expect(viewportAllowsZoom(VIEWPORT)).toBe(true);
    expect(allowZoom("<head></head>")).toBeNull();
  });
});

describe("zooming the built site (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  it("every built page, the 404 page too, has one viewport meta that allows zooming", () => {
    ready();
    expect(pages).toContain("/toegankelijkheid");
    for (const file of [...pages.map(fileOf), join(dist, "404.html")]) {
      const html = readFileSync(file, "utf8");
      expect(html.match(/<meta name="viewport"/g), file).toHaveLength(1);
      expect(viewportOf(html), file).toBe(VIEWPORT);
    }
  });

  it.for(pages)(
    "%s at 200 % zoom: zoom allowed, nothing scrolls sideways but the tables built to",
    { timeout: 90_000 },
    async (path) => {
      ready();
      let reflow: Reflow | null = null;
      let viewport: string | null = null;
      let ratio = 0;
      const result = await visit(
        browser,
        server.url,
        path,
        640,
        async (page) => {
          await checkCharts(page, 0);
          viewport = await page.locator('meta[name="viewport"]').getAttribute("content");
          ratio = await page.evaluate(() => window.devicePixelRatio);
          reflow = await page.evaluate(findOverflow);
        },
        { height: 450, deviceScaleFactor: 2 },
      );
      expect(result.errors, `console errors on ${path}`).toEqual([]);
      expect(viewport, `viewport of ${path} in the browser`).not.toBeNull();
      expect(viewportAllowsZoom(viewport!), `viewport of ${path}: ${viewport}`).toBe(true);
      expect(ratio).toBe(2);
      const { viewport: width, document: scrollWidth, offenders } = reflow!;
      expect(width, "the viewport's CSS width").toBeLessThanOrEqual(640);
      expect(scrollWidth, `the page's width on ${path}`).toBeLessThanOrEqual(width);
      expect(offenders, `what scrolls sideways on ${path}`).toEqual([]);
    },
  );
});
