// The read_csv path of one export file: a prescan in JavaScript (valid UTF-8, the file's shape,
// its physical lines and bad rows) runs beside DuckDB's read_csv into a sink (raw-sink.ts, or
// one-pass.ts for a file typed while read); the scanner path takes the files it cannot read.
import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import type { Database } from "../db/duckdb.ts";
import { sameShape, type Shape, type SinkFactory } from "./csv-sql.ts";
import { bomEncoding, readHead } from "./decode.ts";
import type { Dialect } from "./dialect.ts";
import { readFileHead } from "./head.ts";
import { planHeader, type HeaderPlan } from "./header.ts";
import { Prescanner, type BadRange, type Prescan } from "./prescan.ts";
import { rawSink } from "./raw-sink.ts";
import { readChunks } from "./read-chunks.ts";
import type { FileRead, RawTarget } from "./read-file.ts";
import { REPEATED_HEADER, countProblem, fieldProblem, recordText, type BadRow } from "./records.ts";
import { scanText } from "./scanner.ts";

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
