// @vitest-environment jsdom
/// <reference lib="dom" />
// Golden SVG tests of every chart component in docs/components: each is drawn with the fixed
// data of fixtures.ts in jsdom and compared with its file in golden/ (see golden.ts).
import { beforeAll, describe, expect, it } from "vitest";
import * as data from "./fixtures.ts";
import { component, matchGolden, type Component } from "./golden.ts";

const WIDTH = 640;
/** Framework's resize, at a fixed width. */
const resize = (render: (width: number) => Element) => render(WIDTH);
const { meta, catalog, indicators } = data;

let c: Record<string, Component> = {};

beforeAll(async () => {
  // The figure's CSV link makes a blob URL, which jsdom does not have.
  URL.createObjectURL = () => "blob:golden";
  // Plot draws a continuous legend's ramp on a canvas, which jsdom does not have: a stand-in
  // that draws nothing (the ramp's image is the same in every golden; its ticks and labels not).
  const context = { fillStyle: "", fillRect: () => undefined };
  HTMLCanvasElement.prototype.getContext = (() => context) as never;
  HTMLCanvasElement.prototype.toDataURL = () => "data:image/png;base64,";
  const names = ["trend", "sector", "funding", "graph", "members", "projects", "events"];
  const more = ["signal-overview", "rejects", "iza", "iza-charts", "iza-map", "maps"];
  const last = ["reciprocity", "kpi"];
  for (const name of [...names, ...more, ...last]) c[name] = await component(name);
  c = { ...c };
});

/** Draws with a component's function and compares with golden/<name>. */
function golden(name: string, draw: () => unknown) {
  it(name, () => {
    const element = draw() as Element;
    expect(element.querySelector("svg, path, rect, circle, line, text") ?? element).toBeTruthy();
    matchGolden(name, element);
  });
}

describe("trend", () => {
  const rows = (ids: string[], scopes: string[]) =>
    c.trend!.trendRows!(indicators, catalog, ids, scopes);
  golden("trend-one-indicator", () =>
    c.trend!.trendChart!(rows(["retentie_12m"], ["alle"]), {
      width: WIDTH,
      peildatum: data.PEILDATUM,
    }),
  );
  golden("trend-indicators", () =>
    c.trend!.trendChart!(
      rows(["retentie_12m", "eenzijdige_afhankelijkheid", "meerlagigheid"], ["alle"]),
      { width: WIDTH, peildatum: data.PEILDATUM },
    ),
  );
  golden("trend-networks-narrow", () =>
    c.trend!.trendChart!(rows(["leden_actief"], data.NETWORKS), {
      width: 390,
      scopes: data.NETWORKS,
      networks: data.NETWORKS,
      peildatum: data.PEILDATUM,
    }),
  );
  golden("trend-facets", () => {
    const scopes = [...data.NETWORKS, "alle"];
    return c.trend!.trendChart!(rows(["cofinanciering_aandeel", "zorg_plus_aandeel"], scopes), {
      width: WIDTH,
      scopes,
      networks: data.NETWORKS,
      facet: true,
      peildatum: data.PEILDATUM,
    });
  });
  golden("trend-figure", () =>
    c.trend!.trendFigure!({
      resize,
      indicators,
      catalog,
      ids: ["centralisatie", "eenzijdige_afhankelijkheid", "onbekend"],
      scopes: [data.NETWORKS[1]],
      peildatum: data.PEILDATUM,
      title: "Centralisatie en afhankelijkheid",
      subtitle: "Een ondertitel.",
      note: "Een toelichting.",
      filename: "trend",
      unit: "index",
    }),
  );

  it('keeps the band of the "peildatum" label free of data', () => {
    // A count: its y domain ends at its largest value, which would sit at the frame's top.
    const svg = c.trend!.trendChart!(rows(["leden_actief"], ["alle"]), {
      width: 300,
      peildatum: data.PEILDATUM,
    }) as Element;
    const label = [...svg.querySelectorAll("text")].find((t) => t.textContent === "peildatum");
    expect(label).toBeDefined();
    const rule = svg.querySelector('g[aria-label="rule"] line')!;
    const top = Math.min(Number(rule.getAttribute("y1")), Number(rule.getAttribute("y2")));
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots.length).toBe(4); // the four peildata of fixtures.ts
    const highest = Math.min(...dots.map((d) => Number(d.getAttribute("cy"))));
    expect(highest).toBeGreaterThanOrEqual(top + 14);
  });

  it("takes name, unit and direction from the catalog", () => {
    const entries = c.trend!.catalogEntries!(catalog, ["leden_uitstroom", "centralisatie", "x"]);
    expect(c.trend!.directionNote!(entries)).toBe("Lager is beter: Uitstroom.");
    const both = c.trend!.catalogEntries!(catalog, ["retentie_12m", "leden_uitstroom"]);
    expect(c.trend!.directionNote!(both)).toBe(
      "Hoger is beter: Behoud na 12 maanden. Lager is beter: Uitstroom.",
    );
    const columns = c.trend!.trendColumns!(rows(["retentie_12m"], ["alle"])) as {
      label: string;
    }[];
    expect(columns.map((col) => col.label)).toEqual(["Peildatum", "Behoud na 12 maanden"]);
  });
});

describe("sector and funding", () => {
  golden("sector", () =>
    c.sector!.sectorChart!(c.sector!.sectorRows!(data.membersBySector, meta, "alle"), meta, {
      width: WIDTH,
    }),
  );
  golden("funding", () =>
    c.funding!.fundingChart!(c.funding!.fundingRows!(data.fundingBySource, meta, "alle"), meta, {
      width: WIDTH,
      year: 2024,
    }),
  );
  golden("funding-network-narrow", () =>
    c.funding!.fundingChart!(
      c.funding!.fundingRows!(data.fundingBySource, meta, data.NETWORKS[0]),
      meta,
      { width: 390, year: 2024, height: 300 },
    ),
  );
  golden("funding-structural", () =>
    c.funding!.structuralChart!(c.funding!.structuralRows!(data.fundingBySource, "alle"), {
      width: WIDTH,
      year: 2024,
    }),
  );
});

describe("graph", () => {
  golden("graph", () => c.graph!.sectorGraph!(data.graph, meta, { width: WIDTH }));
  golden("graph-legend", () => c.graph!.graphLegend!(meta));
  it("describes the graph in words", () => {
    expect(c.graph!.graphNote!(data.graph)).toMatch(
      /^5 leden, 4 verbindingen; 1 leden hebben geen gezamenlijk lopend project\./,
    );
  });
});

describe("members", () => {
  golden("members-flows", () =>
    c.members!.flowChart!(c.members!.flowRows!(indicators, "alle"), meta, { width: WIDTH }),
  );
  golden("members-triangle", () =>
    c.members!.triangleChart!(c.members!.triangleRows!(data.membersBySector, indicators, meta), {
      width: WIDTH,
    }),
  );
});

describe("projects and meetings", () => {
  golden("projects-stage", () =>
    c.projects!.stageChart!(c.projects!.stageRows!(data.projectCounts, meta), meta, {
      width: WIDTH,
    }),
  );
  golden("projects-theme", () =>
    c.projects!.themeChart!(c.projects!.themeRows!(data.projectCounts, meta), meta, {
      width: WIDTH,
    }),
  );
  golden("events-quarter", () =>
    c.events!.quarterChart!(c.events!.quarterRows!(data.eventCounts), { width: WIDTH }),
  );
  golden("events-roles", () => {
    const { recent } = data.eventCounts;
    const rows = c.events!.roleRows!(data.eventRoles, recent, meta);
    return c.events!.roleChart!(rows, recent, meta, { width: WIDTH });
  });
});

describe("signals and data quality", () => {
  golden("signals", () =>
    c["signal-overview"]!.signalsChart!(c["signal-overview"]!.signalCounts!(data.signals), {
      width: WIDTH,
    }),
  );
  golden("rejects", () =>
    c.rejects!.rejectsChart!(c.rejects!.rejectCounts!(data.rejects), {
      width: WIDTH,
      files: data.qualityFiles,
    }),
  );
});

describe("IZA, maps and reciprocity", () => {
  golden("iza-progress", () =>
    c["iza-charts"]!.progressHeatmap!(c.iza!.progressCells!(data.izaProgress, data.izaRegions), {
      width: WIDTH,
    }),
  );
  golden("iza-timeline", () =>
    c["iza-charts"]!.timelineChart!(
      c.iza!.timelineRows!(data.milestones, data.izaRegions, data.PEILDATUM),
      { width: WIDTH, asOf: data.PEILDATUM },
    ),
  );
  golden("iza-map", () => {
    const cells = c.iza!.progressCells!(data.izaProgress, data.izaRegions);
    const { rows } = c.iza!.mapRows!(cells, data.izaRegions) as { rows: unknown };
    return c["iza-map"]!.izaMap!(data.topology, rows, { width: WIDTH });
  });
  golden("members-map", () => {
    const areas = c.maps!.regionCounts!(data.topology, data.membersByRegion) as {
      regions: unknown;
      perRegion: unknown;
    };
    return c.maps!.choropleth!(areas.regions, areas.perRegion, {
      width: WIDTH,
      label: "Aantal lidorganisaties",
      unit: "lidorganisaties",
    });
  });
  golden("reciprocity-profile", () => {
    const scopes = [data.NETWORKS[0], "alle"];
    const rows = c.reciprocity!.profileRows!(indicators, catalog, scopes, data.PEILDATUM);
    return c.reciprocity!.profileHeatmap!(rows, { width: WIDTH, scopes });
  });
  golden("kpi-sparkline", () =>
    c.kpi!.sparkline!(c.kpi!.indicatorSeries!(indicators, "retentie_12m", data.NETWORKS[0])),
  );
});
