// Small form controls for Framework's view(): a group of checkboxes and a select with option
// groups. Each returns an element with a `value` and lets the inputs' "input" events bubble.
import { html } from "htl";

let counter = 0;

/**
 * Checkboxes in a fieldset with a legend: `options` [{value, label}], `value` the values checked
 * at first (default all). The element's value is the array of checked values, in option order.
 */
export function checkboxes({ legend, options, value = options.map((o) => o.value) }) {
  const name = `checkboxes-${++counter}`;
  const inputs = options.map(
    (o) =>
      html`<input
        type="checkbox"
        name=${name}
        value=${o.value}
        checked=${value.includes(o.value)}
      />`,
  );
  const element = html`<fieldset
    class="filter-checkboxes"
    style="border: none; padding: 0; margin: 0.5rem 0 1rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: baseline"
  >
    <legend style="float: left; font-weight: 600; padding: 0; margin-right: 0.5rem">
      ${legend}
    </legend>
    ${options.map(
      (o, i) => html`<label style="white-space: nowrap">${inputs[i]} ${o.label}</label>`,
    )}
  </fieldset>`;
  Object.defineProperty(element, "value", {
    get: () => inputs.filter((input) => input.checked).map((input) => input.value),
  });
  return element;
}

/**
 * A labelled select: `options` [{value, label}] or groups [{group, options: [{value, label}]}];
 * the element's value is the selected option's value.
 */
export function select({ label, options, value }) {
  const id = `select-${++counter}`;
  const option = (o) =>
    html`<option value=${o.value} selected=${o.value === value}>${o.label}</option>`;
  const input = html`<select id=${id}>
    ${options.map((o) =>
      o.group ? html`<optgroup label=${o.group}>${o.options.map(option)}</optgroup>` : option(o),
    )}
  </select>`;
  // The look of the network selector (scope-select in style.css).
  const element = html`<div class="filter-select scope-select">
    <label for=${id}>${label}</label>${input}
  </div>`;
  Object.defineProperty(element, "value", {
    get: () => input.value,
    set(v) {
      input.value = v;
    },
  });
  return element;
}
