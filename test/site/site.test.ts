/// <reference lib="dom" />
// Loads the built dashboard (dist/) in Chromium and checks what a visitor gets on every page, at
// 1280 and 390 px: Dutch, no console error, no failed request, nothing from another origin, every
// chart drawn, no WCAG 2.1 AA violation (axe-core); with REGIOMONITOR_SCREENSHOTS=1 also a
// screenshot of every view and the PDF of every page per network in test/screenshots/. Then
// the network selector, the downloads and the pages per network. Builds nothing itself: `npm run
// build` (REGIOMONITOR_SKIP_REFRESH=1 for the site alone) must have run first; without dist/ or
// Chromium the tests fail, they are never skipped. Each view of a page (path, width, light or
// dark) is loaded once and shared by the tests that check it (page-visits.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { outputTables } from "../../src/output/tables.ts";
import { openSite, builtPages, visit } from "./browser.ts";
import { pageViews, WITHOUT_CHARTS } from "./page-visits.ts";
import { visitedPages } from "./url-pages.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");
/**
 * Where the views' screenshots go, when asked for: nothing checks them (they are for a person to
 * look at), and they cost site.test ≈ 20 CPU-s (bench/README.md, npm test time round 10).
 */
const screenshots = process.env.REGIOMONITOR_SCREENSHOTS
  ? join(root, "test", "screenshots")
  : undefined;
const WIDTHS = [1280, 390];

/**
 * The pages of the dashboard issue (the one per network under /netwerk/), the survey page (issue
 * 14) and the accessibility statement (issue 16).
 */
const PAGES = [
  "/",
  "/leden",
  "/projecten",
  "/bijeenkomsten",
  "/financiering",
  "/wederkerigheid",
  "/enquete",
  "/iza/",
  "/signalen",
  "/datakwaliteit",
  "/downloads",
  "/methode",
  "/toegankelijkheid",
];

/** The built pages; of the pages per IZA region (issue 16) only REGION_PAGES. */
const pages = visitedPages(existsSync(join(dist, "index.html")) ? builtPages(dist) : []);

/** The networks in the built meta.json (dist/_file/data/meta.<hash>.json). */
function builtNetworks(): { name: string; slug: string }[] {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((name) => /^meta\.[0-9a-f]+\.json$/.test(name));
  if (!file) throw new Error("dist/_file/data/meta.*.json not found");
  return JSON.parse(readFileSync(join(dir, file), "utf8")).networks;
}

/**
 * At most `n` visits at once: the page tests run concurrently in one browser, so that one page's
 * waits (network idle, charts settling) overlap another's work, without starving two cores.
 */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
const VISITS = limiter(Number(process.env.SITE_VISITS ?? 3));

describe("built site (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  /** A visit (see browser.ts) that waits for its turn. */
  const open = (...args: Parameters<typeof visit>) => VISITS(() => visit(...args));
  /** A page at a width, light or dark, visited once for every test that checks it. */
  const view = pageViews(
    () => browser,
    () => server.url,
    screenshots,
    VISITS,
  );
  // Vitest reports the tests of a failed beforeAll as skipped: keep the error and fail each test.
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      if (screenshots) mkdirSync(screenshots, { recursive: true });
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  it("has every page of the dashboard, and one per network", () => {
    ready();
    expect(pages).toEqual(expect.arrayContaining(PAGES));
    const networks = builtNetworks();
    expect(networks.length).toBeGreaterThan(0);
    expect(pages.filter((p) => p.startsWith("/netwerk/")).sort()).toEqual(
      networks.map((n) => `/netwerk/${n.slug}`).sort(),
    );
  });

  it("serves clean URLs, assets with their content type, and a 404 page", async () => {
    ready();
    const get = (path: string) => fetch(new URL(path, server.url), { redirect: "manual" });
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect((await get("/index")).status).toBe(200);
    const missing = await get("/bestaat-niet");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Pagina niet gevonden");
    expect((await get("/..%2Fpackage.json")).status).toBe(404);
    const css = (await home.text()).match(/href="\.\/(_import\/style\.[^"]+\.css)"/)?.[1];
    expect(css, "stylesheet link in index.html").toBeDefined();
    expect((await get(`/${css}`)).headers.get("content-type")).toBe("text/css; charset=utf-8");
  });

  // One test per page, the pages concurrently; its two widths load side by side.
  it.concurrent.for(pages)(
    "%s: Dutch, no errors, charts drawn, no axe violations, at 1280 and 390 px",
    { timeout: 120_000 },
    async (path, { expect }) => {
      ready();
      const check = async (width: number) => ({ width, ...(await view(path, width)) });
      for (const { width, result, charts, violations, text, toggle } of await Promise.all(
        WIDTHS.map(check),
      )) {
        const at = `${path} at ${width}px`;
        expect(result.lang, at).toBe("nl");
        expect(toggle, `sidebar toggle title on ${at}`).toMatch(/^Zijbalk/);
        expect(result.errors, `console errors on ${at}`).toEqual([]);
        expect(result.failures, `failed requests on ${at}`).toEqual([]);
        expect(
          result.requests.filter((url) => !url.startsWith(server.url)),
          `requests to another origin from ${at}`,
        ).toEqual([]);
        expect(charts.empty, `charts without marks on ${at}`).toEqual([]);
        if (!WITHOUT_CHARTS.has(path)) expect(charts.total, `charts on ${at}`).toBeGreaterThan(0);
        // A Plot default such as "value" or "period_end" means a chart lacks its Dutch label.
        expect(
          charts.axisLabels.filter((label) => /^[↑↓←→ ]*[a-z_]+[↑↓←→ ]*$/.test(label)),
          `axis labels that are column names on ${at}`,
        ).toEqual([]);
        expect(violations, `axe-core (WCAG 2.1 AA) on ${at}`).toEqual([]);
        for (const english of ["Built with", "Contents", "Search", "Previous page", "Next page"]) {
          expect(text, `English interface text on ${at}`).not.toContain(english);
        }
      }
    },
  );

  // Dark mode: the theme follows the visitor's setting; every chart must still draw, and text
  // and marks must keep their contrast (axe-core's color-contrast among the WCAG rules).
  it.concurrent.for(pages)(
    "%s in dark mode: charts drawn, no axe violations",
    { timeout: 120_000 },
    async (path, { expect }) => {
      ready();
      const { result, charts, violations, background } = await view(path, 1280, true);
      expect(result.errors, `console errors on ${path} (dark)`).toEqual([]);
      expect(charts.empty, `charts without marks on ${path} (dark)`).toEqual([]);
      expect(violations, `axe-core (WCAG 2.1 AA) on ${path} (dark)`).toEqual([]);
      // A dark page indeed: the background's channels are all low.
      const channels = background.match(/\d+/g)?.slice(0, 3).map(Number) ?? [];
      expect(Math.max(...channels), `background ${background}`).toBeLessThan(80);
    },
  );

  it.concurrent(
    "a page per network prints on A4: no navigation, every chart, at most four pages",
    async ({ expect }) => {
      ready();
      for (const network of builtNetworks()) {
        const { charts, print } = await view(`/netwerk/${network.slug}`, 1280, true);
        const { hidden, pdf } = print!;
        expect(charts.empty, `charts without marks on /netwerk/${network.slug}`).toEqual([]);
        expect(hidden, "sidebar, footer and buttons hidden in print").toEqual([true, true, true]);
        const pageCount = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        expect(pageCount, `A4 pages of /netwerk/${network.slug}`).toBeGreaterThan(0);
        expect(pageCount, `A4 pages of /netwerk/${network.slug}`).toBeLessThanOrEqual(4);
      }
    },
    120_000,
  );

  it.concurrent("network selector on Overzicht changes the KPI values", async ({ expect }) => {
    ready();
    let before: string[] = [];
    let after: string[] = [];
    const result = await open(browser, server.url, "/", 1280, async (page) => {
      const select = page.getByLabel("Netwerk", { exact: true });
      const kpis = page.locator("[data-kpi]");
      await kpis.first().waitFor();
      before = await kpis.allInnerTexts();
      const options = await select
        .locator("option")
        .evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
      expect(options.length, "options of the network selector").toBeGreaterThan(1);
      await select.selectOption(options[1]!);
      await page.waitForFunction(
        (old) =>
          JSON.stringify(
            [...document.querySelectorAll("[data-kpi]")].map((e) => (e as HTMLElement).innerText),
          ) !== old,
        JSON.stringify(before),
        { timeout: 5000 },
      );
      after = await kpis.allInnerTexts();
    });
    expect(result.errors).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
  });

  /** The link of an output table's CSV, Excel-NL CSV or Parquet file. */
  const TABLE_LINK = /\/bestanden\/[a-z_]+\.(?:csv|nl\.csv|parquet)$/;

  it("download links return their files: CSV, Excel-NL CSV, Parquet, the workbook and the dictionaries", async () => {
    ready();
    let links: { href: string; download: string }[] = [];
    await visit(browser, server.url, "/downloads", 1280, async (page) => {
      // The page renders its links cell by cell: wait (up to 15 s) until every table's three
      // are there, not only the first link, so that a busy machine cannot cut the list short.
      await page
        .waitForFunction(
          ([source, n]) =>
            [...document.querySelectorAll("a[download]")].filter((a) =>
              new RegExp(source).test((a as HTMLAnchorElement).href),
            ).length >= n,
          [TABLE_LINK.source, 3 * outputTables.length] as const,
          { timeout: 15_000 },
        )
        .catch(() => undefined); // the count is asserted below, with what was there
      links = await page.locator("a[download]").evaluateAll((as) =>
        as.map((a) => ({
          href: (a as HTMLAnchorElement).href,
          download: a.getAttribute("download") ?? "",
        })),
      );
    });
    const tables = new Set(links.map((l) => l.href).filter((href) => TABLE_LINK.test(href)));
    expect(tables.size, "three links per output table").toBe(3 * outputTables.length);
    expect(links.map((l) => l.download)).toContain("regiomonitor.xlsx");
    for (const link of links) {
      const response = await fetch(link.href);
      expect(response.status, link.href).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = new TextDecoder().decode(bytes.slice(0, 200));
      if (link.download.endsWith(".nl.csv")) {
        expect([...bytes.slice(0, 3)], `BOM of ${link.download}`).toEqual([0xef, 0xbb, 0xbf]);
        expect(text.split("\r\n")[0], `header of ${link.download}`).toContain(";");
      } else if (link.download.endsWith(".csv")) {
        expect(bytes[0], `no BOM in ${link.download}`).not.toBe(0xef);
        expect(text.split("\n")[0], `header of ${link.download}`).toMatch(
          /^[a-z0-9_]+(,[a-z0-9_]+)+\r?$/,
        );
      } else if (link.download.endsWith(".xlsx")) {
        expect(link.download).toBe("regiomonitor.xlsx");
        expect([...bytes.slice(0, 4)], `zip magic of ${link.download}`).toEqual([0x50, 0x4b, 3, 4]);
      } else {
        expect(link.download).toMatch(/\.parquet$/);
        expect(text.slice(0, 4), `magic of ${link.download}`).toBe("PAR1");
      }
    }
  });

  it.concurrent(
    "a page per network names its network and lists its own signals only",
    async ({ expect }) => {
      ready();
      for (const network of builtNetworks()) {
        const { heading, signals } = (await view(`/netwerk/${network.slug}`, 1280)).network!;
        for (const item of signals) expect(item).toContain(network.name);
        expect(heading).toBe(network.name);
      }
    },
  );

  it.concurrent(
    "the data-quality page lists every file and every rejected row",
    async ({ expect }) => {
      ready();
      const quality = (await view("/datakwaliteit", 1280)).quality!;
      expect(quality.headers).toEqual([
        "Bestand",
        "Status",
        "Gelezen",
        "Geladen",
        "Afgewezen",
        "Waarschuwingen",
        "Toelichting",
      ]);
      expect(quality.rows).toBeGreaterThan(0);
      expect(quality.rejects).toBeGreaterThan(0);
      // "Sinds de vorige verversing" (issue 16): a first refresh, or a later build's comparison
      expect(quality.changesHeadings).toBe(1);
      expect(quality.changes).toMatch(
        /^(Geen vorige verversing: er is niets om mee te vergelijken\.|Vergeleken met de vorige verversing \(peildatum \d\d-\d\d-\d{4})/,
      );
    },
  );
});
