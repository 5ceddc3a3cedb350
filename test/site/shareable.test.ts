/// <reference lib="dom" />
// Shareable views in Chromium (docs/components/url-state.js): a link with `?netwerk=<slug>` opens
// a page with that network's numbers, a change of the selector updates the URL, the back button
// restores the previous choice, an unknown value shows "alle" and a note. (Axe and the keyboard:
// shareable-a11y.test.ts.)
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { slugify } from "../../src/site/keys.ts";
import { openSite, visit } from "./browser.ts";
import { builtNetworks, dist, kpis, kpisBecome, search } from "./url-pages.ts";

/** The pages with the network selector (scope.js scopeSelect with `url`). */
const NETWORK_PAGES = ["/", "/leden", "/projecten", "/bijeenkomsten", "/financiering"];

describe("shareable views in the built site (dist/)", () => {
  let browser: Browser;
  let server: StaticServer;
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
  };
  const networks = existsSync(join(dist, "index.html")) ? builtNetworks() : [];

  beforeAll(async () => {
    try {
      ({ browser, server } = await openSite(dist));
    } catch (error) {
      setupError = error;
    }
  });

  it("?netwerk=<slug> opens Overzicht with that network's numbers, the same as choosing it", async () => {
    ready();
    expect(networks.length).toBeGreaterThan(1);
    // The numbers per network as the selector shows them, from a page opened without a choice.
    const chosen = new Map<string, string[]>();
    let all: string[] = [];
    await visit(browser, server.url, "/", 1280, async (page) => {
      all = await kpis(page);
      for (const network of networks) {
        const before = await kpis(page);
        await page.getByLabel("Netwerk", { exact: true }).selectOption(network.name);
        await page.waitForFunction(
          (old) =>
            JSON.stringify(
              [...document.querySelectorAll("[data-kpi]")].map((e) => (e as HTMLElement).innerText),
            ) !== old,
          JSON.stringify(before),
          { timeout: 10_000 },
        );
        chosen.set(network.slug, await kpis(page));
      }
    });
    for (const network of networks) {
      let shown: string[] = [];
      let value = "";
      let note = true;
      const result = await visit(
        browser,
        server.url,
        `/?netwerk=${network.slug}`,
        1280,
        async (page) => {
          shown = await kpis(page);
          value = await page.getByLabel("Netwerk", { exact: true }).inputValue();
          note = await page.locator(".url-state-note").isVisible();
        },
      );
      expect(result.errors, network.slug).toEqual([]);
      expect(value, network.slug).toBe(network.name);
      expect(note, `note on ?netwerk=${network.slug}`).toBe(false);
      expect(shown, `KPIs of ${network.slug}`).toEqual(chosen.get(network.slug));
      expect(shown, `KPIs of ${network.slug} against all networks`).not.toEqual(all);
      expect(shown.length).toBeGreaterThan(0);
    }
  });

  it.for(NETWORK_PAGES)(
    "%s: opens in the link's network, and a change updates the URL",
    { timeout: 60_000 },
    async (path) => {
      ready();
      const [first, second] = networks;
      let opened = "";
      let after = "";
      const result = await visit(
        browser,
        server.url,
        `${path}?netwerk=${first!.slug}`,
        1280,
        async (page) => {
          const select = page.getByLabel("Netwerk", { exact: true });
          opened = await select.inputValue();
          await select.selectOption(second!.name);
          after = search(page);
        },
      );
      expect(result.errors).toEqual([]);
      expect(opened).toBe(first!.name);
      expect(after).toBe(`?netwerk=${second!.slug}`);
    },
  );

  it("the back button steps through the choices on Overzicht, and forward again", async () => {
    ready();
    const [first, second] = networks;
    const steps: { search: string; value: string; kpis: string[] }[] = [];
    const result = await visit(browser, server.url, "/", 1280, async (page) => {
      const select = page.getByLabel("Netwerk", { exact: true });
      const look = async () =>
        void steps.push({
          search: search(page),
          value: await select.inputValue(),
          kpis: await kpis(page),
        });
      await look();
      for (const network of [first!, second!]) {
        const before = await kpis(page);
        await select.selectOption(network.name);
        await page.waitForFunction(
          (old) =>
            JSON.stringify(
              [...document.querySelectorAll("[data-kpi]")].map((e) => (e as HTMLElement).innerText),
            ) !== old,
          JSON.stringify(before),
        );
        await look();
      }
      // Back: the first network, then all networks; forward: the first again.
      await page.goBack();
      await kpisBecome(page, steps[1]!.kpis);
      await look();
      await page.goBack();
      await kpisBecome(page, steps[0]!.kpis);
      await look();
      await page.goForward();
      await kpisBecome(page, steps[1]!.kpis);
      await look();
    });
    expect(result.errors).toEqual([]);
    expect(steps.map((s) => [s.search, s.value])).toEqual([
      ["", "alle"],
      [`?netwerk=${first!.slug}`, first!.name],
      [`?netwerk=${second!.slug}`, second!.name],
      [`?netwerk=${first!.slug}`, first!.name],
      ["", "alle"],
      [`?netwerk=${first!.slug}`, first!.name],
    ]);
    expect(steps[3]!.kpis).toEqual(steps[1]!.kpis);
    expect(steps[4]!.kpis).toEqual(steps[0]!.kpis);
    expect(steps[1]!.kpis).not.toEqual(steps[0]!.kpis);
  });

  it("an unknown network or region shows 'alle' and a Dutch note, never an error", async () => {
    ready();
    let all: string[] = [];
    await visit(browser, server.url, "/", 1280, async (page) => void (all = await kpis(page)));
    const cases = [
      { path: "/?netwerk=bestaat-niet", label: "Netwerk", value: "alle", raw: "bestaat-niet" },
      {
        path: "/leden?netwerk=%3Cb%3Ex%3C%2Fb%3E",
        label: "Netwerk",
        value: "alle",
        raw: "<b>x</b>",
      },
      { path: "/signalen?regio=atlantis", label: "Netwerk of regio", value: "*", raw: "atlantis" },
    ];
    for (const c of cases) {
      let value = "";
      let note = "";
      let shown: string[] = [];
      const result = await visit(browser, server.url, c.path, 1280, async (page) => {
        value = await page.getByLabel(c.label, { exact: true }).inputValue();
        const element = page.locator(".url-state-note");
        note = (await element.isVisible()) ? await element.innerText() : "";
        if (c.path.startsWith("/?")) shown = await kpis(page);
      });
      expect(result.errors, c.path).toEqual([]);
      expect(value, c.path).toBe(c.value);
      expect(note, c.path).toContain(`„${c.raw}”, maar die staat niet in de gegevens. U ziet alle`);
      if (c.path.startsWith("/?")) expect(shown).toEqual(all);
    }
  });

  it("Signalen keeps a region or a network in the URL, and opens in it from the link", async () => {
    ready();
    let all = "";
    let option = "";
    let regionSearch = "";
    let networkSearch = "";
    const result = await visit(browser, server.url, "/signalen?regio=alle", 1280, async (page) => {
      const select = page.getByLabel("Netwerk of regio", { exact: true });
      all = await select.inputValue();
      const regions = select.locator(`optgroup[label="IZA-regio's"] option`);
      option = (await regions.nth(1).getAttribute("value")) ?? "";
      await select.selectOption(option);
      regionSearch = search(page);
      await select.selectOption(`netwerk:${networks[0]!.name}`);
      networkSearch = search(page);
    });
    expect(result.errors).toEqual([]);
    expect(all).toBe("iza_regio:*");
    const region = option.slice("iza_regio:".length);
    expect(region.length).toBeGreaterThan(0);
    expect(regionSearch).toBe(`?regio=${slugify(region)}`);
    expect(networkSearch).toBe(`?netwerk=${networks[0]!.slug}`);
    // Opened from that link, the region is chosen again.
    let reopened = "";
    await visit(browser, server.url, `/signalen?regio=${slugify(region)}`, 1280, async (page) => {
      reopened = await page.getByLabel("Netwerk of regio", { exact: true }).inputValue();
    });
    expect(reopened).toBe(option);
  });
});
