// Choropleth maps of the Netherlands (gemeenten, zorgkantoorregio's) with Plot's geo mark, from the
// simplified CBS/PDOK boundaries in docs/data/*_2025.json.
import * as Plot from "@observablehq/plot";
import { feature, merge } from "topojson-client";
import { formatInteger } from "./format.js";

/** The attribution to show on every page with one of these maps. */
export const ATTRIBUTION =
  "Bron kaartgrenzen: CBS/PDOK Gebiedsindelingen, vereenvoudigd door cartomap/nl";

/** Whether the reader's system uses dark mode (the theme follows it): more = lighter there. */
function prefersDark() {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** The features of one object of a TopoJSON topology (ids are CBS codes, `statnaam` the name). */
export function features(topology, object) {
  return feature(topology, topology.objects[object]).features;
}

/**
 * Larger regions merged from the areas of one object, e.g. zorgkantoorregio's from gemeenten
 * (`key: "zorgkantoorregio_code", name: "zorgkantoorregio"`, properties of gemeente_2025.json):
 * features with the region's code as id and its name as `statnaam`.
 */
export function mergedFeatures(topology, object, { key, name }) {
  const groups = new Map();
  for (const geometry of topology.objects[object].geometries) {
    const code = geometry.properties?.[key];
    if (code == null) continue;
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code).push(geometry);
  }
  return [...groups].map(([code, geometries]) => ({
    type: "Feature",
    id: code,
    properties: { statnaam: geometries[0].properties[name] },
    geometry: merge(topology, geometries),
  }));
}

/**
 * A choropleth of `areas` (GeoJSON features with a CBS code as id and `properties.statnaam`,
 * from features or mergedFeatures): `values` a Map from code (`GM0772`, `ZK30`) to a number;
 * areas without a value are drawn in a neutral colour. Options: `width`, `label` (the legend's
 * Dutch title), `unit` (e.g. "leden", for the tooltip), `format` (number → text), `range` (the
 * colours for the lowest and highest value: light to dark blue, in dark mode dim to bright blue;
 * on a square-root scale so that regions with few organisations stand out from the grey of none).
 * Returns a div with the legend and the map.
 */
export function choropleth(
  areas,
  values,
  {
    width = 640,
    label = "Aantal",
    unit = "",
    format = formatInteger,
    range = prefersDark() ? ["#2b5c9e", "#d6e8fa"] : ["#9ecae1", "#08306b"],
  } = {},
) {
  const land = { type: "FeatureCollection", features: areas };
  const max = Math.max(1, ...values.values());
  const height = Math.round(Math.min(width, 640) * 1.12);
  const describe = (d) => {
    const value = values.get(d.id);
    return `${d.properties.statnaam}: ${value == null ? "geen" : format(value)}${unit ? ` ${unit}` : ""}`;
  };
  const plot = Plot.plot({
    width: Math.min(width, 640),
    height,
    projection: { type: "mercator", domain: land },
    color: {
      type: "sqrt",
      range,
      interpolate: "hcl",
      domain: [0, max],
      label,
      tickFormat: (v) => format(v),
    },
    marks: [
      Plot.geo(land, { fill: "var(--theme-foreground-faintest)" }),
      Plot.geo(
        areas.filter((d) => values.get(d.id) > 0),
        { fill: (d) => values.get(d.id) },
      ),
      Plot.geo(areas, { stroke: "var(--theme-background)", strokeWidth: 0.5 }),
      Plot.geo(areas, {
        strokeOpacity: 0,
        fillOpacity: 0,
        fill: "currentColor",
        title: describe,
        tip: true,
      }),
    ],
  });
  // The legend apart, with a left margin so that its first tick label ("0") is not cut off.
  const legend = plot.legend("color", {
    marginLeft: 12,
    marginRight: 12,
    width: Math.min(width, 320),
  });
  const wrapper = document.createElement("div");
  wrapper.append(legend, plot);
  return wrapper;
}

/**
 * The gemeenten and zorgkantoorregio's of `topology` (gemeente_2025.json) with the counts of one
 * scope of members_by_region.json (`{gemeente: {code: n}, without_code}`): the areas, the counts
 * as Maps from code, and table rows (most first, then by name).
 */
export function regionCounts(topology, counts = { gemeente: {}, without_code: 0 }) {
  const gemeenten = features(topology, "gemeente_2025");
  const regions = mergedFeatures(topology, "gemeente_2025", {
    key: "zorgkantoorregio_code",
    name: "zorgkantoorregio",
  });
  const props = new Map(gemeenten.map((d) => [d.id, d.properties]));
  const regionNames = new Map(regions.map((d) => [d.id, d.properties.statnaam]));
  const perGemeente = new Map(Object.entries(counts.gemeente));
  const perRegion = new Map();
  for (const [code, n] of perGemeente) {
    const zk = props.get(code)?.zorgkantoorregio_code;
    if (zk) perRegion.set(zk, (perRegion.get(zk) ?? 0) + n);
  }
  const order = (a, b) => b.n - a.n || a.naam.localeCompare(b.naam, "nl");
  return {
    gemeenten,
    regions,
    perGemeente,
    perRegion,
    withoutCode: counts.without_code,
    gemeenteRows: [...perGemeente]
      .map(([code, n]) => ({
        code,
        naam: props.get(code)?.statnaam ?? code,
        zk: props.get(code)?.zorgkantoorregio,
        n,
      }))
      .sort(order),
    regionRows: [...perRegion]
      .map(([code, n]) => ({ code, naam: regionNames.get(code) ?? code, n }))
      .sort(order),
  };
}

export const GEMEENTE_COLUMNS = [
  { key: "code", label: "Gemeentecode" },
  { key: "naam", label: "Gemeente" },
  { key: "zk", label: "Zorgkantoorregio" },
  { key: "n", label: "Lidorganisaties", num: true, format: formatInteger },
];

export const REGION_COLUMNS = [
  { key: "code", label: "Code" },
  { key: "naam", label: "Zorgkantoorregio" },
  { key: "n", label: "Lidorganisaties", num: true, format: formatInteger },
];
