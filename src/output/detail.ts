import { vocabularies } from "../contract/index.ts";
import { fileOrderSum } from "../db/file-order-sum.ts";
import { join, sql } from "../db/sql.ts";

/**
 * SQL of the detail tables of spec/outputs.md, at as_of (the reference date with is_as_of) unless
 * a column says otherwise, counting only granted (toegekend) funding. They read the context
 * views of src/indicators/context.ts.
 */

const AS_OF = sql`(select d from ref_dates where is_as_of)`;
const fundingPresent = sql`(select count(*) > 0 from data_quality where file = 'funding.csv' and status = 'ok')`;

const sectors = join(vocabularies.sector.values.map((v) => sql`(${v.value})`));

export const membersBySectorSql = sql`
with sectors as (select * from (values ${sectors}) as t(sector)),
grid as (
  select s.scope, r.idx, r.d, x.sector
  from scopes as s cross join ref_dates as r cross join sectors as x
),
counts as (
  select scope, idx, sector, count(*) as organisations from active_members group by all
),
final as (
  select g.scope, g.d as period_end, g.sector, coalesce(c.organisations, 0)::integer as organisations
  from grid as g left join counts as c using (scope, idx, sector)
)
select * from final`;

export const projectsSql = sql`
with partners as (
  -- the distinct known sectors, sorted (list_distinct drops nulls): cheaper than an ordered
  -- distinct string_agg, and the same text; null when no partner's sector is known
  select project_id, count(*) as partners, list_sort(list_distinct(list(sector))) as sector_list
  from project_partner_set group by all
),
granted as (
  select project_id, ${fileOrderSum(sql`amount_eur`)} as total, max(year) as until_year,
    ${fileOrderSum(sql`amount_eur`, sql`kind = 'structureel'`)} as structural
  from funding where status = 'toegekend' group by all
),
final as (
  select p.project_id, p.project_name, p.network, p.theme, p.iza_theme, p.stage, p.start_on, p.end_on,
    coalesce(pp.partners, 0)::integer as partners,
    case when len(pp.sector_list) > 0 then array_to_string(pp.sector_list, ', ') end as sectors,
    case when ${fundingPresent} then coalesce(g.total, 0) end as funding_total_eur,
    g.until_year as funded_until_year,
    case when g.total > 0 then coalesce(g.structural, 0) / g.total end as structural_share
  from projects as p
  left join partners as pp using (project_id)
  left join granted as g using (project_id)
)
select * from final`;

export const fundingBySourceSql = sql`
with granted as (
  select p.network, f.year, f.source_type, f.kind, f.amount_eur, f.file_index, f.line
  from funding as f join projects as p using (project_id)
  where f.status = 'toegekend'
),
final as (
  select network, year, source_type, kind, ${fileOrderSum(sql`amount_eur`)} as amount_eur
  from granted group by all
)
select * from final`;

export const eventsSql = sql`
with rows_until_as_of as (
  select * from attendance where event_date <= ${AS_OF}
),
final as (
  select event_id, min(event_name) as event_name, min(event_date) as event_date,
    min(event_type) as event_type, min(network) as network,
    count(*)::integer as registrations, (count(*) filter (where attended))::integer as attended,
    (count(distinct organisation_id) filter (where attended))::integer as organisations
  from rows_until_as_of group by event_id
)
select * from final`;

export const memberActivitySql = sql`
with as_of as (select d, d12 from ref_dates where is_as_of),
partner_projects as (
  select pp.organisation_id, count(distinct p.project_id) as active_projects
  from project_partner_set as pp
  join active_projects as p on p.project_id = pp.project_id and p.is_as_of and p.scope_type = 'totaal'
  group by all
),
attended as (
  select a.organisation_id,
    count(*) filter (where a.event_date > x.d12) as attended_12m,
    max(a.event_date) as last_activity_on
  from attendance as a cross join as_of as x
  where a.attended and a.organisation_id is not null and a.event_date <= x.d
  group by all
),
final as (
  select m.organisation_id, o.organisation_name, m.network, o.sector, o.municipality_code,
    m.joined_on, m.left_on,
    coalesce(pp.active_projects, 0)::integer as active_projects,
    coalesce(a.attended_12m, 0)::integer as attended_12m,
    a.last_activity_on
  from members as m
  join organisations as o using (organisation_id)
  left join partner_projects as pp using (organisation_id)
  left join attended as a using (organisation_id)
)
select * from final`;

export const izaProgressSql = sql`
with as_of as (select d from ref_dates where is_as_of),
counted as (
  select m.iza_region, m.iza_theme, m.due_on, m.completed_on, x.d
  from milestones as m cross join as_of as x
  where not coalesce(m.cancelled, false)
),
final as (
  select iza_region, iza_theme,
    count(*)::integer as milestones,
    (count(*) filter (where completed_on <= d))::integer as completed,
    (count(*) filter (where due_on <= d))::integer as due,
    (count(*) filter (where due_on <= d and completed_on <= due_on and completed_on <= d))::integer
      as on_time,
    (count(*) filter (where due_on <= d and (completed_on is null or completed_on > d)))::integer
      as overdue
  from counted group by all
)
select * from final`;
