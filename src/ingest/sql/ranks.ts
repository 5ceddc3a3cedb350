// The key ranks of a staged export (issue 12): which rows load and which are duplicates.
import type { FileSpec } from "../../contract/index.ts";
import { ident, sql, type Sql } from "../../db/sql.ts";
import { ranksTableName, stagingTableName } from "../schema.ts";

/**
 * stg_<file>_ranks (a temporary table; undefined when the export has no key): for each row of
 * stg_<file> without a problem, its rank among the rows with the same key (1 = the first in file
 * order, which loads) and that first row's place; for a row of rank 1 likewise among those with
 * the same unique_columns (1 without them). The windows sort these few columns only, not the
 * staged rows with all their text (issue 12: a window's cost grows with every column it
 * carries); the readers join the ranks to the staged rows by file_index and line.
 */
export function ranksSql(spec: FileSpec): Sql | undefined {
  if (!spec.key_columns.length) return undefined;
  const typed = (name: string) => ident(`v_${name}`);
  const keys = spec.key_columns.map(typed);
  const unique = (spec.unique_columns ?? []).map(typed);
  const carried = [...new Set([...spec.key_columns, ...(spec.unique_columns ?? [])])].map(typed);
  const byKey = sql`over (partition by ${keys} order by file_index, line)`;
  return sql`create or replace temp table ${ident(ranksTableName(spec))} as
with keyed as (
  select file_index, line, ${carried},
    row_number() ${byKey} as key_rank,
    first_value(line) ${byKey} as key_first_line,
    first_value(file_index) ${byKey} as key_first_file_index
  from ${ident(stagingTableName(spec))} where problem is null
)
select file_index, line, key_rank, key_first_line, key_first_file_index, ${uniqueRanks(unique)}
from keyed`;
}

/** The unique ranks of ranksSql over the typed unique_columns `unique` (1 for every row without). */
function uniqueRanks(unique: readonly Sql[]): Sql {
  if (!unique.length) return sql`1 as unique_rank`;
  const by = sql`over (partition by key_rank = 1, ${unique} order by file_index, line)`;
  return sql`case when key_rank = 1 then row_number() ${by} end as unique_rank,
    first_value(line) ${by} as unique_first_line,
    first_value(file_index) ${by} as unique_first_file_index`;
}

/** stg_<file> with the ranks of its rows (ranksSql): the rows without a problem, for the readers. */
export function rankedSql(spec: FileSpec): Sql {
  return sql`${ident(stagingTableName(spec))} join ${ident(ranksTableName(spec))} using (file_index, line)`;
}
