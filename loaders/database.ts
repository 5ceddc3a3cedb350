import { access } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";

/** An organisation in the co-participation graph of one scope at the peildatum. */
export interface GraphNode {
  id: string;
  name: string;
  /** Its member sector, or null when unknown. */
  sector: string | null;
  /** Number of other member organisations it shares ≥ 1 active project with. */
  degree: number;
  /** Number of active projects of the scope it is a partner in. */
  projects: number;
}

/** Two organisations that are partners in `projects` common active projects of the scope. */
export interface GraphLink {
  source: string;
  target: string;
  projects: number;
}

/**
 * What `docs/data/network_graph.json` holds: per scope (`alle` or a network name) its graph,
 * at most GRAPH_NODES members (those with the most connections) and the links between them, with
 * the whole graph's size beside it.
 */
export interface GraphJson {
  peildatum: string;
  scopes: Record<
    string,
    { nodes: GraphNode[]; links: GraphLink[]; total_nodes: number; total_links: number }
  >;
}

/**
 * The most members a scope's graph ships to the browser: at national scale a scope has
 * thousands, which no force layout can show and which would weigh tens of megabytes.
 */
export const GRAPH_NODES = 150;

/** The database the refresh wrote (`--db`), which holds the partner rows. */
export function databasePath(): string {
  return process.env.REGIOMONITOR_DB ?? "data/monitor.duckdb";
}

// The graph of indicator P6 at the last reference date: nodes are the organisations active as
// members of the scope, an edge joins two of them when both are partners in an active project of
// the scope.
const GRAPH_SQL = `
with as_of as (
  select idx, d from ref_dates where is_as_of
),
members as (
  select m.scope, m.organisation_id, m.sector
  from active_members as m join as_of using (idx)
  where m.scope_type in ('netwerk', 'totaal')
),
partners as (
  select p.scope, s.project_id, s.organisation_id
  from active_projects as p
  join project_partner_set as s using (project_id)
  join members as m on m.scope = p.scope and m.organisation_id = s.organisation_id
  where p.is_as_of and p.scope_type in ('netwerk', 'totaal')
),
links as (
  select a.scope, a.organisation_id as source, b.organisation_id as target,
    count(distinct a.project_id)::integer as projects
  from partners as a
  join partners as b
    on a.scope = b.scope and a.project_id = b.project_id and a.organisation_id < b.organisation_id
  group by all
),
ends as (
  select scope, source as organisation_id from links
  union all
  select scope, target from links
),
degrees as (
  select scope, organisation_id, count(*)::integer as degree from ends group by all
),
project_counts as (
  select scope, organisation_id, count(distinct project_id)::integer as projects
  from partners group by all
),
all_nodes as (
  select m.scope, m.organisation_id as id, o.organisation_name as name, m.sector,
    coalesce(d.degree, 0) as degree, coalesce(c.projects, 0) as projects,
    row_number() over (
      partition by m.scope order by coalesce(d.degree, 0) desc, coalesce(c.projects, 0) desc, m.organisation_id
    ) as rank
  from members as m
  left join organisations as o using (organisation_id)
  left join degrees as d using (scope, organisation_id)
  left join project_counts as c using (scope, organisation_id)
),
final as (
  select * exclude (rank) from all_nodes where rank <= ${GRAPH_NODES}
),
shown_links as (
  select l.* from links as l
  join final as a on a.scope = l.scope and a.id = l.source
  join final as b on b.scope = l.scope and b.id = l.target
),
totals as (
  select n.scope, n.total_nodes, coalesce(l.total_links, 0)::integer as total_links
  from (select scope, count(*)::integer as total_nodes from all_nodes group by all) as n
  left join (select scope, count(*)::integer as total_links from links group by all) as l using (scope)
)
`;

/**
 * Runs `read` against the refresh's DuckDB database, opened read-only, and closes it again.
 * Fails with a clear error when the file does not exist (DuckDB would create an empty one).
 */
export async function withDatabase<T>(
  read: (query: <R>(sql: string) => Promise<R[]>) => Promise<T>,
  path = databasePath(),
): Promise<T> {
  await access(path);
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await read(
      async <R>(sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as R[],
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Reads the co-participation graphs at the peildatum from the refresh's DuckDB database. */
export async function graphJson(path = databasePath()): Promise<string> {
  return withDatabase(async (query) => {
    const [asOf] = await query<{ d: Date }>("select d from ref_dates where is_as_of");
    if (!asOf) throw new Error(`${path}: no peildatum in ref_dates`);
    const nodes = await query<GraphNode & { scope: string }>(
      `${GRAPH_SQL} select * from final order by scope, id`,
    );
    const links = await query<GraphLink & { scope: string }>(
      `${GRAPH_SQL} select * from shown_links order by scope, source, target`,
    );
    const totals = await query<{ scope: string; total_nodes: number; total_links: number }>(
      `${GRAPH_SQL} select * from totals order by scope`,
    );
    const json: GraphJson = { peildatum: asOf.d.toISOString().slice(0, 10), scopes: {} };
    const scope = (name: string) =>
      (json.scopes[name] ??= { nodes: [], links: [], total_nodes: 0, total_links: 0 });
    for (const { scope: s, ...total } of totals) Object.assign(scope(s), total);
    for (const { scope: s, ...node } of nodes) scope(s).nodes.push(node);
    for (const { scope: s, ...link } of links) scope(s).links.push(link);
    return JSON.stringify(json);
  }, path);
}

/** Attendance of one meeting at one role level (counts only: no persons, no organisations). */
export interface EventRole {
  event_id: string;
  /** bestuurder, management, professional, student, burger or overig. */
  person_role: string;
  /** Rows with attended = true. */
  attended: number;
}

/**
 * How many of the latest meetings of a scope the Bijeenkomsten page shows with their role mix.
 * Only the meetings on the RECENT_EVENTS latest dates of each scope are shipped (all meetings on
 * a date, so that the page's own tie-break still finds its 24): at national scale all of them
 * would be tens of megabytes.
 */
const RECENT_EVENTS = 24;

/**
 * The role-level mix per meeting: attended rows per event and person_role (as loaded, so the
 * same rows as the `events` table) of the latest meetings of each scope, for
 * `docs/data/event_roles.json`.
 */
export async function eventRolesJson(path = databasePath()): Promise<string> {
  return withDatabase(async (query) => {
    const rows = await query<EventRole>(`
      with as_of as (select d from ref_dates where is_as_of),
      dated as (
        select event_id, network, event_date,
          dense_rank() over (partition by network order by event_date desc) as in_network,
          dense_rank() over (order by event_date desc) as in_all
        from events where event_date <= (select d from as_of)
      ),
      shown as (
        select distinct event_id from dated
        where in_all <= ${RECENT_EVENTS} or (network is not null and in_network <= ${RECENT_EVENTS})
      )
      select event_id, coalesce(person_role, 'overig') as person_role,
        count(*) filter (where attended)::integer as attended
      from attendance
      where event_id in (select event_id from shown)
      group by all
      having count(*) filter (where attended) > 0
      order by event_id, person_role`);
    return JSON.stringify(rows);
  }, path);
}
