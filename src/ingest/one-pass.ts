import type { FileSpec } from "../contract/index.ts";
import { rows, run, type Database } from "../db/duckdb.ts";
import { ident, join, sql, type Sql } from "../db/sql.ts";
import type { Source } from "./bad-rows.ts";
import {
  fieldsSql,
  readCsvSql,
  repeatsHeaderSql,
  type FileToRead,
  type Shape,
  type SinkFactory,
} from "./csv-sql.ts";
import type { HeaderPlan } from "./header.ts";
import { checkedTableName, cleanTableName, stagingTableName } from "./schema.ts";
import {
  PROBLEM_COLUMNS,
  readText,
  stagingQuery,
  stagingRejectsSql,
  typedColumns,
  type PresentColumn,
} from "./sql/staging.ts";
import { isWorkbookName } from "./xlsx/detect.ts";

/*
 * The one-pass read (issue 12): a large export is typed and checked while read_csv reads it, into
 * chk_<file>, instead of being written as text into raw_<file> and typed from there. Only rows
 * that fail need their text and line: the first problem's column, value and message, and
 * whether the row repeats the header, are kept beside the typed columns as one JSON column,
 * `checks`, NULL for a row without a problem (as five columns, their NULLs cost writing the
 * table ≈ 0,9 of 7,4 s at national scale; bench/README.md, issue 12 round 14). The table's rowid
 * follows file order (preserve_insertion_order, a plain projection of read_csv), so the
 * physical line of every row is its ordinal shifted by the prescan's anchors, set afterwards in
 * one update. The check stage turns the table into the clean table: rejects out, `checks`
 * dropped.
 *
 * It applies to an export of one CSV file whose checks need no other row: no key (duplicates
 * are ranked over all rows) and no reference to projects.csv (re-checked when projects change,
 * which needs the text). Today that is attendance.csv, the largest export by far.
 */

/** chk_<file>'s column of a row's checks (JSON), dropped when it becomes the clean table. */
const CHECKS = ident("checks");

/** A field of `checks` as text (NULL where the row has no problem). */
const checked = (field: string) => sql`(${CHECKS} ->> ${field})`;

/** True when an export of these files can be typed and checked while read. */
export function onePassEligible(spec: FileSpec, paths: readonly string[]): boolean {
  return (
    spec.key_columns.length === 0 &&
    !spec.columns.some((c) => c.refersToProject) &&
    paths.length === 1 &&
    !isWorkbookName(paths[0]!)
  );
}

/** What the one-pass read needs besides the file: the export's columns as the checks see them. */
export interface CheckedPlan {
  readonly present: (plan: HeaderPlan) => readonly PresentColumn[];
}

/** The raw records of a file as the staging query reads them (fields c0, c1, … named). */
function recordsRelation(file: FileToRead, records: Sql): Sql {
  const { target, fileIndex } = file;
  const fields = fieldsSql(target, file.plan).map(
    (f, i) => sql`${f} as ${ident(target.columns[i]!)}`,
  );
  return sql`(select ${fileIndex} as file_index, null::integer as line, ${join(fields)} from ${records})`;
}

/**
 * SQL creating chk_<file> from read_csv's records (`records`, fields c0, c1, …): the typed
 * columns, the first problem of each row, whether the row repeats the header, and `line`
 * (NULL until setLines; created here, as adding it to the full table took 0,5 s at national
 * scale). A row that repeats the header always has a problem here (checkedSink makes sure), so
 * only rows with a problem are compared with the header.
 */
export function checkedTableSql(
  present: readonly PresentColumn[],
  records: Sql,
  file: FileToRead,
  plainText?: ReadonlySet<string>,
): Sql {
  const { spec } = file.target;
  const relation = recordsRelation(file, records);
  const query = stagingQuery(spec, present, { relation, ...(plainText ? { plainText } : {}) });
  const repeats = repeatsHeaderSql(file, (column) => readText(present, column)) ?? sql`false`;
  const fields = [
    ...PROBLEM_COLUMNS.map((c) => sql`${c}: ${ident(c)}`),
    sql`'is_header': ${repeats}`,
  ];
  return sql`create or replace table ${ident(checkedTableName(spec))} as
select file_index, ${typedColumns(spec)}, line,
  case when problem is not null then to_json({${join(fields)}}) end as ${CHECKS}
from (${query})`;
}

/**
 * True when a row repeating the file's header has a problem by the export's checks (its header
 * names are no valid dates, numbers or booleans, say), which the one-pass read relies on: it is
 * decided by the staging query itself, on a relation of one such row.
 */
async function headerRowFails(
  db: Database,
  present: readonly PresentColumn[],
  file: FileToRead,
): Promise<boolean> {
  const header = file.headerNames.map((name, i) => sql`${name}::varchar as ${ident(`c${i}`)}`);
  const relation = recordsRelation(file, sql`(select ${join(header)})`);
  const query = stagingQuery(file.target.spec, present, { relation });
  const [row] = await rows<{ fails: boolean }>(
    db,
    sql`select problem is not null as fails from (${query})`,
  );
  return row?.fails === true;
}

/**
 * The sink of the one-pass read: chk_<file>, typed and checked by the export's columns; none
 * (the raw table) when a repeated header would pass the checks.
 */
export function checkedSink(plan: CheckedPlan): SinkFactory {
  return async (db, file) => {
    const { spec } = file.target;
    const table = ident(checkedTableName(spec));
    const present = plan.present(file.plan);
    if (!(await headerRowFails(db, present, file))) return undefined;
    const text = freeText(present, file);
    // The free-text columns read as plain text by the last insert (see settle).
    let plain = new Set<string>();
    const insert = async (shape: Shape) => {
      plain = new Set(text.filter((t) => !shape.dirtyFields?.includes(t.index)).map((t) => t.name));
      const records = readCsvSql(file.path, file.dialect, shape);
      try {
        await run(db, checkedTableSql(present, records, file, plain));
        return true;
      } catch {
        await run(db, sql`drop table if exists ${table}`);
        return false;
      }
    };
    return {
      checked: true,
      insert,
      clear: () => run(db, sql`drop table if exists ${table}`),
      count: () => checkedCount(db, spec),
      async settle(shape) {
        await normaliseText(db, spec, shape, plain, text, insert);
        await setLines(db, spec, shape.anchors);
        return repeatedHeaderLines(db, spec);
      },
    };
  };
}

/** A free-text column read straight from a field of the file (no constant, no value mapping). */
interface FreeText {
  readonly name: string;
  readonly index: number;
  readonly required: boolean;
}

function freeText(present: readonly PresentColumn[], file: FileToRead): FreeText[] {
  return present.flatMap((p) => {
    const index = file.plan.columns.find((c) => c.spec.name === p.spec.name)?.index;
    const plain =
      p.spec.type === "text" && p.constant === undefined && !p.values?.size && index !== undefined;
    return plain ? [{ name: p.spec.name, index, required: p.spec.required }] : [];
  });
}

/**
 * Free text that was read as plain text on the guess that it needed no normalising, where the
 * prescan (`shape`) found otherwise: the column's changed values are normalised with rm_text
 * in place. A required column with a value of only white space reads the file again with
 * the usual parsing for the columns the prescan found, since such a value is a problem of its
 * row (the first in column order), not only another value.
 */
async function normaliseText(
  db: Database,
  spec: FileSpec,
  shape: Shape,
  plain: ReadonlySet<string>,
  text: readonly FreeText[],
  insert: (shape: Shape) => Promise<boolean>,
): Promise<void> {
  const dirty = text.filter((t) => plain.has(t.name) && shape.dirtyFields?.includes(t.index));
  if (!dirty.length) return;
  if (dirty.some((t) => t.required && shape.blankFields?.includes(t.index))) {
    if (!(await insert(shape))) throw new Error(`read_csv las ${spec.file} geen tweede keer`);
    return;
  }
  const table = ident(checkedTableName(spec));
  for (const { name } of dirty) {
    const column = ident(name);
    await run(
      db,
      sql`update ${table} set ${column} = rm_text(${column})
       where ${column} is distinct from rm_text_f(${column})`,
    );
  }
}

/**
 * Sets the physical line of every row of chk_<file> from its ordinal (rowid + 1, in file order)
 * and the prescan's anchors: [ordinal, line − ordinal from that record on].
 */
async function setLines(
  db: Database,
  spec: FileSpec,
  anchors: readonly (readonly [number, number])[],
): Promise<void> {
  const table = ident(checkedTableName(spec));
  if (anchors.length <= 1) {
    const delta = anchors[0]?.[1] ?? 0;
    await run(db, sql`update ${table} set line = (rowid + 1 + ${delta})::integer`);
    return;
  }
  const values = join(anchors.map(([ordinal, delta]) => sql`(${ordinal}, ${delta})`));
  await run(
    db,
    sql`update ${table} set line = q.line
     from (select c.rowid as id, (c.rowid + 1 + a.delta)::integer as line
       from ${table} as c
       asof join (select * from (values ${values}) as t(ordinal, delta)) as a
         on c.rowid + 1 >= a.ordinal) as q
     where ${table}.rowid = q.id`,
  );
}

/** Rows of chk_<file> that repeat the header, by line (bad rows, as in the raw-table path). */
async function repeatedHeaderLines(db: Database, spec: FileSpec): Promise<number[]> {
  const found = await rows<{ line: number }>(
    db,
    sql`select line from ${ident(checkedTableName(spec))}
     where ${CHECKS} is not null and ${checked("is_header")}::boolean order by line`,
  );
  return found.map((r) => r.line);
}

/** The number of rows read_csv gave for chk_<file>. */
async function checkedCount(db: Database, spec: FileSpec): Promise<number> {
  const [count] = await rows<{ n: bigint }>(
    db,
    sql`select count(*) as n from ${ident(checkedTableName(spec))}`,
  );
  return Number(count!.n);
}

/**
 * The check stage of a one-pass export: its rejects (through a staging view over chk_<file>
 * with the columns the rejects SQL reads), then chk_<file> becomes the clean table.
 * `insertRejects` runs the rejects insert (unordered, see ingest).
 */
export async function finishChecked(
  db: Database,
  spec: FileSpec,
  sources: readonly Source[] | undefined,
  insertRejects: (query: Sql) => Promise<void>,
): Promise<void> {
  const table = ident(checkedTableName(spec));
  const staging = ident(stagingTableName(spec));
  const problems = PROBLEM_COLUMNS.map((c) => sql`${checked(c)} as ${ident(c)}`);
  await run(
    db,
    sql`create or replace view ${staging} as select file_index, line, ${join(problems)}
     from ${table} where ${CHECKS} is not null and not ${checked("is_header")}::boolean`,
  );
  await insertRejects(stagingRejectsSql(spec, sources));
  await run(db, sql`drop view ${staging}`);
  await run(db, sql`delete from ${table} where ${CHECKS} is not null`);
  await run(db, sql`alter table ${table} drop column ${CHECKS}`);
  const clean = ident(cleanTableName(spec));
  await run(db, sql`drop table if exists ${clean}`);
  await run(db, sql`alter table ${table} rename to ${clean}`);
}
