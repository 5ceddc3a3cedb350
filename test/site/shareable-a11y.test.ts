/// <reference lib="dom" />
// Shareable views and accessibility in Chromium: a page opened from a link (a network chosen, or
// the note of an unknown value) passes axe-core at 1280 and 390 px, light and dark; and the
// network selector and the footer's link to Toegankelijkheid work from the keyboard alone.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../../scripts/serve.js";
import { axeViolations, openSite, visit } from "./browser.ts";
import { builtNetworks, dist, search } from "./url-pages.ts";

describe("shareable views: axe and keyboard (dist/)", () => {
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

  /** A page opened with a network, and one with the note, at both widths, light and dark. */
  const LINKED = ["/?netwerk=0", "/signalen?regio=atlantis"].flatMap((path) =>
    [1280, 390].flatMap((width) =>
      (["light", "dark"] as const).map((colorScheme) => ({ path, width, colorScheme })),
    ),
  );

  it.for(LINKED)(
    "$path at $width px ($colorScheme), opened from a link: no axe violations",
    async ({ path: linked, width, colorScheme }) => {
      ready();
      // "0": the first network's slug, known only once the site is read.
      const path = linked.replace("netwerk=0", `netwerk=${networks[0]!.slug}`);
      let violations: string[] = [];
      let notes = 0;
      const result = await visit(
        browser,
        server.url,
        path,
        width,
        async (page) => {
          await page.locator("main select").first().waitFor();
          notes = await page.locator(".url-state-note:visible").count();
          violations = await axeViolations(page);
        },
        { colorScheme },
      );
      const at = `${path} at ${width}px (${colorScheme})`;
      expect(result.errors, at).toEqual([]);
      expect(notes, `visible notes on ${at}`).toBe(path.includes("atlantis") ? 1 : 0);
      expect(violations, `axe-core on ${at}`).toEqual([]);
    },
  );
  it("the network selector and the footer's link to Toegankelijkheid work from the keyboard", async () => {
    ready();
    let focused = "";
    let after = "";
    let landed = "";
    let heading = "";
    const result = await visit(browser, server.url, "/leden", 1280, async (page) => {
      const select = page.getByLabel("Netwerk", { exact: true });
      await select.waitFor();
      // Tab from the start of the page until the selector has the focus.
      for (
        let i = 0;
        i < 60 && !(await select.evaluate((e) => e === document.activeElement));
        i++
      ) {
        await page.keyboard.press("Tab");
      }
      focused = await page.evaluate(() => document.activeElement?.id ?? "");
      await page.keyboard.press("ArrowDown");
      await page.waitForFunction(() => location.search !== "", null, { timeout: 5000 });
      after = search(page);
    });
    // Shift+Tab on a freshly opened page reaches its last link: the footer's.
    const footer = await visit(browser, server.url, "/leden", 1280, async (page) => {
      await page.keyboard.press("Shift+Tab");
      landed = await page.evaluate(() => document.activeElement?.textContent ?? "");
      await Promise.all([page.waitForURL("**/toegankelijkheid"), page.keyboard.press("Enter")]);
      heading = await page.locator("main h1").innerText();
    });
    expect(footer.errors).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(focused).toMatch(/^scope-select-/);
    expect(after).toBe(`?netwerk=${networks[0]!.slug}`);
    expect(landed).toBe("Toegankelijkheid");
    expect(heading).toBe("Toegankelijkheid");
  });
});
