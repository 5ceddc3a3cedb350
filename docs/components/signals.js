// Signals (signalen) as a short list: severity first, then the Dutch sentence from the export.
import { html } from "htl";

/** Severity order: hoog before middel before laag. */
export const SEVERITY_ORDER = { hoog: 0, middel: 1, laag: 2 };

/** The signals sorted by severity, then scope and subject (a new array). */
export function sortSignals(signals) {
  return signals
    .slice()
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
        String(a.scope).localeCompare(String(b.scope), "nl") ||
        String(a.subject_id).localeCompare(String(b.subject_id), "nl"),
    );
}

/** A list of signals: a severity badge and the message (text from the export, escaped by htl). */
export function signalList(signals) {
  if (signals.length === 0) return html`<p class="muted">Geen signalen.</p>`;
  return html`<ul class="signal-list">
    ${signals.map(
      (s) =>
        html`<li>
          <span class=${`severity severity-${s.severity}`}>${s.severity}</span>${s.message_nl}
        </li>`,
    )}
  </ul>`;
}
