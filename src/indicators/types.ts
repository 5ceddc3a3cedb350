import type { FileKey } from "../contract/index.ts";
import type { Sql } from "../db/sql.ts";
import type { ExportOnlyTable } from "../ingest/reuse.ts";

export type IndicatorGroup =
  "leden" | "projecten" | "bijeenkomsten" | "financiering" | "iza" | "enquete";
export type Unit = "aantal" | "aandeel" | "gemiddelde" | "index" | "euro" | "ja/nee";
export type Direction = "hoger_is_beter" | "lager_is_beter" | "neutraal";

/** One indicator of spec/indicators.md: the catalog row and how empty input is valued. */
export interface CatalogEntry {
  /** The spec's code, e.g. M1. */
  readonly code: string;
  /** The id used in every output, e.g. leden_actief. */
  readonly id: string;
  readonly group: IndicatorGroup;
  readonly name_nl: string;
  readonly name_en: string;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly definition_nl: string;
  /**
   * The smallest change that is news in a summary ("Wat is er veranderd"): for the units aantal,
   * euro and gemiddelde a fraction of the earlier value (0.05 = 5 %), for the others a difference
   * in the unit (0.05 = 5 procentpunt of a share; 1 for ja/nee).
   */
  readonly newsThreshold: number;
  /** The indicator as the subject of a Dutch sentence, with its article: "het aantal actieve leden". */
  readonly subject_nl: string;
  /** Counts and sums over nothing are 0; shares with an empty denominator are null. */
  readonly zeroWhenEmpty: boolean;
  /** Files without which the indicator is null at every date. */
  readonly requires: readonly FileKey[];
  /** The scope types it is computed for. */
  readonly scopeTypes: readonly ("netwerk" | "totaal" | "iza_regio")[];
  /** Where the family's query finds the value: the only place the id meets the SQL. */
  readonly value: IndicatorValue;
}

/**
 * An indicator's value in its family's query: `expr` over `from` (one of the family's CTEs,
 * with `scope_type`, `scope` and `d` columns), optionally only rows matching `where`.
 */
export interface IndicatorValue {
  readonly from: Sql;
  readonly expr: Sql;
  readonly where?: Sql;
}

/**
 * One indicator family: its catalog entries and one SQL query over the context views
 * (src/indicators/context.ts) returning `scope_type, scope, indicator, period_end, value`.
 * The query may leave out rows; the runner completes the grid (0 or null per catalog entry).
 */
export interface IndicatorFamily {
  readonly group: IndicatorGroup;
  readonly entries: readonly CatalogEntry[];
  readonly sql: Sql;
  /** Tables its query reads that depend on exports alone, built before it (or kept). */
  readonly prepare?: readonly ExportOnlyTable[];
  /** Statements making tables its query and the site marts read (graph.ts), run before it. */
  readonly builds?: readonly Sql[];
}
