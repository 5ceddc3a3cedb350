import type { DuckDBAppender } from "@duckdb/node-api";
import { basename } from "node:path";
import type { FileSpec } from "../contract/index.ts";
import { ident, run, type Database } from "../db/duckdb.ts";
import { bomEncoding, decodeFile, NotUtf8Error, readHead, type Encoding } from "./decode.ts";
import { sniffDialect, type Dialect } from "./dialect.ts";
import { planHeader, type HeaderPlan } from "./header.ts";
import { CsvScanner, type RawRecord } from "./scanner.ts";
import { rawTableName } from "./schema.ts";

/** A row that could not be split into the header's fields. */
export interface BadRow {
  readonly line: number;
  readonly value: string;
  readonly message_nl: string;
}

/** What reading one export into its raw table found. */
export interface FileRead {
  readonly spec: FileSpec;
  readonly name: string;
  readonly encoding: Encoding;
  /** True when the file was not valid UTF-8 and was read as Windows-1252. */
  readonly fellBack: boolean;
  readonly dialect: Dialect;
  readonly plan: HeaderPlan;
  /** Data records (blank lines, the header and a sep= hint not counted). */
  readonly rowsRead: number;
  readonly badRows: readonly BadRow[];
}

export type ReadOutcome =
  | { readonly ok: true; readonly read: FileRead }
  | { readonly ok: false; readonly name: string; readonly problems: readonly string[] };

const MAX_VALUE = 200;

/** The raw text of a record, as shown in a bad_row reject. */
function recordText(record: RawRecord, dialect: Dialect): string {
  const text = record.fields.join(dialect.delimiter);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

/** Checks a record's field count against the header; returns a Dutch problem or undefined. */
function fieldProblem(record: RawRecord, width: number): string | undefined {
  if (record.unterminatedQuote) return "aanhalingsteken wordt niet afgesloten";
  const n = record.fields.length;
  if (n === width) return undefined;
  if (n === width + 1 && record.fields[n - 1]!.trim() === "") return undefined;
  return `rij heeft ${n} velden, de kop heeft er ${width}`;
}

class EncodingFallback extends Error {}

/**
 * Reads one export: decodes it, detects its dialect, maps its header and appends every record
 * as text, with its physical line, to raw_<file>. Rows with the wrong number of fields are
 * returned as bad rows. A file that is not valid UTF-8 is read again as Windows-1252.
 */
export async function readExport(
  db: Database,
  spec: FileSpec,
  path: string,
  fileIndex: number,
): Promise<ReadOutcome> {
  const head = await readHead(path);
  const bom = bomEncoding(head);
  const first = bom ?? "utf-8";
  try {
    return await readAs(db, spec, path, fileIndex, first, false);
  } catch (error) {
    if (!(error instanceof EncodingFallback) || bom) throw error;
    await run(db, `drop table if exists ${ident(rawTableName(spec))}`);
    return await readAs(db, spec, path, fileIndex, "windows-1252", true);
  }
}

async function readAs(
  db: Database,
  spec: FileSpec,
  path: string,
  fileIndex: number,
  encoding: Encoding,
  fellBack: boolean,
): Promise<ReadOutcome> {
  const name = basename(path);
  let dialect: Dialect | undefined;
  let plan: HeaderPlan | undefined;
  let scanner: CsvScanner | undefined;
  let appender: DuckDBAppender | undefined;
  let pending: RawRecord[] = [];
  let skipSep = false;
  let rowsRead = 0;
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
        plan = planHeader(spec, record.fields);
        if (plan.problems.length > 0) return { ok: false, name, problems: plan.problems };
        await ensureRawTable(db, spec, plan);
        appender = await db.connection.createAppender(rawTableName(spec));
        continue;
      }
      rowsRead++;
      const problem = fieldProblem(record, plan.width);
      if (problem) {
        badRows.push({
          line: record.line,
          value: recordText(record, dialect!),
          message_nl: problem,
        });
        continue;
      }
      appender!.appendInteger(fileIndex);
      appender!.appendInteger(record.line);
      for (const column of plan.columns) appender!.appendVarchar(record.fields[column.index]!);
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
    return {
      ok: false,
      name,
      problems: ["het bestand is leeg: er is geen kopregel met kolomnamen"],
    };
  }
  return { ok: true, read: { spec, name, encoding, fellBack, dialect, plan, rowsRead, badRows } };
}

/** Creates raw_<file> with the contract columns in the file's order, if it does not exist. */
async function ensureRawTable(db: Database, spec: FileSpec, plan: HeaderPlan): Promise<void> {
  const columns = plan.columns.map((c) => `${ident(c.spec.name)} varchar`);
  await run(
    db,
    `create table if not exists ${ident(rawTableName(spec))} (file_index integer, line integer${columns.map((c) => `, ${c}`).join("")})`,
  );
}

/**
 * Reads only as far as the header and says what would make the file unusable: used to check
 * every file before any is loaded, so a bad folder fails fast and reports all its problems.
 */
export async function probeHeader(spec: FileSpec, path: string): Promise<readonly string[]> {
  const head = await readHead(path, 1 << 16);
  const bom = bomEncoding(head);
  let text: string;
  try {
    text = new TextDecoder(bom ?? "utf-8", { fatal: !bom || bom === "utf-8" }).decode(head, {
      stream: true,
    });
  } catch {
    text = new TextDecoder("windows-1252").decode(head);
  }
  const dialect = sniffDialect(text);
  const records: RawRecord[] = [];
  const scanner = new CsvScanner(dialect.delimiter, (r) => records.push(r));
  scanner.push(text);
  if (head.length < 1 << 16) scanner.end();
  const header = records[dialect.sepHint ? 1 : 0];
  if (!header) return ["het bestand is leeg: er is geen kopregel met kolomnamen"];
  return planHeader(spec, header.fields).problems;
}
