// The network selector: all networks (scope "alle") or one, as a labelled <select> that works
// with Framework's view(); and the selector of a network or an IZA region (Signalen). With
// `url`, the choice lives in the page's URL (url-state.js): `?netwerk=<slug>`, `?regio=<slug>`.
import { html } from "htl";
import { select } from "./filters.js";
import { networkChoices, slug, urlState } from "./url-state.js";

/** The choices: all networks first, then each network by name. */
export function scopeOptions(meta) {
  return [
    { value: "alle", label: "Alle netwerken" },
    ...meta.networks.map((n) => ({ value: n.name, label: n.name })),
  ];
}

let counter = 0;

/**
 * A labelled select (label "Netwerk" by default) whose `value` is "alle" or a network name and
 * which emits "input" on change: use it as `const scope = view(scopeSelect(meta, {url: true}))`
 * (`url`: the choice in the URL as `?netwerk=<slug>`, see url-state.js).
 */
export function scopeSelect(meta, { label = "Netwerk", value = "alle", url = false } = {}) {
  const id = `scope-select-${++counter}`;
  const select = html`<select id=${id}>
    ${scopeOptions(meta).map(
      (o) => html`<option value=${o.value} selected=${o.value === value}>${o.label}</option>`,
    )}
  </select>`;
  const element = html`<div class="scope-select"><label for=${id}>${label}</label>${select}</div>`;
  Object.defineProperty(element, "value", {
    get: () => select.value,
    set: (v) => {
      select.value = v;
    },
  });
  if (!url) return element;
  return urlState(element, {
    choices: networkChoices(meta),
    nouns: { netwerk: "het netwerk" },
    fallbackLabel: "alle netwerken",
  });
}

/**
 * The selector of Signalen, kept in the URL: all networks and regions ("*"), one network
 * ("netwerk:<name>", `?netwerk=<slug>`), all IZA regions ("iza_regio:*", `?regio=alle`) or one
 * ("iza_regio:<name>", `?regio=<slug>`). `regions`: the region names, in display order.
 */
export function networkRegionSelect(meta, regions) {
  const networks = meta.networks.map((n) => ({ value: `netwerk:${n.name}`, label: n.name }));
  const regionOptions = regions.map((r) => ({ value: `iza_regio:${r}`, label: r }));
  const element = select({
    label: "Netwerk of regio",
    value: "*",
    options: [
      { value: "*", label: "Alle netwerken en regio's" },
      { group: "Netwerken", options: networks },
      {
        group: "IZA-regio's",
        options: [{ value: "iza_regio:*", label: "Alle IZA-regio's" }, ...regionOptions],
      },
    ],
  });
  const choices = [
    { value: "*" },
    ...meta.networks.map((n) => ({ value: `netwerk:${n.name}`, param: "netwerk", key: n.slug })),
    // A choice's own key wins over "alle" as the fallback: `?regio=alle` is all IZA regions.
    { value: "iza_regio:*", param: "regio", key: "alle" },
    ...regions.map((r) => ({ value: `iza_regio:${r}`, param: "regio", key: slug(r) })),
  ];
  return urlState(element, {
    choices,
    nouns: { netwerk: "het netwerk", regio: "de regio" },
    fallbackLabel: "alle netwerken en regio's",
  });
}

/** The Dutch name of a scope for titles: "alle netwerken" or the network's name. */
export function scopeName(scope) {
  return scope === "alle" ? "alle netwerken" : scope;
}
