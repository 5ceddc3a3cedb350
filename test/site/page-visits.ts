/// <reference lib="dom" />
// The visits of site.test.ts, each made once: a page at a width in light or dark gathers what
// every test of that page checks (the page test, the page per network, the data-quality page,
// print on A4), so no page is navigated twice for the same view. A test asks for the view it
// needs; the first to ask makes the visit, the others share its result.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  axeViolations,
  checkCharts,
  screenshotName,
  visit,
  type Charts,
  type Visit,
} from "./browser.ts";

/** Pages that hold tables and text but no chart. */
export const WITHOUT_CHARTS = new Set(["/downloads", "/methode", "/toegankelijkheid"]);

/** What the data-quality page shows (gathered on /datakwaliteit at 1280 px, light). */
export interface Quality {
  headers: string[];
  rows: number;
  rejects: number;
  changesHeadings: number;
  changes: string;
}

/** A page per network printed on A4 (gathered on /netwerk/… at 1280 px, dark). */
export interface Printed {
  hidden: boolean[];
  pdf: Buffer;
}

export interface PageView {
  result: Visit;
  charts: Charts;
  violations: string[];
  text: string;
  toggle: string | null;
  background: string;
  /** A page per network at 1280 px, light: its h1 and its signals. */
  network?: { heading: string; signals: string[] };
  quality?: Quality;
  print?: Printed;
}

async function quality(page: Page): Promise<Quality> {
  const table = page.locator("main table.quality-table");
  await table.locator("tbody tr").first().waitFor();
  const heading = page.locator("main h2", { hasText: "Sinds de vorige verversing" });
  return {
    headers: await table.locator("thead th").allTextContents(),
    rows: await table.locator("tbody tr").count(),
    rejects: await page.locator("main .data-table table").last().locator("tbody tr").count(),
    changesHeadings: await heading.count(),
    changes: await page.locator("main section.changes").innerText(),
  };
}

async function print(page: Page): Promise<Printed> {
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() =>
    ["#observablehq-sidebar", "#observablehq-footer", ".no-print"].map((selector) => {
      const element = document.querySelector(selector);
      return element === null || getComputedStyle(element).display === "none";
    }),
  );
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  return { hidden, pdf };
}

/**
 * The views of the built site served at `base`, each visited once; `run` queues a visit (at most
 * a few at once). With `screenshots`, a screenshot of each view goes there (`<page>-<width>.png`,
 * `-1280-donker.png`), and the PDF of each page per network.
 */
export function pageViews(
  browser: () => Browser,
  base: () => string,
  screenshots: string | undefined,
  run: <T>(job: () => Promise<T>) => Promise<T>,
) {
  const views = new Map<string, Promise<PageView>>();
  const make = async (path: string, width: number, dark: boolean): Promise<PageView> => {
    const network = path.startsWith("/netwerk/");
    let view: Omit<PageView, "result"> | undefined;
    const result = await run(() =>
      visit(
        browser(),
        base(),
        path,
        width,
        async (page) => {
          const toggle = await page.locator("#observablehq-sidebar-toggle").getAttribute("title");
          const charts = await checkCharts(page, WITHOUT_CHARTS.has(path) ? 0 : 1);
          const violations = await axeViolations(page);
          const text = await page.locator("body").innerText();
          const background = await page.evaluate(
            () => getComputedStyle(document.body).backgroundColor,
          );
          if (screenshots) {
            const shot = `${screenshotName(path)}-${width}${dark ? "-donker" : ""}.png`;
            await page.screenshot({ path: join(screenshots, shot), fullPage: true });
          }
          view = { toggle, charts, violations, text, background };
          if (network && !dark && width === 1280) {
            const heading = await page.locator("main h1").innerText();
            view.network = {
              heading,
              signals: await page.locator(".signal-list li").allInnerTexts(),
            };
          }
          if (path === "/datakwaliteit" && !dark && width === 1280)
            view.quality = await quality(page);
          if (network && dark && width === 1280) view.print = await print(page);
        },
        { colorScheme: dark ? "dark" : "light" },
      ),
    );
    if (!view) throw new Error(`${path}: the page was not checked`);
    if (view.print && screenshots) {
      writeFileSync(join(screenshots, `${screenshotName(path)}.pdf`), view.print.pdf);
    }
    return { result, ...view };
  };
  /** The view of `path` at `width` px, light or dark, visiting it when no test has yet. */
  return (path: string, width: number, dark = false): Promise<PageView> => {
    const key = `${path} ${width} ${dark ? "dark" : "light"}`;
    let view = views.get(key);
    if (!view) {
      view = make(path, width, dark);
      views.set(key, view);
    }
    return view;
  };
}
