// "Sinds de vorige verversing" on /datakwaliteit (changes.json, the site mart site_changes of
// the output table changes): what the last refresh changed in the exports, the indicators at the
// peildatum and the signals. Everything is computed at refresh; this only shows it.
import { html } from "htl";
import { formatDate, formatInteger, formatNumber, formatValue } from "./format.js";
import { focusableScroll } from "./a11y.js";

const SCOPE_TYPES = { totaal: "alle netwerken", netwerk: "netwerk", iza_regio: "IZA-regio" };
const CHANGE_LABELS = { nieuw: "nieuw", opgelost: "opgelost" };

/**
 * An old and a new value in the indicator's unit; when both read the same, with as many more
 * digits as it takes (at most six), so that a moved value never shows as "12 % → 12 %".
 */
export function formatPair(before, after, unit) {
  const pair = [formatValue(before, unit), formatValue(after, unit)];
  if (pair[0] !== pair[1] || before == null || after == null) return pair;
  const share = unit === "aandeel";
  const more = (v, digits) =>
    share ? `${formatNumber(v * 100, digits)} %` : formatNumber(v, digits);
  for (let digits = share ? 1 : 2; digits <= 6; digits++) {
    const [a, b] = [more(before, digits), more(after, digits)];
    if (a !== b) return [a, b];
  }
  return pair;
}

/** True when the payload reports no change at all. */
export function nothingChanged(changes) {
  return (
    changes.files.every((f) => !f.added && !f.removed && !f.changed) &&
    !changes.indicators_moved &&
    !changes.signals_new &&
    !changes.signals_resolved
  );
}

function filesTable(files) {
  return focusableScroll(
    html`<div class="table-scroll">
      <table class="changes-files">
        <thead>
          <tr>
            <th scope="col">Bestand</th>
            <th scope="col" class="num">Toegevoegd</th>
            <th scope="col" class="num">Verwijderd</th>
            <th scope="col" class="num">Gewijzigd</th>
          </tr>
        </thead>
        <tbody>
          ${files.map(
            (f) =>
              html`<tr>
                <td><code>${f.file}</code></td>
                <td class="num">${formatInteger(f.added)}</td>
                <td class="num">${formatInteger(f.removed)}</td>
                <td class="num">${formatInteger(f.changed)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`,
    "Wijzigingen per exportbestand",
  );
}

function indicatorsTable(rows) {
  return focusableScroll(
    html`<div class="table-scroll">
      <table class="changes-indicators">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Voor</th>
            <th scope="col" class="num">Was</th>
            <th scope="col" class="num">Nu</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => {
            const [was, now] = formatPair(r.old_value, r.new_value, r.unit);
            const scope = r.scope_type === "totaal" ? SCOPE_TYPES.totaal : r.scope;
            return html`<tr>
              <td>${r.name_nl ?? r.indicator}</td>
              <td>${scope}</td>
              <td class="num">${was}</td>
              <td class="num">${now}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`,
    "Verschoven indicatoren",
  );
}

function signalItems(rows) {
  return html`<ul class="signal-list changes-signals">
    ${rows.map(
      (s) =>
        html`<li>
          <strong>${CHANGE_LABELS[s.change] ?? s.change}:</strong>
          <span class=${`severity severity-${s.severity}`}>${s.severity}</span>${s.message_nl}
        </li>`,
    )}
  </ul>`;
}

/** The whole section: the comparison, the exports, the indicators and the signals. */
export function changesSection(changes) {
  if (!changes.previous) {
    return html`<p class="changes-none">
      Geen vorige verversing: er is niets om mee te vergelijken. Na de volgende verversing staat
      hier wat er sindsdien is veranderd.
    </p>`;
  }
  const dates =
    changes.previous_as_of === changes.as_of
      ? `peildatum ${formatDate(changes.as_of)}, dezelfde als nu`
      : `peildatum ${formatDate(changes.previous_as_of)}; nu ${formatDate(changes.as_of)}`;
  const intro = html`<p>Vergeleken met de vorige verversing (${dates}).</p>`;
  if (nothingChanged(changes)) {
    return html`${intro}
      <p class="changes-none">
        Geen wijzigingen: geen rij toegevoegd, verwijderd of gewijzigd, geen indicator verschoven en
        geen signaal nieuw of opgelost.
      </p>`;
  }
  const shown = changes.indicators.length;
  const moved = changes.indicators_moved;
  return html`${intro}
    <h3>Exportbestanden</h3>
    ${filesTable(changes.files)}
    <h3>Indicatoren op de peildatum</h3>
    <p>
      ${
        moved
          ? `${formatInteger(moved)} ${moved === 1 ? "waarde is" : "waarden zijn"} verschoven${shown < moved ? `; hieronder de eerste ${formatInteger(shown)}` : ""}.`
          : "Geen indicator is verschoven."
      }
    </p>
    ${shown ? indicatorsTable(changes.indicators) : ""}
    <h3>Signalen</h3>
    <p>
      ${formatInteger(changes.signals_new)} nieuw, ${formatInteger(changes.signals_resolved)}
      opgelost${
        changes.signals.length < changes.signals_new + changes.signals_resolved
          ? `; hieronder de eerste ${formatInteger(changes.signals.length)}`
          : ""
      }.
    </p>
    ${changes.signals.length ? signalItems(changes.signals) : ""}`;
}
