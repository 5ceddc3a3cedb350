import { sql, type Sql } from "../db/sql.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";
import { valuesCtes } from "./values.ts";

const scopeTypes = ["netwerk", "totaal"] as const;

const entries: readonly CatalogEntry[] = [
  {
    code: "E1",
    id: "bijeenkomsten_12m",
    group: "bijeenkomsten",
    name_nl: "Bijeenkomsten",
    name_en: "Meetings",
    unit: "aantal",
    direction: "hoger_is_beter",
    definition_nl:
      "Aantal verschillende bijeenkomsten met een datum in de twaalf maanden tot en met de peildatum. Bijeenkomsten zonder netwerk tellen alleen in het totaal.",
    zeroWhenEmpty: true,
    requires: ["attendance"],
    scopeTypes,
    value: { from: sql`event_stats`, expr: sql`n_events::double` },
  },
  {
    code: "E2",
    id: "opkomst_12m",
    group: "bijeenkomsten",
    name_nl: "Opkomst",
    name_en: "Turnout",
    unit: "aandeel",
    direction: "hoger_is_beter",
    definition_nl:
      "Van alle aanmeldingen voor bijeenkomsten in de twaalf maanden tot en met de peildatum, het aandeel dat ook aanwezig was. Leeg zonder aanmeldingen.",
    zeroWhenEmpty: false,
    requires: ["attendance"],
    scopeTypes,
    value: { from: sql`row_stats`, expr: sql`n_attended::double / n_rows` },
  },
  {
    code: "E3",
    id: "actieve_deelname_leden",
    group: "bijeenkomsten",
    name_nl: "Leden actief op bijeenkomsten",
    name_en: "Members active at meetings",
    unit: "aandeel",
    direction: "hoger_is_beter",
    definition_nl:
      "Aandeel van de actieve leden op de peildatum dat in de twaalf maanden tot en met de peildatum ten minste één keer aanwezig was op een bijeenkomst van het netwerk. Leeg zonder actieve leden.",
    zeroWhenEmpty: false,
    requires: ["members", "attendance"],
    scopeTypes,
    value: { from: sql`member_stats`, expr: sql`n_attending / n_members` },
  },
  {
    code: "E4",
    id: "meerlagigheid",
    group: "bijeenkomsten",
    name_nl: "Meerlagigheid",
    name_en: "Multi-level participation",
    unit: "aandeel",
    direction: "hoger_is_beter",
    definition_nl:
      "Van de actieve leden die in de twaalf maanden tot en met de peildatum aanwezig waren, het aandeel dat aanwezig was op ten minste twee van de niveaus bestuurder, management en professional. Leeg als geen lid aanwezig was.",
    zeroWhenEmpty: false,
    requires: ["members", "attendance"],
    scopeTypes,
    value: {
      from: sql`member_stats`,
      expr: sql`case when n_attending > 0 then n_multilevel / n_attending end`,
    },
  },
  {
    code: "E5",
    id: "deelnemende_organisaties_12m",
    group: "bijeenkomsten",
    name_nl: "Deelnemende organisaties",
    name_en: "Participating organisations",
    unit: "aantal",
    direction: "hoger_is_beter",
    definition_nl:
      "Aantal verschillende organisaties, leden of niet, met ten minste één aanwezige deelnemer op een bijeenkomst in de twaalf maanden tot en met de peildatum.",
    zeroWhenEmpty: true,
    requires: ["attendance"],
    scopeTypes,
    value: { from: sql`row_stats`, expr: sql`n_orgs::double` },
  },
];

/**
 * The attendance rows are reduced before they meet the reference dates. A day lies in the
 * windows (d − 12 months, d] of a run of consecutive reference dates first_idx … last_idx (both
 * ends of the window grow with d); days in no window, such as those after as_of, drop out.
 * Rows are aggregated per scope, organisation and run, which is small, and only then spread
 * over the dates. An organisation's levels are a bit set (1 bestuurder, 2 management,
 * 4 professional); rows without organisation stay, as one group, for E2.
 */
const spanCtes = sql`
window_days as (
  select a.event_date, min(r.idx) as first_idx, max(r.idx) as last_idx
  from (select distinct event_date from attendance_rows) as a
  join dates as r on a.event_date > r.d12 and a.event_date <= r.d
  group by a.event_date
),
org_spans as (
  select a.scope_type, a.scope, a.organisation_id, w.first_idx, w.last_idx,
    count(*) as n_rows,
    count(*) filter (where a.attended) as n_attended,
    bit_or(case a.person_role
      when 'bestuurder' then 1 when 'management' then 2 when 'professional' then 4 else 0
    end) filter (where a.attended) as levels
  from attendance_rows as a
  join window_days as w using (event_date)
  group by a.scope_type, a.scope, a.organisation_id, w.first_idx, w.last_idx
),
event_days as (
  select distinct scope_type, scope, event_id, event_date from attendance_rows
)`;

/** Per reference date: its window's rows, events and attending organisations. */
const windowCtes = sql`
org_window as materialized (
  select s.scope_type, s.scope, s.idx, s.organisation_id,
    sum(s.n_rows) as n_rows, sum(s.n_attended) as n_attended, bit_or(s.levels) as levels
  from (
    select *, unnest(generate_series(first_idx, last_idx)) as idx from org_spans
  ) as s
  group by s.scope_type, s.scope, s.idx, s.organisation_id
),
row_stats as (
  select w.scope_type, w.scope, r.d,
    sum(w.n_rows) as n_rows,
    sum(w.n_attended) as n_attended,
    count(w.organisation_id) filter (where w.n_attended > 0) as n_orgs
  from org_window as w
  join dates as r using (idx)
  group by w.scope_type, w.scope, r.d
),
event_stats as (
  select e.scope_type, e.scope, r.d, count(distinct e.event_id) as n_events
  from event_days as e
  join dates as r on e.event_date > r.d12 and e.event_date <= r.d
  group by e.scope_type, e.scope, r.d
),
member_stats as (
  select m.scope_type, m.scope, m.d,
    count(*)::double as n_members,
    count(*) filter (where w.n_attended > 0)::double as n_attending,
    count(*) filter (where bit_count(w.levels) >= 2)::double as n_multilevel
  from members_at as m
  left join org_window as w using (scope_type, scope, idx, organisation_id)
  group by m.scope_type, m.scope, m.d
)`;

/** The E family's query over the context views (one row per scope, indicator and date). */
export function engagementSql(): Sql {
  return sql`
with attendance_rows as (
  select scope_type, scope, event_id, event_date, organisation_id, person_role, attended
  from c_attendance
),
members_at as (
  select idx, d, scope_type, scope, organisation_id from active_members
),
dates as (
  select idx, d, d12 from ref_dates
),
${spanCtes},
${windowCtes},
${valuesCtes(entries)}
select * from final`;
}

/** E1–E5: meetings in the 12 months up to each reference date. */
export const engagement: IndicatorFamily = {
  group: "bijeenkomsten",
  entries,
  sql: engagementSql(),
};
