/**
 * The SQL of "Sinds de vorige verversing" (issue 16 point 2): what a refresh changed against
 * the previous refresh's database, attached read-only under PREVIOUS_DB. One table `changes`:
 *
 * - one row `vergelijking`: `vergeleken` (with both peildatums) or `geen_vorige` (first refresh);
 * - with a previous refresh, one row `export` per contract file: rows added, removed and changed
 *   by the file's key (attendance, which has none: by the count of rows per event);
 * - a row `indicator` per (scope, indicator) whose value at the peildatum moved;
 * - a row `signaal` per signal that is new or resolved.
 */
import type { FileSpec } from "../contract/index.ts";
import { ident, join, sql, type Sql } from "../db/sql.ts";

/** The name under which the previous refresh's database is attached. */
export const PREVIOUS_DB = "previous_refresh";

/** Columns a clean table has that are not the export's content. */
const BOOKKEEPING = new Set(["file_index", "line"]);

/**
 * Exports without a key (contract.md): compared by the number of rows per `group`, and among
 * groups of equal size by the number of rows with `flag` true.
 */
const KEYLESS: Readonly<Record<string, { group: string; flag: string }>> = {
  attendance: { group: "event_id", flag: "attended" },
};

/** The DDL of `changes`, in the column order of the output table. */
export const createChangesSql = sql`create or replace table changes (
  section varchar, subject varchar, scope_type varchar, scope varchar, subject_id varchar,
  change varchar, severity varchar, added integer, removed integer, changed integer,
  old_period_end date, old_value double, new_period_end date, new_value double, message_nl varchar
)`;

/** A table of the previous database. */
const previousTable = (name: string) => sql`${ident(PREVIOUS_DB)}.main.${ident(name)}`;

/** The columns of a clean table on each side (null: the table is not there). */
export interface FileColumns {
  readonly spec: FileSpec;
  readonly before: readonly string[] | null;
  readonly after: readonly string[] | null;
  /** True when the clean table is the previous one, copied (an incremental refresh kept it). */
  readonly kept?: boolean;
}

/** The `export` row of one file from a query returning added, removed and changed. */
function exportRow(file: string, counts: Sql): Sql {
  return sql`insert into changes
select 'export', ${file}, null, null, null,
  case when added + removed + changed = 0 then 'ongewijzigd' else 'gewijzigd' end, null,
  added, removed, changed, null, null, null, null, null
from (select coalesce(added, 0)::integer as added, coalesce(removed, 0)::integer as removed,
  coalesce(changed, 0)::integer as changed from (${counts}))`;
}

/** Added, removed and changed rows of a keyed export (key columns unique: duplicate_key). */
function keyedCounts(spec: FileSpec, before: Sql, after: Sql, columns: readonly string[]): Sql {
  const keys = spec.key_columns;
  const values = columns.filter((c) => !keys.includes(c));
  const pick = join([...keys, ...values].map((c) => ident(c)));
  const on = join(
    keys.map((k) => sql`o.${ident(k)} = n.${ident(k)}`),
    " and ",
  );
  const differs = values.length
    ? join(
        values.map((c) => sql`o.${ident(c)} is distinct from n.${ident(c)}`),
        " or ",
      )
    : sql`false`;
  return sql`select count(*) filter (where o.present_ is null) as added,
  count(*) filter (where n.present_ is null) as removed,
  count(*) filter (where o.present_ and n.present_ and (${differs})) as changed
from (select true as present_, ${pick} from ${before}) as o
full join (select true as present_, ${pick} from ${after}) as n on ${on}`;
}

/** Added, removed and changed rows of an export without a key: by counts per group. */
function countedCounts(spec: FileSpec, before: Sql, after: Sql, columns: readonly string[]): Sql {
  const rule = KEYLESS[spec.key];
  const group = rule && columns.includes(rule.group) ? ident(rule.group) : sql`null`;
  const flag = rule && columns.includes(rule.flag) ? sql`${ident(rule.flag)}` : sql`false`;
  const per = (table: Sql) =>
    sql`select ${group} as g, count(*) as n, count(*) filter (where ${flag}) as f from ${table} group by all`;
  return sql`select sum(greatest(coalesce(n.n, 0) - coalesce(o.n, 0), 0)) as added,
  sum(greatest(coalesce(o.n, 0) - coalesce(n.n, 0), 0)) as removed,
  sum(case when coalesce(o.n, 0) = coalesce(n.n, 0) then abs(coalesce(n.f, 0) - coalesce(o.f, 0)) else 0 end) as changed
from (${per(before)}) as o full join (${per(after)}) as n on o.g is not distinct from n.g`;
}

/** The `export` row of one file: its clean table before and after, compared in SQL. */
export function fileChangesSql(file: FileColumns): Sql {
  const name = file.spec.file;
  const zero = sql`select 0 as added, 0 as removed, 0 as changed`;
  if (file.kept || (!file.before && !file.after)) return exportRow(name, zero);
  const table = file.spec.key;
  // A side without the table is the other side's table with no rows.
  const before = file.before ? previousTable(table) : sql`(select * from ${ident(table)} limit 0)`;
  const after = file.after ? ident(table) : sql`(select * from ${previousTable(table)} limit 0)`;
  const sides = [file.before ?? file.after!, file.after ?? file.before!];
  const columns = sides[0]!.filter((c) => sides[1]!.includes(c) && !BOOKKEEPING.has(c));
  const counts = file.spec.key_columns.length
    ? keyedCounts(file.spec, before, after, columns)
    : countedCounts(file.spec, before, after, columns);
  return exportRow(name, counts);
}

/** The `indicator` rows: every (scope, indicator) whose value at the peildatum moved. */
export function indicatorChangesSql(oldAsOf: string, newAsOf: string): Sql {
  const at = (table: Sql, asOf: string) =>
    sql`select scope_type, scope, indicator, value from ${table} where period_end = ${asOf}::date`;
  return sql`insert into changes
select 'indicator', indicator, scope_type, scope, null,
  case when o.value is null then 'nieuw' when n.value is null then 'vervallen'
    when n.value > o.value then 'gestegen' else 'gedaald' end, null,
  null, null, null, ${oldAsOf}::date, o.value, ${newAsOf}::date, n.value, null
from (${at(previousTable("indicators"), oldAsOf)}) as o
full join (${at(sql`indicators`, newAsOf)}) as n using (scope_type, scope, indicator)
where round(o.value, 9) is distinct from round(n.value, 9)`;
}

/** The `signaal` rows: signals that are new, and signals of the previous refresh resolved. */
export function signalChangesSql(): Sql {
  const key = ["signal", "scope_type", "scope", "subject_id"] as const;
  const same = join(
    key.map((k) => sql`a.${ident(k)} is not distinct from b.${ident(k)}`),
    " and ",
  );
  const side = (change: string, from: Sql, other: Sql) => sql`
select 'signaal', a.signal, a.scope_type, a.scope, a.subject_id, ${change}, a.severity,
  null, null, null, null, null, null, null, a.message_nl
from ${from} as a anti join ${other} as b on ${same}`;
  return sql`insert into changes
${side("nieuw", sql`signals`, previousTable("signals"))}
union all
${side("opgelost", previousTable("signals"), sql`signals`)}`;
}

/** The `vergelijking` row: compared with the previous refresh, or there was none. */
export function comparisonRowSql(newAsOf: string, oldAsOf: string | null): Sql {
  if (oldAsOf === null) {
    return sql`insert into changes values ('vergelijking', 'vorige_verversing', null, null, null,
  'geen_vorige', null, null, null, null, null, null, ${newAsOf}::date, null,
  'Geen vorige verversing: er is niets om mee te vergelijken.')`;
  }
  return sql`insert into changes values ('vergelijking', 'vorige_verversing', null, null, null,
  'vergeleken', null, null, null, null, ${oldAsOf}::date, null, ${newAsOf}::date, null,
  'Vergeleken met de vorige verversing (peildatum ' || strftime(${oldAsOf}::date, '%d-%m-%Y') || ').')`;
}
