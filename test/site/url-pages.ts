/// <reference lib="dom" />
// Helpers of the shareable-view tests (shareable.test.ts, shareable-a11y.test.ts): the built
// networks, the KPI cards' texts once settled, and a page's query string.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

export const dist = fileURLToPath(new URL("../../dist", import.meta.url));

/**
 * The pages per IZA region that the browser tests visit (at 1280 and 390 px, light and dark):
 * one on the map that the data also name by code (ZK30), one that is no zorgkantoorregio.
 * iza-regio.test.ts checks that every region has a page.
 */
export const REGION_PAGES = ["/iza/zuidoost-brabant", "/iza/regio-de-peel"];

/**
 * The built pages that the browser tests visit: every page, but of the pages per IZA region only
 * REGION_PAGES (one template; the sample has eleven regions, the national scale 31 or more).
 */
export const visitedPages = (pages: readonly string[]): string[] =>
  pages.filter((path) => !/^\/iza\/./.test(path) || REGION_PAGES.includes(path));

/** The networks in the built meta.json. */
export function builtNetworks(): { name: string; slug: string }[] {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((name) => /^meta\.[0-9a-f]+\.json$/.test(name));
  if (!file) throw new Error("dist/_file/data/meta.*.json not found");
  return JSON.parse(readFileSync(join(dir, file), "utf8")).networks;
}

/** The KPI cards' texts once they have drawn and stopped changing. */
export async function kpis(page: Page): Promise<string[]> {
  const cards = page.locator("[data-kpi]");
  await cards.first().waitFor();
  let texts = await cards.allInnerTexts();
  for (;;) {
    await page.waitForTimeout(200);
    const next = await cards.allInnerTexts();
    if (JSON.stringify(next) === JSON.stringify(texts)) return texts;
    texts = next;
  }
}

/** Waits until the KPI cards show `expected`. */
export async function kpisBecome(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll("[data-kpi]")].map((e) => (e as HTMLElement).innerText),
      ) === want,
    JSON.stringify(expected),
    { timeout: 10_000 },
  );
}

export const search = (page: Page) => new URL(page.url()).search;
