import { sql } from "../db/sql.ts";

/** The most sentences a scope's summary has, and the fewest it is filled up to when it can be. */
export const MOST_SENTENCES = 7;
export const FEWEST_SENTENCES = 3;

/** How many reference dates back "a year earlier" is (four quarters, as the KPI cards). */
export const YEAR_LAG = 4;

/**
 * `summary_facts`: per scope (every network, every IZA region and `alle`) the facts its summary
 * ("Wat is er veranderd") tells, in order, one row each, with what the sentence templates
 * (./sentences.ts) need. The rules, in SQL over `indicators`, `catalog` and `signals`:
 *
 * - `signaal`: the signals of severity hoog, one fact per kind of signal, the most first; `alle`
 *   has every signal, a network or region its own.
 * - `verandering`: an indicator whose value at the peildatum differs from a year earlier (four
 *   reference dates back) or from the previous reference date by at least the catalog's
 *   `news_threshold` (a fraction of the earlier value for aantal, euro and gemiddelde; a
 *   difference otherwise). One fact per indicator: the comparison whose change is the larger
 *   multiple of the threshold (the year on a tie). Unfavourable changes (by the catalog's
 *   direction) first, each group the largest multiple first. Neutral indicators, and a value or
 *   an earlier value that is null, are never news.
 * - `stand`: only to fill a summary up to three sentences: indicators without news, in catalog
 *   order, with their value at the peildatum (and a year earlier where there is one).
 *
 * At most seven facts per scope (at most five kinds of signal), and when there is a favourable
 * change the largest one keeps a place after the unfavourable ones, so that a summary is not
 * only bad news. Ties are broken by the catalog order, so the order is total.
 */
export const summaryFactsSql = sql`
create or replace table summary_facts as
with scope_list as (
  select scope_type, scope from scopes
  union all
  select scope_type, scope from iza_scopes where scope_type = 'iza_regio'
),
as_of as (select idx, d from ref_dates where is_as_of),
compared as (
  select 'jaar' as comparison, r.d from ref_dates as r join as_of as x on r.idx = x.idx - ${YEAR_LAG}
  union all
  select 'vorige', r.d from ref_dates as r join as_of as x on r.idx = x.idx - 1
),
current_values as (
  select i.scope_type, i.scope, i.indicator, i.value, x.d, c.ord, c.unit, c.direction,
    c.subject_nl, c.news_threshold::double as news_threshold
  from indicators as i
  join as_of as x on i.period_end = x.d
  join catalog as c using (indicator)
  where c.direction <> 'neutraal'
),
changes as (
  select v.*, k.comparison, k.d as before_on, b.value as before, v.value - b.value as delta,
    case when v.unit in ('aantal', 'euro', 'gemiddelde')
      then abs(v.value - b.value) / greatest(abs(b.value), 1)
      else abs(v.value - b.value)
    end / v.news_threshold as weight
  from current_values as v
  cross join compared as k
  join indicators as b
    on b.scope_type = v.scope_type and b.scope = v.scope and b.indicator = v.indicator
    and b.period_end = k.d
  where v.value is not null and b.value is not null and v.value <> b.value
),
news as (
  select *,
    case when (delta > 0) = (direction = 'hoger_is_beter') then 'gunstig' else 'ongunstig' end
      as tone
  from changes
  -- a hair below the threshold still counts: 0.55 - 0.50 is 0.04999… in floating point
  where weight >= 1 - 1e-9
  qualify row_number() over (
    partition by scope_type, scope, indicator order by weight desc, comparison
  ) = 1
),
high_signals as (
  select l.scope_type, l.scope, s.signal, count(*)::integer as n, min(s.message_nl) as message
  from scope_list as l
  join signals as s
    on l.scope_type = 'totaal' or (s.scope_type = l.scope_type and s.scope = l.scope)
  where s.severity = 'hoog'
  group by all
),
year_before as (
  select v.scope_type, v.scope, v.indicator, k.d as before_on, b.value as before
  from current_values as v
  join compared as k on k.comparison = 'jaar'
  join indicators as b
    on b.scope_type = v.scope_type and b.scope = v.scope and b.indicator = v.indicator
    and b.period_end = k.d
),
facts as (
  select scope_type, scope, 1 as grp, -n::double as weight, 0 as ord, 'signaal' as kind,
    signal as item, null as unit, null as subject_nl, null::date as before_on, null::date as now_on,
    null::double as before, null::double as now, n, message
  from high_signals
  union all
  select scope_type, scope, case when tone = 'ongunstig' then 2 else 3 end, -weight, ord,
    'verandering', indicator, unit, subject_nl, before_on, d, before, value, null, null
  from news
  union all
  select v.scope_type, v.scope, 4, 0, v.ord, 'stand', v.indicator, v.unit, v.subject_nl,
    y.before_on, v.d, y.before, v.value, null, null
  from current_values as v
  left join year_before as y using (scope_type, scope, indicator)
  where v.value is not null
    and not exists (
      select 1 from news as w
      where w.scope_type = v.scope_type and w.scope = v.scope and w.indicator = v.indicator
    )
),
ranked as (
  select f.*,
    row_number() over (partition by f.scope_type, f.scope, grp order by weight, ord, item) as rank_in_group,
    count(*) filter (where grp = 1) over scope_window as signals,
    count(*) filter (where grp = 2) over scope_window as unfavourable,
    count(*) filter (where grp = 3) over scope_window as favourable
  from facts as f
  join scope_list as l using (scope_type, scope)
  window scope_window as (partition by f.scope_type, f.scope)
),
-- room for the largest favourable change, when there is one, after the unfavourable ones
kept as (
  select *, least(unfavourable, ${MOST_SENTENCES} - signals - (favourable > 0)::integer) as unfavourable_kept
  from ranked
),
ordered as (
  select *, row_number() over (
    partition by scope_type, scope order by grp, weight, ord, item
  ) as position
  from kept
  where case grp
    when 1 then true
    when 2 then rank_in_group <= unfavourable_kept
    when 3 then rank_in_group <= ${MOST_SENTENCES} - signals - unfavourable_kept
    else true
  end
)
select scope_type, scope, position::integer as position, kind, item, unit, subject_nl,
  strftime(before_on, '%Y-%m-%d') as before_on, strftime(now_on, '%Y-%m-%d') as now_on,
  before, now, n, message
from ordered
where position <= ${MOST_SENTENCES} and (grp < 4 or position <= ${FEWEST_SENTENCES})
order by scope_type, scope, position`;
