// The IZA page's map: the zorgkantoorregio's with a regional plan, shaded by progress.
import * as Plot from "@observablehq/plot";
import { feature, mesh } from "topojson-client";
import { formatPercent } from "./format.js";
import { PROGRESS_COLOR } from "./iza-charts.js";

/**
 * The zorgkantoorregio's: those with a regional plan shaded by progress (0–100 %, linear) and
 * labelled with it (the name is in the tooltip and the table), the others grey. `rows`: [{code, region, progress}].
 */
export function izaMap(topology, rows, { width }) {
  const object = topology.objects.zorgkantoorregio_2025;
  const areas = feature(topology, object).features;
  const land = { type: "FeatureCollection", features: areas };
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const planned = areas.filter((a) => byCode.has(a.id));
  const w = Math.min(width, 640);
  return Plot.plot({
    width: w,
    height: Math.round(w * 1.12),
    projection: { type: "mercator", domain: land },
    color: PROGRESS_COLOR,
    marks: [
      Plot.geo(land, { fill: "var(--theme-foreground-faintest)" }),
      Plot.geo(planned, {
        fill: (d) => byCode.get(d.id).progress,
        title: (d) =>
          `${byCode.get(d.id).region} (${d.id}): ${formatPercent(byCode.get(d.id).progress)} gereed`,
      }),
      Plot.geo(
        mesh(topology, object, (a, b) => a !== b),
        {
          stroke: "var(--theme-background)",
          strokeWidth: 0.6,
        },
      ),
      Plot.text(
        planned,
        Plot.centroid({
          text: (d) => formatPercent(byCode.get(d.id).progress),
          fill: "currentColor",
          stroke: "var(--theme-background)",
          strokeWidth: 3,
          paintOrder: "stroke",
          fontWeight: "bold",
          fontSize: 11,
        }),
      ),
    ],
  });
}
