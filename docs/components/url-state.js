// Shareable views: a selector's choice kept in the page's URL (`?netwerk=slimmer-leven`,
// `?regio=twente`). A link opens the page in that state, every change adds a history entry, and
// the back and forward buttons restore the selector and, through its "input" event, every cell
// that depends on it. A value in the URL that names no choice shows the first choice ("alle")
// and a visible note, never an error.
import { html } from "htl";

/**
 * The slug of a name as in a URL: the same rule as `slugify` in src/site/keys.ts, which makes the
 * networks' slugs in meta.json (test/site/url-state.test.ts checks that they agree).
 */
export function slug(name) {
  return String(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * What the URL asks for, given the choices: `[{value, param, key}]`, the first without `param`
 * (the fallback, "alle"). Each parameter of the choices that is present in `search` is looked up
 * by key (case-insensitive; "alle" means the fallback); the first present one decides. Returns
 * `{value, unknown}`: `unknown` is `{param, raw}` when the URL names no choice, else null.
 */
export function readChoice(choices, search) {
  const fallback = choices[0].value;
  const params = new URLSearchParams(search);
  for (const param of new Set(choices.filter((c) => c.param).map((c) => c.param))) {
    const raw = params.get(param);
    if (raw === null) continue;
    const key = raw.trim().toLowerCase();
    const found = choices.find((c) => c.param === param && c.key.toLowerCase() === key);
    if (found) return { value: found.value, unknown: null };
    if (key === "alle" || key === "") return { value: fallback, unknown: null };
    return { value: fallback, unknown: { param, raw } };
  }
  return { value: fallback, unknown: null };
}

/**
 * The query string for `value`: `search` without the choices' parameters, plus the chosen one's
 * (none for the fallback). Other parameters keep their place; "" when none is left.
 */
export function writeChoice(choices, value, search) {
  const params = new URLSearchParams(search);
  for (const c of choices) if (c.param) params.delete(c.param);
  const chosen = choices.find((c) => c.value === value);
  if (chosen?.param) params.set(chosen.param, chosen.key);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The note for a value in the URL that names no choice, in Dutch. */
export function unknownNote({ param, raw }, nouns, fallbackLabel) {
  const noun = nouns[param] ?? param;
  return `De link vraagt om ${noun} „${raw}”, maar die staat niet in de gegevens. U ziet ${fallbackLabel}.`;
}

/**
 * Keeps `element`'s value (a selector with a settable `value` that emits "input") in the URL.
 * `choices` as for readChoice; `nouns` names each parameter in the note (`{netwerk: "het
 * netwerk"}`); `fallbackLabel` what the fallback shows ("alle netwerken"). Returns a wrapper for
 * Framework's view(): the selector and the note, with the selector's value.
 */
export function urlState(element, { choices, nouns = {}, fallbackLabel }) {
  const note = html`<p class="url-state-note" role="status" style="margin: 0.25rem 0 1rem"></p>`;
  const wrapper = html`<div class="url-state">${element}${note}</div>`;
  const show = (unknown) => {
    note.textContent = unknown ? unknownNote(unknown, nouns, fallbackLabel) : "";
    note.hidden = !unknown;
  };
  const fromUrl = () => {
    const { value, unknown } = readChoice(choices, window.location.search);
    element.value = value;
    show(unknown);
  };
  fromUrl();
  // While the back button restores a choice, its "input" event must not add a history entry.
  let restoring = false;
  element.addEventListener("input", () => {
    if (restoring) return;
    const search = writeChoice(choices, element.value, window.location.search);
    if (search === window.location.search) return;
    const { pathname, hash } = window.location;
    window.history.pushState(null, "", `${pathname}${search}${hash}`);
    show(null);
  });
  window.addEventListener("popstate", () => {
    const before = element.value;
    fromUrl();
    if (element.value === before) return;
    restoring = true;
    try {
      element.dispatchEvent(new Event("input", { bubbles: true }));
    } finally {
      restoring = false;
    }
  });
  Object.defineProperty(wrapper, "value", {
    get: () => element.value,
    set: (v) => {
      element.value = v;
    },
  });
  return wrapper;
}

/** The choices of the network selector (scope.js): "alle", then each network by its slug. */
export function networkChoices(meta) {
  return [
    { value: "alle" },
    ...meta.networks.map((n) => ({ value: n.name, param: "netwerk", key: n.slug })),
  ];
}
