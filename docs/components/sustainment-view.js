// "Projecten met verduurzamingsrisico" on /financiering: the signals verduurzaming_risico of the
// scope shown, and its running projects without granted funding after the peildatum's year (the
// project list of the scope, fetched when opened).
import { html } from "htl";
import { formatInteger } from "./format.js";
import { lazyList, listsOf } from "./lists.js";
import { withoutFuture, withoutFutureColumns } from "./projects.js";
import { signalList, sortSignals } from "./signals.js";
import { dataTable } from "./table.js";

/** The risk signals of `scope` ("alle": every network) with a sentence that counts them. */
export function riskSignals(signals, { scope, who, year }) {
  const shown = sortSignals(
    signals.filter(
      (s) => s.signal === "verduurzaming_risico" && (scope === "alle" || s.scope === scope),
    ),
  );
  return html`<p>
      Lopende projecten die binnen zes maanden aflopen en geen toegekende financiering hebben na
      ${year}:
      <strong>${formatInteger(shown.length)}</strong> voor ${who}.
    </p>
    ${signalList(shown)}`;
}

/**
 * The running projects of `scope` without funding after `year`, from its project list
 * (projects_summary.json `summary`), the first to end first; `peildatum` in words.
 */
export async function withoutFutureList({ summary, meta, scope, who, year, peildatum }) {
  const count = summary.scopes[scope]?.without_future ?? 0;
  const list = await lazyList({
    kind: "projecten",
    lists: listsOf(summary, scope),
    version: meta.refreshed_at,
    noun: "projecten",
    hint: html`<span class="muted">
      ${formatInteger(count)} daarvan lopen op ${peildatum} en hebben geen geld na ${year}.
    </span>`,
    render: (rows) =>
      dataTable(withoutFuture(rows, meta, year), {
        search: "Zoek een project",
        caption: `${formatInteger(count)} lopende projecten van ${who} op ${peildatum} zonder financiering na ${year}; eerst de projecten die het eerst aflopen.`,
        sort: { key: "end_on", descending: false },
        className: "tall",
        pageSize: 100,
        columns: withoutFutureColumns(scope),
      }),
  });
  return html`<h3>Lopende projecten zonder toegekend geld na ${year}</h3>
    ${list}`;
}
