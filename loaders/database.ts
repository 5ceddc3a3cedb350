import { access } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";
import { sql, type Sql } from "../src/db/sql.ts";
import { ALL_KEY, graphFiles, recentEventIds } from "./lists.ts";
import { outDir, readNetworks, type Network } from "./site.ts";

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
 * What `docs/data/netwerkgraaf/<key>.json` holds: the graph of one scope (see graphFiles), at most
 * GRAPH_NODES members (those with the most connections) and the links between them, with the
 * whole graph's size beside it.
 */
export interface GraphJson {
  peildatum: string;
  /** "alle" or the network's name. */
  scope: string;
  nodes: GraphNode[];
  links: GraphLink[];
  total_nodes: number;
  total_links: number;
}

/**
 * The most members a scope's graph ships to the browser: at national scale a scope has
 * thousands, which no force layout can show and which would weigh megabytes.
 */
export const GRAPH_NODES = 150;

/** The database the refresh wrote (`--db`), which holds the partner rows. */
export function databasePath(): string {
  return process.env.REGIOMONITOR_DB ?? "data/monitor.duckdb";
}

// The graph of indicator P6 at the last reference date for one scope: nodes are the
// organisations active as members of the scope, an edge joins two of them when both are partners
// in an active project of the scope.
export const graphSql = (scopeType: "netwerk" | "totaal", scope: string, cap: number) => sql`
with as_of as (
  select idx, d from ref_dates where is_as_of
),
members as (
  select m.scope, m.organisation_id, m.sector
  from active_members as m join as_of using (idx)
  where m.scope_type = ${scopeType} and m.scope = ${scope}
),
partners as (
  select p.scope, s.project_id, s.organisation_id
  from active_projects as p
  join project_partner_set as s using (project_id)
  join members as m on m.scope = p.scope and m.organisation_id = s.organisation_id
  where p.is_as_of and p.scope_type = ${scopeType}
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
  select * exclude (rank) from all_nodes where rank <= ${cap}
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
  read: (query: <R>(query: Sql) => Promise<R[]>) => Promise<T>,
  path = databasePath(),
): Promise<T> {
  await access(path);
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await read(
      async <R>(query: Sql) =>
        (await connection.runAndReadAll(query.text)).getRowObjectsJS() as R[],
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The scope of a graph file key: "alle" for ALL_KEY, else the network with that slug. */
async function scopeOfKey(key: string, dir: string) {
  const file = graphFiles(await readNetworks(dir)).find((f) => f.key === key);
  if (!file) throw new Error(`loader: no network with the file name ${key}`);
  return {
    scopeType: key === ALL_KEY ? ("totaal" as const) : ("netwerk" as const),
    scope: file.scope,
  };
}

/**
 * `netwerkgraaf/<key>.json`: one scope's co-participation graph at the peildatum, from the
 * refresh's DuckDB database (a page fetches only the scope it shows).
 */
export async function graphScopeJson(
  key: string,
  path = databasePath(),
  dir = outDir(),
  cap = GRAPH_NODES,
): Promise<string> {
  const { scopeType, scope } = await scopeOfKey(key, dir);
  const ctes = graphSql(scopeType, scope, cap);
  return withDatabase(async (query) => {
    const [asOf] = await query<{ d: Date }>(sql`select d from ref_dates where is_as_of`);
    if (!asOf) throw new Error(`${path}: no peildatum in ref_dates`);
    // One query, so that the graph's CTEs are planned once rather than once per part.
    const [graph] = await query<Omit<GraphJson, "peildatum" | "scope">>(sql`${ctes}
      select
        coalesce((select list({'id': id, 'name': name, 'sector': sector, 'degree': degree,
          'projects': projects} order by id) from final), []) as nodes,
        coalesce((select list({'source': source, 'target': target, 'projects': projects}
          order by source, target) from shown_links), []) as links,
        coalesce((select total_nodes from totals), 0) as total_nodes,
        coalesce((select total_links from totals), 0) as total_links`);
    const json: GraphJson = { peildatum: asOf.d.toISOString().slice(0, 10), scope, ...graph! };
    return JSON.stringify(json);
  }, path);
}

/** The paths of the graph files (all networks and each network), for the config's dynamicPaths. */
export function graphPaths(networks: readonly Network[]): string[] {
  return graphFiles(networks).map((f) => `/data/netwerkgraaf/${f.key}.json`);
}

/** Attendance of one meeting at one role level (counts only: no persons, no organisations). */
export interface EventRole {
  event_id: string;
  /** bestuurder, management, professional, student, burger or overig. */
  person_role: string;
  /** Rows with attended = true. */
  attended: number;
}

/** SQL of the role-level mix of the meetings `ids` (see eventRolesJson). */
export function eventRolesSql(ids: readonly string[]): Sql {
  return sql`
      select event_id, coalesce(person_role, 'overig') as person_role,
        count(*) filter (where attended)::integer as attended
      from attendance
      where event_id in (select unnest([${ids}]))
      group by all
      having count(*) filter (where attended) > 0
      order by event_id, person_role`;
}

/**
 * The role-level mix per meeting: attended rows per event and person_role (as loaded, so the
 * same rows as the `events` table) of exactly the meetings the Bijeenkomsten page shows per scope
 * (the `recent` of events_summary.json), for `docs/data/event_roles.json`.
 */
export async function eventRolesJson(path = databasePath(), dir = outDir()): Promise<string> {
  const ids = await recentEventIds(dir);
  if (!ids.length) return "[]";
  return withDatabase(async (query) => {
    const rows = await query<EventRole>(eventRolesSql(ids));
    return JSON.stringify(rows);
  }, path);
}
