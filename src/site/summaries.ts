import { join, sql, type Sql } from "../db/sql.ts";
import { ALL_KEY, slugify } from "./keys.ts";

/** The file key of an IZA region's summary: never a network's slug (slugify writes no "--"). */
export const regionKey = (region: string): string => `iza--${slugify(region)}`;

/**
 * `site_summaries`: per scope the JSON of its summary file (data/samenvatting/<key>.json): the
 * sentences of `summaries` in order, each with its indicator or signal and the indicator's
 * catalog group (the page that charts it). Keys: a network's slug, ALL_KEY for alle, and
 * regionKey for an IZA region (`regions`: the region names).
 */
export function summariesSql(regions: readonly string[]): Sql {
  const regionKeys = regions.length
    ? sql`union all select * from (values ${join(regions.map((r) => sql`('iza_regio', ${r}, ${regionKey(r)})`))})`
    : sql``;
  return sql`
create or replace table site_summaries as
with keys as (
  select scope_type, scope, key from site_keys where scope_type = 'netwerk'
  union all select 'totaal', 'alle', ${ALL_KEY}
  ${regionKeys}
)
select k.key, k.scope_type, k.scope, to_json({
  'scope_type': k.scope_type,
  'scope': k.scope,
  'sentences': coalesce((
    select list({'item': s.indicator_or_signal, 'kind': f.kind, 'group': c."group",
      'sentence': s.sentence_nl} order by s.position)
    from summaries as s
    join summary_facts as f using (scope_type, scope, position)
    left join catalog as c on c.indicator = s.indicator_or_signal
    where s.scope_type = k.scope_type and s.scope = k.scope), [])
})::varchar as payload
from keys as k
order by k.key`;
}
