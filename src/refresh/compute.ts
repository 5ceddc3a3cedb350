/**
 * The indicators and the detail tables of a refresh: the context first, then the indicator
 * families beside the detail tables that read no indicator (a second connection to the same
 * database: each alone kept DuckDB's threads busy only part of the time), then the signals, which
 * read both, and the summaries. Both halves run to their end; when both fail, the detail tables'
 * error is the one thrown (besideEachOther).
 */
import type { Database } from "../db/duckdb.ts";
import { computeContext, computeFamilies, families } from "../indicators/index.ts";
import { besideEachOther } from "../ingest/lanes.ts";
import { buildDetailsBeforeSignals, buildSignals } from "../output/build.ts";
import type { SignalSettings } from "../signals/settings.ts";

export interface ComputeOptions {
  readonly asOf: string;
  readonly quarters?: number;
  readonly signals?: SignalSettings;
  /** Tables kept from the previous refresh (src/ingest/reuse.ts): not built again. */
  readonly kept?: ReadonlySet<string>;
}

export async function computeAll(db: Database, options: ComputeOptions): Promise<void> {
  const kept = options.kept ?? new Set<string>();
  await computeContext(db, options.asOf, options.quarters, kept);
  await besideEachOther(
    db,
    (other) => buildDetailsBeforeSignals(other, kept),
    () => computeFamilies(db, families, kept),
  );
  await buildSignals(db, options.signals);
}
