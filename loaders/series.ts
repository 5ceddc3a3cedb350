// The indicator series in parts: indicator_series.json (site_indicator_series, every scope's
// series) cut into one file per scope of the scope selectors ("alle netwerken" and each
// network: indicatoren/<key>.json) and one per indicator (every scope: per-indicator/<id>.json),
// so that a page loads the series of the scope it shows and of the indicators it compares
// across networks instead of all 1.265 (at national scale 43 kB gzip of the 250 kB a page may
// weigh). The same values in the same shape; nothing is computed here.
import { sql } from "../src/db/sql.ts";
import { readDatabase } from "./db.ts";
import { martJson } from "./site.ts";

interface SeriesPayload {
  reference_dates: string[];
  series: { scope_type: string; scope: string; indicator: string }[];
}

/** A scope of the selectors and its file key (site_keys). */
export interface ScopeKey {
  scope_type: string;
  scope: string;
  key: string;
}

/** The payload of indicator_series.json cut per scope of `keys`: key → JSON of that scope. */
export function seriesPerScope(payload: string, keys: readonly ScopeKey[]): Map<string, string> {
  const { reference_dates, series } = JSON.parse(payload) as SeriesPayload;
  return new Map(
    keys.map(({ scope_type, scope, key }) => [
      key,
      JSON.stringify({
        reference_dates,
        series: series.filter((s) => s.scope_type === scope_type && s.scope === scope),
      }),
    ]),
  );
}

/** Every scope's indicator series file of the database at `path` (key → JSON). */
export async function indicatorFiles(path: string): Promise<Map<string, string>> {
  const keys = await readDatabase(
    (query) =>
      query<ScopeKey>(
        sql`select scope_type, scope, key from site_keys where scope_type is not null order by key`,
      ),
    path,
  );
  return seriesPerScope(await martJson("site_indicator_series", path), keys);
}

/** The payload of indicator_series.json cut per indicator: id → JSON of its series of every scope. */
export function seriesPerIndicator(payload: string): Map<string, string> {
  const { reference_dates, series } = JSON.parse(payload) as SeriesPayload;
  const ids = [...new Set(series.map((s) => s.indicator))].sort();
  return new Map(
    ids.map((id) => [
      id,
      JSON.stringify({ reference_dates, series: series.filter((s) => s.indicator === id) }),
    ]),
  );
}

/** Every indicator's series file of the database at `path` (id → JSON). */
export async function indicatorIdFiles(path: string): Promise<Map<string, string>> {
  return seriesPerIndicator(await martJson("site_indicator_series", path));
}
