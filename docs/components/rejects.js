// The rejected rows of the last refresh (rejects.json): Dutch names of the reason codes of
// spec/contract.md, a bar chart per file and reason, and a searchable table.
import * as Plot from "@observablehq/plot";
import { CATEGORICAL } from "./palette.js";
import { formatInteger, tickFormat } from "./format.js";
import { dataTable } from "./table.js";
import { focusableScroll } from "./a11y.js";

/** The reason codes of spec/contract.md with a Dutch name, in the contract's order. */
export const REASONS = [
  ["missing_value", "Verplichte waarde ontbreekt"],
  ["invalid_date", "Ongeldige datum"],
  ["invalid_number", "Ongeldig getal"],
  ["invalid_boolean", "Geen ja/nee-waarde"],
  ["unknown_value", "Onbekende waarde"],
  ["invalid_range", "Buiten het toegestane bereik"],
  ["duplicate_key", "Dubbele sleutel"],
  ["bad_row", "Onleesbare rij"],
];

const REASON_LABELS = new Map(REASONS);
export const reasonLabel = (code) => REASON_LABELS.get(code) ?? code;

/** The number of rejected rows per file and reason: the data behind the chart. */
export function rejectCounts(rejects) {
  const counts = new Map();
  for (const r of rejects) {
    const key = `${r.file}\u0000${r.reason}`;
    const entry = counts.get(key) ?? { file: r.file, reason: r.reason, rows: 0 };
    entry.rows++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.reason.localeCompare(b.reason),
  );
}

export const COUNT_COLUMNS = [
  { key: "file", label: "Bestand" },
  { key: "reason", label: "Reden", format: reasonLabel },
  { key: "rows", label: "Afgewezen rijen", num: true, format: formatInteger },
];

/** Horizontal bars: rejected rows per file, stacked and coloured by reason, counts in the bars. */
export function rejectsChart(counts, { width, files }) {
  const reasons = REASONS.map(([code]) => code).filter((code) =>
    counts.some((d) => d.reason === code),
  );
  const totals = files.map((file) => ({
    file,
    rows: counts.filter((d) => d.file === file).reduce((sum, d) => sum + d.rows, 0),
  }));
  const max = Math.max(1, ...totals.map((d) => d.rows));
  return Plot.plot({
    width,
    height: 60 + 30 * files.length,
    marginLeft: 150,
    marginRight: 30,
    x: {
      label: "Afgewezen rijen →",
      tickFormat: tickFormat("aantal"),
      grid: true,
      ticks: Math.min(10, max),
    },
    y: { label: null, domain: files },
    color: {
      domain: reasons,
      range: CATEGORICAL.slice(0, reasons.length),
      tickFormat: reasonLabel,
      legend: true,
      label: "Reden",
    },
    marks: [
      Plot.barX(counts, {
        x: "rows",
        y: "file",
        fill: "reason",
        order: reasons,
        stroke: "var(--theme-background)",
        title: (d) =>
          `${d.file}: ${formatInteger(d.rows)} afgewezen (${reasonLabel(d.reason).toLowerCase()})`,
      }),
      Plot.text(totals, {
        x: "rows",
        y: "file",
        text: (d) => formatInteger(d.rows),
        textAnchor: "start",
        dx: 5,
        fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * A rejected value as it stood in the export. The CSV outputs put a `'` before text that Excel
 * would read as a formula (`-500` is written `'-500`); the page shows the value itself.
 */
export function rawValue(value) {
  if (value == null || value === "") return "(leeg)";
  return String(value).replace(/^'(?=[=+\-@\t\r])/, "");
}

/** Every rejected row with its file, line, column, value and the reason in Dutch. */
export function rejectsTable(rejects) {
  const table = dataTable(rejects, {
    search: "Zoek in de afgewezen rijen",
    columns: [
      { key: "file", label: "Bestand" },
      { key: "line", label: "Regel", num: true, format: formatInteger },
      { key: "column", label: "Kolom" },
      {
        key: "value",
        label: "Waarde in het bestand",
        format: rawValue,
      },
      { key: "reason", label: "Reden", format: reasonLabel },
      { key: "message_nl", label: "Uitleg" },
    ],
  });
  return focusableScroll(table, "Tabel met afgewezen rijen");
}
