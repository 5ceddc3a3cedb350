import type { Database } from "../db/duckdb.ts";
import { commandToday, defaultAsOf } from "../refresh/as-of.ts";
import { computeChanges, type ChangesSummary } from "../refresh/changes.ts";
import { computeAll } from "../refresh/compute.ts";
import type { Settings } from "../settings/settings.ts";

/**
 * `validate --compare`: computes, in the validation's own database (in memory), what a refresh
 * would compute (indicators, signals) and compares it with the published database at `dbPath`
 * (opened read-only): the same table `changes` as the refresh builds, and nothing written.
 */
export async function compareWithPublished(
  db: Database,
  dbPath: string,
  settings: Settings,
  asOf?: string,
): Promise<ChangesSummary> {
  const at = asOf ?? (await defaultAsOf(db, commandToday()));
  await computeAll(db, { asOf: at, quarters: settings.quarters, signals: settings.signals });
  return computeChanges(db, dbPath, at);
}
