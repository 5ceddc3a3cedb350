import { run, type Database } from "../db/duckdb.ts";
import { ident, sql, type Sql } from "../db/sql.ts";
import type { SignalSettings } from "../signals/settings.ts";
import { signalsSql } from "../signals/rules.ts";
import {
  eventsSql,
  fundingBySourceSql,
  izaProgressSql,
  memberActivitySql,
  membersBySectorSql,
  projectsSql,
} from "./detail.ts";
import { surveyFactorsSql } from "./survey-factors.ts";
import { buildSummaries } from "../summaries/index.ts";

/** The detail tables in build order: signals read member_activity and the indicators. */
const detail = (signals?: SignalSettings): readonly [string, Sql][] => [
  ["members_by_sector", membersBySectorSql],
  ["projects_detail", projectsSql],
  ["funding_by_source", fundingBySourceSql],
  ["events", eventsSql],
  ["member_activity", memberActivitySql],
  ["iza_progress", izaProgressSql],
  ["survey_factors", surveyFactorsSql],
  ["signals", signalsSql(signals)],
];

/**
 * Materialises the detail tables after the indicators, then the summaries (which read the
 * signals). `projects` is the clean input table, so its detail table is built as
 * `projects_detail` and swapped in under the output name by the writer's source query.
 */
export async function buildDetailTables(db: Database, signals?: SignalSettings): Promise<void> {
  for (const [name, query] of detail(signals)) {
    await run(db, sql`create or replace table ${ident(name)} as ${query}`);
  }
  await buildSummaries(db, signals);
}
