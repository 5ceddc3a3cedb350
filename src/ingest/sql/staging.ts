import type { ColumnSpec, FileSpec } from "../../contract/index.ts";
import { ident, join, sql, type Sql } from "../../db/sql.ts";
import { cleanTableName, rawTableName, sqlType, stagingTableName } from "../schema.ts";
import { rankedSql } from "./ranks.ts";
import {
  messageExpr,
  listKeysColumn,
  listKeysSql,
  parseExpr,
  problemExpr,
  vocabularyMapColumns,
  vocabularyMapsSql,
} from "./checks.ts";
import { mappedExpr, readExpr, withValuesHint, type PresentColumn } from "./mapped.ts";

import type { Source } from "../bad-rows.ts";

export type { PresentColumn } from "./mapped.ts";

/** The staging query's columns of a row's first problem (kept in stg_<file> and chk_<file>). */
export const PROBLEM_COLUMNS = ["problem", "problem_column", "problem_value", "problem_message"];

const r = (c: ColumnSpec) => ident(`r_${c.name}`);
const v = (c: ColumnSpec) => ident(`v_${c.name}`);
const e = (c: ColumnSpec) => ident(`e_${c.name}`);

/**
 * stg_<file>, a view (a temporary table with `temporary`, when its rejects and clean rows are
 * read: a view computed its parsing once per reader, up to four times; issue 12): every raw
 * record with its typed values (v_), the first problem in the file's column order (`problem`,
 * `problem_column`, `problem_value` as read, `problem_message`) and the text of its first key
 * column (`key_value`); with unique_columns also the text its first one reads (r_). Only what
 * its readers take (ranks, rejects, clean table): the staging query's text and per-column
 * problem columns stay out of the table, which halves what it stores (issue 12: stg_funding at
 * national scale 0,50–0,62 → 0,30–0,39 s). The key ranks are stg_<file>_ranks (ranksSql).
 */
export function stagingSql(
  spec: FileSpec,
  present: readonly PresentColumn[],
  { temporary = false }: { readonly temporary?: boolean } = {},
): Sql {
  const query = stagingQuery(spec, present, { relation: ident(rawTableName(spec)) });
  const kind = temporary ? sql`temp table` : sql`view`;
  return sql`create or replace ${kind} ${ident(stagingTableName(spec))} as
select ${join(stagedColumns(spec))} from (${query})`;
}

/** The columns of stg_<file> (stagingSql): what the ranks, the rejects and the clean table read. */
function stagedColumns(spec: FileSpec): Sql[] {
  const uniqueFirst = spec.unique_columns?.[0];
  return [
    sql`file_index`,
    sql`line`,
    ...spec.columns.map(v),
    ...PROBLEM_COLUMNS.map((c) => ident(c)),
    sql`key_value`,
    ...(uniqueFirst ? [ident(`r_${uniqueFirst}`)] : []),
  ];
}

/**
 * Where the staging query reads its records: a relation with file_index, line and the contract
 * columns as text (the raw table, or read_csv in the one-pass read), and columns of it to keep.
 */
export interface StagingSource {
  readonly relation: Sql;
  readonly keep?: readonly string[];
  /**
   * Free-text columns whose values the prescan found in their final form (nothing for rm_text to
   * trim or fold): parsed as the text itself, without rm_text_f's regular expression per row.
   */
  readonly plainText?: ReadonlySet<string>;
}

/** The staging query (see stagingSql) over a source of raw records. */
export function stagingQuery(
  spec: FileSpec,
  present: readonly PresentColumn[],
  source: StagingSource,
): Sql {
  const find = (name?: string) => present.find((p) => p.spec.name === name);
  const headerOf = (name?: string) => find(name)?.header ?? name;
  const refersToProject = present.find((p) => p.spec.refersToProject);
  const refersToResponse = present.find((p) => p.spec.refersToResponse);
  const isMapped = (c: ColumnSpec) => (find(c.name)?.values?.size ?? 0) > 0;
  const x = (c: ColumnSpec) => readText(present, c.name);
  const readColumns = spec.columns.map((c) => sql`${readExpr(c, find(c.name))} as ${x(c)}`);
  const mappedColumns = spec.columns
    .filter(isMapped)
    .map((c) => sql`, ${mappedExpr(x(c), find(c.name))} as ${r(c)}`);
  const parse = (c: ColumnSpec) =>
    c.type === "text" && source.plainText?.has(c.name)
      ? sql`nullif(${r(c)}, '')`
      : parseExpr(c, r(c));
  const parsed = spec.columns.map((c) => sql`${parse(c)} as ${v(c)}`);
  const problemOf = new Map(
    present.map(({ spec: c }) => {
      const other = c.notBefore
        ? v(spec.columns.find((o) => o.name === c.notBefore!.column)!)
        : undefined;
      const known = c.refersToProject ? sql`known_projects.project_id` : undefined;
      const response = refersToResponse
        ? {
            known: sql`known_responses.response_id`,
            respondent: sql`known_responses.organisation_id`,
          }
        : undefined;
      return [c.name, problemExpr(c, r(c), v(c), other, known, response)] as const;
    }),
  );
  const problems = present.map(({ spec: c }) => sql`${problemOf.get(c.name)!} as ${e(c)}`);
  // The message cases of the codes a column's problem SQL can give (its literals), not all
  // thirteen: a smaller statement to plan, run once per export.
  const possible = (c: ColumnSpec) => (code: string) =>
    problemOf.get(c.name)!.text.includes(`'${code}'`);
  const firstProblem = present.length
    ? sql`coalesce(${present.map((p) => e(p.spec))})`
    : sql`null::varchar`;
  const pick = (f: (p: PresentColumn) => Sql) =>
    present.length
      ? sql`case ${join(
          present.map((p) => sql`when ${e(p.spec)} is not null then ${f(p)}`),
          " ",
        )} end`
      : sql`null::varchar`;
  const firstKey = spec.columns.find((c) => c.name === spec.key_columns[0]);
  const keyValue = firstKey ? x(firstKey) : sql`null::varchar`;
  const joinProjects = refersToProject
    ? sql`left join (select distinct project_id from projects) as known_projects on known_projects.project_id = parsed.${v(refersToProject.spec)}`
    : sql``;
  const maps = vocabularyMapsSql(spec.columns);
  const lists = spec.columns.filter((c) => c.type === "list");
  const listKeys = lists.map((c) => sql`, ${listKeysSql(c, r(c))} as ${listKeysColumn(c)}`);
  const helperColumns = [...vocabularyMapColumns(spec.columns), ...lists.map(listKeysColumn)];
  const joinResponses = refersToResponse ? responsesJoin(v(refersToResponse.spec)) : sql``;
  const rejectedAt = refersToResponse
    ? sql`'op regel ' || rejected_response_line || ' van survey_responses.csv'`
    : undefined;
  const message = (p: PresentColumn) =>
    withValuesHint(
      messageExpr(
        p.spec,
        p.header,
        e(p.spec),
        x(p.spec),
        headerOf(p.spec.notBefore?.column),
        p.spec.refersToResponse ? rejectedAt : undefined,
        possible(p.spec),
      ),
      e(p.spec),
      p,
    );
  const keep = join(
    (source.keep ?? []).map((k) => sql`, ${ident(k)}`),
    "",
  );
  return sql`
with raw as (
  select file_index, line, ${readColumns}${keep} from ${source.relation}
),
mapped as (
  select *${join(mappedColumns, "")} from raw${maps ? sql` cross join ${maps} as vocabulary_maps` : sql``}
),
listed as (
  select *${join(listKeys, "")} from mapped
),
parsed as (
  select *, ${join(parsed, ",\n    ")} from listed
),
checked as (
  select parsed.*, ${problems.length ? join(problems, ",\n    ") : sql`null as e_none`}${
    refersToResponse ? sql`, rejected_responses.line as rejected_response_line` : sql``
  }
  from parsed ${joinProjects}${joinResponses}
),
located as (
  select *,
    split_part(${firstProblem}, ':', 1) as problem,
    ${pick((p) => sql`${p.spec.name}`)} as problem_column,
    ${pick((p) => x(p.spec))} as problem_value,
    ${pick(message)} as problem_message
  from checked
)
select *${helperColumns.length ? sql` exclude (${join(helperColumns)})` : sql``}, ${keyValue} as key_value
from located`;
}

/**
 * The loaded responses (to check a relation's response_id and that its partner is not the
 * respondent) and the first line of each response_id that was rejected (for the message): the
 * raw rows that did not load, read without the responses' checks.
 */
function responsesJoin(responseId: Sql): Sql {
  return sql`
  left join (select response_id, organisation_id from survey_responses) as known_responses
    on known_responses.response_id = parsed.${responseId}
  left join (
    select rm_text_f(raw.response_id) as response_id, min(raw.line) as line
    from raw_survey_responses as raw anti join survey_responses as loaded using (file_index, line)
    group by all
  ) as rejected_responses on rejected_responses.response_id = parsed.${responseId}`;
}

/** SQL of a text per file, by file_index. */
function bySource(sources: readonly Source[], index: Sql, place: (s: Source) => Sql): Sql {
  return sql`(case ${index} ${join(
    sources.map((s, i) => sql`when ${i} then ${place(s)}`),
    " ",
  )} end)`;
}

/**
 * Records the rejects of a staged file: row problems, then later duplicates of a key. `file` is
 * the canonical name; with `files` (the export's own files by file_index, or their names) each message starts
 * with the file and line it is about: "deelnemers-export-2.csv regel 14: …", or for a workbook
 * "financiering.xlsx rij 14 van blad Financiering: …".
 */
export function stagingRejectsSql(spec: FileSpec, files?: readonly (Source | string)[]): Sql {
  const sources = files?.map((f) => (typeof f === "string" ? { name: f } : f));
  const stg = ident(stagingTableName(spec));
  const ranked = rankedSql(spec);
  const first = spec.key_columns[0];
  const keyList = spec.key_columns.join(", ");
  // "x.csv regel 14", "x.xlsx rij 14 van blad B"
  const place = (s: Source) =>
    s.sheet === undefined
      ? sql`${s.name} || ' regel ' || line`
      : sql`${s.name} || ' rij ' || line || ' van blad ' || ${s.sheet}`;
  // "regel 2 van x.csv", "rij 2 van blad B van x.xlsx"
  const firstPlace = (s: Source) =>
    s.sheet === undefined
      ? sql`'regel ' || key_first_line || ' van ' || ${s.name}`
      : sql`'rij ' || key_first_line || ' van blad ' || ${s.sheet} || ' van ' || ${s.name}`;
  const where = sources ? sql`${bySource(sources, sql`file_index`, place)} || ': ' || ` : sql``;
  const firstAt = sources
    ? bySource(sources, sql`key_first_file_index`, firstPlace)
    : sql`'regel ' || key_first_line`;
  const duplicates = first
    ? sql`
insert into rejects
select ${spec.file}, line, ${first}, key_value,
  'duplicate_key',
  ${where}${`Dubbele sleutel (${keyList}): alleen de eerste rij, op `} || ${firstAt} || ', wordt geladen.'
from ${ranked} where key_rank > 1;`
    : sql``;
  const unique = spec.unique_columns ?? [];
  const uniqueFirst = spec.columns.find((c) => c.name === unique[0]);
  const uniqueAt = sources
    ? bySource(
        sources,
        sql`unique_first_file_index`,
        (s) => sql`'regel ' || unique_first_line || ' van ' || ${s.name}`,
      )
    : sql`'regel ' || unique_first_line`;
  const repeated = uniqueFirst
    ? sql`
insert into rejects
select ${spec.file}, line, ${uniqueFirst.name}, ${ident(`r_${uniqueFirst.name}`)},
  'duplicate_key',
  ${where}${`Dubbele sleutel (${unique.join(", ")}): alleen de eerste rij, op `} || ${uniqueAt} || ', wordt geladen.'
from ${ranked} where unique_rank > 1;`
    : sql``;
  return sql`
insert into rejects
select ${spec.file}, line, problem_column, problem_value, problem, ${where}problem_message
from ${stg} where problem is not null;${duplicates}${repeated}`;
}

/** A column's text as read, in the staging query's output (x_ when its values are mapped). */
export function readText(present: readonly PresentColumn[], column: string): Sql {
  const mapped = (present.find((p) => p.spec.name === column)?.values?.size ?? 0) > 0;
  return ident(`${mapped ? "x" : "r"}_${column}`);
}

/** The clean table's columns from the staging query's typed values, under their own names. */
export function typedColumns(spec: FileSpec): Sql[] {
  return spec.columns.map((c) => sql`${v(c)}::${sqlType(c)} as ${ident(c.name)}`);
}

/** The clean table: the typed rows that loaded, in file order. */
export function cleanSql(spec: FileSpec): Sql {
  const columns = typedColumns(spec);
  const loaded = spec.key_columns.length
    ? sql`${rankedSql(spec)}
where key_rank = 1 and unique_rank = 1`
    : sql`${ident(stagingTableName(spec))} where problem is null`;
  return sql`
create or replace table ${ident(cleanTableName(spec))} as
select file_index, line, ${columns}
from ${loaded}
order by file_index, line`;
}
