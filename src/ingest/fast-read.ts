import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { rows, run, type Database } from "../db/duckdb.ts";
import { ident, join as joinSql, sql, type Sql } from "../db/sql.ts";
import { bomEncoding, readHead } from "./decode.ts";
import { readFileHead } from "./head.ts";
import { planHeader, type HeaderPlan } from "./header.ts";
import { readChunks } from "./read-chunks.ts";
import { Prescanner, type BadRange, type Prescan } from "./prescan.ts";
import type { FileRead, RawTarget } from "./read-file.ts";
import { REPEATED_HEADER, countProblem, fieldProblem, recordText, type BadRow } from "./records.ts";
import { scanText } from "./scanner.ts";
import { rawTableName } from "./schema.ts";
import type { Dialect } from "./dialect.ts";

/** read_csv's NULL marker: a character the prescan does not let through, so empty stays ''. */
const NULL_MARK = "\u0001";

/** The length of the longest prefix of `bytes` that ends on a whole UTF-8 character. */
function wholeChars(bytes: Uint8Array): number {
  let i = bytes.length;
  for (let back = 0; back < 3 && i > 0 && (bytes[i - 1]! & 0xc0) === 0x80; back++) i--;
  if (i === 0) return bytes.length;
  const lead = bytes[i - 1]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - (i - 1) >= need ? bytes.length : i - 1;
}

/** Prescans a file; undefined when it is not valid UTF-8. `chunkBytes`: see readChunks. */
export async function prescanFile(
  path: string,
  scanner: Prescanner,
  chunkBytes?: number,
): Promise<Prescan | undefined> {
  // The few bytes of a character cut by a chunk's end, copied: readChunks reuses its buffer.
  let carry: Uint8Array = new Uint8Array(0);
  let valid = true;
  await readChunks(
    path,
    (bytes) => {
      scanner.push(bytes);
      const joined = carry.length ? Buffer.concat([carry, bytes]) : bytes;
      const cut = wholeChars(joined);
      if (!isUtf8(joined.subarray(0, cut))) return (valid = false);
      carry = Uint8Array.from(joined.subarray(cut));
    },
    chunkBytes,
  );
  if (!valid || (carry.length && !isUtf8(carry))) return undefined;
  return scanner.end();
}

/**
 * The bad rows of a file, read back from their bytes with the scanner (they are few). `trailing`:
 * the file has a trailing delimiter (the field count rule in records.ts).
 */
async function badRows(
  path: string,
  ranges: readonly BadRange[],
  dialect: Dialect,
  plan: HeaderPlan,
  trailing: boolean,
): Promise<BadRow[]> {
  if (!ranges.length) return [];
  const file = await open(path, "r");
  try {
    const result: BadRow[] = [];
    for (const range of ranges) {
      const bytes = Buffer.alloc(range.end - range.start);
      await file.read(bytes, 0, bytes.length, range.start);
      const [record] = scanText(bytes.toString("utf8"), dialect.delimiter);
      const fields = { line: range.line, fields: record?.fields ?? [""] };
      const unterminated = record?.unterminatedQuote ? { unterminatedQuote: true } : {};
      const problem =
        fieldProblem({ ...fields, ...unterminated }, plan.width, trailing) ??
        countProblem(fields.fields.length, plan.width);
      result.push({
        line: range.line,
        value: recordText(fields, dialect, plan),
        message_nl: problem,
      });
    }
    return result;
  } finally {
    await file.close();
  }
}

/**
 * SQL that is true for a row repeating the header (two exports pasted together), as the scanner
 * path decides (isHeader in records.ts): every loaded column holds its own header name. A column
 * that is not loaded cannot be compared, so a row matching on all loaded columns counts, which
 * only a header can in practice. `field` is a loaded column's SQL by its index in the file.
 */
export function repeatsHeaderSql(
  file: FileToRead,
  field: (column: string, index: number) => Sql,
): Sql | undefined {
  const { target, plan, headerNames: header } = file;
  const same = target.columns.flatMap((c) => {
    const index = plan.columns.find((p) => p.spec.name === c)?.index;
    const name = index === undefined ? undefined : header[index];
    return name === undefined ? [] : [sql`lower(trim(${field(c, index!)})) = ${name}`];
  });
  return same.length ? joinSql(same, " and ") : undefined;
}

/** Where read_csv's records of a file go, and how they are counted and taken back. */
export interface Sink {
  /** Reads the file in `shape` into the sink; false when read_csv refuses it (nothing kept). */
  insert(shape: Shape): Promise<boolean>;
  /** Removes the file's rows. */
  clear(): Promise<void>;
  /** The number of the file's rows. */
  count(): Promise<number>;
  /** Gives every row its physical line (when insert could not) and takes out the rows that repeat the header, returning their lines. */
  settle(shape: Shape): Promise<number[]>;
  /**
   * Set when the rows get their lines while read: moves the lines of rows read with the anchors
   * of `from` to those of `to` (the same records, read with the same fields and line ends).
   */
  readonly reline?: (from: Shape, to: Shape) => Promise<void>;
  /** True when the rows are typed and checked while read (one-pass.ts). */
  readonly checked: boolean;
}

/** The raw-table sink: every record as text with its physical line, set while read. */
function rawSink(db: Database, file: FileToRead): Sink {
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

/** What read_csv must be told of a file, and the lines of its records. */
export type Shape = Pick<Prescan, "fieldCount" | "newline" | "anchors"> &
  Partial<Pick<Prescan, "dirtyFields" | "blankFields">>;

/** DuckDB's read_csv of a file in the shape the prescan found, every field as text (c0, c1, …). */
export function readCsvSql(path: string, dialect: Dialect, scan: Shape): Sql {
  const names = Array.from({ length: scan.fieldCount }, (_, i) => `c${i}`);
  const columns = sql`{${joinSql(names.map((n) => sql`${n}: 'VARCHAR'`))}}`;
  const options = [
    sql`delim = ${dialect.delimiter}`,
    sql`quote = '"'`,
    sql`escape = '"'`,
    sql`header = true`,
    sql`skip = ${dialect.sepHint ? 1 : 0}`,
    sql`new_line = ${scan.newline === "\n" ? "\\n" : "\\r\\n"}`,
    sql`auto_detect = false`,
    sql`ignore_errors = true`,
    sql`nullstr = ${NULL_MARK}`,
    sql`parallel = true`,
    sql`columns = ${columns}`,
  ];
  return sql`read_csv(${path}, ${joinSql(options)})`;
}

/** The raw table's columns from read_csv's fields, in the target's order (NULL when absent). */
export function fieldsSql(target: RawTarget, plan: HeaderPlan): Sql[] {
  return target.columns.map((c) => {
    const index = plan.columns.find((p) => p.spec.name === c)?.index;
    return index === undefined ? sql`null::varchar` : ident(`c${index}`);
  });
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

/** One file of an export, as insertRows reads it. */
export interface FileToRead {
  readonly target: RawTarget;
  readonly path: string;
  readonly fileIndex: number;
  readonly dialect: Dialect;
  readonly plan: HeaderPlan;
  /** The header's names, trimmed and in lower case, by field index. */
  readonly headerNames: readonly string[];
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

/** True when read_csv reads both shapes alike (the lines' anchors aside). */
function sameShape(a: Shape, b: Shape): boolean {
  return a.fieldCount === b.fieldCount && a.newline === b.newline;
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

/** Makes the sink of a file: chk_<file> when typed while read; undefined for the raw table. */
export type SinkFactory = (db: Database, file: FileToRead) => Promise<Sink | undefined>;

/**
 * Reads one file with DuckDB's read_csv when a prescan finds that it reads exactly as the
 * scanner would (UTF-8, standard quoting, one kind of line end; see prescan.ts): the rows go
 * to the raw table with their physical lines, the bad rows come from the prescan. Returns, in
 * Dutch, why the file must be read by the scanner instead (a header problem included, which the
 * scanner path reports).
 */
export async function readFast(
  db: Database,
  target: RawTarget,
  path: string,
  fileIndex: number,
  sinkOf?: SinkFactory,
): Promise<FileRead | string> {
  const bom = bomEncoding(await readHead(path));
  if (bom && bom !== "utf-8") return "tekenset UTF-16";
  const head = await readFileHead(path);
  const header = head.records[0];
  if (!header) return "geen kopregel";
  const name = basename(path);
  const plan = planHeader(target.spec, header.fields, { ...target.context, name });
  if (plan.problems.length) return "de kopregel past niet";
  const { dialect } = head;
  const headerNames = header.fields.map((f) => f.trim().toLowerCase());
  const file = { target, path, fileIndex, dialect, plan, headerNames };
  const sink = (await sinkOf?.(db, file)) ?? rawSink(db, file);
  // read_csv reads on DuckDB's threads while the prescan runs on this one, with the shape the
  // head suggests (no blank lines, no line breaks in quotes): the usual case needs one read.
  const guess: Shape = {
    fieldCount: header.fields.length === plan.width + 1 ? plan.width + 1 : plan.width,
    newline: head.newline === "\r\n" ? "\r\n" : "\n",
    anchors: [[1, header.line]],
  };
  const scanner = new Prescanner(dialect.delimiter, plan.width, header.line, dialect.sepHint);
  const [inserted, scan] = await Promise.all([sink.insert(guess), prescanFile(path, scanner)]);
  if (!scan || scan.irregular) {
    await sink.clear();
    return scan ? scan.irregular! : "geen geldige UTF-8";
  }
  if (!inserted || !sameShape(guess, scan)) {
    await sink.clear();
    if (!(await sink.insert(scan))) return "read_csv weigerde het bestand";
  } else if (sink.reline && JSON.stringify(guess.anchors) !== JSON.stringify(scan.anchors)) {
    // Blank lines or line breaks in quotes: the rows are right, their lines move.
    await sink.reline(guess, scan);
  }
  const count = await sink.count();
  if (count !== scan.good) {
    // read_csv skipped other rows than the prescan found bad: the scanner reads the file.
    await sink.clear();
    return `read_csv las ${count} rijen, de voorscan ${scan.good}`;
  }
  const text = headerNames.join(dialect.delimiter);
  const repeated = (await sink.settle(scan)).map((line) => ({
    line,
    value: plan.ignored.length ? undefined : text,
    message_nl: REPEATED_HEADER,
  }));
  // The prescan counted rows repeating the header as data rows; the scanner leaves them out
  // when it decides whether every row ends with the delimiter (records.ts), so a file whose only
  // such rows repeat the header has no trailing delimiter on every row.
  const everyRowTrailing = scan.trailingEveryRow && scan.good > repeated.length;
  const trailing = header.fields.length > plan.width || everyRowTrailing;
  const bad = [...(await badRows(path, scan.bad, dialect, plan, trailing)), ...repeated].sort(
    (a, b) => a.line - b.line,
  );
  return {
    spec: target.spec,
    name,
    fileIndex,
    encoding: "utf-8",
    fellBack: false,
    dialect: everyRowTrailing ? { ...dialect, trailingEveryRow: true } : dialect,
    plan,
    rowsRead: scan.rowsRead,
    badRows: bad,
    ...(sink.checked ? { checked: true } : {}),
  };
}
