// One network page's data file (loaders/network-page.ts) over the golden outputs of the sample:
// exactly that network's rows of the whole-site files, and all networks' indicator series beside
// its own.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { networkPageJson, type NetworkPageJson } from "../../loaders/network-page.ts";
import { indicatorSeriesJson, networksOf, readNetworks, readTable } from "../../loaders/site.ts";

const golden = fileURLToPath(new URL("../output/golden", import.meta.url));

describe("netwerk/data/<slug>.json", () => {
  it("holds each network's rows of the four files, and nothing of other networks", async () => {
    const networks = await readNetworks(golden);
    expect(networks.map((n) => n.slug)).toEqual([
      "cic-west-brabant",
      "slimmer-leven",
      "zorgpact-kopgroep",
    ]);
    const whole = JSON.parse(
      await indicatorSeriesJson(golden),
    ) as NetworkPageJson["indicator_series"];
    const sectors = await readTable("members_by_sector", golden);
    const funding = await readTable("funding_by_source", golden);
    const signals = await readTable("signals", golden);
    const counted = { sectors: 0, funding: 0, signals: 0 };
    for (const { name, slug } of networks) {
      const page = JSON.parse(await networkPageJson(slug, golden)) as NetworkPageJson;
      expect(page.members_by_sector).toEqual(sectors.filter((r) => r.scope === name));
      expect(page.funding_by_source).toEqual(funding.filter((r) => r.network === name));
      expect(page.signals).toEqual(
        signals.filter((r) => r.scope_type === "netwerk" && r.scope === name),
      );
      expect(page.members_by_sector.length).toBeGreaterThan(0);
      expect(page.funding_by_source.length).toBeGreaterThan(0);
      counted.sectors += page.members_by_sector.length;
      counted.funding += page.funding_by_source.length;
      counted.signals += page.signals.length;
      // Every indicator for the network and for all networks, with the same twelve dates.
      const series = page.indicator_series;
      expect(series.reference_dates).toEqual(whole.reference_dates);
      for (const [scopeType, scope] of [
        ["netwerk", name],
        ["totaal", "alle"],
      ]) {
        const own = series.series.filter((s) => s.scope_type === scopeType && s.scope === scope);
        expect(own.map((s) => s.indicator).sort(), scope).toEqual(
          whole.series
            .filter((s) => s.scope_type === scopeType && s.scope === scope)
            .map((s) => s.indicator)
            .sort(),
        );
      }
      expect(series.series.every((s) => s.scope === name || s.scope === "alle")).toBe(true);
    }
    // Between them the networks' files hold every network row of the whole files.
    const networkNames = new Set(networks.map((n) => n.name));
    expect(counted.sectors).toBe(sectors.filter((r) => networkNames.has(String(r.scope))).length);
    expect(counted.funding).toBe(funding.filter((r) => networkNames.has(String(r.network))).length);
    expect(counted.signals).toBe(signals.filter((r) => r.scope_type === "netwerk").length);
  });

  it("refuses a slug that is no network's", async () => {
    await expect(networkPageJson("alle", golden)).rejects.toThrow(/no network/);
  });

  it("refuses networks whose file names would collide or be empty", () => {
    const rows = (...names: string[]) =>
      names.map((scope) => ({ scope_type: "netwerk", scope, indicator: "leden_actief" }));
    expect(() => networksOf(rows("Zorg-Pact", "Zorg Pact"))).toThrow(
      'networks "Zorg Pact" and "Zorg-Pact" have the same file name zorg-pact',
    );
    expect(() => networksOf(rows("???"))).toThrow(/"\?\?\?" has no letters or digits/);
    expect(networksOf(rows("Coöperatie Slimmer Leven", "CIC West-Brabant"))).toEqual([
      { name: "CIC West-Brabant", slug: "cic-west-brabant" },
      { name: "Coöperatie Slimmer Leven", slug: "cooperatie-slimmer-leven" },
    ]);
  });
});
