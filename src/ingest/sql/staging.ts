import type { ColumnSpec, FileSpec } from "../../contract/index.ts";
import { ident, lit } from "../../db/duckdb.ts";
import { cleanTableName, rawTableName, sqlType, stagingTableName } from "../schema.ts";
import { messageExpr, parseExpr, problemExpr } from "./checks.ts";

/** A contract column as present in the raw table, with the header it had in the file. */
export interface PresentColumn {
  readonly spec: ColumnSpec;
  readonly header: string;
}

const r = (c: ColumnSpec) => ident(`r_${c.name}`);
const v = (c: ColumnSpec) => ident(`v_${c.name}`);
const e = (c: ColumnSpec) => ident(`e_${c.name}`);

/**
 * stg_<file>: every raw record with its typed values, the first problem in the file's column
 * order (`problem`, `problem_column`, `problem_value`, `problem_message`) and, for rows without
 * a problem, its rank among rows with the same key (1 = first in the file, which loads).
 */
export function stagingSql(spec: FileSpec, present: readonly PresentColumn[]): string {
  const has = (name: string) => present.some((p) => p.spec.name === name);
  const headerOf = (name?: string) => present.find((p) => p.spec.name === name)?.header ?? name;
  const refersToProject = present.find((p) => p.spec.refersToProject);
  const rawColumns = spec.columns.map((c) =>
    has(c.name) ? `${ident(c.name)} as ${r(c)}` : `null::varchar as ${r(c)}`,
  );
  const parsed = spec.columns.map((c) => `${parseExpr(c, r(c))} as ${v(c)}`);
  const problems = present.map(({ spec: c }) => {
    const other = c.notBefore
      ? v(spec.columns.find((o) => o.name === c.notBefore!.column)!)
      : undefined;
    const known = c.refersToProject ? "known_projects.project_id" : undefined;
    return `${problemExpr(c, r(c), v(c), other, known)} as ${e(c)}`;
  });
  const firstProblem = present.length
    ? `coalesce(${present.map((p) => e(p.spec)).join(", ")})`
    : "null::varchar";
  const pick = (f: (p: PresentColumn) => string) =>
    present.length
      ? `case ${present.map((p) => `when ${e(p.spec)} is not null then ${f(p)}`).join(" ")} end`
      : "null::varchar";
  const keys = spec.key_columns.map((k) => v(spec.columns.find((c) => c.name === k)!));
  const rank = keys.length
    ? `case when problem is null then row_number() over (partition by problem is null, ${keys.join(", ")} order by file_index, line) end`
    : "case when problem is null then 1 end";
  const firstLine = keys.length
    ? `first_value(line) over (partition by problem is null, ${keys.join(", ")} order by file_index, line)`
    : "line";
  const joinProjects = refersToProject
    ? `left join (select distinct project_id from projects) as known_projects on known_projects.project_id = parsed.${v(refersToProject.spec)}`
    : "";
  return `
create or replace table ${ident(stagingTableName(spec))} as
with raw as (
  select file_index, line, ${rawColumns.join(", ")} from ${ident(rawTableName(spec))}
),
parsed as (
  select *, ${parsed.join(",\n    ")} from raw
),
checked as (
  select parsed.*, ${problems.length ? problems.join(",\n    ") : "null as e_none"}
  from parsed ${joinProjects}
),
located as (
  select *,
    split_part(${firstProblem}, ':', 1) as problem,
    ${pick((p) => lit(p.spec.name))} as problem_column,
    ${pick((p) => r(p.spec))} as problem_value,
    ${pick((p) => messageExpr(p.spec, p.header, e(p.spec), r(p.spec), headerOf(p.spec.notBefore?.column)))} as problem_message
  from checked
),
final as (
  select *, ${rank} as key_rank, ${firstLine} as key_first_line from located
)
select * from final`;
}

/** Records the rejects of a staged file: row problems, then later duplicates of a key. */
export function stagingRejectsSql(spec: FileSpec): string {
  const stg = ident(stagingTableName(spec));
  const first = spec.key_columns[0];
  const keyList = spec.key_columns.join(", ");
  const duplicates = first
    ? `
insert into rejects
select ${lit(spec.file)}, line, ${lit(first)}, ${r(spec.columns.find((c) => c.name === first)!)},
  'duplicate_key',
  'Dubbele sleutel (${keyList}): alleen de eerste rij, op regel ' || key_first_line || ', wordt geladen.'
from ${stg} where key_rank > 1;`
    : "";
  return `
insert into rejects
select ${lit(spec.file)}, line, problem_column, problem_value, problem, problem_message
from ${stg} where problem is not null;${duplicates}`;
}

/** The clean table: the typed rows that loaded, in file order. */
export function cleanSql(spec: FileSpec): string {
  const columns = spec.columns.map((c) => `${v(c)}::${sqlType(c)} as ${ident(c.name)}`);
  return `
create or replace table ${ident(cleanTableName(spec))} as
select file_index, line, ${columns.join(", ")}
from ${ident(stagingTableName(spec))}
where key_rank = 1
order by file_index, line`;
}
