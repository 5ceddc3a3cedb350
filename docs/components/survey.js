// The partner survey (spec/survey.md) on the pages: the enquete.json payload (site mart
// site_survey) in row shapes, Dutch labels of the factors, and the reason a value is empty. Only
// counts and shares of at least 5 respondents ever reach a page; a hidden value says so.
import { html } from "htl";
import { csvLink } from "./chart.js";
import { formatDate, formatInteger, formatNumber, formatPercent } from "./format.js";
import { scopeLabel } from "./trend.js";

export const NO_SURVEY = "Geen enquête aangeleverd";

/** The S codes of spec/survey.md. */
export const SURVEY_CODES = {
  enquete_respons: "S1",
  vertrouwen: "S2",
  waarde: "S3",
  wederzijdse_relaties: "S4",
  ervaren_afhankelijkheid: "S5",
  ervaren_meerlagigheid: "S6",
  ervaren_toekomstperspectief: "S7",
  ervaren_bereikbaarheid: "S8",
};

/** Short Dutch names, for pages that have no catalog at hand. */
export const SURVEY_NAMES = {
  enquete_respons: "Respons enquête",
  vertrouwen: "Vertrouwen tussen partners",
  waarde: "Waarde van de samenwerking",
  wederzijdse_relaties: "Wederzijdse relaties",
  ervaren_afhankelijkheid: "Ervaren onderlinge afhankelijkheid",
  ervaren_meerlagigheid: "Ervaren meerlagigheid",
  ervaren_toekomstperspectief: "Ervaren toekomstperspectief",
  ervaren_bereikbaarheid: "Ervaren bereikbaarheid",
};

/** Why a survey value is empty (the state of site_survey_series), in Dutch. */
export const STATE_TEXT = {
  geen_enquete: "geen enquête aangeleverd",
  geen_ronde: "nog geen enquêteronde",
  verborgen: "verborgen: minder dan 5 organisaties gaven antwoord",
};

/** The explanation of the small-number rule, wherever a value is hidden by it. */
export function smallNumberNote(n = 5) {
  return `Waar minder dan ${n} organisaties antwoord gaven, tonen we geen waarde: anders is het antwoord van één organisatie terug te rekenen.`;
}

const BARRIER_LABELS = {
  financiering: "Financiering",
  capaciteit: "Capaciteit en tijd",
  mandaat: "Mandaat",
  belangen: "Tegengestelde belangen",
  regelgeving: "Wet- en regelgeving",
  gegevensuitwisseling: "Gegevensuitwisseling",
  vertrouwen: "Gebrek aan vertrouwen",
  taal: "Taal en cultuur",
  trekker: "Geen trekker",
  overig: "Overig",
};
const SUCCESS_LABELS = {
  gedeelde_visie: "Gedeelde visie",
  vertrouwen: "Vertrouwen",
  trekker: "Een trekker",
  bestuurlijk_commitment: "Bestuurlijk commitment",
  financiering: "Financiering",
  snelle_resultaten: "Snelle resultaten",
  elkaar_kennen: "Elkaar kennen",
  gezamenlijke_taal: "Gezamenlijke taal",
  overig: "Overig",
};

/** The Dutch label of a barrier (`belemmering`) or success factor (`succesfactor`). */
export function factorLabel(kind, factor) {
  const labels = kind === "belemmering" ? BARRIER_LABELS : SUCCESS_LABELS;
  return labels[factor] ?? factor;
}

/** A value as text: a percentage, or why there is none. */
export function valueText(value, state) {
  return state === "waarde" ? formatPercent(value) : (STATE_TEXT[state] ?? STATE_TEXT.geen_enquete);
}

/**
 * One row per scope, indicator and reference date: {scope, scope_label, indicator, period_end,
 * value, state, round_on, respondents}. A scope or indicator absent from the payload (no S rows
 * at all) gives rows with state geen_enquete, never zero.
 */
export function surveyPoints(survey, ids, scopes) {
  const rows = [];
  for (const scope of scopes) {
    for (const indicator of ids) {
      const s = survey.series.find((x) => x.scope === scope && x.indicator === indicator);
      survey.reference_dates.forEach((period_end, i) => {
        const state = survey.delivered && s ? s.states[i] : "geen_enquete";
        rows.push({
          scope,
          scope_label: scopeLabel(scope),
          indicator,
          name: SURVEY_NAMES[indicator],
          period_end,
          value: state === "waarde" ? s.values[i] : null,
          state,
          text: valueText(s?.values[i], state),
          round_on: s?.rounds[i] ?? null,
          respondents: s ? s.respondents[i] : null,
        });
      });
    }
  }
  return rows;
}

export const POINT_COLUMNS = [
  { key: "scope_label", label: "Netwerk" },
  { key: "name", label: "Indicator" },
  { key: "period_end", label: "Peildatum", format: formatDate },
  { key: "round_on", label: "Enquêteronde", format: formatDate },
  { key: "respondents", label: "Respondenten", num: true, format: formatInteger },
  { key: "text", label: "Waarde" },
];

/** A change of a share in percentage points: +25 %-punt, −8 %-punt. */
export function pointsText(v) {
  const n = Math.round(v * 100);
  return `${n > 0 ? "+" : n < 0 ? "−" : ""}${formatNumber(Math.abs(n), 0)} %-punt`;
}

/** The ranked factors of one network and kind: {rank, label, named, share, change}. */
export function factorRows(survey, network, kind) {
  return survey.factors
    .filter((f) => f.network === network && f.kind === kind)
    .map((f) => ({ ...f, label: factorLabel(kind, f.factor) }));
}

export const FACTOR_COLUMNS = [
  { key: "rank", label: "Plaats", num: true },
  { key: "label", label: "Factor" },
  { key: "named", label: "Genoemd door", num: true, format: formatInteger },
  { key: "share", label: "Aandeel", num: true, format: (v) => formatPercent(v) },
  {
    key: "change",
    label: "Verandering",
    num: true,
    format: (v) => (v == null ? "–" : pointsText(v)),
  },
];

/**
 * In Dutch, what the ranking of a network shows: its latest round, or why nothing or no change
 * is shown (no survey, no round, a round of fewer than 5 respondents, no previous round).
 */
export function factorStatus(survey, network) {
  if (!survey.delivered) return `${NO_SURVEY}.`;
  const n = survey.networks.find((x) => x.network === network);
  if (!n) return `${scopeLabel(network)} hield nog geen enquêteronde.`;
  const round = `Ronde van ${formatDate(n.round_on)}`;
  if (n.factors_state === "verborgen")
    return `${round}: minder dan ${survey.small_number} organisaties gaven antwoord, daarom geen rangorde.`;
  const answered = `${round}, ${formatInteger(n.respondents)} organisaties gaven antwoord`;
  if (n.change_state === "eerste_ronde")
    return `${answered}. Dit is de eerste ronde: geen verandering.`;
  if (n.change_state === "vorige_verborgen")
    return `${answered}. Geen verandering: in de vorige ronde (${formatDate(n.previous_on)}) gaven minder dan ${survey.small_number} organisaties antwoord.`;
  return `${answered}. Verandering ten opzichte van de ronde van ${formatDate(n.previous_on)}.`;
}

/** A notice card for an element that has no survey to show. */
export function noSurvey(what) {
  return html`<div class="card survey-empty">
    <h2>${what}</h2>
    <p>${NO_SURVEY}.</p>
  </div>`;
}

/**
 * In Dutch, which scopes have values hidden by the small-number rule in `points` (and at how many
 * reference dates), or null when none is hidden.
 */
export function hiddenNote(points, n = 5) {
  const hidden = new Map();
  for (const p of points)
    if (p.state === "verborgen") hidden.set(p.scope_label, (hidden.get(p.scope_label) ?? 0) + 1);
  if (hidden.size === 0) return null;
  const list = [...hidden]
    .map(([scope, k]) => `${scope} (${k} ${k === 1 ? "peildatum" : "peildata"})`)
    .join(", ");
  return `Niet getoond omdat minder dan ${n} organisaties antwoord gaven: ${list}.`;
}

export const ROUND_COLUMNS = [
  { key: "network", label: "Netwerk" },
  { key: "round_on", label: "Enquêteronde", format: formatDate },
  {
    key: "respondents",
    label: "Organisaties die antwoord gaven",
    num: true,
    format: formatInteger,
  },
];

/**
 * A card with a title, a table or text (`content`) and, with `data` and `columns`, the CSV
 * download: the frame of a survey element that is not a chart (figure() is for charts).
 */
export function surveyCard({
  title,
  subtitle = null,
  content,
  note = null,
  data,
  columns,
  filename,
}) {
  return html`<div class="card survey-card">
    <h2 class="figure-title">${title}</h2>
    ${subtitle ? html`<h3 class="figure-subtitle">${subtitle}</h3>` : ""} ${content}
    ${note ? html`<p class="figure-note muted">${note}</p>` : ""}
    ${data && columns && data.length > 0 ? csvLink(data, columns, filename) : ""}
  </div>`;
}
