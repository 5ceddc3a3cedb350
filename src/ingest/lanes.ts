/**
 * Two lanes of statements on one database at the same time (issue 12; besideEachOther, which the
 * indicators use too: src/refresh/compute.ts). For the exports: the largest export that no other
 * export's checks read, and that reads none, on a connection of its own, beside the others in
 * file order on the refresh's connection. At national scale attendance's one-pass read keeps
 * DuckDB's threads busy only part of the time, and the small exports' statements, each short and
 * mostly on one thread, fill the rest.
 */
import { statSync } from "node:fs";
import type { FileSpec } from "../contract/index.ts";
import type { Database } from "../db/duckdb.ts";

/** What a lane needs of an export: its contract spec and its files. */
export interface LanePlan {
  readonly spec: FileSpec;
  readonly paths: readonly string[];
}

/** The exports whose clean table another export's checks read (its keys). */
const READ_BY_CHECKS: ReadonlySet<string> = new Set(["projects", "survey_responses"]);

/** True when the export's checks read no other export and no other export's checks read it. */
export function independent(spec: FileSpec): boolean {
  const refers = spec.columns.some((c) => c.refersToProject || c.refersToResponse);
  return !refers && !READ_BY_CHECKS.has(spec.key);
}

/**
 * The exports to read, split into lanes: `[own]` alone and the rest in their order, or one lane
 * when there is no second export to read beside it. `toRead` says which exports are read (not
 * absent, not kept from the previous refresh); `bytes` gives a file's size.
 */
export function splitLanes<P extends LanePlan>(
  plans: readonly P[],
  toRead: (plan: P) => boolean,
  bytes: (path: string) => number = (path) => statSync(path).size,
): { readonly own?: P; readonly rest: readonly P[] } {
  const read = plans.filter(toRead);
  if (read.length < 2) return { rest: plans };
  const size = (plan: P) => plan.paths.reduce((sum, path) => sum + bytes(path), 0);
  const candidates = read.filter((p) => independent(p.spec));
  if (!candidates.length) return { rest: plans };
  const own = candidates.reduce((a, b) => (size(b) > size(a) ? b : a));
  return { own, rest: plans.filter((p) => p !== own) };
}

/**
 * Runs `own` on a second connection to the same database (closed afterwards) beside `main` on
 * the database's own, and waits for both: neither lane's statements are still running when the
 * caller goes on, throws, or closes the database. Then throws the failure of `own`, else of
 * `main`, if any (the ingest's lanes catch their own, to report the first in file order).
 */
export async function besideEachOther(
  db: Database,
  own: (other: Database) => Promise<void>,
  main: () => Promise<void>,
): Promise<void> {
  const other: Database = { instance: db.instance, connection: await db.instance.connect() };
  try {
    const outcomes = await Promise.allSettled([own(other), main()]);
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
  } finally {
    other.connection.closeSync();
  }
}
