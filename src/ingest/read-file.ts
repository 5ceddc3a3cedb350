import type { DuckDBAppender } from "@duckdb/node-api";
import { basename } from "node:path";
import type { FileSpec } from "../contract/index.ts";
import { run, type Database } from "../db/duckdb.ts";
import { ident, join, sql } from "../db/sql.ts";
import type { UnusableProblem } from "../errors.ts";
import { bomEncoding, decodeFile, NotUtf8Error, readHead, type Encoding } from "./decode.ts";
import { sniffDialect, type Dialect } from "./dialect.ts";
import { planHeader, type HeaderPlan, type PlanContext } from "./header.ts";
import { CsvScanner, type RawRecord } from "./scanner.ts";
import {
  FieldCountRule,
  READ_AGAIN,
  REPEATED_HEADER,
  isHeader,
  recordText,
  type BadRow,
} from "./records.ts";
import { rawTableName } from "./schema.ts";
import { readFast } from "./fast-read.ts";
import { checkedSink, type CheckedPlan } from "./one-pass.ts";
import { isWorkbookName } from "./xlsx/detect.ts";
import { readWorkbook } from "./xlsx/read.ts";

export type { BadRow } from "./records.ts";

/** What reading one file of an export into its raw table found. */
export interface FileRead {
  readonly spec: FileSpec;
  readonly name: string;
  /** The file's position among the export's files (raw and clean tables' file_index). */
  readonly fileIndex: number;
  readonly encoding: Encoding;
  /** True when the file was not valid UTF-8 and was read as Windows-1252. */
  readonly fellBack: boolean;
  readonly dialect: Dialect;
  readonly plan: HeaderPlan;
  /** Data records (blank lines, the header and a sep= hint not counted). */
  readonly rowsRead: number;
  readonly badRows: readonly BadRow[];
  /** How it was read: "read_csv", or "scanner (why)" (progress lines show it; not stored). */
  readonly method?: string;
  /** The sheet read, when the file is a workbook (.xlsx): lines are then Excel row numbers. */
  readonly sheet?: string;
  /** True when typed and checked while read, into chk_<file> (one-pass.ts), not raw_<file>. */
  readonly checked?: boolean;
}

export type ReadOutcome =
  | { readonly ok: true; readonly read: FileRead }
  | { readonly ok: false; readonly name: string; readonly problems: readonly UnusableProblem[] };

/** Where the records of one file go: the export's raw table, with its columns in order. */
export interface RawTarget {
  readonly spec: FileSpec;
  /** The raw table's contract columns, in order (the union over the export's files). */
  readonly columns: readonly string[];
  /** The mapping entry that applies, if any. */
  readonly context: Omit<PlanContext, "name">;
}

class EncodingFallback extends Error {}

/** Rows were loaded as ending with a trailing delimiter that the file turned out not to have. */
class ShiftedRows extends Error {}

/**
 * Reads one file of an export: decodes it, detects its dialect, maps its header and appends
 * every record as text, with its file index and physical line, to the export's raw table (which
 * must exist). Rows with the wrong number of fields are returned as bad rows. A file that is not
 * valid UTF-8 is read again as Windows-1252. A workbook (.xlsx) is read by readWorkbook. With
 * `checked`, a file that read_csv reads is typed and checked while read (one-pass.ts).
 */
export async function readExport(
  db: Database,
  target: RawTarget,
  path: string,
  fileIndex: number,
  checked?: CheckedPlan,
): Promise<ReadOutcome> {
  if (isWorkbookName(path)) return readWorkbook(db, target, path, fileIndex);
  const sink = checked ? checkedSink(checked) : undefined;
  const fast = await readFast(db, target, path, fileIndex, sink);
  if (typeof fast !== "string") return { ok: true, read: { ...fast, method: "read_csv" } };
  const outcome = await readWithScanner(db, target, path, fileIndex);
  return outcome.ok
    ? { ok: true, read: { ...outcome.read, method: `scanner (${fast})` } }
    : outcome;
}

/** Reads one file with the JavaScript scanner (any file; readExport tries read_csv first). */
export async function readWithScanner(
  db: Database,
  target: RawTarget,
  path: string,
  fileIndex: number,
): Promise<ReadOutcome> {
  const head = await readHead(path);
  const bom = bomEncoding(head);
  const clear = () =>
    run(db, sql`delete from ${ident(rawTableName(target.spec))} where file_index = ${fileIndex}`);
  // A file that shows late that it has no trailing delimiter is read again (FieldCountRule).
  const read = async (encoding: Encoding, fellBack: boolean) => {
    try {
      return await readAs(db, target, path, fileIndex, encoding, fellBack, false);
    } catch (error) {
      if (!(error instanceof ShiftedRows)) throw error;
      await clear();
      return await readAs(db, target, path, fileIndex, encoding, fellBack, true);
    }
  };
  try {
    return await read(bom ?? "utf-8", false);
  } catch (error) {
    if (!(error instanceof EncodingFallback) || bom) throw error;
    await clear();
    return await read("windows-1252", true);
  }
}

async function readAs(
  db: Database,
  target: RawTarget,
  path: string,
  fileIndex: number,
  encoding: Encoding,
  fellBack: boolean,
  noTrailing: boolean,
): Promise<ReadOutcome> {
  const { spec } = target;
  const name = basename(path);
  let dialect: Dialect | undefined;
  let plan: HeaderPlan | undefined;
  let fieldOf: (number | undefined)[] = [];
  let scanner: CsvScanner | undefined;
  let appender: DuckDBAppender | undefined;
  let pending: RawRecord[] = [];
  let skipSep = false;
  let rowsRead = 0;
  let header: readonly string[] = [];
  let rule: FieldCountRule | undefined;
  const badRows: BadRow[] = [];

  const drain = async (): Promise<ReadOutcome | undefined> => {
    const records = pending;
    pending = [];
    for (const record of records) {
      if (skipSep) {
        skipSep = false;
        continue;
      }
      if (!plan) {
        plan = planHeader(spec, record.fields, { ...target.context, name });
        if (plan.problems.length > 0) return { ok: false, name, problems: plan.problems };
        const planned = plan.columns;
        fieldOf = target.columns.map((c) => planned.find((p) => p.spec.name === c)?.index);
        appender = await db.connection.createAppender(rawTableName(spec));
        header = record.fields.slice(0, plan.width).map((f) => f.trim().toLowerCase());
        rule = new FieldCountRule(plan.width, record.fields.length > plan.width, noTrailing);
        continue;
      }
      rowsRead++;
      const problem = isHeader(record, header) ? REPEATED_HEADER : rule!.judge(record);
      if (problem === READ_AGAIN) throw new ShiftedRows();
      if (problem) {
        badRows.push({
          line: record.line,
          value: recordText(record, dialect!, plan),
          message_nl: problem,
        });
        continue;
      }
      appender!.appendInteger(fileIndex);
      appender!.appendInteger(record.line);
      for (const index of fieldOf) {
        if (index === undefined) appender!.appendNull();
        else appender!.appendVarchar(record.fields[index]!);
      }
      appender!.endRow();
    }
    return undefined;
  };

  try {
    for await (const chunk of decodeFile(path, encoding)) {
      if (!scanner) {
        dialect = sniffDialect(chunk);
        skipSep = dialect.sepHint;
        scanner = new CsvScanner(dialect.delimiter, (r) => pending.push(r));
      }
      scanner.push(chunk);
      const stop = await drain();
      if (stop) return stop;
    }
    scanner?.end();
    const stop = await drain();
    if (stop) return stop;
  } catch (error) {
    if (error instanceof NotUtf8Error) throw new EncodingFallback();
    throw error;
  } finally {
    appender?.closeSync();
  }
  if (!plan || !dialect) {
    const message_nl = "het bestand is leeg: er is geen kopregel met kolomnamen";
    return { ok: false, name, problems: [{ file: name, message_nl }] };
  }
  const missing = plan.columns.find((c) => !target.columns.includes(c.spec.name));
  if (missing) throw new Error(`${name}: kolom ${missing.spec.name} ontbreekt in de ruwe tabel`);
  const read = {
    spec,
    name,
    fileIndex,
    encoding,
    fellBack,
    dialect: rule?.everyRowTrailing ? { ...dialect, trailingEveryRow: true as const } : dialect,
    plan,
    rowsRead,
    badRows,
  };
  return { ok: true, read };
}

/** Creates raw_<file>: file index, physical line, then the contract columns as text. */
export async function createRawTable(
  db: Database,
  spec: FileSpec,
  columns: readonly string[],
): Promise<void> {
  const list = join(
    columns.map((c) => sql`, ${ident(c)} varchar`),
    "",
  );
  await run(
    db,
    sql`create table ${ident(rawTableName(spec))} (file_index integer, line integer${list})`,
  );
}
