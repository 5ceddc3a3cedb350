import { sql, type Sql } from "../db/sql.ts";
import { refDateBit } from "./context.ts";

/**
 * The members' collaboration graph per scope, over all reference dates at once: the one graph
 * that indicators P5–P7 (projects.ts) and the site's graph marts (src/site/graph.ts) read
 * (design decision 8: the rule "two active members are partners in a common active project of
 * the scope" is computed here only). Built by the P family before its query.
 *
 * Members and projects carry a mask of the reference dates at which they are active (bit
 * idx − 1), so a partner row and a pair of partners is one row for all dates. The large tables
 * carry integer keys only: a node is one member of one scope, a scope project one project in one
 * scope. Both are numbered in a fixed order (scope, then id), so that a refresh over the same
 * exports makes the same rows and an incremental refresh can keep the marts that read them.
 *
 * Each step is a table of its own, not a CTE: DuckDB then plans the joins with the real row
 * counts (bench/README.md, issue 12 round 13: with the projects as a CTE over the project_dates
 * view it estimated 6 projects, joined members to projects first and did not end in 120 s).
 */
const dates = sql`(select idx, ${refDateBit} as bit from ref_dates)`;

/** The bit of the peildatum (as_of) in the masks. */
export const asOfBit = sql`(select ${refDateBit} from ref_dates where is_as_of)`;

export const graphSql: readonly Sql[] = [
  // every member of every scope that is active at some reference date, with its dates
  sql`create or replace table graph_nodes as
select m.scope_type, m.scope, m.organisation_id, bit_or(r.bit) as mask,
  dense_rank() over (order by m.scope_type, m.scope) as scope_key,
  row_number() over (order by m.scope_type, m.scope, m.organisation_id) as node
from active_members as m
join ${dates} as r using (idx)
group by m.scope_type, m.scope, m.organisation_id`,
  // every project of every scope that is active at some reference date, with its dates
  sql`create or replace temp table graph_projects as
with project_masks as (
  select p.network, p.project_id, bit_or(r.bit) as mask
  from project_dates as p
  join ${dates} as r using (idx)
  group by p.network, p.project_id
),
scoped as (
  select 'netwerk' as scope_type, network as scope, project_id, mask from project_masks
  union all
  select 'totaal', 'alle', project_id, mask from project_masks
)
select *, row_number() over (order by scope_type, scope, project_id) as scope_project
from scoped`,
  // a member that is a partner (project_partner_set) in a project of its scope, at the dates
  // at which both are active (never none)
  sql`create or replace table graph_partners as
select p.scope_project, m.scope_key, m.node, p.mask & m.mask as mask
from graph_projects as p
join project_partner_set as s using (project_id)
join graph_nodes as m
  on m.scope_type = p.scope_type and m.scope = p.scope and m.organisation_id = s.organisation_id
where p.mask & m.mask <> 0`,
  sql`drop table graph_projects`,
  // an edge per pair of members with a common project (node_a < node_b), at the dates at which
  // they share one, and the number of projects they share at the peildatum
  sql`create or replace table graph_edges as
select a.scope_key, a.node as node_a, b.node as node_b, bit_or(a.mask & b.mask) as mask,
  (count(*) filter (where a.mask & b.mask & ${asOfBit} <> 0))::integer as projects
from graph_partners as a
join graph_partners as b on b.scope_project = a.scope_project and a.node < b.node
where a.mask & b.mask <> 0
group by a.scope_key, a.node, b.node`,
];
