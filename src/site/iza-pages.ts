import { join, sql, type Sql } from "../db/sql.ts";
import { slugify } from "./keys.ts";
import { referenceDatesJson } from "./series.ts";

/** The IZA indicators I1–I5 (spec/indicators.md) that a region page shows. */
export const IZA_INDICATORS = [
  "mijlpalen_totaal",
  "mijlpalen_gereed",
  "op_tijd_aandeel",
  "achterstallig",
  "voortgang",
] as const;

/**
 * Names in docs/iza/ that are not a region's page: the overview (index.md) and the folder of the
 * region payloads (data/). A region whose slug is one of them gets "-regio" after it.
 */
const RESERVED = new Set(["index", "data"]);

/** The page key of an IZA region: its slug, "-regio" added where the slug is RESERVED. */
export function izaKey(region: string): string {
  const key = slugify(region);
  return RESERVED.has(key) ? `${key}-regio` : key;
}

/**
 * `site_iza_keys`: the file key of every IZA region as the indicators name it (scope_type
 * iza_regio: the region as written in milestones.csv), the route `/iza/<key>`. Throws when a
 * region has no letters or digits, or two regions share a key: their pages would collide.
 */
export function izaKeysSql(regions: readonly string[]): Sql {
  const seen = new Map<string, string>();
  for (const region of regions) {
    const key = izaKey(region);
    if (key === "") throw new Error(`IZA-regio "${region}" has no letters or digits for its page`);
    const other = seen.get(key);
    if (other !== undefined)
      throw new Error(`IZA-regio's "${other}" and "${region}" have the same page /iza/${key}`);
    seen.set(key, region);
  }
  const rows = [...seen].map(([key, region]) => sql`(${region}, ${key})`);
  return sql`
create or replace table site_iza_keys as
select region::varchar as region, key::varchar as key
from (values ${rows.length ? join(rows) : sql`(null, null)`}) as t(region, key)
where key is not null`;
}

/**
 * A milestone's status at the peildatum `d`, by the rules of I2–I4 (spec/indicators.md): gereed
 * when completed on or before d (op tijd when also on or before its deadline), else achterstallig
 * when its deadline is on or before d, else gepland.
 */
const statusAt = (d: Sql) => sql`case
    when m.completed_on is not null and m.completed_on <= ${d} then
      case when m.completed_on <= m.due_on then 'Op tijd gereed' else 'Te laat gereed' end
    when m.due_on <= ${d} then 'Achterstallig'
    else 'Gepland'
  end`;

const asOf = sql`(select d from ref_dates where is_as_of)`;

/**
 * `site_iza_pages`: per IZA region the JSON of its page's file (iza/data/<key>.json): its I1–I5
 * series from the indicators (site_series, never recomputed), its rows of iza_progress per
 * theme, its milestones (not cancelled) with their status at the peildatum, and the projects
 * that carry them. One query for all regions, at refresh.
 */
export const izaPagesSql = sql`
create or replace table site_iza_pages as
with ms as (
  select m.*, ${statusAt(asOf)} as status,
    case when ${statusAt(asOf)} = 'Achterstallig'
      then date_diff('day', m.due_on, ${asOf}) end as days_overdue
  from milestones as m
  where not coalesce(m.cancelled, false)
)
select k.key, k.region, to_json({
  'region': k.region,
  'indicator_series': {
    'reference_dates': ${referenceDatesJson},
    'series': coalesce((
      select list({'scope_type': s.scope_type, 'scope': s.scope, 'indicator': s.indicator,
        'values': s."values"} order by s.ord)
      from site_series as s
      where s.scope_type = 'iza_regio' and s.scope = k.region
        and s.indicator in (${join(IZA_INDICATORS.map((i) => sql`${i}`))})), [])
  },
  'progress': coalesce((
    select list({'theme': p.iza_theme, 'milestones': p.milestones, 'completed': p.completed,
      'due': p.due, 'on_time': p.on_time, 'overdue': p.overdue} order by p.iza_theme)
    from iza_progress as p where p.iza_region = k.region), []),
  'cancelled': (select count(*) from milestones as c
    where c.iza_region = k.region and coalesce(c.cancelled, false)),
  'milestones': coalesce((
    select list({'milestone_id': m.milestone_id, 'iza_theme': m.iza_theme, 'title': m.title,
      'project_id': m.project_id, 'due_on': strftime(m.due_on, '%Y-%m-%d'),
      'completed_on': strftime(m.completed_on, '%Y-%m-%d'), 'status': m.status,
      'days_overdue': m.days_overdue} order by m.due_on, m.milestone_id)
    from ms as m where m.iza_region = k.region), []),
  'projects': coalesce((
    select list({'project_id': p.project_id, 'project_name': p.project_name,
      'network': p.network, 'stage': p.stage, 'start_on': strftime(p.start_on, '%Y-%m-%d'),
      'end_on': strftime(p.end_on, '%Y-%m-%d'), 'milestones': c.n, 'overdue': c.overdue}
      order by p.project_name, p.project_id)
    from (select project_id, count(*) as n, count(*) filter (status = 'Achterstallig') as overdue
          from ms where iza_region = k.region and project_id is not null
          group by project_id) as c
    join projects as p using (project_id)), [])
})::varchar as payload
from site_iza_keys as k
order by k.key`;
