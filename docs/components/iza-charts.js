// The IZA page's charts: progress per region and theme (a heatmap) and the milestones on a
// timeline (deadline and completion per region), over the rows of iza.js.
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { html, svg } from "htl";
import { formatDate, formatInteger, formatPercent, tickFormat, toDate } from "./format.js";
import { STATUSES } from "./iza.js";

/** The colour scale of I5 (voortgang), shared by the heatmap and the map. */
export const PROGRESS_COLOR = {
  type: "linear",
  domain: [0, 1],
  scheme: "blues",
  legend: true,
  label: "Voortgang: aandeel mijlpalen gereed (%)",
  tickFormat: tickFormat("aandeel"),
  marginLeft: 12,
  marginRight: 16,
};

/** Region × theme: the share completed as the cell's shade, "gereed/totaal" written in it. */
export function progressHeatmap(cells, { width }) {
  const regions = [...new Set(cells.map((c) => c.region))];
  const themes = [...new Set(cells.map((c) => c.theme))].sort((a, b) => a.localeCompare(b, "nl"));
  const grid = themes.flatMap((theme) => regions.map((region) => ({ theme, region })));
  const marginLeft = width < 600 ? 120 : 200;
  const minimum = marginLeft + 80 + 48 * regions.length;
  return Plot.plot({
    width: Math.max(width, minimum),
    height: 110 + 38 * themes.length,
    // Wider than the screen: keep its size and let the surrounding region scroll sideways.
    style: width < minimum ? { maxWidth: "none" } : undefined,
    marginLeft,
    marginTop: 100,
    marginRight: 80,
    x: { domain: regions, axis: "top", label: null, tickRotate: -35 },
    y: { domain: themes, label: null, axis: null },
    color: PROGRESS_COLOR,
    marks: [
      // Long theme names wrap on a narrow screen.
      Plot.axisY({ label: null, tickSize: 0, lineWidth: Math.floor((marginLeft - 10) / 10) }),
      Plot.cell(grid, {
        x: "region",
        y: "theme",
        fill: "var(--theme-foreground-faintest)",
        inset: 1,
      }),
      Plot.cell(cells, {
        x: "region",
        y: "theme",
        fill: "progress",
        inset: 1,
        title: (d) =>
          `${d.region}, ${d.theme}\n${formatInteger(d.completed)} van ${formatInteger(d.milestones)} mijlpalen gereed (${formatPercent(d.progress)})${d.overdue ? `\n${formatInteger(d.overdue)} achterstallig` : ""}`,
      }),
      Plot.text(cells, {
        x: "region",
        y: "theme",
        text: (d) => `${d.completed}/${d.milestones}${d.overdue ? "!" : ""}`,
        fill: (d) => (d.progress > 0.55 ? "white" : "black"),
        fontWeight: "bold",
      }),
    ],
  });
}

/**
 * A timeline per region: the deadline (open diamond) and the completion (filled symbol in the
 * status colour), joined by a line; an overdue milestone's line runs on to the peildatum.
 */
export function timelineChart(rows, { width, asOf }) {
  const regions = [...new Set(rows.map((r) => r.region))];
  const lanes = Math.max(1, ...rows.map((r) => r.lane + 1));
  const narrow = width < 600;
  const at = (k) => (d) => toDate(d[k]);
  const done = rows.filter((r) => r.completed_on && r.completed_on <= asOf);
  const color = {
    domain: STATUSES.map((s) => s.value),
    range: STATUSES.map((s) => s.color),
  };
  const symbol = { domain: STATUSES.map((s) => s.value), range: STATUSES.map((s) => s.symbol) };
  const tip = (d) =>
    `${d.title}\n${d.region}, ${d.iza_theme}\nDeadline ${formatDate(d.due_on)}${d.completed_on && d.completed_on <= asOf ? `, gereed op ${formatDate(d.completed_on)}` : ""}\n${d.status}`;
  const plot = Plot.plot({
    width,
    height: 60 + regions.length * (lanes * 14 + (narrow ? 34 : 18)),
    // On a narrow screen the region names stand above their panels instead of beside them.
    marginLeft: narrow ? 12 : 150,
    marginRight: 16,
    marginTop: 30,
    x: {
      type: "utc",
      label: "Datum →",
      tickFormat: narrow ? tickFormat("jaar") : tickFormat("datum"),
      ticks: narrow ? 4 : 8,
      grid: true,
      inset: 10,
    },
    y: { axis: null, domain: [lanes - 0.5, -0.5], type: "linear" },
    fy: { domain: regions, label: null, padding: narrow ? 0.3 : 0.1, axis: narrow ? null : "left" },
    color,
    symbol,
    marks: [
      narrow
        ? Plot.text(regions, {
            fy: (d) => d,
            text: (d) => d,
            frameAnchor: "top-left",
            dy: -10,
            fontWeight: "bold",
            fill: "currentColor",
          })
        : null,
      Plot.frame({ stroke: "var(--theme-foreground-faintest)" }),
      Plot.ruleX([toDate(asOf)], { stroke: "currentColor", strokeDasharray: "4,3" }),
      Plot.text([regions[0]], {
        fy: (d) => d,
        x: () => toDate(asOf),
        frameAnchor: "top",
        text: () => "peildatum",
        dy: -8,
        fill: "currentColor",
      }),
      Plot.link(rows, {
        x1: at("start"),
        x2: at("end"),
        y1: "lane",
        y2: "lane",
        fy: "region",
        stroke: "status",
        strokeWidth: 2,
        strokeOpacity: 0.7,
      }),
      Plot.dot(
        rows.filter((r) => r.status !== "Gepland"),
        {
          x: at("due_on"),
          y: "lane",
          fy: "region",
          symbol: () => "diamond",
          stroke: "currentColor",
          fill: "var(--theme-background)",
          r: 4,
          title: tip,
        },
      ),
      Plot.dot(
        rows.filter((r) => r.status === "Gepland"),
        {
          x: at("due_on"),
          y: "lane",
          fy: "region",
          symbol: "status",
          fill: "status",
          stroke: "currentColor",
          strokeWidth: 0.5,
          r: 4.5,
          title: tip,
        },
      ),
      Plot.dot(done, {
        x: at("completed_on"),
        y: "lane",
        fy: "region",
        symbol: "status",
        fill: "status",
        stroke: "currentColor",
        strokeWidth: 0.5,
        r: 4.5,
        title: tip,
      }),
      Plot.dot(
        rows.filter((r) => r.status === "Achterstallig"),
        {
          x: () => toDate(asOf),
          y: "lane",
          fy: "region",
          symbol: "status",
          stroke: "status",
          r: 5,
          strokeWidth: 2,
          title: tip,
        },
      ),
    ],
  });
  return html`<div>${timelineLegend()}${plot}</div>`;
}

const SYMBOLS = {
  circle: d3.symbolCircle,
  triangle: d3.symbolTriangle,
  times: d3.symbolTimes,
  diamond: d3.symbolDiamond,
};

/** A legend item: the symbol as drawn in the chart, and its meaning in words. */
function legendItem(symbol, { fill = "none", stroke = "currentColor", strokeWidth = 1 }, text) {
  const path = d3.symbol(SYMBOLS[symbol], 64)();
  return html`<span
    class="timeline-legend-item"
    style="display: inline-flex; align-items: center; gap: 4px; margin-right: 14px; white-space: nowrap"
    >${svg`<svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true"><path d=${path} fill=${fill} stroke=${stroke} stroke-width=${strokeWidth}></path></svg>`}${text}</span
  >`;
}

/** The timeline's legend: the deadline marker and each status, by shape and colour. */
function timelineLegend() {
  const item = (status) => STATUSES.find((s) => s.value === status);
  return html`<div class="timeline-legend" style="font: 12px var(--sans-serif); margin: 0 0 8px">
    ${legendItem("diamond", { fill: "var(--theme-background)" }, "Deadline")}
    ${legendItem("circle", { fill: item("Op tijd gereed").color, strokeWidth: 0.5 }, "Op tijd gereed")}
    ${legendItem("triangle", { fill: item("Te laat gereed").color, strokeWidth: 0.5 }, "Te laat gereed")}
    ${legendItem("times", { stroke: item("Achterstallig").color, strokeWidth: 2 }, "Achterstallig: de lijn loopt tot de peildatum")}
    ${legendItem("diamond", { fill: item("Gepland").color, strokeWidth: 0.5 }, "Gepland: deadline na de peildatum")}
  </div>`;
}
