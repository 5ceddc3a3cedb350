import { sql } from "../db/sql.ts";
import { NO_NETWORK } from "./keys.ts";
import { columnsOf, objectOf, rowStruct } from "./rows.ts";

/**
 * `site_projects`: the rows of the output table `projects` with `lopend`, whether the project
 * is active at as_of (active_projects, the rule of indicator P1), and the key of its list file.
 */
export const projectRowsSql = sql`
create or replace view site_projects as
with running as (
  select distinct project_id from active_projects where is_as_of and scope_type = 'totaal'
)
select coalesce(k.key, ${NO_NETWORK}) as key, p.*, r.project_id is not null as lopend
from projects_detail as p
left join running as r using (project_id)
left join site_keys as k on k.network = p.network
order by p.project_id`;

/** `site_project_lists`: per list key the JSON array of its projects (projecten/<key>.json). */
export const projectListsSql = sql`
create or replace table site_project_lists as
select key, any_value(network) as network, count(*)::integer as rows,
  to_json(list(${rowStruct("p", [...columnsOf("projects"), "lopend"])} order by project_id))::varchar
    as payload
from site_projects as p
group by key
order by key`;

/**
 * `site_projects_summary`: what the pages Projecten and Financiering need per scope ("alle" and
 * each network with projects) in one JSON value: all projects, the running ones per stage and
 * per theme and stage, the stopped ones, the running ones without granted funding after the
 * year of as_of; and the list and graph files.
 */
export const projectsSummarySql = sql`
create or replace table site_projects_summary as
with x as (select d from ref_dates where is_as_of),
scoped as (
  select 'alle' as scope, * from site_projects
  union all
  select network, * from site_projects where network is not null
),
stages as (
  select scope, ${objectOf(sql`stage`, sql`n`)} as active_by_stage
  from (select scope, stage, count(*)::integer as n from scoped where lopend group by all)
  group by scope
),
themes as (
  select scope, list({'theme': theme, 'stage': stage, 'n': n} order by theme nulls last, stage) as themes
  from (select scope, theme, stage, count(*)::integer as n from scoped where lopend group by all)
  group by scope
),
counts as (
  select scope, count(*)::integer as total,
    (count(*) filter (where stage = 'gestopt'))::integer as stopped,
    (count(*) filter (
      where lopend and (funded_until_year is null or funded_until_year <= year((select d from x)))
    ))::integer as without_future
  from scoped group by scope
),
scopes as (
  select c.scope, {
    'total': c.total,
    'active_by_stage': coalesce(s.active_by_stage, '{}'::json),
    'stopped': c.stopped,
    'themes': coalesce(t.themes, []),
    'without_future': c.without_future
  } as summary
  from counts as c left join stages as s using (scope) left join themes as t using (scope)
),
graphs as (
  select list({'scope': scope, 'key': key} order by scope_type desc, scope) as graphs
  from site_keys where scope_type is not null
)
select to_json({
  'peildatum': strftime((select d from x), '%Y-%m-%d'),
  'scopes': coalesce((select ${objectOf(sql`scope`, sql`summary`)} from scopes), '{}'::json),
  'lists': coalesce((select list({'key': key, 'network': network, 'rows': rows} order by key)
    from site_project_lists), []),
  'graphs': (select graphs from graphs)
})::varchar as payload`;
