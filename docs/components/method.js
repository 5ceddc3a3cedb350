// The Methode page's parts: the indicator catalog (indicator_catalog.json) as a table per group,
// the signal rules, and the input contract (contract.json) as a table per export file plus the
// vocabularies. Everything is generated from data; only the headings and labels are written here.
import { html } from "htl";
import { dataTable } from "./table.js";
import { focusableScroll } from "./a11y.js";

/** The catalog's groups in the order of spec/indicators.md, with a Dutch heading. */
export const GROUPS = [
  ["leden", "Leden (M)"],
  ["projecten", "Projecten en het samenwerkingsnetwerk (P)"],
  ["bijeenkomsten", "Bijeenkomsten (E)"],
  ["financiering", "Financiering en verduurzaming (F)"],
  ["iza", "IZA-regioplannen (I)"],
];

const UNITS = {
  aantal: "aantal",
  aandeel: "aandeel (%)",
  gemiddelde: "gemiddelde",
  index: "index (0–1)",
  euro: "euro",
  "ja/nee": "ja of nee",
};

const DIRECTIONS = {
  hoger_is_beter: "hoger is beter",
  lager_is_beter: "lager is beter",
  neutraal: "geen voorkeur",
};

/**
 * The catalog's news_threshold in words: a share of the earlier value for aantal, euro and
 * gemiddelde, a difference otherwise (as the summaries' rule reads it, src/summaries/facts.ts).
 */
export function thresholdText(threshold, unit, direction) {
  if (threshold == null) return "–";
  if (direction === "neutraal") return "geen (geen voorkeursrichting)";
  const number = (v) => v.toLocaleString("nl-NL", { maximumFractionDigits: 2 });
  switch (unit) {
    case "aantal":
    case "euro":
    case "gemiddelde":
      return `${number(threshold * 100)} % van de eerdere waarde`;
    case "aandeel":
      return `${number(threshold * 100)} procentpunt`;
    case "ja/nee":
      return "elke verandering";
    default:
      return number(threshold);
  }
}

const codeOrder = (code) => {
  const m = /^([A-Z])(\d+)$/.exec(code ?? "");
  return m ? Number(m[2]) : 99;
};

/**
 * The catalog of one group: code, name, unit, direction and definition, as a table; with
 * `narrow` (a phone) as a list, where a table's definition column would be a word wide.
 */
export function catalogTable(catalog, group, codes, { narrow = false } = {}) {
  const rows = catalog
    .filter((c) => c.group === group)
    .map((c) => ({ ...c, code: codes[c.indicator] ?? "" }))
    .sort((a, b) => codeOrder(a.code) - codeOrder(b.code));
  if (narrow) {
    return html`<dl class="method-list">
      ${rows.map(
        (r) =>
          html`<div style="margin-bottom: 0.9rem">
            <dt><strong>${r.code} ${r.name_nl}</strong> <code>${r.indicator}</code></dt>
            <dd style="margin: 0.2rem 0 0">
              <span class="muted"
                >${UNITS[r.unit] ?? r.unit}, ${DIRECTIONS[r.direction] ?? r.direction}; nieuws vanaf
                ${thresholdText(r.news_threshold, r.unit, r.direction)}.</span
              >
              ${r.definition_nl}
            </dd>
          </div>`,
      )}
    </dl>`;
  }
  const table = dataTable(rows, {
    sortable: false,
    className: "method-table",
    columns: [
      { key: "code", label: "Code" },
      {
        key: "name_nl",
        label: "Indicator",
        format: (v, row) => html`<strong>${v}</strong><br /><code>${row.indicator}</code>`,
      },
      { key: "unit", label: "Eenheid", format: (v) => UNITS[v] ?? v },
      { key: "direction", label: "Richting", format: (v) => DIRECTIONS[v] ?? v },
      {
        key: "news_threshold",
        label: "Nieuws vanaf",
        format: (v, row) => thresholdText(v, row.unit, row.direction),
      },
      { key: "definition_nl", label: "Definitie" },
    ],
  });
  return focusableScroll(table, `Indicatoren: ${group}`);
}

/** The signal rules (methode.json) as a table (a list when `narrow`), with Dutch names. */
export function signalRulesTable(rules, labels, { narrow = false } = {}) {
  if (narrow) {
    return html`<dl class="method-list">
      ${rules.map(
        (r) =>
          html`<div style="margin-bottom: 0.9rem">
            <dt><strong>${labels[r.signal] ?? r.signal}</strong> <code>${r.signal}</code></dt>
            <dd style="margin: 0.2rem 0 0">
              ${r.rule_nl} <span class="muted">Ernst: ${r.severity_nl}.</span>
            </dd>
          </div>`,
      )}
    </dl>`;
  }
  const table = dataTable(rules, {
    sortable: false,
    className: "method-table",
    columns: [
      {
        key: "signal",
        label: "Signaal",
        format: (v) => html`<strong>${labels[v] ?? v}</strong><br /><code>${v}</code>`,
      },
      { key: "rule_nl", label: "Regel" },
      { key: "severity_nl", label: "Ernst" },
    ],
  });
  return focusableScroll(table, "Signaalregels");
}

/** One export file of the contract: what a row is, its key, and a table of its columns. */
export function contractFile(file) {
  return html`<section class="contract-file">
    <h3 id=${`contract-${file.file.replace(/\W+/g, "-")}`}>
      <code>${file.file}</code> of <code>${file.dutch_file}</code>
    </h3>
    <p>
      Eén rij is ${file.row_nl}.
      ${file.required ? "Dit bestand is verplicht." : "Dit bestand is niet verplicht; zonder dit bestand blijven de indicatoren die het nodig hebben leeg."}
      ${
        file.key_columns.length
          ? html`Sleutel:
            ${file.key_columns.map((k, i) => html`${i ? ", " : ""}<code>${k}</code>`)}.`
          : "Elke rij telt mee; er is geen sleutel."
      }
    </p>
    ${focusableScroll(
      dataTable(file.columns, {
        sortable: false,
        className: "method-table",
        columns: [
          { key: "name", label: "Kolom", format: (v) => html`<code>${v}</code>` },
          {
            key: "aliases",
            label: "Ook geaccepteerd",
            format: (v) => v.map((a, i) => html`${i ? ", " : ""}<code>${a}</code>`),
          },
          { key: "type_nl", label: "Type" },
          { key: "required", label: "Verplicht", format: (v) => (v ? "ja" : "nee") },
          { key: "note_nl", label: "Toelichting" },
        ],
      }),
      `Kolommen van ${file.file}`,
    )}
  </section>`;
}

/** The vocabularies: for each, its values and the other spellings that are accepted. */
export function vocabularyTable(vocabularies) {
  const rows = vocabularies.flatMap((v) =>
    v.values.map((value, i) => ({ list: i === 0 ? v.label_nl : "", ...value })),
  );
  const table = dataTable(rows, {
    sortable: false,
    className: "method-table",
    columns: [
      { key: "list", label: "Lijst", format: (v) => (v ? html`<strong>${v}</strong>` : "") },
      { key: "value", label: "Waarde", format: (v) => html`<code>${v}</code>` },
      {
        key: "aliases",
        label: "Ook geaccepteerd",
        format: (v) => v.map((a, i) => html`${i ? ", " : ""}<code>${a}</code>`),
      },
    ],
  });
  return focusableScroll(table, "Keuzelijsten");
}
