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
import { fundingSql } from "./funding.ts";
import { graphLinksSql, graphNodesSql, graphsSql } from "./graph.ts";
import { siteKeysSql } from "./keys.ts";
import { izaKeysSql, izaPagesSql } from "./iza-pages.ts";
import { membersByRegionSql } from "./members.ts";
import { networkPagesSql } from "./network-pages.ts";
import { projectListsSql, projectRowsSql, projectsSummarySql } from "./projects.ts";
import { indicatorSeriesSql, seriesSql } from "./series.ts";
import { surveyMarts, type SurveySources } from "./survey.ts";
import { summariesSql } from "./summaries.ts";
import { detailTables } from "../output/tables.ts";
import { changesMartSql, noChangesMartSql } from "./changes.ts";
import type { MartReuse } from "./reuse.ts";
import { createdBy } from "../db/reads.ts";

export { ALL_KEY, NO_NETWORK, slugify } from "./keys.ts";
export { regionKey } from "./summaries.ts";
export { GRAPH_NODES } from "./graph.ts";
export { IZA_INDICATORS } from "./iza-pages.ts";
export { RECENT_EVENTS } from "./events.ts";
export { SMALL_NUMBER, SURVEY_INDICATORS, surveyMarts, type SurveySources } from "./survey.ts";

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
  fundingSql(),
];

/** The tables among the marts (the others are views), by name. */
export function martTables(): string[] {
  return siteMarts().flatMap((mart) => {
    const made = createdBy(mart.text);
    return made?.kind === "table" ? [made.name] : [];
  });
}

/**
 * Builds the site marts, after the indicators and the detail tables. `graphCap` is the most
 * nodes a graph file holds (GRAPH_NODES; tests lower it); `reuse`, in an incremental refresh,
 * keeps the marts whose inputs did not change.
 */
export async function buildSiteMarts(
  db: Database,
  graphCap?: number,
  reuse?: MartReuse,
): Promise<void> {
  const networks = await rows<{ network: string }>(
    db,
    sql`select network from networks order by network`,
  );
  await run(db, siteKeysSql(networks.map((n) => n.network)));
  for (const mart of siteMarts(graphCap)) {
    // An incremental refresh keeps a mart whose inputs hold the previous rows (reuse.ts).
    if (!(await reuse?.keep(db, mart))) await run(db, mart);
  }
  // A page per IZA region as the indicators name it (after site_series).
  const regions = await rows<{ scope: string }>(
    db,
    sql`select distinct scope from indicators where scope_type = 'iza_regio' order by scope`,
  );
  await run(db, izaKeysSql(regions.map((r) => r.scope)));
  await run(db, izaPagesSql);
  await run(db, summariesSql(regions.map((r) => r.scope)));
  for (const mart of surveyMarts(await surveySources(db))) await run(db, mart);
  // "Sinds de vorige verversing": from the refresh's table changes (src/refresh/changes.ts)
  const [changes] = await rows<{ n: bigint }>(
    db,
    sql`select count(*) as n from duckdb_tables() where table_name = 'changes' and not temporary`,
  );
  await run(db, Number(changes!.n) ? changesMartSql : noChangesMartSql);
}

/**
 * The survey's loaded responses (table survey_responses) and the survey_factors output, where
 * the database has them; without them every survey element says no survey was delivered.
 */
async function surveySources(db: Database): Promise<SurveySources> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from duckdb_tables()
      where table_name in ('survey_responses', 'survey_factors')`,
  );
  const has = (name: string) => tables.some((t) => t.name === name);
  const factors = detailTables.find((t) => t.name === "survey_factors");
  return {
    responses: has("survey_responses") ? sql`select network, round_on from survey_responses` : null,
    factors: factors
      ? factors.source
      : has("survey_factors")
        ? sql`select * from survey_factors`
        : null,
  };
}
