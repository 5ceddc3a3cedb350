/// <reference lib="dom" />
// "Wat is er veranderd" in Chromium on the built site (dist/, `npm run build` first): on the
// overview and on a network page, the sentences of the scope's summary file, each a link whose
// anchor on the page exists (the KPI card of its indicator, the signal list), also in print.
// A sentence whose chart is on another page links to that chart's anchor there: every indicator
// of the catalog has exactly one #grafiek-<id> on the page of its group, and following a link
// lands on the chart once it is drawn.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { openSite, visit } from "./browser.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

/** The indicators of the built catalog (the download indicator_catalog.csv) with their group. */
function catalog(): { indicator: string; group: string }[] {
  const [header, ...lines] = readFileSync(join(dist, "bestanden", "indicator_catalog.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  const columns = (header ?? "").split(",");
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(",");
    return { indicator: cells[at("indicator")] ?? "", group: cells[at("group")] ?? "" };
  });
}

/** The page of each indicator group (as summary.js links them). */
const GROUP_PAGES: Record<string, string> = {
  leden: "/leden",
  projecten: "/projecten",
  bijeenkomsten: "/bijeenkomsten",
  financiering: "/financiering",
  iza: "/iza/",
  enquete: "/enquete",
};

/** The ids of the page's chart anchors (#grafiek-<id>) once the charts of `expected` are drawn. */
async function chartAnchors(page: Page, expected: string[]): Promise<string[]> {
  for (const id of expected)
    await page.locator(`[id="grafiek-${id}"]`).waitFor({ state: "attached" });
  return page
    .locator("main [id^='grafiek-']")
    .evaluateAll((nodes) => nodes.map((n) => n.id.slice("grafiek-".length)));
}

/** The sentences of a scope's summary file as the build copied it. */
function sentences(key: string): string[] {
  const file = join(dist, "data", "samenvatting", `${key}.json`);
  return JSON.parse(readFileSync(file, "utf8")).sentences.map(
    (s: { sentence: string }) => s.sentence,
  );
}

/** The summary's sentences on the page and the anchors of its same-page links that are missing. */
async function shown(page: Page): Promise<{ texts: string[]; missing: string[] }> {
  const block = page.locator("main section.summary");
  await block.locator("li").first().waitFor();
  const texts = await block.locator("li").allInnerTexts();
  const hrefs = await block
    .locator("li a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const missing: string[] = [];
  for (const href of hrefs.filter((h) => h.startsWith("#"))) {
    if ((await page.locator(href).count()) === 0) missing.push(href);
  }
  return { texts, missing };
}

describe("Wat is er veranderd", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    ({ browser, server } = await openSite(dist));
  });

  it("shows the summary of alle on the overview, linking to the cards and signals", async () => {
    const expected = sentences("alle--netwerken");
    expect(expected.length).toBeGreaterThanOrEqual(3);
    let found = { texts: [] as string[], missing: [] as string[] };
    const result = await visit(browser, server.url, "/", 1280, async (page) => {
      found = await shown(page);
    });
    expect(result.errors).toEqual([]);
    expect(found.texts).toEqual(expected);
    expect(found.missing).toEqual([]);
  });

  it("shows a network's summary at the top of its page, also when printed", async () => {
    const expected = sentences("slimmer-leven");
    let found = { texts: [] as string[], missing: [] as string[] };
    let printed = false;
    let first = "";
    const result = await visit(
      browser,
      server.url,
      "/netwerk/slimmer-leven",
      1280,
      async (page) => {
        found = await shown(page);
        first = await page.locator("main h2").first().innerText();
        await page.emulateMedia({ media: "print" });
        printed = await page.locator("main section.summary li").first().isVisible();
      },
    );
    expect(result.errors).toEqual([]);
    expect(first).toBe("Wat is er veranderd");
    expect(found.texts).toEqual(expected);
    expect(found.texts.join(" ")).toContain("Twee projecten lopen binnen een half jaar af");
    expect(found.missing).toEqual([]);
    expect(printed).toBe(true);
  });

  it("has one chart anchor for every indicator on the page of its group", async () => {
    const indicators = catalog();
    expect(indicators.length).toBeGreaterThanOrEqual(40);
    for (const [group, path] of Object.entries(GROUP_PAGES)) {
      const ids = indicators.filter((c) => c.group === group).map((c) => c.indicator);
      expect(ids.length, group).toBeGreaterThan(0);
      let anchors: string[] = [];
      const result = await visit(browser, server.url, path, 1280, async (page) => {
        anchors = await chartAnchors(page, ids);
      });
      expect(result.errors, path).toEqual([]);
      expect(result.failures, path).toEqual([]);
      // Each indicator of the group exactly once; other anchors belong to another group's chart.
      for (const id of ids)
        expect(
          anchors.filter((a) => a === id),
          `${path} ${id}`,
        ).toHaveLength(1);
      expect(new Set(anchors).size, path).toBe(anchors.length);
    }
    expect(new Set(indicators.map((c) => c.group))).toEqual(new Set(Object.keys(GROUP_PAGES)));
  });

  it("links every sentence of a network and a region to its chart, on that page or its group's", async () => {
    const scopes = [
      { path: "/netwerk/slimmer-leven", key: "slimmer-leven" },
      { path: "/netwerk/cic-west-brabant", key: "cic-west-brabant" },
      { path: "/iza/zuidoost-brabant", key: "iza--zuidoost-brabant" },
      { path: "/", key: "alle--netwerken" },
    ];
    const targets = new Map<string, Set<string>>();
    for (const { path, key } of scopes) {
      const file = JSON.parse(
        readFileSync(join(dist, "data", "samenvatting", `${key}.json`), "utf8"),
      ) as { sentences: { item: string; kind: string; group: string }[] };
      let hrefs: string[] = [];
      let missing: string[] = [];
      const result = await visit(browser, server.url, path, 1280, async (page) => {
        ({ missing } = await shown(page));
        hrefs = await page
          .locator("main section.summary li a")
          .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      });
      expect(result.errors, path).toEqual([]);
      expect(missing, path).toEqual([]);
      expect(hrefs, path).toHaveLength(file.sentences.length);
      file.sentences.forEach((s, i) => {
        const url = new URL(hrefs[i] ?? "");
        if (s.kind === "signaal") return;
        // An indicator's sentence names its chart or KPI card, here or on its group's page.
        expect(url.hash, `${path} ${s.item}`).toMatch(new RegExp(`^#(grafiek|kpi)-${s.item}$`));
        const own = url.pathname === new URL(path, server.url).pathname;
        if (!own) {
          expect(url.pathname, `${path} ${s.item}`).toBe(GROUP_PAGES[s.group]);
          expect(url.hash).toBe(`#grafiek-${s.item}`);
          const at = `${url.pathname}${url.search}`;
          targets.set(at, (targets.get(at) ?? new Set()).add(s.item));
        }
      });
    }
    // The sample's summaries send readers to other pages; each target shows the charts, for the
    // network of the sentence (its query) where the page has a selector.
    expect(targets.size).toBeGreaterThan(0);
    for (const [at, ids] of targets) {
      let anchors: string[] = [];
      const result = await visit(browser, server.url, at, 1280, async (page) => {
        anchors = await chartAnchors(page, [...ids]);
      });
      expect(result.errors, at).toEqual([]);
      for (const id of ids) expect(anchors, at).toContain(id);
    }
  });

  it("scrolls to the chart of a followed link once the page has drawn it", async () => {
    let before = "";
    let inView = false;
    let top = Number.NaN;
    const result = await visit(
      browser,
      server.url,
      "/netwerk/slimmer-leven",
      1280,
      async (page) => {
        const link = page.locator("main section.summary li a[href*='#grafiek-']").first();
        before = (await link.getAttribute("href")) ?? "";
        await link.click();
        await page.waitForURL(/#grafiek-/);
        const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
        const anchor = page.locator(`[id="${id}"]`);
        await anchor.waitFor({ state: "attached" });
        // The page keeps the anchor in view while the charts above it are drawn (for up to 8 s
        // after the load), so wait (up to 5 s) until the anchor has been in view for 300 ms on
        // end. (A load state would not wait here: the click changes only the hash.)
        await page
          .waitForFunction(
            (selector) => {
              const seen = window as unknown as { inViewSince?: number };
              const top = document.querySelector(selector)?.getBoundingClientRect().top ?? -1;
              if (!(top >= 0 && top < window.innerHeight / 2)) {
                seen.inViewSince = undefined;
                return false;
              }
              seen.inViewSince ??= performance.now();
              return performance.now() - seen.inViewSince >= 300;
            },
            `[id="${id}"]`,
            { timeout: 5_000, polling: 50 },
          )
          .catch(() => undefined);
        top = await anchor.evaluate((node) => node.getBoundingClientRect().top);
        inView = await anchor.evaluate(
          (node) =>
            node.getBoundingClientRect().top >= 0 &&
            node.getBoundingClientRect().top < window.innerHeight / 2,
        );
      },
      // A reader who follows a link: a new tab, not one that showed other pages before.
      { fresh: true },
    );
    expect(result.errors).toEqual([]);
    expect(before).toMatch(/^\.\.\/[a-z]+\?netwerk=slimmer-leven#grafiek-/);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(inView).toBe(true);
  });
});
