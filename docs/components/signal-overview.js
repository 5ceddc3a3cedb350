// The Signalen page's chart and table (signals.json): signals per network or region by severity,
// and every signal. Severity colours run from dark (hoog) to light (laag), so their order survives
// every form of colour-blindness; the counts are written in the bars and the severity is always
// named in words too. The labels are in signal-labels.js.
import * as Plot from "@observablehq/plot";
import { tickFormat } from "./format.js";
import { dataTable } from "./table.js";
import { focusableScroll } from "./a11y.js";
import {
  SCOPE_TYPES,
  SEVERITIES,
  rank,
  scopeLabel,
  severityBadge,
  severityLabel,
  signalLabel,
  sortSignals,
} from "./signal-labels.js";

export { SEVERITIES, SIGNAL_LABELS } from "./signal-labels.js";

/** The counts per scope and severity: the data behind the chart. */
export function signalCounts(rows) {
  const counts = new Map();
  for (const row of rows) {
    const key = `${scopeLabel(row)}\u0000${row.severity}`;
    const entry = counts.get(key) ?? {
      scope: scopeLabel(row),
      scope_type: SCOPE_TYPES[row.scope_type] ?? row.scope_type,
      severity: row.severity,
      count: 0,
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.scope.localeCompare(b.scope, "nl") || rank(a.severity) - rank(b.severity),
  );
}

export const COUNT_COLUMNS = [
  { key: "scope", label: "Netwerk of regio" },
  { key: "scope_type", label: "Soort" },
  { key: "severity", label: "Ernst", format: severityLabel, sortValue: (r) => rank(r.severity) },
  { key: "count", label: "Signalen", num: true },
];

/** Horizontal bars: signals per network or region, stacked by severity, counts in the bars. */
export function signalsChart(counts, { width }) {
  const scopes = [...new Set(counts.map((d) => d.scope))];
  const order = SEVERITIES.map((s) => s.value);
  const longest = Math.max(4, ...scopes.map((s) => s.length));
  return Plot.plot({
    width,
    height: 50 + 30 * Math.max(1, scopes.length),
    marginLeft: Math.min(width / 2.5, 16 + 6.5 * longest),
    x: {
      label: "Aantal signalen →",
      tickFormat: tickFormat("aantal"),
      grid: true,
      ticks: Math.min(10, Math.max(...counts.map((d) => d.count), 1)),
    },
    y: { label: null, domain: scopes },
    color: {
      domain: order,
      range: SEVERITIES.map((s) => s.color),
      tickFormat: severityLabel,
      legend: true,
      label: "Ernst",
    },
    marks: [
      Plot.barX(counts, {
        x: "count",
        y: "scope",
        fill: "severity",
        order,
        stroke: "currentColor",
        strokeWidth: 0.5,
        title: (d) =>
          `${d.scope}: ${d.count} ${d.count === 1 ? "signaal" : "signalen"} met ernst ${severityLabel(d.severity).toLowerCase()}`,
      }),
      Plot.text(
        counts,
        Plot.stackX({ x: "count", y: "scope", z: "severity", order, text: "count", fill: "black" }),
      ),
      Plot.ruleX([0]),
    ],
  });
}

/** Every signal in a sortable, searchable table, most urgent first. */
export function signalsTable(rows, { search = "Zoek in de signalen" } = {}) {
  const table = dataTable(sortSignals(rows), {
    search,
    columns: [
      {
        key: "severity",
        label: "Ernst",
        format: (v) => severityBadge(v),
        sortValue: (r) => rank(r.severity),
      },
      { key: "signal", label: "Soort", format: signalLabel },
      { key: "scope", label: "Netwerk of regio", format: (_, row) => scopeLabel(row) },
      {
        key: "subject_id",
        label: "Over",
        format: (v) => String(v ?? "").replaceAll("-", "\u2011"),
      },
      { key: "message_nl", label: "Toelichting" },
    ],
  });
  return focusableScroll(table, "Tabel met signalen");
}
