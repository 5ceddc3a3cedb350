/// <reference lib="dom" />
// Helpers of the browser test (site.test.ts): the built pages, a visit that records what went
// wrong, the check that every chart has drawn, and axe-core's WCAG 2.1 AA rules.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Request,
  type Response,
} from "playwright-core";
import { startServer, type StaticServer } from "../../scripts/serve.js";
import { pooledPage, siteContext, type View } from "./page-pool.ts";

import {
  CHROMIUM_ARGS,
  MARK_SELECTOR,
  chromiumPath,
  requestsInFlight,
} from "../../scripts/chromium.js";

export { CHROMIUM_ARGS, MARK_SELECTOR, requestsInFlight };
export { builtPages } from "../../scripts/build/files.js";

/** Chromium, and a server per built site, for the test files that a worker runs. */
const browsers = new Map<string, Promise<Browser>>();
const servers = new Map<string, Promise<StaticServer>>();

/** Shares `make`'s promise under `key`, forgetting it when it fails so that a later call retries. */
function once<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let made = map.get(key);
  if (!made) {
    made = make();
    map.set(key, made);
    made.catch(() => map.delete(key));
  }
  return made;
}

/**
 * The built site `dist` served on a free port, and Chromium (CHROMIUM_PATH or Debian's). Both
 * are shared by the files that one vitest worker runs one after another (isolate is off), and
 * end with the worker: launching Chromium costs ≈ 1,4 CPU-s, and a file that finds the site's
 * pages already open (see Pool) skips their renderers' start too. Files do not close them.
 */
export async function openSite(dist: string): Promise<{ browser: Browser; server: StaticServer }> {
  if (!existsSync(join(dist, "index.html")))
    throw new Error("dist/ not built: run `npm run build`");
  const server = once(servers, dist, () => startServer(dist, 0));
  const executablePath = chromiumPath();
  const browser = once(browsers, executablePath, () =>
    chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }),
  );
  return { browser: await browser, server: await server };
}

/** The screenshot name of a page: "index", "signalen", "netwerk-slimmer-leven". */
export function screenshotName(path: string): string {
  return path === "/" ? "index" : path.replace(/^\/|\/$/g, "").replaceAll("/", "-");
}

export interface Visit {
  lang: string | null;
  requests: string[];
  failures: string[];
  errors: string[];
}

/**
 * Opens `path` at `width` px (light or dark colour scheme) with every request recorded (and none
 * but the site's own let through), waits until the network is idle, runs `check`, then leaves it.
 * The page is an open one of the same site where one is free (see Pool), cleaned before reuse.
 */
export async function visit(
  browser: Browser,
  base: string,
  path: string,
  width: number,
  check?: (page: Page) => Promise<void>,
  {
    colorScheme = "light",
    setup,
    fresh = false,
    height = 900,
    deviceScaleFactor = 1,
  }: {
    colorScheme?: "light" | "dark";
    /** The viewport's height in CSS px, and device pixels per CSS px (2: as at 200 % zoom). */
    height?: number;
    deviceScaleFactor?: number;
    /** Runs before the page loads, e.g. to route a data file (routes added later win). */
    setup?: (context: BrowserContext) => Promise<void>;
    /** A page in a context of its own, as a reader's first visit has, instead of an open one. */
    fresh?: boolean;
  } = {},
): Promise<Visit> {
  const origin = new URL(base).origin;
  const options: View = { width, height, deviceScaleFactor, colorScheme };
  let page: Page;
  let done: (ok: boolean) => Promise<void>;
  if (setup || fresh) {
    const context = await siteContext(browser, origin, options);
    await setup?.(context);
    page = await context.newPage();
    done = async () => {
      // Route handlers of requests still in flight must not outlive the context.
      await context.unrouteAll({ behavior: "ignoreErrors" });
      await context.close();
    };
  } else {
    const pooled = await pooledPage(browser, origin, options);
    page = pooled.page;
    done = pooled.release;
  }
  const result: Visit = { lang: null, requests: [], failures: [], errors: [] };
  const onRequest = (request: Request) => void result.requests.push(request.url());
  const onFailed = (request: Request) =>
    void result.failures.push(`${request.url()}: ${request.failure()?.errorText}`);
  const onResponse = (response: Response) => {
    if (response.status() >= 400)
      result.failures.push(`${response.url()}: HTTP ${response.status()}`);
  };
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === "error") result.errors.push(message.text());
  };
  const onError = (error: Error) => void result.errors.push(error.message);
  page.on("request", onRequest).on("requestfailed", onFailed).on("response", onResponse);
  page.on("console", onConsole).on("pageerror", onError);
  const detach = () => {
    page.off("request", onRequest).off("requestfailed", onFailed).off("response", onResponse);
    page.off("console", onConsole).off("pageerror", onError);
  };
  let ok = false;
  try {
    await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
    result.lang = await page.locator("html").getAttribute("lang");
    await check?.(page);
    ok = true;
  } finally {
    // Nothing the page does after the visit (aborted requests, late errors) counts for it.
    detach();
    await done(ok);
  }
  return result;
}

/** What the chart check found: charts in total, the titles of those without marks, and labels. */
export interface Charts {
  total: number;
  empty: string[];
  /** The text of every axis label (Plot's `x-axis label`, `fy-axis label`, …). */
  axisLabels: string[];
}

/** The charts on the page (run in the page; self-contained, as Playwright sends its source). */
function findCharts(selector: string): Charts {
  const plots = [...document.querySelectorAll("main svg[class^='plot-']")].filter(
    (svg) => !svg.closest("figure.rm-figure") && !/-ramp$/.test(svg.getAttribute("class") ?? ""),
  );
  const charts = [
    ...document.querySelectorAll("main figure.rm-figure"),
    ...plots,
    ...document.querySelectorAll("main svg.kpi-spark"),
  ];
  const empty = charts
    .filter((chart) => !chart.querySelector(selector))
    .map(
      (chart) =>
        chart.querySelector(".figure-title")?.textContent?.trim() ||
        chart.getAttribute("aria-label") ||
        "(grafiek zonder titel)",
    );
  const axisLabels = [...document.querySelectorAll("main svg g[aria-label$='-axis label']")].map(
    (label) => label.textContent?.trim() ?? "",
  );
  return { total: charts.length, empty, axisLabels };
}

/**
 * Waits (up to `timeout` ms) until the page's charts have drawn, then reports. A chart is a
 * figure of components/chart.js (`figure.rm-figure`), a Plot SVG outside one, or a KPI card's
 * sparkline (`svg.kpi-spark`); it has drawn when it holds a mark (MARK_SELECTOR). The page is
 * done when at least `atLeast` charts exist, none is empty, and two looks 300 ms apart agree:
 * cells that await data render after `networkidle`, so an empty page is not yet a finished one.
 */
export async function checkCharts(page: Page, atLeast = 1, timeout = 15_000): Promise<Charts> {
  // Scroll through the page, so that charts drawn only when visible are drawn.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 800) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    window.scrollTo(0, 0);
  });
  const deadline = Date.now() + timeout;
  const look = () => page.evaluate(findCharts, MARK_SELECTOR);
  let charts = await look();
  for (;;) {
    const settled = charts.total >= atLeast && charts.empty.length === 0;
    if (!settled && Date.now() >= deadline) return charts;
    await page.waitForTimeout(settled ? 300 : 100);
    const next = await look();
    if (settled && next.total === charts.total && next.empty.length === 0) return next;
    charts = next;
  }
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe-core with the WCAG 2.0/2.1 A and AA rules; returns "rule: targets" per violation. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Every rule still runs; only the violations are gathered node by node (faster).
      resultTypes: ["violations"],
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(" "))
          .join(" | ")})`,
    );
  });
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}
