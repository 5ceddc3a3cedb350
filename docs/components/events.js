// The meetings page's charts and list: meetings per quarter and type, and the job levels of the
// attendees of the latest meetings (events_summary.json and event_roles.json of one scope).
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { formatDate, formatInteger, formatPercent, tickFormat, toDate } from "./format.js";
import { label, vocabularyColor } from "./palette.js";

/** A meeting type with a capital ("Onbekend" when empty). */
export const typeName = (t) => (t ? t.charAt(0).toUpperCase() + t.slice(1) : "Onbekend");

/** "K1 2025" for the quarter starting at a Date. */
export const quarterLabel = (d) => `K${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;

/** One scope's counts of events_summary.json (empty for a scope without meetings). */
export const eventCounts = (summary, scope) =>
  summary.scopes[scope] ?? { per_quarter: [], last_year: 0, recent: [] };

/** Meetings per quarter and type, oldest first. */
export function quarterRows(counts) {
  return counts.per_quarter
    .map((d) => ({ quarter: toDate(d.quarter), type: typeName(d.type), n: d.n }))
    .sort((a, b) => a.quarter - b.quarter || a.type.localeCompare(b.type, "nl"))
    .map((d) => ({ ...d, kwartaal: quarterLabel(d.quarter) }));
}

export const QUARTER_COLUMNS = [
  { key: "kwartaal", label: "Kwartaal" },
  { key: "type", label: "Soort" },
  { key: "n", label: "Bijeenkomsten", num: true, format: formatInteger },
];

/** Bars a quarter wide, stacked by type. */
export function quarterChart(rows, { width }) {
  const types = [...new Set(rows.map((d) => d.type))].sort((a, b) => a.localeCompare(b, "nl"));
  return Plot.plot({
    width,
    height: 300,
    x: { type: "utc", label: "Kwartaal", tickFormat: tickFormat("jaar"), ticks: d3.utcYear },
    y: { label: "Aantal bijeenkomsten", grid: true, tickFormat: tickFormat("aantal") },
    color: { domain: types, scheme: "observable10", legend: true },
    marks: [
      Plot.rectY(rows, {
        x1: "quarter",
        x2: (d) => d3.utcMonth.offset(d.quarter, 3),
        y: "n",
        fill: "type",
        inset: 0.5,
        title: (d) => `${d.kwartaal}, ${d.type}: ${formatInteger(d.n)}`,
        tip: true,
      }),
      Plot.ruleY([0]),
    ],
  });
}

const eventLabel = (e) => `${formatDate(e.event_date)} · ${e.event_name}`;

/** Attendees per job level of the scope's recent meetings, with their share of each meeting. */
export function roleRows(eventRoles, recent, meta) {
  const byId = new Map(recent.map((e) => [e.event_id, e]));
  return eventRoles
    .filter((r) => byId.has(r.event_id))
    .map((r) => {
      const e = byId.get(r.event_id);
      return {
        ...r,
        event: eventLabel(e),
        event_date: e.event_date,
        event_name: e.event_name,
        role_nl: label(meta, "person_role", r.person_role),
        share: r.attended / (e.attended || 1),
      };
    });
}

export const ROLE_COLUMNS = [
  { key: "event_date", label: "Datum", format: formatDate, nowrap: true },
  { key: "event_name", label: "Bijeenkomst" },
  { key: "role_nl", label: "Functieniveau" },
  { key: "attended", label: "Aanwezig", num: true, format: formatInteger },
  { key: "share", label: "Aandeel", num: true, format: (v) => formatPercent(v) },
];

/** A bar per recent meeting (`recent`, latest first), split by the attendees' job levels. */
export function roleChart(rows, recent, meta, { width }) {
  return Plot.plot({
    width,
    height: 60 + recent.length * 22,
    marginLeft: width < 640 ? 125 : Math.min(320, width * 0.45),
    x: {
      label: "Aandeel van de aanwezigen (%)",
      tickFormat: tickFormat("aandeel"),
      axis: "top",
      grid: true,
    },
    y: {
      label: null,
      domain: recent.map(eventLabel),
      // Narrow screens: "dd-mm name…" (the full date and name are in the tooltip and table).
      tickFormat: (s) => {
        const text = width < 640 ? `${s.slice(0, 5)} ${s.slice(13)}` : s;
        const max = width < 640 ? 20 : 60;
        return text.length > max ? `${text.slice(0, max - 1)}…` : text;
      },
    },
    color: vocabularyColor(meta, "person_role", { legend: true }),
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          y: "event",
          x: "share",
          fill: "person_role",
          order: meta.vocabularies.person_role.map((v) => v.value),
          title: (d) =>
            `${d.event_name} (${formatDate(d.event_date)}): ${d.role_nl} ${formatInteger(d.attended)} aanwezig (${formatPercent(d.share)})`,
          tip: true,
        }),
      ),
    ],
  });
}

/** The meetings of the list with the Dutch type and the turnout. */
export const eventRows = (rows) =>
  rows.map((e) => ({
    ...e,
    type_nl: typeName(e.event_type),
    opkomst: e.registrations ? e.attended / e.registrations : null,
  }));

/** The columns of the list of meetings (the network only when all networks are shown). */
export const eventColumns = (scope) => [
  { key: "event_date", label: "Datum", format: formatDate, nowrap: true },
  { key: "event_name", label: "Bijeenkomst" },
  { key: "type_nl", label: "Soort" },
  ...(scope === "alle"
    ? [{ key: "network", label: "Netwerk", format: (v) => v ?? "Netwerkoverstijgend" }]
    : []),
  { key: "registrations", label: "Aangemeld", num: true, format: formatInteger },
  { key: "attended", label: "Aanwezig", num: true, format: formatInteger },
  { key: "opkomst", label: "Opkomst", num: true, format: (v) => formatPercent(v) },
  { key: "organisations", label: "Organisaties", num: true, format: formatInteger },
];
