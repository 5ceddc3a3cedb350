// Signals (signals.json) in words: Dutch names of the kinds and severities, the order of urgency,
// a severity badge and a short list for print. No charts here (see signal-overview.js), so pages
// that only list signals need not load Plot.
import { html } from "htl";

/** The severities, most urgent first, with a colour each (YlOrRd, dark to light). */
export const SEVERITIES = [
  { value: "hoog", label: "Hoog", color: "#d7301f" },
  { value: "middel", label: "Middel", color: "#fc8d59" },
  { value: "laag", label: "Laag", color: "#fdd49e" },
];

/** Dutch names of the kinds of signal (spec/indicators.md, Signals). */
export const SIGNAL_LABELS = {
  verduurzaming_risico: "Verduurzaming in gevaar",
  slapend_lid: "Slapend lid",
  mijlpaal_achterstallig: "Mijlpaal achterstallig",
  opkomst_daling: "Opkomst gedaald",
  behoud_laag: "Ledenbehoud laag",
};

/** Dutch names of the scope types. */
export const SCOPE_TYPES = { netwerk: "Netwerk", iza_regio: "IZA-regio", totaal: "Alle netwerken" };

export const severityLabel = (value) => SEVERITIES.find((s) => s.value === value)?.label ?? value;
export const signalLabel = (value) => SIGNAL_LABELS[value] ?? value;
/** The place of a severity in the order of urgency (0 = hoog). */
export const rank = (value) => {
  const i = SEVERITIES.findIndex((s) => s.value === value);
  return i < 0 ? SEVERITIES.length : i;
};

/** The name of a signal's scope: the network or region, or "Alle netwerken" for the total. */
export const scopeLabel = (row) => (row.scope_type === "totaal" ? "Alle netwerken" : row.scope);

/** The signals sorted most urgent first, then by scope, kind and subject. */
export function sortSignals(rows) {
  return rows
    .slice()
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        scopeLabel(a).localeCompare(scopeLabel(b), "nl") ||
        signalLabel(a.signal).localeCompare(signalLabel(b.signal), "nl") ||
        String(a.subject_id).localeCompare(String(b.subject_id), "nl"),
    );
}

/** A severity as a coloured marker and its name (the colour repeats the chart's). */
export function severityBadge(value) {
  const color = SEVERITIES.find((s) => s.value === value)?.color ?? "currentColor";
  const dot = {
    display: "inline-block",
    width: "0.7em",
    height: "0.7em",
    "border-radius": "50%",
    "margin-right": "0.35em",
    border: "1px solid currentColor",
    background: color,
  };
  return html`<span class="severity-badge" style="white-space: nowrap"
    ><span class="severity-dot" style=${dot} aria-hidden="true"></span
    ><strong>${severityLabel(value)}</strong></span
  >`;
}

/** The signals as a short list (most urgent first): severity and the Dutch sentence; for print. */
export function signalList(rows) {
  if (rows.length === 0) return html`<p class="muted">Geen signalen op de peildatum.</p>`;
  return html`<ul class="signal-list">
    ${sortSignals(rows).map(
      (s) => html`<li>${severityBadge(s.severity)} <span>${s.message_nl}</span></li>`,
    )}
  </ul>`;
}
