// The per-network lists of projects and meetings (site marts, src/site/): a page fetches the rows of
// the network shown, and for "alle netwerken" every list, but above AT_ONCE rows only when the
// reader asks (at national scale that is megabytes; the charts use the summaries instead). The
// co-participation graph comes per scope in the same way.
import { html } from "htl";
import { formatInteger } from "./format.js";

/** Up to this many rows, "alle netwerken" loads every list at once. */
export const AT_ONCE = 5000;

/** The list files of a scope: the network's own, or every list for "alle". */
export function listsOf(summary, scope) {
  return scope === "alle" ? summary.lists : summary.lists.filter((l) => l.network === scope);
}

/** The number of rows in `lists`. */
export const rowCount = (lists) => lists.reduce((n, l) => n + l.rows, 0);

/** The URL of a list file, relative to the (top-level) page; `version` defeats stale caches. */
export const listUrl = (kind, key, version) =>
  `./data/${kind}/${encodeURIComponent(key)}.json?v=${encodeURIComponent(version)}`;

/** Fetches one of the per-scope JSON files. */
async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Kon ${url} niet laden (HTTP ${response.status})`);
  return response.json();
}

/** Fetches the rows of `lists` (kind "projecten" or "bijeenkomsten"), in the lists' order. */
export async function loadLists(kind, lists, version) {
  const parts = await Promise.all(lists.map((list) => fetchJson(listUrl(kind, list.key, version))));
  return parts.flat();
}

/**
 * The co-participation graph of one scope (`summary.graphs` of projects_summary.json names its
 * file); an empty graph for a scope without one.
 */
export async function loadGraph(summary, scope, version) {
  const file = summary.graphs.find((g) => g.scope === scope);
  if (!file) return { nodes: [], links: [], total_nodes: 0, total_links: 0 };
  return fetchJson(listUrl("netwerkgraaf", file.key, version));
}

/**
 * The rows of `lists` rendered by `render(rows)`: at once when there are at most AT_ONCE, else
 * behind a button that says how many rows there are (`noun`: "projecten", …), with `hint` (e.g. a
 * link to the full download) beside it. Returns a promise of the element.
 */
export async function lazyList({ kind, lists, version, noun, render, hint = null }) {
  const count = rowCount(lists);
  if (count <= AT_ONCE) return render(await loadLists(kind, lists, version));
  const networks = lists.filter((l) => l.network != null);
  const status = html`<p class="muted" aria-live="polite"></p>`;
  const button = html`<button type="button" class="load-all">
    Toon alle ${formatInteger(count)} ${noun}
  </button>`;
  const content = html`<div>
    <p>
      ${formatInteger(count)} ${noun}
      ${
        lists.length === 1
          ? `van ${lists[0].network ?? "geen netwerk"}: te veel om meteen te laden.`
          : `van ${formatInteger(networks.length)} netwerken: te veel om meteen te laden. Kies hierboven één netwerk, of laad ze allemaal.`
      }
    </p>
    <p>${button} ${hint}</p>
  </div>`;
  button.onclick = async () => {
    button.disabled = true;
    status.textContent = `${formatInteger(count)} ${noun} worden geladen…`;
    try {
      const table = render(await loadLists(kind, lists, version));
      content.replaceChildren(table);
      status.textContent = `${formatInteger(count)} ${noun} geladen.`;
      // The button is gone: keep keyboard focus in the table that replaced it.
      (table.querySelector("input, [tabindex], button") ?? table).focus?.();
    } catch (error) {
      console.warn(error);
      button.disabled = false;
      status.textContent = "Laden mislukt. Controleer de verbinding en probeer het opnieuw.";
    }
  };
  return html`<div class="lazy-list">${content}${status}</div>`;
}
