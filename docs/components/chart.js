// The shared frame of every chart: a title, a one-line subtitle (what it shows, at which
// peildatum), the chart itself, and its data one click away: a table behind a toggle and a CSV
// download for Dutch Excel (semicolon, decimal comma, dd-mm-jjjj, UTF-8 with BOM).
import { html } from "htl";
import { followChartAnchor } from "./anchors.js";
import { watchChart } from "./first-chart.js";
import { dataTable } from "./table.js";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell for Dutch Excel: numbers with a decimal comma, ISO dates as dd-mm-jjjj, text defused. */
function excelCell(value) {
  if (value == null) return "";
  if (typeof value === "number") return String(value).replace(".", ",");
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10).split("-").reverse().join("-");
  }
  let text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text.split("-").reverse().join("-");
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The rows as CSV text for Dutch Excel, with the columns' labels as header. Cells are the raw
 * values (not the display format), so numbers stay numbers in Excel.
 */
export function excelCsv(rows, columns) {
  const lines = [columns.map((c) => excelCell(c.label)).join(";")];
  for (const row of rows) lines.push(columns.map((c) => excelCell(row[c.key])).join(";"));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/**
 * A download link for the rows as CSV (Dutch Excel), from a blob URL in the page. The CSV is
 * built when the reader reaches for the link (pointer over it, focus or click; the click's
 * download then takes it), not when the figure is drawn: 7–26 ms per page, before its first
 * chart, for links that few readers use.
 */
export function csvLink(rows, columns, filename, label = "Download als CSV (Excel)") {
  const link = html`<a class="csv-link" download=${`${filename}.csv`} href="#">${label}</a>`;
  const build = () => {
    if (link.getAttribute("href") !== "#") return;
    const blob = new Blob([excelCsv(rows, columns)], { type: "text/csv;charset=utf-8" });
    link.href = URL.createObjectURL(blob);
  };
  for (const type of ["pointerenter", "focus", "click"]) link.addEventListener(type, build);
  return link;
}

/**
 * A chart in a card: `title`, `subtitle` (one Dutch line: what and at which peildatum), `chart`
 * (an element, e.g. `resize((width) => Plot.plot({width, …}))`), `data` (the rows behind it),
 * `columns` (table columns as in dataTable: key, label, format, num) and `filename` (for the
 * CSV, without extension). Optional `note` (a line below the chart, e.g. a source) and
 * `anchors`: the indicator ids the chart shows, each an anchor `#grafiek-<id>` that a summary
 * sentence on another page links to (an id at most once per page).
 */
export function figure({
  title,
  subtitle,
  chart,
  data = null,
  columns = null,
  filename,
  note = null,
  anchors = [],
}) {
  const hasData = data && columns;
  const details = hasData
    ? html`<details class="figure-data">
        <summary>Toon de gegevens als tabel</summary>
      </details>`
    : null;
  if (details) {
    // The table is built when first opened: pages stay light until a reader asks for it.
    details.ontoggle = () => {
      if (details.open && details.children.length === 1) {
        details.append(dataTable(data, { columns, sortable: true, label: `Gegevens: ${title}` }));
      }
    };
  }
  if (anchors.length) followChartAnchor();
  const element = html`<figure class="card rm-figure">
    ${anchors.map((id) => html`<span class="chart-anchor" id=${`grafiek-${id}`}></span>`)}
    <h2 class="figure-title">${title}</h2>
    ${subtitle ? html`<h3 class="figure-subtitle">${subtitle}</h3>` : ""}
    <div class="figure-chart">${chart}</div>
    ${note ? html`<p class="figure-note muted">${note}</p>` : ""}
    ${
      hasData
        ? html`<div class="figure-data-bar">
            ${details} ${csvLink(data, columns, filename ?? "gegevens")}
          </div>`
        : ""
    }
  </figure>`;
  // Sections that wait for the page's first chart (afterFirstChart) go on once this one is drawn.
  watchChart(element.querySelector(".figure-chart"));
  return element;
}
