// @vitest-environment jsdom
/// <reference lib="dom" />
// docs/components/url-state.js: a selector's choice in the URL, read, written, pushed on change
// and restored by the back button (in jsdom; test/site/shareable.test.ts does it in Chromium).
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slugify } from "../../src/site/keys.ts";

// jsdom's URL is not Node's, which fileURLToPath wants: the root from the file's own path.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
type Choice = { value: string; param?: string; key?: string };
type Read = { value: string; unknown: { param: string; raw: string } | null };
interface UrlState {
  slug(name: string): string;
  readChoice(choices: Choice[], search: string): Read;
  writeChoice(choices: Choice[], value: string, search: string): string;
  urlState(
    element: HTMLElement & { value: string },
    options: { choices: Choice[]; nouns?: Record<string, string>; fallbackLabel: string },
  ): HTMLElement & { value: string };
  networkChoices(meta: { networks: { name: string; slug: string }[] }): Choice[];
}
interface Scope {
  scopeSelect(meta: unknown, options?: { url?: boolean }): HTMLElement & { value: string };
  networkRegionSelect(meta: unknown, regions: string[]): HTMLElement & { value: string };
}

const component = async <T>(name: string) =>
  (await import(pathToFileURL(join(root, "docs", "components", `${name}.js`)).href)) as T;

let u: UrlState;
let scope: Scope;
beforeAll(async () => {
  u = await component<UrlState>("url-state");
  scope = await component<Scope>("scope");
});

const NAMES = ["Slimmer Leven", "CIC West-Brabant", "Zorgpact Kopgroep", "Café Één & Co"];
const meta = { networks: NAMES.slice(0, 3).map((name) => ({ name, slug: slugify(name) })) };
const REGIONS = ["Regio De Peel", "Zuidoost-Brabant", "ZK30", "Ás-Zuid"];

describe("slug", () => {
  it("is src/site/keys.ts slugify, which makes the networks' slugs", () => {
    for (const name of [...NAMES, ...REGIONS]) expect(u.slug(name)).toBe(slugify(name));
    expect(u.slug("Café Één & Co")).toBe("cafe-een-co");
  });
});

describe("readChoice and writeChoice", () => {
  const choices = () => u.networkChoices(meta);

  it("reads a network's slug, in any case, and 'alle' or nothing as all networks", () => {
    expect(u.readChoice(choices(), "?netwerk=slimmer-leven")).toEqual({
      value: "Slimmer Leven",
      unknown: null,
    });
    expect(u.readChoice(choices(), "?x=1&netwerk=CIC-West-Brabant").value).toBe("CIC West-Brabant");
    expect(u.readChoice(choices(), "?netwerk=alle")).toEqual({ value: "alle", unknown: null });
    expect(u.readChoice(choices(), "")).toEqual({ value: "alle", unknown: null });
  });

  it("falls back to 'alle' for a value that names no network, and says which", () => {
    expect(u.readChoice(choices(), "?netwerk=bestaat-niet")).toEqual({
      value: "alle",
      unknown: { param: "netwerk", raw: "bestaat-niet" },
    });
    // A network's name is not its slug.
    expect(u.readChoice(choices(), "?netwerk=Slimmer%20Leven").unknown).toEqual({
      param: "netwerk",
      raw: "Slimmer Leven",
    });
  });

  it("writes the slug, keeps other parameters and drops the parameter for 'alle'", () => {
    expect(u.writeChoice(choices(), "Zorgpact Kopgroep", "")).toBe("?netwerk=zorgpact-kopgroep");
    expect(u.writeChoice(choices(), "Slimmer Leven", "?x=1&netwerk=cic-west-brabant")).toBe(
      "?x=1&netwerk=slimmer-leven",
    );
    expect(u.writeChoice(choices(), "alle", "?netwerk=slimmer-leven")).toBe("");
    expect(u.writeChoice(choices(), "alle", "?netwerk=bestaat-niet&x=1")).toBe("?x=1");
  });
});

describe("urlState in a page", () => {
  beforeEach(() => {
    window.history.replaceState(null, "", "/leden");
    document.body.replaceChildren();
  });

  /** Sets the select inside `element` as a visitor would. */
  const choose = (element: HTMLElement, value: string) => {
    const select = element.querySelector("select")!;
    select.value = value;
    select.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const note = (element: HTMLElement) => element.querySelector<HTMLElement>(".url-state-note")!;
  /** A popstate as the back button fires it, after the history step (jsdom's is asynchronous). */
  const back = async () => {
    const popped = new Promise((resolve) =>
      window.addEventListener("popstate", resolve, { once: true }),
    );
    window.history.back();
    await popped;
  };

  it("opens in the URL's state, pushes each change, and the back button restores it", async () => {
    window.history.replaceState(null, "", "/leden?netwerk=slimmer-leven#kerncijfers");
    const element = scope.scopeSelect(meta, { url: true });
    document.body.append(element);
    expect(element.value).toBe("Slimmer Leven");
    expect(note(element).hidden).toBe(true);
    const inputs: string[] = [];
    element.addEventListener("input", () => inputs.push(element.value));
    const length = window.history.length;

    choose(element, "CIC West-Brabant");
    expect(window.location.search).toBe("?netwerk=cic-west-brabant");
    expect(window.location.hash).toBe("#kerncijfers");
    choose(element, "alle");
    expect(window.location.search).toBe("");
    expect(window.history.length).toBe(length + 2);

    await back();
    expect(window.location.search).toBe("?netwerk=cic-west-brabant");
    expect(element.value).toBe("CIC West-Brabant");
    await back();
    expect(element.value).toBe("Slimmer Leven");
    // Each restore told the page (view()) once, and pushed nothing.
    expect(inputs).toEqual(["CIC West-Brabant", "alle", "CIC West-Brabant", "Slimmer Leven"]);
    expect(window.history.length).toBe(length + 2);
  });

  it("shows 'alle' and a Dutch note for an unknown network, until a choice is made", () => {
    window.history.replaceState(null, "", "/leden?netwerk=bestaat-niet");
    const element = scope.scopeSelect(meta, { url: true });
    expect(element.value).toBe("alle");
    expect(note(element).hidden).toBe(false);
    expect(note(element).textContent).toBe(
      "De link vraagt om het netwerk „bestaat-niet”, maar die staat niet in de gegevens. U ziet alle netwerken.",
    );
    expect(note(element).getAttribute("role")).toBe("status");
    choose(element, "Slimmer Leven");
    expect(note(element).hidden).toBe(true);
    expect(window.location.search).toBe("?netwerk=slimmer-leven");
  });

  it("keeps a network or a region of Signalen in the URL, 'alle' regions too", () => {
    window.history.replaceState(null, "", "/signalen?regio=zuidoost-brabant");
    const element = scope.networkRegionSelect(meta, REGIONS);
    expect(element.value).toBe("iza_regio:Zuidoost-Brabant");
    choose(element, "iza_regio:*");
    expect(window.location.search).toBe("?regio=alle");
    choose(element, "netwerk:Zorgpact Kopgroep");
    expect(window.location.search).toBe("?netwerk=zorgpact-kopgroep");
    choose(element, "*");
    expect(window.location.search).toBe("");

    window.history.replaceState(null, "", "/signalen?regio=atlantis");
    const other = scope.networkRegionSelect(meta, REGIONS);
    expect(other.value).toBe("*");
    expect(note(other).textContent).toBe(
      "De link vraagt om de regio „atlantis”, maar die staat niet in de gegevens. U ziet alle netwerken en regio's.",
    );
  });

  it("leaves a selector without `url` alone", () => {
    window.history.replaceState(null, "", "/leden?netwerk=slimmer-leven");
    const element = scope.scopeSelect(meta);
    expect(element.value).toBe("alle");
    choose(element, "CIC West-Brabant");
    expect(window.location.search).toBe("?netwerk=slimmer-leven");
  });
});
