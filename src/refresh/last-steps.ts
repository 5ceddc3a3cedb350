/**
 * The last two steps of a refresh, which run side by side: the site marts (on a connection of
 * their own) and the output files (the CSV and Parquet files of every output table, then the
 * workbook). Both only read what the indicators, detail tables and changes left, and write
 * nothing the other reads.
 */
import { join } from "node:path";
import type { Database } from "../db/duckdb.ts";
import type { Effects } from "../effects.ts";
import { outputTables } from "../output/tables.ts";
import { writeTables } from "../output/write.ts";
import { WORKBOOK_FILE, writeWorkbook } from "../output/workbook/index.ts";
import { buildSiteMarts } from "../site/index.ts";
import {
  attachPrevious,
  copyKeptOutputs,
  detachPrevious,
  PREVIOUS,
  previousWorkbook,
  sameAsPrevious,
} from "./kept-outputs.ts";
import { MartReuse } from "../site/reuse.ts";
import { PreviousRows } from "../db/previous-rows.ts";
import type { OutputFile } from "./previous.ts";
import type { Stopwatch } from "./timing.ts";

/** Waits for both promises, also when one fails (then its error is thrown, the first one's first). */
export async function settledBoth<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === "rejected") throw x.reason;
  if (y.status === "rejected") throw y.reason;
  return [x.value, y.value];
}

/**
 * Builds the site marts on a new connection of `db`'s database, closed at the end; with `reuse`
 * (an incremental refresh) the marts whose inputs did not change are copied.
 */
export async function siteMarts(
  db: Database,
  effects: Effects,
  watch: Stopwatch,
  reuse?: MartReuse,
): Promise<void> {
  const start = performance.now();
  const connection = await db.instance.connect();
  try {
    await buildSiteMarts({ instance: db.instance, connection }, undefined, reuse);
  } finally {
    connection.closeSync();
  }
  const kept = reuse?.kept.length ? `; ongewijzigd, overgenomen: ${reuse.kept.join(", ")}` : "";
  effects.progress(`tabellen voor de site berekend${kept} (${watch.lap("site", start)})`);
}

export interface OutputPlan {
  /** The staged output folder. */
  readonly dir: string;
  /** The database tables whose rows are the previous refresh's (OutputTable.from). */
  readonly unchanged: ReadonlySet<string>;
  /** The published output folder, whose files of unchanged tables are copied. */
  readonly copyFrom: string;
  /** The output files as the previous refresh recorded them. */
  readonly outputs: readonly OutputFile[];
  /** The previous workbook's sheet names, when recorded. */
  readonly previousSheets: readonly string[] | undefined;
  readonly asOf: string;
  readonly today: string;
}

/**
 * Writes every output table's three files (or copies them, for the unchanged tables) and the
 * workbook; returns the names of the tables copied and the workbook's sheet names.
 */
export async function writeOutputs(
  db: Database,
  effects: Effects,
  watch: Stopwatch,
  plan: OutputPlan,
): Promise<{ copied: string[]; sheets: string[] }> {
  let start = performance.now();
  const { dir, unchanged, copyFrom, outputs } = plan;
  const copied = await copyKeptOutputs(outputTables, unchanged, copyFrom, dir, outputs);
  await writeTables(
    db,
    outputTables.filter((t) => !copied.has(t)),
    dir,
  );
  const names = [...copied].map((t) => t.name);
  const note = names.length ? `; ongewijzigd, overgenomen: ${names.join(", ")}` : "";
  effects.progress(
    `schrijven ${outputTables.length} tabellen${note} (${watch.lap("schrijven", start)})`,
  );
  start = performance.now();
  const book = previousWorkbook(unchanged, copyFrom, outputs, plan.previousSheets);
  const { sheets } = await writeWorkbook(db, join(dir, WORKBOOK_FILE), {
    asOf: plan.asOf,
    refreshedOn: plan.today,
    ...(book ? { previous: book } : {}),
  });
  effects.progress(`schrijven ${WORKBOOK_FILE} (${watch.lap("werkmap", start)})`);
  return { copied: names, sheets: sheets.map((s) => s.name) };
}

export interface LastStepsPlan extends Omit<OutputPlan, "unchanged"> {
  /** The previous refresh's database, in an incremental refresh. */
  readonly previousDb?: string;
  /** The tables over unchanged exports that the refresh kept. */
  readonly kept: ReadonlySet<string>;
  /** The clean tables of the exports it kept. */
  readonly keptClean: readonly string[];
  /** The site marts the previous refresh left in the database. */
  readonly marts: readonly string[];
}

/**
 * The site marts and the output files, side by side. In an incremental refresh the previous
 * database is attached: output tables with the previous rows are copied with their files, and
 * so are the marts whose inputs hold the previous rows.
 */
export async function lastSteps(
  db: Database,
  effects: Effects,
  watch: Stopwatch,
  plan: LastStepsPlan,
): Promise<{ copied: string[]; sheets: string[]; marts: string[] }> {
  const attached = plan.previousDb ? await attachPrevious(db, plan.previousDb) : false;
  try {
    // One comparison with the previous database for the output files and the marts: the
    // kept tables and the kept exports' clean tables are known to hold its rows.
    const previous = attached
      ? new PreviousRows(PREVIOUS, [...plan.kept, ...plan.keptClean])
      : undefined;
    const same = previous ? await sameAsPrevious(db, previous, outputTables) : [];
    const unchanged = new Set([...plan.kept, ...same]);
    const reuse = previous ? new MartReuse(previous, new Set(plan.marts)) : undefined;
    const [, written] = await settledBoth(
      siteMarts(db, effects, watch, reuse),
      writeOutputs(db, effects, watch, { ...plan, unchanged }),
    );
    return { ...written, marts: reuse?.kept ?? [] };
  } finally {
    if (attached) await detachPrevious(db);
  }
}
