// The site marts: everything a page shows that is not an output table, computed once at refresh
// in SQL over the same context tables as the indicators (src/indicators/context.ts), into
// site_* tables of the database. The loaders of docs/data only select from them.
import { rows, run, type Database } from "../db/duckdb.ts";
import { sql, type Sql } from "../db/sql.ts";
import {
  eventListsSql,
  eventRolesSql,
  eventRowsSql,
  eventsSummarySql,
  recentEventsSql,
} from "./events.ts";
import { graphLinksSql, graphNodesSql, graphsSql } from "./graph.ts";
import { siteKeysSql } from "./keys.ts";
import { membersByRegionSql } from "./members.ts";
import { networkPagesSql } from "./network-pages.ts";
import { projectListsSql, projectRowsSql, projectsSummarySql } from "./projects.ts";
import { indicatorSeriesSql, seriesSql } from "./series.ts";

export { ALL_KEY, NO_NETWORK, slugify } from "./keys.ts";
export { GRAPH_NODES } from "./graph.ts";
export { RECENT_EVENTS } from "./events.ts";

/** The marts after site_keys, in build order (each reads only those before it). */
export const siteMarts = (graphCap?: number): readonly Sql[] => [
  membersByRegionSql,
  projectRowsSql,
  projectListsSql,
  projectsSummarySql,
  eventRowsSql,
  eventListsSql,
  recentEventsSql,
  eventRolesSql,
  eventsSummarySql,
  graphLinksSql,
  graphNodesSql,
  graphsSql(graphCap),
  seriesSql,
  indicatorSeriesSql,
  networkPagesSql,
];

/**
 * Builds the site marts, after the indicators and the detail tables. `graphCap` is the most
 * nodes a graph file holds (GRAPH_NODES; tests lower it).
 */
export async function buildSiteMarts(db: Database, graphCap?: number): Promise<void> {
  const networks = await rows<{ network: string }>(
    db,
    sql`select network from networks order by network`,
  );
  await run(db, siteKeysSql(networks.map((n) => n.network)));
  for (const mart of siteMarts(graphCap)) await run(db, mart);
}
