// The downloads page's parts (downloads.json): the output tables with a link per format, and
// their columns as a data dictionary. The files are copied to dist/bestanden/ by scripts/build/downloads.js.
import { html } from "htl";
import { formatInteger, formatNumber } from "./format.js";
import { dataTable } from "./table.js";
import { focusableScroll } from "./a11y.js";

/** The three formats of every output table (spec/outputs.md). */
export const FORMATS = [
  { key: "nl_csv", suffix: ".nl.csv", label: "Excel (NL)" },
  { key: "csv", suffix: ".csv", label: "CSV" },
  { key: "parquet", suffix: ".parquet", label: "Parquet" },
];

/** A file size in Dutch: 812 bytes, 12,3 kB, 1,4 MB. */
export function formatBytes(bytes) {
  if (bytes < 1000) return `${formatInteger(bytes)} bytes`;
  if (bytes < 1_000_000) return `${formatNumber(bytes / 1000, 1)} kB`;
  return `${formatNumber(bytes / 1_000_000, 1)} MB`;
}

/** A download link with `download`; its text is the size, its accessible name says it all. */
function fileLink(table, format, base) {
  const name = `${table.name}${format.suffix}`;
  const size = formatBytes(table.sizes[format.key]);
  return html`<a
    class="download-link"
    href=${`${base}${name}`}
    download=${name}
    aria-label=${`${size}: ${table.title} als ${format.label}`}
    title=${name}
    style="white-space: nowrap"
    ><span aria-hidden="true">↓ </span>${size}</a
  >`;
}

/** A table of the output tables: title and name, what a row is, rows, a column per format. */
export function downloadsTable(tables, { base = "./bestanden/" } = {}) {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="De tabellen">
    <table class="downloads-table">
      <thead>
        <tr>
          <th scope="col">Tabel</th>
          <th scope="col">Eén rij is</th>
          <th scope="col" class="num">Rijen</th>
          ${FORMATS.map((f) => html`<th scope="col" class="num">${f.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${tables.map(
          (t) =>
            html`<tr>
              <td><strong>${t.title}</strong><br /><code>${t.name}</code></td>
              <td>${t.row_nl}</td>
              <td class="num">${formatInteger(t.rows)}</td>
              ${FORMATS.map((f) => html`<td class="num">${fileLink(t, f, base)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The output tables as a list, for a phone: title, rows, what a row is, and the three links. */
export function downloadsList(tables, { base = "./bestanden/" } = {}) {
  return html`<ul class="downloads-list" style="list-style: none; padding: 0">
    ${tables.map(
      (t) =>
        html`<li style="margin: 0 0 1rem">
          <strong>${t.title}</strong> <code>${t.name}</code>
          <span class="muted">(${formatInteger(t.rows)} ${t.rows === 1 ? "rij" : "rijen"})</span
          ><br />
          ${t.row_nl}
          <div style="display: flex; flex-wrap: wrap; gap: 0.2rem 1rem">
            ${FORMATS.map(
              (f) =>
                html`<span style="white-space: nowrap">${f.label}: ${fileLink(t, f, base)}</span>`,
            )}
          </div>
        </li>`,
    )}
  </ul>`;
}

/** The columns of one output table: name, type and Dutch description. */
export function columnsTable(table) {
  const element = dataTable(table.columns, {
    sortable: false,
    columns: [
      { key: "name", label: "Kolom", format: (v) => html`<code>${v}</code>` },
      { key: "type_nl", label: "Type" },
      { key: "description", label: "Omschrijving" },
    ],
  });
  return focusableScroll(element, `Kolommen van ${table.title}`);
}

/** Every output table's columns, each in a collapsible section. */
export function dictionary(tables) {
  return html`<div class="dictionary">
    ${tables.map(
      (t) =>
        html`<details class="dictionary-table">
          <summary><strong>${t.title}</strong> (<code>${t.name}</code>): ${t.row_nl}</summary>
          ${columnsTable(t)}
        </details>`,
    )}
  </div>`;
}

/**
 * The link to the workbook of all tables (regiomonitor.xlsx, downloads.json's `workbook`), with
 * its size; a note instead when the refresh that wrote the outputs made none.
 */
export function workbookLink(workbook, { base = "./bestanden/" } = {}) {
  if (!workbook)
    return html`<p class="muted">De Excel-werkmap is bij deze verversing niet gemaakt.</p>`;
  const size = formatBytes(workbook.size);
  return html`<p>
    <a
      class="download-link"
      href=${`${base}${workbook.name}`}
      download=${workbook.name}
      aria-label=${`Alle tabellen in één Excel-werkmap (${size})`}
      ><span aria-hidden="true">↓ </span>Alle tabellen in één Excel-werkmap</a
    >
    <span class="muted">(${workbook.name}, ${size})</span>
  </p>`;
}
