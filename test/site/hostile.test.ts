/// <reference lib="dom" />
// Hostile names in the browser: every organisation and project name in the built site's data is
// replaced, as the pages load it, by markup or a spreadsheet formula (Playwright routing, so no
// second site build is needed). Every page must show them as plain text: no dialog, no injected
// element, no script error. Needs dist/ (npm run build) and Chromium, like site.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DataType, tableFromIPC } from "apache-arrow";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { arrowIpc, type Column } from "../../loaders/arrow.ts";
import { builtPages, checkCharts, openSite, requestsInFlight } from "./browser.ts";
import { visitedPages } from "./url-pages.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

const hostileOrganisation = (n: number) => `<img src=x onerror=alert(${n})>`;
const hostileProject = (n: number) => `=HYPERLINK("http://x/${n}","klik")`;
/** An organisation name that tries to leave an attribute value. */
const hostileAttribute = `"><svg onload=alert("attr")>`;

/** The JSON text of a string's content (between its quotes). */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Replacements for the JSON data files: each organisation and project name, as a whole JSON
 * string or quoted inside a message, becomes a hostile one (unique, so the pages' logic holds).
 */
function replacements(): [string, string][] {
  // The graphs come in one file per scope (dist/data/netwerkgraaf/<key>.json), the projects in
  // one list file per network (dist/data/projecten/<network>.json).
  const graphs = join(dist, "data", "netwerkgraaf");
  const organisations = [
    ...new Set(
      readdirSync(graphs).flatMap((name) =>
        (
          JSON.parse(readFileSync(join(graphs, name), "utf8")) as { nodes: { name: string }[] }
        ).nodes.map((n) => n.name),
      ),
    ),
  ];
  const lists = join(dist, "data", "projecten");
  const projects = [
    ...new Set(
      readdirSync(lists).flatMap((name) =>
        (JSON.parse(readFileSync(join(lists, name), "utf8")) as { project_name: string }[]).map(
          (p) => p.project_name,
        ),
      ),
    ),
  ];
  const pairs: [string, string][] = [
    ...organisations.map((name, i): [string, string] => [
      name,
      i === 0 ? hostileAttribute : hostileOrganisation(i),
    ]),
    ...projects.map((name, i): [string, string] => [name, hostileProject(i)]),
  ];
  return pairs;
}

/** The replacements in JSON text: a name as a whole string, or quoted inside a message. */
const inJsonText = (pairs: [string, string][]): [string, string][] =>
  pairs.flatMap(([from, to]) => [
    [`"${inJson(from)}"`, `"${inJson(to)}"`],
    [`\\"${inJson(from)}\\"`, `\\"${inJson(to)}\\"`],
  ]);

/**
 * The same replacements in an Arrow IPC payload (docs/data/*.arrow): a text cell that is a name,
 * or a name quoted inside a message; returns the new payload and how many names it replaced.
 */
function hostileArrow(bytes: Uint8Array, pairs: [string, string][]): [Uint8Array, number] {
  const table = tableFromIPC(bytes);
  const names = new Map(pairs);
  let replaced = 0;
  const columns: Column[] = table.schema.fields.map((f) => ({
    name: f.name,
    type: DataType.isInt(f.type)
      ? "integer"
      : DataType.isFloat(f.type)
        ? "number"
        : DataType.isBool(f.type)
          ? "boolean"
          : "text",
  }));
  const rows = table.toArray().map((row: { toJSON(): Record<string, unknown> }) => {
    const cells = row.toJSON();
    for (const [key, value] of Object.entries(cells)) {
      if (typeof value !== "string") continue;
      let text = names.get(value) ?? value;
      if (text !== value) replaced += 1;
      for (const [from, to] of pairs) {
        const parts = text.split(`"${from}"`);
        replaced += parts.length - 1;
        text = parts.join(`"${to}"`);
      }
      cells[key] = text;
    }
    return cells;
  });
  return [arrowIpc(columns, rows), replaced];
}

interface Seen {
  dialogs: string[];
  errors: string[];
  injected: number;
  text: string;
}

describe("hostile organisation and project names in the browser", () => {
  let browser: Browser;
  let server: StaticServer;
  let pairs: [string, string][] = [];
  let setupError: unknown = null;

  beforeAll(async () => {
    try {
      pairs = replacements();
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  /**
   * A tab whose data files come with hostile names, for several pages one after another: one
   * context and page per worker (a new page would start a renderer, ≈ 2 CPU-s each).
   */
  async function tab(): Promise<{
    open: (path: string) => Promise<Seen & { replaced: number }>;
    close: () => Promise<void>;
  }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const network = requestsInFlight(page);
    // What the page in view has shown; null between visits, so that a late reply of the previous
    // page (its requests are aborted when the next one loads) counts for none.
    let seen: (Seen & { replaced: number }) | null = null;
    await context.route(
      /\/(?:_file\/data|_file\/netwerk\/data|_file\/iza\/data|data\/projecten|data\/bijeenkomsten|data\/netwerkgraaf)\/[^/?]+\.(?:json|arrow)(?:\?.*)?$/,
      async (route) => {
        const current = seen;
        try {
          // Once more when the first try fails: the tab's request context keeps its sockets
          // open between pages, and the server may close an idle one as it is reused
          // (ECONNRESET).
          const response = await route.fetch().catch(() => route.fetch());
          if (/\.arrow(?:\?.*)?$/.test(route.request().url())) {
            const [bytes, count] = hostileArrow(new Uint8Array(await response.body()), pairs);
            if (current) current.replaced += count;
            await route.fulfill({ response, body: Buffer.from(bytes) });
            return;
          }
          let body = await response.text();
          for (const [from, to] of inJsonText(pairs)) {
            const parts = body.split(from);
            if (current) current.replaced += parts.length - 1;
            body = parts.join(to);
          }
          await route.fulfill({ response, body });
        } catch (error) {
          // A request of a page no longer in view may be gone by now; one in view may not.
          if (current && current === seen) throw error;
        }
      },
    );
    page.on("dialog", (dialog) => {
      seen?.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => void seen?.errors.push(error.message));
    const open = async (path: string) => {
      const current: Seen & { replaced: number } = {
        dialogs: [],
        errors: [],
        injected: 0,
        text: "",
        replaced: 0,
      };
      seen = current;
      try {
        await page.goto(new URL(path, server.url).href, { waitUntil: "networkidle" });
        await checkCharts(page, 0, 5_000);
        // Files fetched once the first charts are drawn (the graph and the project list of
        // /projecten) arrive after them: wait until no request has been in flight for 500 ms,
        // then for a frame, so that what they bring is on the page.
        expect(await network.quiet(), `${path}: requests still in flight after 10 s`).toBe(true);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        Object.assign(
          current,
          await page.evaluate(() => ({
            injected: document.querySelectorAll(
              'img[src="x"], [onerror], [onload], svg svg[onload]',
            ).length,
            text: [
              document.body.innerText,
              ...[...document.querySelectorAll("title, [aria-label], [title]")].map(
                (e) =>
                  `${e.textContent} ${e.getAttribute("aria-label") ?? ""} ${e.getAttribute("title") ?? ""}`,
              ),
            ].join("\n"),
          })),
        );
      } finally {
        seen = null;
        await page.goto("about:blank");
      }
      return current;
    };
    const close = async () => {
      // A handler still fetching must not outlive the context (route.fetch would throw
      // "Request context disposed").
      await context.unrouteAll({ behavior: "ignoreErrors" });
      await context.close();
    };
    return { open, close };
  }

  it("every page shows them as text: no dialog, no injected element, no script error", async () => {
    if (setupError) throw setupError;
    const shown = {
      organisation: [] as string[],
      attribute: [] as string[],
      project: [] as string[],
    };
    let replaced = 0;
    // Three tabs at a time in the one browser: one page's waits overlap another's work.
    const paths = visitedPages(builtPages(dist));
    const seenOn: (Seen & { replaced: number })[] = [];
    let next = 0;
    const worker = async () => {
      const { open, close } = await tab();
      try {
        for (let i = next++; i < paths.length; i = next++) seenOn[i] = await open(paths[i]!);
      } finally {
        await close();
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    for (const [i, path] of paths.entries()) {
      const seen = seenOn[i]!;
      replaced += seen.replaced;
      expect(seen.dialogs, `${path}: dialogs`).toEqual([]);
      expect(seen.injected, `${path}: injected elements`).toBe(0);
      expect(seen.errors, `${path}: script errors`).toEqual([]);
      if (/<img src=x onerror=alert\(\d+\)>/.test(seen.text)) shown.organisation.push(path);
      if (seen.text.includes(hostileAttribute)) shown.attribute.push(path);
      if (/=HYPERLINK\("http:\/\/x\/\d+","klik"\)/.test(seen.text)) shown.project.push(path);
    }
    console.log(`${replaced} names made hostile; shown as text on: ${JSON.stringify(shown)}`);
    expect(replaced).toBeGreaterThan(100);
    expect(shown.project).toEqual(expect.arrayContaining(["/projecten", "/iza/zuidoost-brabant"]));
    expect(shown.organisation.length).toBeGreaterThan(0);
    expect(shown.organisation).toEqual(expect.arrayContaining(["/netwerk/slimmer-leven"]));
    expect(shown.attribute.length).toBeGreaterThan(0);
  }, 300_000);
});
