// The raw-table sink of the read_csv path: every record of a file as text in raw_<file>, with
// its physical line set while read (or moved afterwards when the prescan finds other anchors).
import { rows, run, type Database } from "../db/duckdb.ts";
import { ident, join as joinSql, sql, type Sql } from "../db/sql.ts";
import {
  fieldsSql,
  readCsvSql,
  repeatsHeaderSql,
  type FileToRead,
  type Shape,
  type Sink,
} from "./csv-sql.ts";
import type { Dialect } from "./dialect.ts";
import type { HeaderPlan } from "./header.ts";
import type { RawTarget } from "./read-file.ts";
import { rawTableName } from "./schema.ts";

/** The raw-table sink: every record as text with its physical line, set while read. */
export function rawSink(db: Database, file: FileToRead): Sink {
  const { target, fileIndex } = file;
  const table = ident(rawTableName(target.spec));
  return {
    checked: false,
    insert: (shape) => insertRows(db, file, shape),
    reline: (from, to) => relineRows(db, file, from, to),
    clear: () => run(db, sql`delete from ${table} where file_index = ${fileIndex}`),
    async count() {
      const [count] = await rows<{ n: bigint }>(
        db,
        sql`select count(*) as n from ${table} where file_index = ${fileIndex}`,
      );
      return Number(count!.n);
    },
    async settle() {
      const same = repeatsHeaderSql(file, (column) => ident(column));
      if (!same) return [];
      const where = sql`file_index = ${fileIndex} and ${same}`;
      const found = await rows<{ line: number }>(db, sql`select line from ${table} where ${where}`);
      if (found.length) await run(db, sql`delete from ${table} where ${where}`);
      return found.map((r) => r.line);
    },
  };
}

export function insertSql(
  target: RawTarget,
  path: string,
  fileIndex: number,
  dialect: Dialect,
  plan: HeaderPlan,
  scan: Shape,
): Sql {
  const [first] = scan.anchors;
  const line =
    scan.anchors.length <= 1
      ? sql`(ordinality + ${first?.[1] ?? 0})::integer`
      : sql`(csv.ordinality + anchors.delta)::integer`;
  const join =
    scan.anchors.length <= 1
      ? sql``
      : sql`asof join raw_anchors as anchors on csv.ordinality >= anchors.ordinal`;
  return sql`insert into ${ident(rawTableName(target.spec))}
select ${fileIndex}, ${line}, ${fieldsSql(target, plan)}
from ${readCsvSql(path, dialect, scan)} with ordinality as csv ${join}
`;
}

/**
 * Appends a file's rows to the raw table with read_csv; false when read_csv refuses the file
 * (nothing is left behind: the exports load outside a transaction, and the rows are removed).
 */
async function insertRows(db: Database, file: FileToRead, shape: Shape): Promise<boolean> {
  const { target, path, fileIndex, dialect, plan } = file;
  if (shape.anchors.length > 1) {
    await run(db, sql`create or replace temp table raw_anchors (ordinal bigint, delta bigint)`);
    const appender = await db.connection.createAppender("raw_anchors", "main", "temp");
    for (const [ordinal, delta] of shape.anchors) {
      appender.appendBigInt(BigInt(ordinal));
      appender.appendBigInt(BigInt(delta));
      appender.endRow();
    }
    appender.closeSync();
  }
  try {
    await run(db, insertSql(target, path, fileIndex, dialect, plan, shape));
    return true;
  } catch {
    const table = ident(rawTableName(target.spec));
    await run(db, sql`delete from ${table} where file_index = ${fileIndex}`);
    return false;
  } finally {
    if (shape.anchors.length > 1) await run(db, sql`drop table if exists raw_anchors`);
  }
}

/**
 * Gives a file's raw rows the lines of the anchors `to` instead of the single anchor of `from`
 * they were read with: the record's ordinal is its line less that anchor's delta. An update of
 * the line column, instead of reading the file a second time (projects.csv at national scale:
 * ≈ 0,4 s; issue 12).
 */
async function relineRows(db: Database, file: FileToRead, from: Shape, to: Shape): Promise<void> {
  if (from.anchors.length !== 1) throw new Error("relineRows: de eerste lezing heeft één anker");
  if (!to.anchors.length) return; // no records
  const table = ident(rawTableName(file.target.spec));
  const guessed = from.anchors[0]![1];
  const anchors = joinSql(to.anchors.map(([ordinal, delta]) => sql`(${ordinal}, ${delta})`));
  await run(
    db,
    sql`update ${table} set line = q.line
     from (select r.rowid as id, (r.line - ${guessed} + a.delta)::integer as line
       from ${table} as r
       asof join (select * from (values ${anchors}) as t(ordinal, delta)) as a
         on r.line - ${guessed} >= a.ordinal
       where r.file_index = ${file.fileIndex}) as q
     where ${table}.rowid = q.id`,
  );
}
