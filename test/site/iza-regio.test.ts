/// <reference lib="dom" />
// The pages per IZA region in Chromium (issue 16 point 3): every region of iza-regios.json has
// a page and /iza links to each; a page shows its region's overdue milestones as many as I4 says,
// highlights the region on the map (or says it is no zorgkantoorregio), shows its summary
// (Wat is er veranderd), and prints on A4. REGION_PAGES go through site.test.ts and dark-phone.test.ts (both
// widths, light and dark, axe). Needs dist/ (npm run build) and Chromium, like site.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { builtPages, checkCharts, openSite, visit } from "./browser.ts";
import { REGION_PAGES, dist } from "./url-pages.ts";

interface RegionPage {
  iza_region: string;
  key: string;
  code: string | null;
}

/** A built data file by its name before the hash (dist/_file/<dir>/<name>.<hash>.json). */
function builtJson<T>(dir: string, name: string): T {
  const folder = join(dist, "_file", dir);
  const file = readdirSync(folder).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`dist/_file/${dir}/${name}.*.json not found`);
  return JSON.parse(readFileSync(join(folder, file), "utf8")) as T;
}

/** The summary file of a region page's region (dist/data/samenvatting/iza--<key>.json). */
function summaryFile(path: string): string {
  return join(dist, "data", "samenvatting", `iza--${path.split("/").pop()!}.json`);
}

describe("pages per IZA region (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ not built");
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  it("every region has a page, and /iza links to each", async () => {
    ready();
    const regions = builtJson<RegionPage[]>("data", "iza-regios");
    expect(regions.length).toBeGreaterThan(1);
    const expected = regions.map((r) => `/iza/${r.key}`).sort();
    expect(builtPages(dist).filter((p) => /^\/iza\/./.test(p))).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(REGION_PAGES));
    let links: string[] = [];
    let heading = "";
    const result = await visit(browser, server.url, "/iza/", 1280, async (page) => {
      const anchors = page.locator(".region-links a");
      await anchors.first().waitFor();
      links = (await anchors.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
        .map((href) => new URL(href).pathname)
        .sort();
      await page.locator('.region-links a[href$="/regio-de-peel"]').click();
      await page.waitForURL(/\/iza\/regio-de-peel$/);
      // The title is a cell of the page: it is written once the data have loaded.
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent?.trim());
      heading = (await page.locator("main h1").first().textContent()) ?? "";
    });
    expect(result.errors).toEqual([]);
    expect(links).toEqual(expected);
    expect(heading).toBe("Regio De Peel");
  });

  it.concurrent.for([
    { path: "/iza/zuidoost-brabant", key: "zuidoost-brabant", onMap: 1 },
    { path: "/iza/regio-de-peel", key: "regio-de-peel", onMap: 0 },
  ])(
    "$path: overdue rows as I4, the region on the map ($onMap), the summary hook",
    { timeout: 120_000 },
    async ({ path, key, onMap }, { expect }) => {
      ready();
      const own = builtJson<{
        region: string;
        indicator_series: { series: { indicator: string; values: (number | null)[] }[] };
      }>("iza/data", key);
      const i4 = own.indicator_series.series
        .find((s) => s.indicator === "achterstallig")!
        .values.at(-1);
      let view = {
        overdue: 0,
        shaded: 0,
        summary: [] as { item: string | null; sentence?: string; href?: string | null }[],
        mapSubtitle: "",
        twice: 0,
      };
      const result = await visit(browser, server.url, path, 1280, async (page) => {
        await checkCharts(page, 4);
        view = await page.evaluate(() => {
          const headings = [...document.querySelectorAll("main h2")];
          const section = (title: string) => {
            const h = headings.find((e) => e.textContent?.trim() === title);
            const parts: Element[] = [];
            for (let e = h?.nextElementSibling; e && e.tagName !== "H2"; e = e.nextElementSibling)
              parts.push(e);
            return parts;
          };
          const overdue = section("Achterstallige mijlpalen").flatMap((e) => [
            ...e.querySelectorAll("tbody tr"),
          ]);
          const map = section("Op de kaart")[0];
          // Plot.geo draws the land as one path per area; the shaded region has a title.
          const shaded = map?.querySelectorAll("svg path title").length ?? 0;
          return {
            overdue: overdue.length,
            shaded,
            summary: [...document.querySelectorAll("section.summary li")].map((li) => ({
              item: li.getAttribute("data-item"),
              sentence: li.textContent?.trim(),
              href: li.querySelector("a")?.getAttribute("href"),
            })),
            mapSubtitle: map?.querySelector(".figure-subtitle")?.textContent ?? "",
            twice: document.querySelectorAll("main p.muted a[href^='./']:not([href='./'])").length,
          };
        });
      });
      expect(result.errors).toEqual([]);
      // Zuidoost-Brabant has overdue milestones at the peildatum, Regio De Peel none.
      expect(i4).toBe(onMap ? 3 : 0);
      expect(view.overdue, `overdue milestones on ${path}`).toBe(i4);
      expect(view.shaded, `regions shaded on the map of ${path}`).toBe(onMap);
      if (!onMap) expect(view.mapSubtitle).toContain("geen zorgkantoorregio");
      // "Wat is er veranderd": the region's sentences as the refresh wrote them (summaries).
      const written = JSON.parse(readFileSync(summaryFile(path), "utf8")) as {
        sentences: { item: string; sentence: string }[];
      };
      expect(written.sentences.length).toBeGreaterThan(0);
      expect(view.summary.map(({ item, sentence }) => ({ item, sentence }))).toEqual(
        written.sentences.map(({ item, sentence }) => ({ item, sentence })),
      );
      // A sentence links to its indicator's trend on the page, else to its key figure's card.
      const charted = ["voortgang", "op_tijd_aandeel", "mijlpalen_gereed", "achterstallig"];
      for (const s of view.summary.filter((s) => s.href?.startsWith("#")))
        expect(s.href).toBe(`#${charted.includes(s.item ?? "") ? "grafiek" : "kpi"}-${s.item}`);
      // Zuidoost-Brabant is also named ZK30 in the sample: the page links to that one.
      expect(view.twice).toBe(onMap ? 1 : 0);
    },
  );

  it("a region page prints on A4: no navigation, every chart, at most four pages", async () => {
    ready();
    let pdf: Buffer = Buffer.alloc(0);
    let hidden: boolean[] = [];
    let empty: string[] = [];
    await visit(browser, server.url, REGION_PAGES[0]!, 1280, async (page) => {
      ({ empty } = await checkCharts(page, 4));
      await page.emulateMedia({ media: "print" });
      hidden = await page.evaluate(() =>
        ["#observablehq-sidebar", "#observablehq-footer", ".no-print"].map((selector) => {
          const element = document.querySelector(selector);
          return element === null || getComputedStyle(element).display === "none";
        }),
      );
      pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    });
    expect(empty).toEqual([]);
    expect(hidden, "sidebar, footer and buttons hidden in print").toEqual([true, true, true]);
    const pageCount = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(4);
  }, 120_000);
});
