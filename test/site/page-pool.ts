// The open pages of the browser tests' visits (browser.ts): a page is reused from visit to visit
// of the same site, since a new one costs a renderer's start.
import type { Browser, BrowserContext, Page } from "playwright-core";

/**
 * Open pages, kept per browser, device scale and site origin between visits. A new page starts a
 * renderer process, about 2 CPU-s of Chromium's time before the site has done anything; a
 * navigation in an open page of the same site keeps its renderer (8 visits: 25 against 5 CPU-s).
 * A visit with its own `setup` (routes), or one asked `fresh`, gets a context of its own instead.
 */
interface Pool {
  context: Promise<BrowserContext>;
  idle: Page[];
}
const pools = new WeakMap<Browser, Map<string, Pool>>();

/** What a visit sets up: the viewport in CSS px, device pixels per CSS px, the colour scheme. */
export interface View {
  width: number;
  height: number;
  deviceScaleFactor: number;
  colorScheme: "light" | "dark";
}

/** A context whose requests go only to `origin`: every other request is aborted. */
export async function siteContext(
  browser: Browser,
  origin: string,
  options: View,
): Promise<BrowserContext> {
  const { width, height, deviceScaleFactor, colorScheme } = options;
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    locale: "nl-NL",
    colorScheme,
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort("blockedbyclient");
  });
  return context;
}

/** An open page for a visit from the pool of `browser` (a new one when none is free). */
export async function pooledPage(
  browser: Browser,
  origin: string,
  options: View,
): Promise<{ page: Page; release: (reuse: boolean) => Promise<void> }> {
  const { width, height, deviceScaleFactor, colorScheme } = options;
  let byKey = pools.get(browser);
  if (!byKey) pools.set(browser, (byKey = new Map()));
  const key = `${deviceScaleFactor} ${origin}`;
  let pool = byKey.get(key);
  if (!pool) byKey.set(key, (pool = { context: siteContext(browser, origin, options), idle: [] }));
  const { idle } = pool;
  const page = idle.pop() ?? (await (await pool.context).newPage());
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ media: null, colorScheme });
  const release = async (reuse: boolean) => {
    if (reuse && !page.isClosed()) {
      try {
        // What a visit leaves behind in the tab: stored state, then the document itself.
        await page.evaluate(() => {
          sessionStorage.clear();
          localStorage.clear();
        });
        await page.goto("about:blank");
        idle.push(page);
        return;
      } catch {
        // A page that cannot be cleaned is not reused.
      }
    }
    await page.close().catch(() => undefined);
  };
  return { page, release };
}
