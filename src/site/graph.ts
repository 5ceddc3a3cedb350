import { sql } from "../db/sql.ts";
import { asOfBit } from "../indicators/graph.ts";

/**
 * The most members a scope's graph ships to the browser: at national scale a scope has
 * thousands, which no force layout can show and which would weigh megabytes.
 */
export const GRAPH_NODES = 150;

/**
 * `site_graph_links`: the graph of indicator P6 at as_of for every scope (each network and
 * "alle"), read from the one graph of the indicators (src/indicators/graph.ts): the edges of
 * the members active at as_of, weighted by the number of active projects they share, with the
 * organisation ids (source < target). Unsorted: only site_graph_nodes (which aggregates it) and
 * site_graphs (which sorts what it ships) read it.
 */
export const graphLinksSql = sql`
create or replace table site_graph_links as
select a.scope_type, a.scope,
  least(a.organisation_id, b.organisation_id) as source,
  greatest(a.organisation_id, b.organisation_id) as target,
  e.projects
from graph_edges as e
join graph_nodes as a on a.node = e.node_a
join graph_nodes as b on b.node = e.node_b
where e.projects > 0`;

/**
 * `site_graph_nodes`: every member of every scope's graph (active at as_of) with its sector,
 * degree (members it shares ≥ 1 active project with), number of active projects of the scope it
 * is a partner in (graph_partners), and its rank by connections (degree, then projects, then
 * id): the pages get the first `cap`. Unsorted, like site_graph_links: site_graphs orders what
 * it ships.
 */
export const graphNodesSql = sql`
create or replace table site_graph_nodes as
with members as (
  select m.scope_type, m.scope, m.organisation_id, m.sector
  from active_members as m join ref_dates as r on r.idx = m.idx and r.is_as_of
),
ends as (
  select scope_type, scope, source as organisation_id from site_graph_links
  union all
  select scope_type, scope, target from site_graph_links
),
degrees as (
  select scope_type, scope, organisation_id, count(*)::integer as degree from ends group by all
),
project_counts as (
  select n.scope_type, n.scope, n.organisation_id, count(*)::integer as projects
  from graph_partners as p
  join graph_nodes as n using (node)
  where p.mask & ${asOfBit} <> 0
  group by all
)
select m.scope_type, m.scope, m.organisation_id as id, o.organisation_name as name, m.sector,
  coalesce(d.degree, 0) as degree, coalesce(c.projects, 0) as projects,
  row_number() over (
    partition by m.scope_type, m.scope
    order by coalesce(d.degree, 0) desc, coalesce(c.projects, 0) desc, m.organisation_id
  ) as rank
from members as m
left join organisations as o using (organisation_id)
left join degrees as d using (scope_type, scope, organisation_id)
left join project_counts as c using (scope_type, scope, organisation_id)`;

/**
 * `site_graphs`: per scope (site_keys: "alle" and every network) the JSON of its graph file
 * (netwerkgraaf/<key>.json): at most `cap` nodes and the links between them, with the whole
 * graph's numbers of nodes and links beside them.
 */
export const graphsSql = (cap = GRAPH_NODES) => sql`
create or replace table site_graphs as
with x as (select d from ref_dates where is_as_of),
shown as (select * from site_graph_nodes where rank <= ${cap}),
nodes as (
  select scope_type, scope, count(*) as n,
    list({'id': id, 'name': name, 'sector': sector, 'degree': degree, 'projects': projects}
      order by id) as nodes
  from shown group by all
),
all_nodes as (select scope_type, scope, count(*)::integer as total_nodes from site_graph_nodes group by all),
links as (
  select l.scope_type, l.scope,
    list({'source': l.source, 'target': l.target, 'projects': l.projects} order by l.source, l.target)
      filter (where a.id is not null and b.id is not null) as links,
    count(*)::integer as total_links
  from site_graph_links as l
  left join shown as a on a.scope_type = l.scope_type and a.scope = l.scope and a.id = l.source
  left join shown as b on b.scope_type = l.scope_type and b.scope = l.scope and b.id = l.target
  group by all
)
select k.key, k.scope_type, k.scope,
  coalesce(t.total_nodes, 0) as total_nodes, coalesce(l.total_links, 0) as total_links,
  to_json({
    'peildatum': strftime((select d from x), '%Y-%m-%d'),
    'scope': k.scope,
    'nodes': coalesce(n.nodes, []),
    'links': coalesce(l.links, []),
    'total_nodes': coalesce(t.total_nodes, 0),
    'total_links': coalesce(l.total_links, 0)
  })::varchar as payload
from site_keys as k
left join nodes as n using (scope_type, scope)
left join all_nodes as t using (scope_type, scope)
left join links as l using (scope_type, scope)
where k.scope_type is not null
order by k.key`;
