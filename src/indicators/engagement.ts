import { sql, type Sql } from "../db/sql.ts";
import { refDateBit } from "./context.ts";
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
    newsThreshold: 0.1,
    subject_nl: "het aantal bijeenkomsten in twaalf maanden",
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
    newsThreshold: 0.05,
    subject_nl: "de opkomst bij bijeenkomsten",
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
    newsThreshold: 0.05,
    subject_nl: "het aandeel leden dat op bijeenkomsten komt",
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
    newsThreshold: 0.05,
    subject_nl: "de meerlagigheid van de deelname",
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
    newsThreshold: 0.1,
    subject_nl: "het aantal organisaties op bijeenkomsten",
    definition_nl:
      "Aantal verschillende organisaties, leden of niet, met ten minste één aanwezige deelnemer op een bijeenkomst in de twaalf maanden tot en met de peildatum.",
    zeroWhenEmpty: true,
    requires: ["attendance"],
    scopeTypes,
    value: { from: sql`row_stats`, expr: sql`n_orgs::double` },
  },
];

/** The reference dates with their bit in a mask (bit idx − 1). */
const datesCte = sql`dates as (
  select idx, d, d12, ${refDateBit} as bit from ref_dates
)`;

/**
 * Attendance is reduced once, per network, before it meets the reference dates. A day's `mask`
 * has bit idx − 1 set for every reference date whose window (d − 12 months, d] holds it (days
 * in no window drop out). Rows are counted per network, organisation and mask; an
 * organisation's masks per level (bestuurder, management, professional) give the dates at which
 * it attended at two levels or more. `alle` is combined from the network aggregates (sums and
 * bitwise ors), rows without network included; rows without organisation stay for E2 only.
 * The three reductions share one table, `engagement_reduced`, told apart by `part`: it reads
 * attendance alone, so an incremental refresh that keeps attendance keeps it too.
 */
const reducedSql = sql`
with ${datesCte},
day_masks as (
  select a.event_date, bit_or(r.bit) as mask
  from (select distinct event_date from attendance) as a
  join dates as r on a.event_date > r.d12 and a.event_date <= r.d
  group by a.event_date
),
org_masks as materialized (
  select a.network, a.organisation_id, m.mask,
    count(*) as n_rows,
    sum(case when a.attended then 1 else 0 end) as n_attended,
    bit_or(case when a.attended then
      case a.person_role when 'bestuurder' then 1 when 'management' then 2 when 'professional' then 4
      else 0 end
    else 0 end) as levels
  from attendance as a
  join day_masks as m using (event_date)
  group by a.network, a.organisation_id, m.mask
),
net_orgs as (
  select network, organisation_id,
    bit_or(case when n_attended > 0 then mask else 0 end) as m_attended,
    bit_or(case when levels & 1 <> 0 then mask else 0 end) as m_board,
    bit_or(case when levels & 2 <> 0 then mask else 0 end) as m_management,
    bit_or(case when levels & 4 <> 0 then mask else 0 end) as m_professional
  from org_masks
  where organisation_id is not null
  group by network, organisation_id
),
net_masks as (
  select network, mask, sum(n_rows) as n_rows, sum(n_attended) as n_attended
  from org_masks
  group by network, mask
),
net_events as (
  select a.network, a.event_id, bit_or(m.mask) as mask
  from attendance as a
  join day_masks as m using (event_date)
  group by a.network, a.event_id
)
select 'org' as part, network, organisation_id, null as event_id, null as mask, null as n_rows,
  null as n_attended, m_attended, m_board, m_management, m_professional
from net_orgs
union all
select 'mask', network, null, null, mask, n_rows, n_attended, null, null, null, null from net_masks
union all
select 'event', network, null, event_id, mask, null, null, null, null, null, null from net_events`;

/** The three reductions, from engagement_reduced. */
const reduceCtes = sql`
net_orgs as (
  select network, organisation_id, m_attended, m_board, m_management, m_professional
  from engagement_reduced where part = 'org'
),
net_masks as (
  select network, mask, n_rows, n_attended from engagement_reduced where part = 'mask'
),
net_events as (
  select network, event_id, mask from engagement_reduced where part = 'event'
)`;

/** The reduced rows per scope: each network's own, and all of them again for the total. */
const scopeCtes = sql`
scope_orgs as materialized (
  select 'netwerk' as scope_type, network as scope, organisation_id, m_attended,
    (m_board & m_management) | (m_board & m_professional) | (m_management & m_professional)
      as m_multilevel
  from net_orgs
  where network is not null
  union all
  select 'totaal', 'alle', organisation_id, bit_or(m_attended),
    (bit_or(m_board) & bit_or(m_management)) | (bit_or(m_board) & bit_or(m_professional))
      | (bit_or(m_management) & bit_or(m_professional))
  from net_orgs
  group by organisation_id
),
scope_masks as (
  select 'netwerk' as scope_type, network as scope, mask, n_rows, n_attended
  from net_masks
  where network is not null
  union all
  select 'totaal', 'alle', mask, n_rows, n_attended from net_masks
),
scope_events as (
  select 'netwerk' as scope_type, network as scope, mask
  from net_events
  where network is not null
  union all
  select 'totaal', 'alle', bit_or(mask) from net_events group by event_id
)`;

/** Per reference date: its window's rows, events and attending organisations. */
const statsCtes = sql`
org_counts as (
  select o.scope_type, o.scope, r.d, count(*) as n_orgs
  from scope_orgs as o
  join dates as r on o.m_attended & r.bit <> 0
  group by o.scope_type, o.scope, r.d
),
row_stats as (
  select s.scope_type, s.scope, r.d,
    sum(s.n_rows) as n_rows,
    sum(s.n_attended) as n_attended,
    coalesce(any_value(o.n_orgs), 0) as n_orgs
  from scope_masks as s
  join dates as r on s.mask & r.bit <> 0
  left join org_counts as o using (scope_type, scope, d)
  group by s.scope_type, s.scope, r.d
),
event_stats as (
  select e.scope_type, e.scope, r.d, count(*) as n_events
  from scope_events as e
  join dates as r on e.mask & r.bit <> 0
  group by e.scope_type, e.scope, r.d
),
member_stats as (
  select m.scope_type, m.scope, m.d,
    count(*)::double as n_members,
    count(*) filter (where o.m_attended & r.bit <> 0)::double as n_attending,
    count(*) filter (where o.m_multilevel & r.bit <> 0)::double as n_multilevel
  from members_at as m
  join dates as r using (idx)
  left join scope_orgs as o using (scope_type, scope, organisation_id)
  group by m.scope_type, m.scope, m.d
)`;

/** The E family's query over the context tables (one row per scope, indicator and date). */
export function engagementSql(): Sql {
  return sql`
with members_at as (
  select idx, d, scope_type, scope, organisation_id from active_members
),
${datesCte},
${reduceCtes},
${scopeCtes},
${statsCtes},
${valuesCtes(entries)}
select * from final`;
}

/** E1–E5: meetings in the 12 months up to each reference date. */
export const engagement: IndicatorFamily = {
  group: "bijeenkomsten",
  entries,
  sql: engagementSql(),
  prepare: [{ name: "engagement_reduced", inputs: ["attendance"], query: reducedSql }],
};
