import { rows, type Database } from "../db/duckdb.ts";
import { sql, type Sql } from "../db/sql.ts";
import { UsageError } from "../errors.ts";

/** Today's date in ISO form, in the machine's time zone. */
export function todayIso(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * The day a command counts as today: REGIOMONITOR_TODAY (JJJJ-MM-DD) when it is set, else the
 * clock's. It is the refresh date in the workbook and the latest default peildatum, so that runs
 * on either side of midnight (a refresh and its check, a test run) agree; a value that is no
 * date is a usage error (exit 2).
 */
export function commandToday(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.REGIOMONITOR_TODAY;
  if (fixed === undefined || fixed === "") return todayIso();
  if (!isIsoDate(fixed)) {
    throw new UsageError(`REGIOMONITOR_TODAY verwacht een datum als JJJJ-MM-DD, niet "${fixed}"`);
  }
  return fixed;
}

/** Checks a `--as-of` value: an ISO calendar date. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The default peildatum (spec/indicators.md): the latest date in the data that is not in the
 * future, over joined_on, left_on, start_on, end_on, event_date and completed_on; today when the
 * data has none.
 */
export function defaultAsOfSql(today: string): Sql {
  return sql`select strftime(max(d), '%Y-%m-%d') as as_of from (
      select joined_on as d from members union all select left_on from members
      union all select start_on from projects union all select end_on from projects
      union all select event_date from attendance union all select completed_on from milestones
    ) where d <= ${today}::date`;
}

/** The default peildatum of a refreshed database (see defaultAsOfSql). */
export async function defaultAsOf(db: Database, today: string): Promise<string> {
  const [row] = await rows<{ as_of: string | null }>(db, defaultAsOfSql(today));
  return row?.as_of ?? today;
}
