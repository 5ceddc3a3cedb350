import { ident, run, type Database } from "../db/duckdb.ts";
import { signalsSql } from "../signals/rules.ts";
import {
  eventsSql,
  fundingBySourceSql,
  izaProgressSql,
  memberActivitySql,
  membersBySectorSql,
  projectsSql,
} from "./detail.ts";

/** The detail tables in build order: signals read member_activity and the indicators. */
const DETAIL: readonly [string, string][] = [
  ["members_by_sector", membersBySectorSql],
  ["projects_detail", projectsSql],
  ["funding_by_source", fundingBySourceSql],
  ["events", eventsSql],
  ["member_activity", memberActivitySql],
  ["iza_progress", izaProgressSql],
  ["signals", signalsSql],
];

/**
 * Materialises the detail tables after the indicators. `projects` is the clean input table, so
 * its detail table is built as `projects_detail` and swapped in under the output name by the
 * writer's source query.
 */
export async function buildDetailTables(db: Database): Promise<void> {
  for (const [name, sql] of DETAIL) {
    await run(db, `create or replace table ${ident(name)} as ${sql}`);
  }
}
