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
 * Amounts are summed as decimals so a source at exactly 75 % is not "more than 75 %" by rounding.
 */
const projectYearCtes = sql`
year_amounts as (
  select f.scope_type, f.scope, f.project_id, y.y,
    sum(f.amount) as amount,
    coalesce(sum(f.amount) filter (where f.kind = 'structureel'), 0) as structural
  from funding_lines as f
  join years as y on f.year = y.y
  group by all
),
source_amounts as (
  select f.scope_type, f.scope, f.project_id, y.y, f.source_type, sum(f.amount) as amount
  from funding_lines as f
  join years as y on f.year <= y.y
  group by all
),
source_totals as (
  select *, sum(amount) over (partition by scope_type, scope, project_id, y) as total
  from source_amounts
),
source_mix as (
  select scope_type, scope, project_id, y,
    any_value(total) as total,
    max(amount) as top_source,
    -- Σ q² as Σ amount² / total²: exact decimal sums, one division, whatever the order
    case when any_value(total) > 0
      then sum(amount * amount)::double / (any_value(total) * any_value(total))::double
    end as sum_sq
  from source_totals
  group by scope_type, scope, project_id, y
),
later as (
  select distinct f.scope_type, f.scope, f.project_id, y.y
  from funding_lines as f
  join years as y on f.year > y.y
),
partner_funders as (
  select f.scope_type, f.scope, f.project_id, y.y,
    count(distinct f.funder_organisation_id) as n_funders
  from funding_lines as f
  join years as y on f.year <= y.y
  join partners as pp
    on pp.project_id = f.project_id and pp.organisation_id = f.funder_organisation_id
  group by all
)`;

/** Per scope and date, over the projects active at d. */
const statsCtes = sql`
project_stats as (
  select ap.scope_type, ap.scope, ap.d,
    count(*)::double as n_projects,
    coalesce(sum(ya.amount), 0)::double as amount,
    coalesce(sum(ya.structural), 0)::double as structural,
    count(*) filter (where sm.total > 0)::double as n_funded,
    -- ordered so that the floating-point mean is the same in every run
    avg(1 - sm.sum_sq order by ap.project_id) filter (where sm.total > 0) as mean_spread,
    count(*) filter (where sm.total > 0 and sm.top_source * 4 > sm.total * 3)::double as n_one_sided,
    count(lt.project_id)::double as n_later,
    count(*) filter (where pf.n_funders >= 2)::double as n_cofunded
  from projects_at as ap
  left join year_amounts as ya using (scope_type, scope, project_id, y)
  left join source_mix as sm using (scope_type, scope, project_id, y)
  left join later as lt using (scope_type, scope, project_id, y)
  left join partner_funders as pf using (scope_type, scope, project_id, y)
  group by ap.scope_type, ap.scope, ap.d
)`;

/** The F family's query over the context views (one row per scope, indicator and date). */
export function fundingSql(): Sql {
  return sql`
with funding_lines as (
  select scope_type, scope, project_id, source_type, funder_organisation_id, year, kind,
    amount_eur::decimal(38, 6) as amount
  from c_funding
),
projects_at as (
  select ap.idx, ap.d, year(ap.d) as y, ap.scope_type, ap.scope, ap.project_id
  from active_projects as ap
),
partners as (
  select project_id, organisation_id from project_partner_set
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
  sql: fundingSql(),
};
