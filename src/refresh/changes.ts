/**
 * "Sinds de vorige verversing": builds the table `changes` (changes-sql.ts) by attaching the
 * previous refresh's database read-only, and reads it back as the refresh's summary.
 */
import { existsSync } from "node:fs";
import type { FileSpec } from "../contract/index.ts";
import { files as allFiles } from "../contract/index.ts";
import { rows, run, type Database } from "../db/duckdb.ts";
import { ident, sql, type Sql } from "../db/sql.ts";
import { cleanTableName } from "../ingest/schema.ts";
import {
  comparisonRowSql,
  createChangesSql,
  fileChangesSql,
  indicatorChangesSql,
  PREVIOUS_DB,
  signalChangesSql,
} from "./changes-sql.ts";

/** Rows added, removed and changed in one export. */
export interface FileChange {
  readonly file: string;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/** One indicator whose value at the peildatum moved. */
export interface IndicatorChange {
  readonly indicator: string;
  readonly scope_type: string;
  readonly scope: string;
  readonly change: string;
  readonly old_value: number | null;
  readonly new_value: number | null;
}

/** What a refresh changed: null `previousAsOf` when there was no previous refresh. */
export interface ChangesSummary {
  readonly previousAsOf: string | null;
  readonly files: readonly FileChange[];
  /** How many (scope, indicator) pairs moved, and those of scope `alle` (scope_type totaal). */
  readonly indicatorsMoved: number;
  readonly indicators: readonly IndicatorChange[];
  readonly signalsNew: number;
  readonly signalsResolved: number;
}

/** The summary of a refresh that changed nothing against the previous one at `asOf`. */
export function noChanges(previousAsOf: string, specs: readonly FileSpec[] = allFiles) {
  return {
    previousAsOf,
    files: specs.map((s) => ({ file: s.file, added: 0, removed: 0, changed: 0 })),
    indicatorsMoved: 0,
    indicators: [],
    signalsNew: 0,
    signalsResolved: 0,
  } satisfies ChangesSummary;
}

/** The names of the columns of a table per table, in one database. */
async function columnsOf(db: Database, database: Sql): Promise<Map<string, string[]>> {
  const found = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from duckdb_columns()
      where database_name = ${database} and schema_name = 'main' order by table_name, column_index`,
  );
  const tables = new Map<string, string[]>();
  for (const r of found)
    tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return tables;
}

/** Attaches the previous database and returns its peildatum; null when it cannot be used. */
async function attachPrevious(db: Database, path: string | undefined): Promise<string | null> {
  if (!path || !existsSync(path)) return null;
  try {
    await run(db, sql`attach ${path} as ${ident(PREVIOUS_DB)} (read_only)`);
  } catch {
    return null; // not a database of ours: as if there were none
  }
  try {
    const [info] = await rows<{ value: string | null }>(
      db,
      sql`select max(value) as value from ${ident(PREVIOUS_DB)}.main.load_info where key = 'as_of'`,
    );
    return info?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * Builds `changes` in `db` (whose exports, indicators and signals are computed) against the
 * database at `previousPath` (absent: the first refresh), and returns its summary. `keptClean`:
 * the clean tables that an incremental refresh copied from that database, unchanged by
 * construction, so not compared row by row.
 */
export async function computeChanges(
  db: Database,
  previousPath: string | undefined,
  asOf: string,
  keptClean: readonly string[] = [],
): Promise<ChangesSummary> {
  await run(db, createChangesSql);
  const oldAsOf = await attachPrevious(db, previousPath);
  try {
    if (oldAsOf !== null) {
      const before = await columnsOf(db, sql`${PREVIOUS_DB}`);
      const after = await columnsOf(db, sql`current_database()`);
      for (const spec of allFiles) {
        const file = {
          spec,
          before: before.get(spec.key) ?? null,
          after: after.get(spec.key) ?? null,
          kept: keptClean.includes(cleanTableName(spec)),
        };
        await run(db, fileChangesSql(file));
      }
      if (before.has("indicators")) await run(db, indicatorChangesSql(oldAsOf, asOf));
      if (before.has("signals")) await run(db, signalChangesSql());
    }
    await run(db, comparisonRowSql(asOf, oldAsOf));
  } finally {
    if (oldAsOf !== null || (previousPath && existsSync(previousPath))) {
      await run(db, sql`detach database if exists ${ident(PREVIOUS_DB)}`);
    }
  }
  return readChanges(db);
}

/** The summary of the `changes` table of a database. */
export async function readChanges(db: Database): Promise<ChangesSummary> {
  const [head] = await rows<{ old: string | null }>(
    db,
    sql`select strftime(old_period_end, '%Y-%m-%d') as old from changes where section = 'vergelijking'`,
  );
  const files = await rows<FileChange>(
    db,
    sql`select subject as file, added, removed, changed from changes where section = 'export'`,
  );
  const order = new Map(allFiles.map((s, i) => [s.file, i]));
  const [counts] = await rows<{ moved: bigint; fresh: bigint; resolved: bigint }>(
    db,
    sql`select count(*) filter (where section = 'indicator') as moved,
      count(*) filter (where section = 'signaal' and change = 'nieuw') as fresh,
      count(*) filter (where section = 'signaal' and change = 'opgelost') as resolved
    from changes`,
  );
  const indicators = await rows<IndicatorChange>(
    db,
    sql`select subject as indicator, scope_type, scope, change, old_value, new_value from changes
      where section = 'indicator' and scope_type = 'totaal' order by subject`,
  );
  return {
    previousAsOf: head?.old ?? null,
    files: files.sort((a, b) => order.get(a.file)! - order.get(b.file)!),
    indicatorsMoved: Number(counts!.moved),
    indicators,
    signalsNew: Number(counts!.fresh),
    signalsResolved: Number(counts!.resolved),
  };
}
