import { sql, type Sql } from "../db/sql.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";
import { refDateBit } from "./context.ts";
import { graphSql } from "./graph.ts";
import { valuesCtes } from "./values.ts";

const scopeTypes = ["netwerk", "totaal"] as const;

/**
 * P2–P7 read the partners of a project: project_partners.csv plus the lead organisation. Without
 * project_partners.csv only the leads would be known, so these are null rather than an
 * undercount (spec: "an indicator that needs a file that is absent" is empty).
 */
const partnerFiles = ["projects", "project_partners"] as const;

/** A P entry: group projecten, for the networks and the total. */
const entry = (e: Omit<CatalogEntry, "group" | "scopeTypes">): CatalogEntry => ({
  group: "projecten",
  scopeTypes,
  ...e,
});

const entries: readonly CatalogEntry[] = [
  entry({
    code: "P1",
    id: "projecten_actief",
    name_nl: "Lopende projecten",
    name_en: "Active projects",
    unit: "aantal",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aantal lopende projecten",
    definition_nl:
      "Aantal projecten van het netwerk dat op de peildatum loopt: gestart op of voor de peildatum en niet beëindigd vóór de peildatum. Een gestopt project zonder einddatum telt nooit mee.",
    zeroWhenEmpty: true,
    requires: ["projects"],
    value: { from: sql`project_stats`, expr: sql`n_projects::double` },
  }),
  entry({
    code: "P2",
    id: "partners_per_project",
    name_nl: "Partners per project",
    name_en: "Partners per project",
    unit: "gemiddelde",
    direction: "hoger_is_beter",
    newsThreshold: 0.1,
    subject_nl: "het gemiddelde aantal partners per project",
    definition_nl:
      "Gemiddeld aantal partners per lopend project. Partners zijn de verschillende organisaties in de projectpartners plus de penvoerder.",
    zeroWhenEmpty: false,
    requires: partnerFiles,
    value: { from: sql`project_stats`, expr: sql`mean_partners` },
  }),
  entry({
    code: "P3",
    id: "crosssectoraal_aandeel",
    name_nl: "Crosssectorale projecten",
    name_en: "Cross-sector projects",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel crosssectorale projecten",
    definition_nl:
      "Aandeel van de lopende projecten met partners uit ten minste twee bekende sectoren. De sector van een partner is die uit de ledenlijst, anders die uit de partnerrij; een onbekende sector telt niet.",
    zeroWhenEmpty: false,
    requires: partnerFiles,
    value: { from: sql`project_stats`, expr: sql`cross_share` },
  }),
  entry({
    code: "P4",
    id: "zorg_plus_aandeel",
    name_nl: "Zorg met andere sectoren",
    name_en: "Care with other sectors",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel projecten van zorg met andere sectoren",
    definition_nl:
      "Aandeel van de lopende projecten met ten minste één partner uit zorg of welzijn én ten minste één partner uit een andere bekende sector.",
    zeroWhenEmpty: false,
    requires: partnerFiles,
    value: { from: sql`project_stats`, expr: sql`care_plus_share` },
  }),
  entry({
    code: "P5",
    id: "projectdeelname_leden",
    name_nl: "Leden in projecten",
    name_en: "Members in projects",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel leden in projecten",
    definition_nl:
      "Aandeel van de actieve leden op de peildatum dat partner is in ten minste één lopend project van het netwerk.",
    zeroWhenEmpty: false,
    requires: partnerFiles,
    value: { from: sql`network_stats`, expr: sql`n_engaged / n` },
  }),
  entry({
    code: "P6",
    id: "netwerkdichtheid",
    name_nl: "Netwerkdichtheid",
    name_en: "Network density",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.02,
    subject_nl: "de netwerkdichtheid",
    definition_nl:
      "Aandeel van alle mogelijke paren actieve leden dat samen partner is in ten minste één lopend project van het netwerk: 2E / (N(N − 1)). Leeg bij minder dan twee leden.",
    zeroWhenEmpty: false,
    requires: partnerFiles,
    value: { from: sql`network_stats`, expr: sql`case when n >= 2 then 2 * e / (n * (n - 1)) end` },
  }),
  entry({
    code: "P7",
    id: "centralisatie",
    name_nl: "Centralisatie (Freeman)",
    name_en: "Centralization (Freeman)",
    unit: "index",
    direction: "neutraal",
    newsThreshold: 0.05,
    subject_nl: "de centralisatie",
    definition_nl:
      "Mate waarin de samenwerking tussen actieve leden via één organisatie loopt (Freeman): de som over alle leden van (hoogste aantal verbindingen − eigen aantal), gedeeld door (N − 1)(N − 2). Leeg bij minder dan drie leden.",
    zeroWhenEmpty: false,
    requires: partnerFiles,
    value: {
      from: sql`network_stats`,
      expr: sql`case when n >= 3 then (n * k_max - 2 * e) / ((n - 1) * (n - 2)) end`,
    },
  }),
  entry({
    code: "P8",
    id: "opgeschaald_aandeel",
    name_nl: "Opgeschaald of structureel",
    name_en: "Scaled up or structural",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel opgeschaalde of structurele projecten",
    definition_nl:
      "Aandeel van de lopende projecten in de fase opschaling of structureel. Alleen op de peildatum, omdat van de fase geen geschiedenis bekend is.",
    zeroWhenEmpty: false,
    requires: ["projects"],
    value: { from: sql`project_stats`, expr: sql`n_scaled / n_projects`, where: sql`is_as_of` },
  }),
];

/**
 * P1–P4 and P8: per active project, its partner count and the sectors among its partners; the
 * integer counts per network and date, summed over the networks for the total.
 */
const projectCtes = sql`
project_profile as (
  select pp.project_id,
    count(*) as n_partners,
    count(distinct pp.sector) as n_sectors,
    coalesce(bool_or(pp.sector in ('zorg', 'welzijn')), false) as has_care,
    coalesce(bool_or(pp.sector not in ('zorg', 'welzijn')), false) as has_other
  from partners as pp
  group by pp.project_id
),
net_projects as (
  select ap.network, ap.idx,
    count(*) as n_projects,
    count(*) filter (where ap.stage in ('opschaling', 'structureel')) as n_scaled,
    sum(coalesce(pf.n_partners, 0)) as n_partners,
    count(*) filter (where coalesce(pf.n_sectors, 0) >= 2) as n_cross,
    count(*) filter (where pf.has_care and pf.has_other) as n_care_plus
  from projects_at as ap
  left join project_profile as pf using (project_id)
  group by ap.network, ap.idx
),
scope_projects as (
  select 'netwerk' as scope_type, network as scope, * exclude (network) from net_projects
  union all
  select 'totaal', 'alle', idx, sum(n_projects), sum(n_scaled), sum(n_partners), sum(n_cross),
    sum(n_care_plus)
  from net_projects
  group by idx
),
project_stats as (
  select s.scope_type, s.scope, r.d, r.is_as_of, s.n_projects, s.n_scaled,
    -- integer sums divided once: exact and independent of summation order
    s.n_partners::double / s.n_projects as mean_partners,
    s.n_cross::double / s.n_projects as cross_share,
    s.n_care_plus::double / s.n_projects as care_plus_share
  from scope_projects as s
  join dates as r using (idx)
)`;

/**
 * P5–P7: the members' collaboration graph per scope and date (graph.ts, made before the query):
 * nodes are the active members; an edge joins two of them that are partners in a common active
 * project (each pair once). Σᵢ (k_max − kᵢ) = N·k_max − 2E, so isolated nodes need no rows of
 * their own. Masks of reference dates are expanded only once deduplicated.
 */
const graphCtes = sql`
engaged as (
  select o.scope_key, r.idx, count(*) as n_engaged
  from (
    select scope_key, node, bit_or(mask) as mask from graph_partners group by scope_key, node
  ) as o
  join dates as r on o.mask & r.bit <> 0
  group by o.scope_key, r.idx
),
ends as (
  select scope_key, node, mask, count(*) as n
  from (
    select scope_key, node_a as node, mask from graph_edges
    union all
    select scope_key, node_b, mask from graph_edges
  ) as e
  group by scope_key, node, mask
),
degrees as (
  select e.scope_key, r.idx, e.node, sum(e.n) as degree
  from ends as e
  join dates as r on e.mask & r.bit <> 0
  group by e.scope_key, r.idx, e.node
),
graph_stats as (
  select scope_key, idx, sum(degree) / 2 as n_edges, max(degree) as k_max
  from degrees
  group by scope_key, idx
),
scope_keys as (
  select distinct scope_type, scope, scope_key from graph_nodes
),
member_stats as (
  select scope_type, scope, idx, d, count(*) as n_members
  from members_at
  group by scope_type, scope, idx, d
),
network_stats as (
  select ms.scope_type, ms.scope, ms.d, ms.n_members::double as n,
    coalesce(en.n_engaged, 0)::double as n_engaged,
    coalesce(gs.n_edges, 0)::double as e, coalesce(gs.k_max, 0)::double as k_max
  from member_stats as ms
  join scope_keys as sk using (scope_type, scope)
  left join engaged as en on en.scope_key = sk.scope_key and en.idx = ms.idx
  left join graph_stats as gs on gs.scope_key = sk.scope_key and gs.idx = ms.idx
)`;

/** The P family's query over the context tables (one row per scope, indicator and date). */
export function projectsSql(): Sql {
  return sql`
with projects_at as (
  select idx, network, project_id, stage from project_dates
),
partners as (
  select project_id, organisation_id, sector from project_partner_set
),
members_at as (
  select idx, d, scope_type, scope, organisation_id from active_members
),
dates as (
  select idx, d, is_as_of, ${refDateBit} as bit from ref_dates
),
${projectCtes},
${graphCtes},
${valuesCtes(entries)}
select * from final`;
}

/** P1–P8: projects and the members' collaboration network. */
export const projectsFamily: IndicatorFamily = {
  group: "projecten",
  entries,
  sql: projectsSql(),
  builds: graphSql,
};
