import { ident, sql, type Sql } from "../db/sql.ts";
import { orderList, selectList } from "../output/ordered.ts";
import { detailTables } from "../output/tables.ts";
import { referenceDatesJson } from "./series.ts";

/**
 * One network's rows (`where`, over the row `r` and the key `k`) of an output table as a JSON
 * list, with the table's columns, dates as ISO text and its order: the rows of its CSV.
 */
function rowsOf(name: string, where: Sql): Sql {
  const table = detailTables.find((t) => t.name === name);
  if (!table) throw new Error(`site: no output table ${name}`);
  return sql`coalesce((
    select list(r order by ${orderList(table, (c) => sql`r.${ident(c)}`)})
    from (select ${selectList(table, true)} from (${table.source})) as r
    where ${where}), [])`;
}

/**
 * `site_network_pages`: per network the JSON of its page's file (netwerk/data/<key>.json): its
 * and the total's indicator series, and its rows of members_by_sector, funding_by_source and
 * signals, so that the page does not download every network's rows to show one network's.
 */
export const networkPagesSql = sql`
create or replace table site_network_pages as
select k.key, k.network, to_json({
  'indicator_series': {
    'reference_dates': ${referenceDatesJson},
    'series': coalesce((
      select list({'scope_type': s.scope_type, 'scope': s.scope, 'indicator': s.indicator,
        'values': s."values"} order by s.scope_type, s.scope, s.indicator)
      from site_series as s
      where (s.scope_type = 'netwerk' and s.scope = k.network)
        or (s.scope_type = 'totaal' and s.scope = 'alle')), [])
  },
  'members_by_sector': ${rowsOf("members_by_sector", sql`r.scope = k.network`)},
  'funding_by_source': ${rowsOf("funding_by_source", sql`r.network = k.network`)},
  'signals': ${rowsOf("signals", sql`r.scope_type = 'netwerk' and r.scope = k.network`)}
})::varchar as payload
from site_keys as k
where k.scope_type = 'netwerk'
order by k.key`;
