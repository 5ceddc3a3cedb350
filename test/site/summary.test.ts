/// <reference lib="dom" />
// "Wat is er veranderd" in Chromium on the built site (dist/, `npm run build` first): on the
// overview and on a network page, the sentences of the scope's summary file, each a link whose
// anchor on the page exists (the KPI card of its indicator, the signal list), also in print.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { openSite, visit } from "./browser.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

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

  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
});
