import { html } from "htl";

/** Dutch labels for data_quality.status (spec/outputs.md: ok, absent, unusable). */
export const STATUS_LABELS = { ok: "in orde", absent: "ontbreekt", unusable: "onbruikbaar" };

const COUNTS = [
  ["rows_read", "Gelezen"],
  ["rows_loaded", "Geladen"],
  ["rows_rejected", "Afgewezen"],
  ["warnings", "Waarschuwingen"],
];

/** A count in Dutch notation; an empty (null) count as a dash. */
export function formatCount(value) {
  return value == null ? "–" : value.toLocaleString("nl-NL");
}

/** The sum of one count column over the rows, ignoring empty counts. */
export function total(rows, column) {
  return rows.reduce((sum, row) => sum + (row[column] ?? 0), 0);
}

/** The data-quality summary as a table, one row per export file. */
export function qualityTable(rows) {
  return html`<div class="table-scroll">
    <table class="quality-table">
      <thead>
        <tr>
          <th>Bestand</th>
          <th>Status</th>
          ${COUNTS.map(([, label]) => html`<th class="num">${label}</th>`)}
          <th>Toelichting</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              <td><code>${row.file}</code></td>
              <td>${STATUS_LABELS[row.status] ?? row.status}</td>
              ${COUNTS.map(([column]) => html`<td class="num">${formatCount(row[column])}</td>`)}
              <td>${row.note ?? ""}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
