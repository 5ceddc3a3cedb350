// docs/components/series.js: the indicator series of the scope a page shows, fetched from its
// own file (data/indicatoren/<key>.json, loaders/series.ts), in the rows of indicator_series.json.
import { afterEach, describe, expect, it, vi } from "vitest";
// @ts-expect-error: a page component, plain JavaScript without types
import * as pageSeries from "../../docs/components/series.js";
import { seriesPerScope } from "../../loaders/series.ts";
import { ALL_KEY } from "../../src/site/index.ts";

type Row = {
  scope_type: string;
  scope: string;
  indicator: string;
  period_end: string;
  value: number;
};
const {
  ALL_KEY: PAGE_ALL_KEY,
  loadSeries,
  seriesUrl,
} = pageSeries as {
  ALL_KEY: string;
  loadSeries(meta: object, scopes: string[]): Promise<Row[]>;
  seriesUrl(meta: object, scope: string): string | null;
};

const meta = {
  refreshed_at: "2026-09-30T12:00:00.000Z",
  networks: [{ name: "CIC West-Brabant", slug: "cic-west-brabant" }],
};
const payload = JSON.stringify({
  reference_dates: ["2026-06-30", "2026-09-30"],
  series: [
    { scope_type: "iza_regio", scope: "'t Gooi", indicator: "voortgang", values: [0.5, 0.625] },
    {
      scope_type: "netwerk",
      scope: "CIC West-Brabant",
      indicator: "leden_actief",
      values: [10, 12],
    },
    { scope_type: "totaal", scope: "alle", indicator: "leden_actief", values: [40, null] },
  ],
});
const keys = [
  { scope_type: "totaal", scope: "alle", key: ALL_KEY },
  { scope_type: "netwerk", scope: "CIC West-Brabant", key: "cic-west-brabant" },
];

afterEach(() => vi.unstubAllGlobals());

describe("the indicator series per scope", () => {
  it("loaders/series.ts cuts the whole-site payload into one file per scope key", () => {
    const files = seriesPerScope(payload, keys);
    expect([...files.keys()]).toEqual([ALL_KEY, "cic-west-brabant"]);
    expect(JSON.parse(files.get(ALL_KEY)!)).toEqual({
      reference_dates: ["2026-06-30", "2026-09-30"],
      series: [
        { scope_type: "totaal", scope: "alle", indicator: "leden_actief", values: [40, null] },
      ],
    });
  });

  it("the page finds a scope's file by the key of the site marts", () => {
    expect(PAGE_ALL_KEY).toBe(ALL_KEY);
    expect(seriesUrl(meta, "alle")).toBe(
      "./data/indicatoren/alle--netwerken.json?v=2026-09-30T12%3A00%3A00.000Z",
    );
    expect(seriesUrl(meta, "CIC West-Brabant")).toMatch(
      /^\.\/data\/indicatoren\/cic-west-brabant\.json\?v=/,
    );
    expect(seriesUrl(meta, "Onbekend")).toBeNull();
  });

  it("fetches each scope once and gives the rows of indicator_series.json", async () => {
    const files = seriesPerScope(payload, keys);
    const fetched: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      fetched.push(url);
      const key = /indicatoren\/([^.]+)\.json/.exec(url)![1]!;
      return new Response(files.get(decodeURIComponent(key)) ?? "", {
        status: files.has(key) ? 200 : 404,
      });
    });
    const rows = await loadSeries(meta, ["CIC West-Brabant", "alle", "alle", "Onbekend"]);
    expect(fetched).toHaveLength(2);
    expect(rows).toEqual([
      {
        scope_type: "netwerk",
        scope: "CIC West-Brabant",
        indicator: "leden_actief",
        period_end: "2026-06-30",
        value: 10,
      },
      {
        scope_type: "netwerk",
        scope: "CIC West-Brabant",
        indicator: "leden_actief",
        period_end: "2026-09-30",
        value: 12,
      },
      {
        scope_type: "totaal",
        scope: "alle",
        indicator: "leden_actief",
        period_end: "2026-06-30",
        value: 40,
      },
      {
        scope_type: "totaal",
        scope: "alle",
        indicator: "leden_actief",
        period_end: "2026-09-30",
        value: null,
      },
    ]);
    vi.stubGlobal("fetch", async () => new Response("", { status: 404 }));
    await expect(loadSeries(meta, ["alle"])).rejects.toThrow(
      /Kon .*alle--netwerken.* niet laden \(HTTP 404\)/,
    );
  });
});
