/// <reference lib="dom" />
// The pages whose issue asks for both widths in both colour schemes (issue 14: the survey page
// and the reciprocity profile; issue 16: the pages per IZA region): site.test.ts visits every
// page at 1280 and 390 px light and at 1280 px dark; this adds 390 px dark for these. Needs
// dist/ (npm run build) and Chromium, like site.test.ts.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { axeViolations, checkCharts, openSite, visit } from "./browser.ts";
import { findOverflow } from "./reflow.ts";
import { REGION_PAGES, dist } from "./url-pages.ts";

/** The pages checked at 390 px in dark mode. */
const DARK_PHONE_PAGES = ["/enquete", "/wederkerigheid", ...REGION_PAGES];

describe("390 px in dark mode (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  let setupError: unknown = null;

  beforeAll(async () => {
    try {
      if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ not built");
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  it.concurrent.for(DARK_PHONE_PAGES)(
    "%s at 390 px, dark: charts drawn, no errors, no axe violations, no horizontal scroll",
    { timeout: 120_000 },
    async (path, { expect }) => {
      if (setupError) throw setupError;
      let empty: string[] = [];
      let total = 0;
      let violations: string[] = [];
      let offenders: string[] = [];
      let background = "";
      const result = await visit(
        browser,
        server.url,
        path,
        390,
        async (page) => {
          await page.locator("main").first().waitFor();
          ({ empty, total } = await checkCharts(page));
          violations = await axeViolations(page);
          background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          ({ offenders } = await page.evaluate(findOverflow));
        },
        { colorScheme: "dark" },
      );
      expect(result.errors, `console errors on ${path}`).toEqual([]);
      expect(result.failures, `failed requests on ${path}`).toEqual([]);
      expect(total, `charts on ${path}`).toBeGreaterThan(0);
      expect(empty, `charts without marks on ${path}`).toEqual([]);
      expect(violations, `axe-core (WCAG 2.1 AA) on ${path}`).toEqual([]);
      expect(offenders, `what scrolls sideways on ${path} (reflow.ts)`).toEqual([]);
      const channels = background.match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
      expect(Math.max(...channels), `dark background on ${path}`).toBeLessThan(80);
    },
  );
});
