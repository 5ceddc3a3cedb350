// Loads the built dashboard (dist/) in Chromium and checks what a visitor gets: Dutch, no errors,
// nothing fetched from another origin, the data-quality table filled. Builds nothing itself:
// `npm run build` (REGIOMONITOR_SKIP_REFRESH=1 for the site alone) must have run first.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type StaticServer } from "../../scripts/serve.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");
const screenshots = join(root, "test", "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WIDTHS = [1280, 390];

/** Every page in dist/ as its clean URL path ("/", "/netwerken", "/dir/"), except the 404 page. */
function builtPages(dir = dist, prefix = "/"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      return entry.name.startsWith("_")
        ? []
        : builtPages(join(dir, entry.name), `${prefix}${entry.name}/`);
    }
    if (!entry.name.endsWith(".html") || (prefix === "/" && entry.name === "404.html")) return [];
    return [
      entry.name === "index.html" ? prefix : `${prefix}${entry.name.slice(0, -".html".length)}`,
    ];
  });
}

interface Visit {
  lang: string | null;
  requests: string[];
  failures: string[];
  errors: string[];
}

/** Opens `path` at `width` px, records every request and error, saves a full-page screenshot. */
async function visit(
  browser: Browser,
  base: string,
  path: string,
  width: number,
  check?: (page: Page) => Promise<void>,
): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "nl-NL" });
  const page = await context.newPage();
  const result: Visit = { lang: null, requests: [], failures: [], errors: [] };
  const origin = new URL(base).origin;
  // Record every request; let none but our own server's through.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(`${origin}/`) ? route.continue() : route.abort("blockedbyclient");
  });
  page.on("request", (request) => void result.requests.push(request.url()));
  page.on(
    "requestfailed",
    (request) => void result.failures.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400)
      result.failures.push(`${response.url()}: HTTP ${response.status()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") result.errors.push(message.text());
  });
  page.on("pageerror", (error) => void result.errors.push(error.message));
  try {
    await page.goto(new URL(path, base).href, { waitUntil: "networkidle" });
    await check?.(page);
    result.lang = await page.locator("html").getAttribute("lang");
    const name = path === "/" ? "index" : path.replace(/^\/|\/$/g, "").replaceAll("/", "-");
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
  } finally {
    await context.close();
  }
  return result;
}

describe("built site (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    if (!existsSync(join(dist, "index.html"))) {
      throw new Error("dist/index.html not found: run `npm run build` before the site test");
    }
    if (!existsSync(executablePath)) {
      throw new Error(
        `Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
      );
    }
    mkdirSync(screenshots, { recursive: true });
    server = await startServer(dist, 0);
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("serves clean URLs, assets with their content type, and a 404 page", async () => {
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

  it("start page: Dutch, no errors, nothing from another origin, quality table filled", async () => {
    for (const width of WIDTHS) {
      let rows = 0;
      const result = await visit(browser, server.url, "/", width, async (page) => {
        const table = page.locator("main table.quality-table");
        await table.locator("tbody tr").first().waitFor();
        rows = await table.locator("tbody tr").count();
        expect(await table.locator("thead th").allTextContents()).toEqual([
          "Bestand",
          "Status",
          "Gelezen",
          "Geladen",
          "Afgewezen",
          "Waarschuwingen",
          "Toelichting",
        ]);
        const text = await page.locator("body").innerText();
        for (const english of ["Built with", "Contents", "Search", "Previous page", "Next page"]) {
          expect(text, `English interface text at ${width}px`).not.toContain(english);
        }
        expect(await page.locator("#observablehq-sidebar-toggle").getAttribute("title")).toMatch(
          /^Zijbalk/,
        );
      });
      expect(rows, `quality table rows at ${width}px`).toBeGreaterThan(0);
      expect(result.lang).toBe("nl");
      expect(result.errors, `console errors at ${width}px`).toEqual([]);
      expect(result.failures, `failed requests at ${width}px`).toEqual([]);
      expect(
        result.requests.filter((url) => !url.startsWith(server.url)),
        "requests to another origin",
      ).toEqual([]);
      expect(result.requests.length).toBeGreaterThan(1);
    }
  });

  it("every other page: Dutch, no errors, nothing from another origin", async () => {
    for (const path of builtPages().filter((path) => path !== "/")) {
      for (const width of WIDTHS) {
        const result = await visit(browser, server.url, path, width);
        expect(result.lang, path).toBe("nl");
        expect(result.errors, `console errors on ${path} at ${width}px`).toEqual([]);
        expect(result.failures, `failed requests on ${path} at ${width}px`).toEqual([]);
        expect(
          result.requests.filter((url) => !url.startsWith(server.url)),
          `requests to another origin from ${path}`,
        ).toEqual([]);
      }
    }
  });
});
