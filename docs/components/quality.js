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

/** Four cards with the totals: files loaded, rows read, rows rejected, warnings. */
export function qualityCards(rows) {
  const loaded = rows.filter((row) => row.status === "ok").length;
  const card = (title, value, note) =>
    html`<div class="card">
      <h2>${title}</h2>
      <span class="big">${value}</span>${note ? html`<p class="muted">${note}</p>` : ""}
    </div>`;
  return html`<div class="grid grid-cols-4">
    ${card("Bestanden geladen", `${formatCount(loaded)} van ${formatCount(rows.length)}`)}
    ${card("Rijen gelezen", formatCount(total(rows, "rows_read")))}
    ${card("Rijen afgewezen", formatCount(total(rows, "rows_rejected")))}
    ${card("Waarschuwingen", formatCount(total(rows, "warnings")))}
  </div>`;
}

/** When the refresh ran, in Dutch, e.g. "24 november 2025 om 10:12". */
export function formatGeneratedAt(iso) {
  if (!iso) return null;
  return new Date(iso).toLocaleString("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
}
