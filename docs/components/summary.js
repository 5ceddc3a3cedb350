// "Wat is er veranderd": a scope's summary (data/samenvatting/<key>.json, written at refresh from
// the output table summaries), each sentence a link to the chart of its indicator or signal.
// A page calls loadSummary with its scope and displays summaryBlock; a region page
// (/iza/<regio>) calls it with scope_type "iza_regio" and the region's name.
import { html } from "htl";
import { ALL_KEY } from "./series.js";
import { slug } from "./url-state.js";

/** The file key of a scope's summary, as src/site/summaries.ts writes it. */
export function summaryKey(scopeType, scope) {
  if (scopeType === "totaal" || scope === "alle") return ALL_KEY;
  return scopeType === "iza_regio" ? `iza--${slug(scope)}` : slug(scope);
}

/**
 * The summary of a scope ({scope_type, scope, sentences: [{item, kind, group, sentence}]}), or
 * null when it has no file. `base`: the path from the page to the site's root ("./", "../").
 */
export async function loadSummary(meta, scopeType, scope, base = "./") {
  const key = encodeURIComponent(summaryKey(scopeType, scope));
  const url = `${base}data/samenvatting/${key}.json?v=${encodeURIComponent(meta.refreshed_at)}`;
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Kon ${url} niet laden (HTTP ${response.status})`);
  return response.json();
}

/** The page of each indicator group, where its charts are. */
const GROUP_PAGES = {
  leden: "leden",
  projecten: "projecten",
  bijeenkomsten: "bijeenkomsten",
  financiering: "financiering",
  iza: "iza/",
  enquete: "enquete",
};

/**
 * Where a sentence links: to its chart. On this page when it draws one (`charted`: the indicator
 * ids with an anchor #grafiek-<id>) or shows the indicator's KPI card (`local`: #kpi-<id>), a
 * signal to the page's own list (`signals`, e.g. "#signalen"); else to the chart on the page of
 * the indicator's group, showing the same scope (`query`), where every indicator of the group has
 * one (group-trends.js).
 */
export function sentenceHref(
  s,
  { base = "./", local = [], charted = [], signals = null, query = "" } = {},
) {
  if (s.kind === "signaal") return signals ?? `${base}signalen${query}`;
  if (charted.includes(s.item)) return `#grafiek-${s.item}`;
  if (local.includes(s.item)) return `#kpi-${s.item}`;
  const page = GROUP_PAGES[s.group];
  return page ? `${base}${page}${query}#grafiek-${s.item}` : `${base}methode`;
}

/**
 * The block "Wat is er veranderd" of a summary: a heading and the sentences as a list of links.
 * Options as sentenceHref; `heading`: false leaves the heading to the page.
 */
export function summaryBlock(summary, options = {}) {
  const { heading = true } = options;
  const sentences = summary?.sentences ?? [];
  return html`<section class="card summary" aria-label="Wat is er veranderd">
    ${heading ? html`<h2>Wat is er veranderd</h2>` : ""}
    ${
      sentences.length
        ? html`<ul class="summary-list">
            ${sentences.map(
              (s) =>
                html`<li data-item=${s.item}>
                  <a href=${sentenceHref(s, options)}>${s.sentence}</a>
                </li>`,
            )}
          </ul>`
        : html`<p class="muted">Geen veranderingen die de drempel halen.</p>`
    }
  </section>`;
}
