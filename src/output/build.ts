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
import type { FileKey } from "../contract/index.ts";
import { families } from "../indicators/index.ts";
import { contextTables } from "../indicators/context.ts";
import type { ExportOnlyTable } from "../ingest/reuse.ts";

/** A detail table: its name, its query, and, when it reads only exports, which ones. */
interface DetailTable {
  readonly name: string;
  readonly query: Sql;
  /** The exports it reads, when it reads nothing else but ref_dates (ExportOnlyTable). */
  readonly inputs?: readonly FileKey[];
}

/** The detail tables that read no indicator, in build order (signals: buildSignals). */
const detail: readonly DetailTable[] = [
  { name: "members_by_sector", query: membersBySectorSql },
  { name: "projects_detail", query: projectsSql },
  { name: "funding_by_source", query: fundingBySourceSql, inputs: ["funding", "projects"] },
  { name: "events", query: eventsSql, inputs: ["attendance"] },
  { name: "member_activity", query: memberActivitySql },
  { name: "iza_progress", query: izaProgressSql, inputs: ["milestones"] },
  { name: "survey_factors", query: surveyFactorsSql },
];

/**
 * Every table that depends on exports alone: the indicators' context tables and the families'
 * prepared tables, then the detail tables over exports alone.
 */
export const exportOnlyTables: readonly ExportOnlyTable[] = [
  ...contextTables,
  ...families.flatMap((f) => f.prepare ?? []),
  ...detail.flatMap((t) => (t.inputs ? [{ name: t.name, inputs: t.inputs, query: t.query }] : [])),
];

/**
 * Materialises the detail tables after the indicators, then the summaries (which read the
 * signals). `projects` is the clean input table, so its detail table is built as
 * `projects_detail` and swapped in under the output name by the writer's source query. The
 * tables named in `kept` are the previous refresh's, still valid (exportOnlyTables): not built.
 * A refresh runs the two halves itself (src/refresh/compute.ts), the first beside the families.
 */
export async function buildDetailTables(
  db: Database,
  signals?: SignalSettings,
  kept: ReadonlySet<string> = new Set(),
): Promise<void> {
  await buildDetailsBeforeSignals(db, kept);
  await buildSignals(db, signals);
}

/** The detail tables that read no indicator (all but signals): beside the families if wanted. */
export async function buildDetailsBeforeSignals(
  db: Database,
  kept: ReadonlySet<string> = new Set(),
): Promise<void> {
  for (const { name, query } of detail) {
    if (kept.has(name)) continue;
    await run(db, sql`create or replace table ${ident(name)} as ${query}`);
  }
}

/**
 * The signals, which read the indicators and member_activity (never kept: they read more than
 * exports), then the summaries, which read the signals.
 */
export async function buildSignals(db: Database, signals?: SignalSettings): Promise<void> {
  await run(db, sql`create or replace table signals as ${signalsSql(signals)}`);
  await buildSummaries(db, signals);
}
