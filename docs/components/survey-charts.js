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
  // Room for the labels on the left and "58 % (▲ +25 %-punt)" on the right, also on a phone.
  const marginLeft = Math.min(180, Math.round(width * 0.36));
  return Plot.plot({
    width,
    height: 30 + 26 * Math.max(1, rows.length),
    marginLeft,
    marginRight: Math.min(150, Math.round(width * 0.34)),
    x: { domain: [0, 1], axis: null },
    y: { domain: rows.map((r) => r.label), label: null, axis: null },
    marks: [
      // Long labels wrap instead of running off the left edge.
      Plot.axisY({ label: null, tickSize: 0, lineWidth: Math.floor((marginLeft - 8) / 9) }),
      Plot.barX(rows, {
        x: "share",
        y: "label",
        fill: "var(--theme-foreground-focus)",
        insetTop: 2,
        insetBottom: 2,
      }),
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
