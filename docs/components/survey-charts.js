// The charts of the partner survey: S1–S3 per network over the reference dates, and the ranked
// barriers or success factors of one network with their change. Hidden values are gaps.
import * as Plot from "@observablehq/plot";
import { formatDate, formatPercent, toDate } from "./format.js";
import { pointsText } from "./survey.js";
import { scopeStyle } from "./trend.js";

/**
 * One indicator per network over the reference dates (points: surveyPoints of one indicator);
 * a value hidden or absent is a gap in the line, never a zero.
 */
export function surveyTrend(points, { width, scopes, networks, height = 240 }) {
  const style = scopeStyle(scopes, networks);
  const rows = points.map((p) => ({ ...p, date: toDate(p.period_end) }));
  return Plot.plot({
    width,
    height,
    marginLeft: 44,
    x: { type: "utc", label: null, ticks: width < 500 ? 3 : 6, tickFormat: formatDate },
    y: { domain: [0, 1], grid: true, label: null, tickFormat: (v) => formatPercent(v) },
    color: style.color,
    symbol: style.symbol,
    marks: [
      Plot.line(rows, { x: "date", y: "value", stroke: "scope_label", strokeWidth: 2 }),
      Plot.dot(rows, {
        x: "date",
        y: "value",
        stroke: "scope_label",
        symbol: "scope_label",
        fill: "var(--theme-background)",
        r: 3,
        title: (d) => `${d.scope_label}, ${formatDate(d.period_end)}: ${d.text}`,
      }),
    ],
  });
}

/** A change of a share in percentage points: (▲ +25 %-punt), (▼ −8 %-punt), (= 0 %-punt). */
const changeText = (v) =>
  v == null ? "" : ` (${v > 0 ? "▲ " : v < 0 ? "▼ " : "= "}${pointsText(v)})`;

/** The factors of one round as bars, most named first, share and change written beside them. */
export function factorChart(rows, { width }) {
  const narrow = width < 500;
  return Plot.plot({
    width,
    height: 30 + 26 * Math.max(1, rows.length),
    marginLeft: narrow ? 130 : 180,
    marginRight: narrow ? 96 : 120,
    x: { domain: [0, 1], axis: null },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { x: "share", y: "label", fill: "var(--theme-foreground-focus)", inset: 2 }),
      Plot.text(rows, {
        x: "share",
        y: "label",
        text: (d) => `${formatPercent(d.share)}${changeText(d.change)}`,
        textAnchor: "start",
        dx: 4,
        fill: "currentColor",
      }),
    ],
  });
}
