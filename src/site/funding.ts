import { sql } from "../db/sql.ts";
import { orderList, selectList } from "../output/ordered.ts";
import { detailTables } from "../output/tables.ts";

function fundingTable() {
  const table = detailTables.find((t) => t.name === "funding_by_source");
  if (!table) throw new Error("site: no output table funding_by_source");
  return table;
}

/**
 * `site_funding`: per scope of the selectors (site_keys: "alle" and each network) the JSON of
 * its file funding/<key>.json for the page Verduurzaming & financiering: the granted funding of
 * funding_by_source summed per year and source (`by_source`) and per year and kind (`by_kind`),
 * instead of every network's rows (the page showed "alle" by adding up all 3.644 rows at
 * national scale). Each sum adds the amounts one by one (a missing amount as 0) in the order of
 * funding_by_source's rows (its CSV's: by every column left to right), as the page did, so that
 * it is the same number to the last bit (test/site/funding.test.ts).
 */
export function fundingSql() {
  const table = fundingTable();
  const rowOrder = orderList(table);
  return sql`
create or replace table site_funding as
with r as (
  select ${selectList(table, true)} from (${table.source})
),
scoped as (
  select k.key, r.*
  from site_keys as k join r on k.scope_type = 'totaal' or r.network = k.network
  where k.scope_type is not null
),
by_source as (
  select key, year, source_type,
    list_reduce(list(coalesce(amount_eur, 0)::double order by ${rowOrder}),
      lambda a, b: a + b) as amount_eur
  from scoped group by key, year, source_type
),
by_kind as (
  select key, year, kind,
    list_reduce(list(coalesce(amount_eur, 0)::double order by ${rowOrder}),
      lambda a, b: a + b) as amount_eur
  from scoped group by key, year, kind
)
select k.key, to_json({
  'by_source': coalesce((
    select list({'year': s.year, 'source_type': s.source_type, 'amount_eur': s.amount_eur}
      order by s.year, s.source_type)
    from by_source as s where s.key = k.key), []),
  'by_kind': coalesce((
    select list({'year': s.year, 'kind': s.kind, 'amount_eur': s.amount_eur}
      order by s.year, s.kind)
    from by_kind as s where s.key = k.key), [])
})::varchar as payload
from site_keys as k
where k.scope_type is not null
order by k.key`;
}
