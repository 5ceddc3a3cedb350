// The network selector: all networks (scope "alle") or one, as a labelled <select> that works
// with Framework's view().
import { html } from "htl";

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
 * which emits "input" on change: use it as `const scope = view(scopeSelect(meta))`.
 */
export function scopeSelect(meta, { label = "Netwerk", value = "alle" } = {}) {
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
  return element;
}

/** The Dutch name of a scope for titles: "alle netwerken" or the network's name. */
export function scopeName(scope) {
  return scope === "alle" ? "alle netwerken" : scope;
}
