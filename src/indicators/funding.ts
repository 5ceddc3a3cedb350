import { sql, type Sql } from "../db/sql.ts";
import type { CatalogEntry, IndicatorFamily } from "./types.ts";
import { valuesCtes } from "./values.ts";

const scopeTypes = ["netwerk", "totaal"] as const;
const requires = ["projects", "funding"] as const;

const entries: readonly CatalogEntry[] = [
  {
    code: "F1",
    id: "financiering_jaar",
    group: "financiering",
    name_nl: "Toegekende financiering dit jaar",
    name_en: "Funding granted this year",
    unit: "euro",
    direction: "hoger_is_beter",
    newsThreshold: 0.1,
    subject_nl: "de toegekende financiering voor dit jaar",
    definition_nl:
      "Som van de toegekende financiering voor het kalenderjaar van de peildatum, over de projecten van het netwerk die op de peildatum lopen.",
    zeroWhenEmpty: true,
    requires,
    scopeTypes,
    value: { from: sql`project_stats`, expr: sql`amount` },
  },
  {
    code: "F2",
    id: "structureel_aandeel",
    group: "financiering",
    name_nl: "Structurele financiering",
    name_en: "Structural funding",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel structurele financiering",
    definition_nl:
      "Van het toegekende bedrag dit jaar (F1), het aandeel dat structureel is. Leeg als dat bedrag nul is.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: {
      from: sql`project_stats`,
      expr: sql`case when amount > 0 then structural / amount end`,
    },
  },
  {
    code: "F3",
    id: "financieringsspreiding",
    group: "financiering",
    name_nl: "Spreiding financiering",
    name_en: "Funding diversity",
    unit: "index",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "de spreiding van de financiering over bronnen",
    definition_nl:
      "Gemiddelde over de lopende projecten met toegekende financiering tot en met het jaar van de peildatum van 1 − Σ q², met q het aandeel van elke bronsoort in het bedrag van dat project. Leeg als geen lopend project zulke financiering heeft.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: { from: sql`project_stats`, expr: sql`mean_spread` },
  },
  {
    code: "F4",
    id: "toekomstperspectief",
    group: "financiering",
    name_nl: "Toekomstperspectief",
    name_en: "Future prospects",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel projecten met financiering na dit jaar",
    definition_nl:
      "Aandeel van de lopende projecten met toegekende financiering voor een jaar na het jaar van de peildatum. Leeg zonder lopende projecten.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: { from: sql`project_stats`, expr: sql`n_later / n_projects` },
  },
  {
    code: "F5",
    id: "eenzijdige_afhankelijkheid",
    group: "financiering",
    name_nl: "Eenzijdige afhankelijkheid",
    name_en: "One-sided dependence",
    unit: "aandeel",
    direction: "lager_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel projecten dat van één soort bron afhangt",
    definition_nl:
      "Van de lopende projecten met toegekende financiering tot en met het jaar van de peildatum, het aandeel waarbij één bronsoort meer dan 75% van dat bedrag geeft. Leeg als geen lopend project zulke financiering heeft.",
    zeroWhenEmpty: false,
    requires,
    scopeTypes,
    value: {
      from: sql`project_stats`,
      expr: sql`case when n_funded > 0 then n_one_sided / n_funded end`,
    },
  },
  {
    code: "F6",
    id: "cofinanciering_aandeel",
    group: "financiering",
    name_nl: "Onderlinge afhankelijkheid (cofinanciering)",
    name_en: "Interdependence (co-financing)",
    unit: "aandeel",
    direction: "hoger_is_beter",
    newsThreshold: 0.05,
    subject_nl: "het aandeel projecten met cofinanciering door partners",
    definition_nl:
      "Aandeel van de lopende projecten met toegekende financiering tot en met het jaar van de peildatum van ten minste twee verschillende financiers die zelf partner in het project zijn. Leeg zonder lopende projecten of als de financiering geen kolom financier_id heeft.",
    zeroWhenEmpty: false,
    requires: ["projects", "project_partners", "funding"],
    scopeTypes,
    value: {
      from: sql`project_stats as ps cross join funder_column as fc`,
      expr: sql`case when fc.present then ps.n_cofunded / ps.n_projects end`,
    },
  },
];

/**
 * Granted funding reduced per project and calendar year Y of a reference date: the year's amount,
 * the source mix over the years ≤ Y, later funding, and the partners among the funders ≤ Y.
 * A project's funding is the same in every scope it belongs to, so this is done once per
 * project, not per scope. Amounts are summed as decimals so a source at exactly 75 % is not
 * "more than 75 %" by rounding.
 */
const projectYearCtes = sql`
year_amounts as (
  select f.project_id, f.year as y,
    sum(f.amount) as amount,
    coalesce(sum(f.amount) filter (where f.kind = 'structureel'), 0) as structural
  from funding_lines as f
  where f.year in (select y from years)
  group by f.project_id, f.year
),
source_amounts as (
  select f.project_id, y.y, f.source_type, sum(f.amount) as amount
  from funding_lines as f
  join years as y on f.year <= y.y
  group by f.project_id, y.y, f.source_type
),
source_mix as (
  select project_id, y,
    sum(amount) as total,
    max(amount) as top_source,
    -- Σ q² as Σ amount² / total²: exact decimal sums, one division, whatever the order
    case when sum(amount) > 0
      then sum(amount * amount)::double / (sum(amount) * sum(amount))::double
    end as sum_sq
  from source_amounts
  group by project_id, y
),
later as (
  select project_id, max(year) as last_year from funding_lines group by project_id
),
partner_funders as (
  select pf.project_id, y.y, count(*) as n_funders
  from (
    -- each funder that is a partner of the project, from its first year on
    select f.project_id, f.funder_organisation_id, min(f.year) as first_year
    from funding_lines as f
    join partners as pp
      on pp.project_id = f.project_id and pp.organisation_id = f.funder_organisation_id
    group by f.project_id, f.funder_organisation_id
  ) as pf
  join years as y on pf.first_year <= y.y
  group by pf.project_id, y.y
),
project_rows as materialized (
  select ap.network, ap.d, ap.project_id, ya.amount, ya.structural, sm.total, sm.top_source,
    sm.sum_sq, coalesce(lt.last_year > ap.y, false) as has_later,
    coalesce(pf.n_funders, 0) as n_funders
  from projects_at as ap
  left join year_amounts as ya using (project_id, y)
  left join source_mix as sm using (project_id, y)
  left join later as lt using (project_id)
  left join partner_funders as pf using (project_id, y)
)`;

/**
 * Per scope and date, over the projects active at d: integer counts and decimal sums per network,
 * summed over the networks for the total (exact); the mean spread over each scope's own rows.
 */
const statsCtes = sql`
net_stats as (
  select network, d,
    count(*) as n_projects,
    sum(amount) as amount,
    sum(structural) as structural,
    count(*) filter (where total > 0) as n_funded,
    count(*) filter (where total > 0 and top_source * 4 > total * 3) as n_one_sided,
    count(*) filter (where has_later) as n_later,
    count(*) filter (where n_funders >= 2) as n_cofunded
  from project_rows
  group by network, d
),
scope_stats as (
  select 'netwerk' as scope_type, network as scope, * exclude (network) from net_stats
  union all
  select 'totaal', 'alle', d, sum(n_projects), sum(amount), sum(structural), sum(n_funded),
    sum(n_one_sided), sum(n_later), sum(n_cofunded)
  from net_stats
  group by d
),
spread as (
  select case when grouping(network) = 0 then 'netwerk' else 'totaal' end as scope_type,
    case when grouping(network) = 0 then network else 'alle' end as scope, d,
    -- ordered so that the floating-point mean is the same in every run
    avg(1 - sum_sq order by project_id) as mean_spread
  from project_rows
  where total > 0
  group by grouping sets ((network, d), (d))
),
project_stats as (
  select s.scope_type, s.scope, s.d,
    s.n_projects::double as n_projects,
    coalesce(s.amount, 0)::double as amount,
    coalesce(s.structural, 0)::double as structural,
    s.n_funded::double as n_funded,
    sp.mean_spread,
    s.n_one_sided::double as n_one_sided,
    s.n_later::double as n_later,
    s.n_cofunded::double as n_cofunded
  from scope_stats as s
  left join spread as sp using (scope_type, scope, d)
)`;

/** The F family's query over the context tables (one row per scope, indicator and date). */
export function fundingSql(): Sql {
  return sql`
with funding_lines as (
  select project_id, source_type, funder_organisation_id, year, kind,
    amount_eur::decimal(38, 6) as amount
  from funding
  where status = 'toegekend'
),
projects_at as (
  select idx, d, year(d) as y, network, project_id from project_dates
),
partners as (
  select project_id, organisation_id from project_partner_pairs
),
years as (
  select distinct year(d) as y from ref_dates
),
funder_column as (
  select count(*) > 0 as present
  from file_columns
  where file = 'funding.csv' and "column" = 'funder_organisation_id'
),
${projectYearCtes},
${statsCtes},
${valuesCtes(entries)}
select * from final`;
}

/** F1–F6: granted funding and durability (verduurzaming) of the active projects. */
export const fundingFamily: IndicatorFamily = {
  group: "financiering",
  entries,
  sql: sql`select * from funding_values`,
  // Funding, projects and partner rows alone decide F: an incremental refresh that keeps
  // those exports keeps the values (a member's sector or membership plays no part).
  prepare: [
    {
      name: "funding_values",
      inputs: ["funding", "projects", "project_partners"],
      query: fundingSql(),
    },
  ],
};
