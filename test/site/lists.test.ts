/// <reference lib="dom" />
// The long tables in the browser (loaders/lists.ts, docs/components/lists.js, table.js): a page
// fetches only the chosen network's list, "alle netwerken" above AT_ONCE rows only on request,
// and the tables show 100 rows at a time. Needs dist/ (npm run build) and Chromium.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { openSite, visit } from "./browser.ts";

const dist = fileURLToPath(new URL("../../dist", import.meta.url));

interface Summary {
  scopes: Record<string, { total: number; last_year: number }>;
  lists: { key: string; network: string | null; rows: number }[];
  graphs?: { scope: string; key: string }[];
}

/** The description of the drawn co-participation graph. */
const graphLabel = (page: Page) => page.locator("svg.network-graph").getAttribute("aria-label");

/** What the description should say for a built graph file. */
function graphLabelOf(key: string): string {
  const file = join(dist, "data", "netwerkgraaf", `${key}.json`);
  const graph = JSON.parse(readFileSync(file, "utf8")) as { nodes: unknown[]; links: unknown[] };
  return `Netwerkdiagram met ${graph.nodes.length} leden en ${graph.links.length} verbindingen`;
}

/** A built data file of dist/_file/data by its name before the content hash. */
function built(name: string): Summary {
  const folder = join(dist, "_file", "data");
  const file = readdirSync(folder).find((f) => f.startsWith(`${name}.`) && f.endsWith(".json"));
  if (!file) throw new Error(`${name}.*.json not in dist/_file/data`);
  return JSON.parse(readFileSync(join(folder, file), "utf8")) as Summary;
}

const lists = (requests: string[], kind: string) =>
  requests
    .map((url) => new URL(url).pathname)
    .filter((path) => path.startsWith(`/data/${kind}/`))
    .sort();

describe("per-network lists and paged tables", () => {
  let browser: Browser;
  let server: StaticServer;
  let setupError: unknown = null;

  beforeAll(async () => {
    try {
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("Projecten loads every list for all networks, then only the chosen network's", async () => {
    if (setupError) throw setupError;
    const summary = built("projects_summary");
    const network = summary.lists[0]!;
    const graphLabels: (string | null)[] = [];
    const captions: string[] = [];
    let pager = "";
    let afterNext = { pager: "", rows: 0 };
    const result = await visit(browser, server.url, "/projecten", 1280, async (page) => {
      const caption = page.locator(".project-table caption");
      await caption.waitFor();
      captions.push(await caption.innerText());
      graphLabels.push(await graphLabel(page));
      pager = await page.locator(".project-table .table-pager span").innerText();
      await page.getByRole("button", { name: "Volgende 100" }).click();
      afterNext = {
        pager: await page.locator(".project-table .table-pager span").innerText(),
        rows: await page.locator(".project-table tbody tr").count(),
      };
      await page.getByLabel("Netwerk", { exact: true }).selectOption(String(network.network));
      await page.waitForFunction(
        (name) => document.querySelector(".project-table caption")?.textContent?.includes(name),
        String(network.network),
      );
      captions.push(await caption.innerText());
      const chosen = summary.graphs!.find((g) => g.scope === network.network)!.key;
      await page.locator(`svg.network-graph[aria-label^="${graphLabelOf(chosen)};"]`).waitFor();
      graphLabels.push(await graphLabel(page));
    });
    expect(result.errors).toEqual([]);
    expect(result.failures).toEqual([]);
    const total = summary.scopes.alle!.total;
    expect(captions[0]).toContain(`${total} projecten van alle netwerken`);
    expect(pager).toBe(`Rijen 1–100 van ${total}`);
    expect(afterNext).toEqual({ pager: `Rijen 101–${total} van ${total}`, rows: total - 100 });
    expect(captions[1]).toContain(`${network.rows} projecten van ${network.network}`);
    // All lists once for "alle", then the chosen network's once more; never another's.
    const expected = [...summary.lists.map((l) => l.key), network.key]
      .map((key) => `/data/projecten/${key}.json`)
      .sort();
    expect(lists(result.requests, "projecten")).toEqual(expected);
    // The graph of all networks, then only the chosen network's, each drawn as its file says.
    const graphKey = (scope: string) => summary.graphs!.find((g) => g.scope === scope)!.key;
    const keys = [graphKey("alle"), graphKey(String(network.network))];
    expect(keys[0]).toBe("alle--netwerken");
    expect(lists(result.requests, "netwerkgraaf")).toEqual(
      keys.map((key) => `/data/netwerkgraaf/${key}.json`).sort(),
    );
    expect(graphLabels.map((l) => l?.split(";")[0])).toEqual(keys.map(graphLabelOf));
  });

  it("Bijeenkomsten loads all networks' meetings only on request when there are many", async () => {
    if (setupError) throw setupError;
    const summary = built("events_summary");
    const count = summary.scopes.alle!.last_year;
    let before: string[] = [];
    let caption = "";
    const seen: string[] = [];
    const result = await visit(
      browser,
      server.url,
      "/bijeenkomsten",
      1280,
      async (page) => {
        const button = page.locator(".lazy-list button");
        await button.waitFor();
        before = lists(seen, "bijeenkomsten");
        await button.click();
        const captionLocator = page.locator(".data-table caption");
        await captionLocator.waitFor();
        caption = await captionLocator.innerText();
      },
      {
        // As at national scale: the lists say they hold 10.000 rows each.
        setup: async (context) => {
          context.on("request", (request) => void seen.push(request.url()));
          await context.route(/\/_file\/data\/events_summary\.[^/]+\.json$/, async (route) => {
            const response = await route.fetch();
            const body = (await response.json()) as Summary;
            for (const list of body.lists) list.rows = 10_000;
            await route.fulfill({ response, json: body });
          });
        },
      },
    );
    expect(result.errors).toEqual([]);
    expect(before).toEqual([]);
    expect(caption).toContain(`${count} bijeenkomsten van alle netwerken`);
    expect(lists(result.requests, "bijeenkomsten")).toEqual(
      summary.lists.map((l) => `/data/bijeenkomsten/${l.key}.json`).sort(),
    );
  });
});
