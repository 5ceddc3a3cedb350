import { sql } from "../db/sql.ts";

/**
 * `site_series`: the `indicators` table in a compact shape for pages: one row per scope and
 * indicator with its values at the reference dates, oldest first, rounded to six significant
 * digits (more than any page shows, and a third of the bytes), in the order of indicators.csv.
 */
export const seriesSql = sql`
create or replace table site_series as
with rounded as (
  select i.scope_type, i.scope, i.indicator, c.ord, i.period_end,
    case
      when i.value is null or i.value = 0 or not isfinite(i.value) then i.value
      else round(i.value, (5 - floor(log10(abs(i.value))))::integer)
    end as value
  from indicators as i join catalog as c using (indicator)
)
select scope_type, scope, indicator, ord, list(value order by period_end) as "values"
from rounded
group by scope_type, scope, indicator, ord
order by scope_type, scope, ord`;

/** The reference dates as ISO text, oldest first (a SQL expression). */
export const referenceDatesJson = sql`(select list(strftime(d, '%Y-%m-%d') order by d) from ref_dates)`;

/** `site_indicator_series`: site_series as the JSON of indicator_series.json. */
export const indicatorSeriesSql = sql`
create or replace table site_indicator_series as
select to_json({
  'reference_dates': ${referenceDatesJson},
  'series': (select list({'scope_type': scope_type, 'scope': scope, 'indicator': indicator,
    'values': "values"} order by scope_type, scope, indicator) from site_series)
})::varchar as payload`;
