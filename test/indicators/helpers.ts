import { rows, type Database } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { computeIndicators } from "../../src/indicators/run.ts";
import type { IndicatorFamily } from "../../src/indicators/types.ts";
import { load, writeExports } from "../helpers.ts";

/** A number per family object, for the key of `computed`. */
const familyIds = new Map<IndicatorFamily, number>();
const familyId = (family: IndicatorFamily) => {
  if (!familyIds.has(family)) familyIds.set(family, familyIds.size + 1);
  return familyIds.get(family)!;
};
/**
 * The databases computed in this process (vitest runs a worker's files one after another), by
 * their inputs: tests that read the same fixture share one load and one computation.
 */
const computed = new Map<string, Promise<Database>>();

/**
 * Loads export files (CSV text in contract shape) through the real ingest, computes the given
 * families at `asOf`, and returns the database. The same inputs give the same database, shared:
 * a test reads it, and may only add tables that are the same for the same inputs (the detail
 * tables).
 */
export function compute(
  files: Record<string, string>,
  families: readonly IndicatorFamily[],
  asOf: string,
  quarters = 11,
): Promise<Database> {
  const key = JSON.stringify([Object.entries(files), families.map(familyId), asOf, quarters]);
  let db = computed.get(key);
  if (!db) {
    db = (async () => {
      const { db } = await load(writeExports(files));
      await computeIndicators(db, families, asOf, quarters);
      return db;
    })();
    computed.set(key, db);
  }
  return db;
}

/** The value of one indicator for one scope at one date (null when empty). */
export async function value(
  db: Database,
  scope: string,
  indicator: string,
  periodEnd: string,
  scopeType?: string,
): Promise<number | null> {
  const typeFilter = scopeType ? sql`and scope_type = ${scopeType}` : sql``;
  const found = await rows<{ value: number | null }>(
    db,
    sql`select value from indicators where scope = ${scope} and indicator = ${indicator}
     and period_end = ${periodEnd}::date ${typeFilter}`,
  );
  if (found.length !== 1) {
    throw new Error(
      `expected one row for ${scope}/${indicator}/${periodEnd}, found ${found.length}`,
    );
  }
  return found[0]!.value;
}

/** A CSV text from a header and rows (contract shape, comma-separated). */
export function csv(header: string, ...lines: string[]): string {
  return [header, ...lines, ""].join("\n");
}
