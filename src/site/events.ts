import { sql } from "../db/sql.ts";
import { NO_NETWORK } from "./keys.ts";
import { columnsOf, objectOf, rowStruct } from "./rows.ts";

/** How many of a scope's latest meetings the role-level chart shows (site_event_roles has their roles). */
export const RECENT_EVENTS = 24;

/**
 * `site_events`: the rows of the output table `events` (meetings up to as_of) with the key of
 * their list file and whether they fall in the 12 months up to as_of: the window (d12, d] of
 * ref_dates, the one indicator E1 counts (month arithmetic clamped as src/indicators/dates.ts).
 */
export const eventRowsSql = sql`
create or replace view site_events as
with x as (select d, d12 from ref_dates where is_as_of)
select coalesce(k.key, ${NO_NETWORK}) as key, e.*,
  e.event_date > x.d12 and e.event_date <= x.d as last_year
from events as e
cross join x
left join site_keys as k on k.network = e.network
order by e.event_id`;

/** `site_event_lists`: per list key the JSON array of its meetings of the last 12 months. */
export const eventListsSql = sql`
create or replace table site_event_lists as
select key, any_value(network) as network, (count(*) filter (where last_year))::integer as rows,
  coalesce(to_json(list(${rowStruct("e", columnsOf("events"))} order by event_id)
    filter (where last_year)),
    '[]')::varchar as payload
from site_events as e
group by key
order by key`;

/**
 * `site_events_recent`: per scope ("alle", with the meetings without a network, and each network
 * with meetings) its RECENT_EVENTS latest meetings of the last 12 months, newest first.
 */
export const recentEventsSql = sql`
create or replace table site_events_recent as
with scoped as (
  select 'alle' as scope, * from site_events
  union all
  select network, * from site_events where network is not null
)
select scope, ${rowStruct("scoped", columnsOf("events"))} as event,
  row_number() over (partition by scope order by event_date desc, event_id) as rank
from scoped
where last_year
qualify rank <= ${RECENT_EVENTS}
order by scope, rank`;

/**
 * `site_event_roles`: attended rows per meeting and person_role (null: overig) of every meeting
 * some scope shows as recent (counts only: no persons, no organisations).
 */
export const eventRolesSql = sql`
create or replace table site_event_roles as
select event_id, coalesce(person_role, 'overig') as person_role,
  (count(*) filter (where attended))::integer as attended
from attendance
where event_id in (select event.event_id from site_events_recent)
group by all
having count(*) filter (where attended) > 0
order by event_id, person_role`;

/**
 * `site_events_summary`: what the page Bijeenkomsten needs per scope in one JSON value: the
 * meetings up to as_of per quarter (its first day) and type, the number in the last 12 months and
 * the latest of those; and the list files with their row counts.
 */
export const eventsSummarySql = sql`
create or replace table site_events_summary as
with x as (select d, d12 from ref_dates where is_as_of),
scoped as (
  select 'alle' as scope, * from site_events
  union all
  select network, * from site_events where network is not null
),
quarters as (
  select scope, list({'quarter': quarter, 'type': type, 'n': n} order by quarter, type nulls first)
    as per_quarter
  from (
    select scope, strftime(date_trunc('quarter', event_date), '%Y-%m-%d') as quarter,
      event_type as type, count(*)::integer as n
    from scoped group by all
  )
  group by scope
),
recent as (
  select scope, list(event order by rank) as recent
  from site_events_recent as r group by scope
),
counts as (
  select scope, (count(*) filter (where last_year))::integer as last_year from scoped group by scope
),
scopes as (
  select c.scope, {
    'per_quarter': q.per_quarter,
    'last_year': c.last_year,
    'recent': coalesce(r.recent, [])
  } as summary
  from counts as c join quarters as q using (scope) left join recent as r using (scope)
)
select to_json({
  'peildatum': strftime((select d from x), '%Y-%m-%d'),
  'year_ago': strftime((select d12 from x), '%Y-%m-%d'),
  'scopes': coalesce((select ${objectOf(sql`scope`, sql`summary`)} from scopes), '{}'::json),
  'lists': coalesce((select list({'key': key, 'network': network, 'rows': rows} order by key)
    from site_event_lists), [])
})::varchar as payload`;
