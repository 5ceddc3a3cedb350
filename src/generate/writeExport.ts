import { closeSync, openSync, writeSync } from "node:fs";
import type { FileSpec } from "../contract/index.ts";
import { headerLine, rowFormatter, type Dialect, type ExportRow } from "./dialect.ts";

/** A row to put into the stream after `after` generated rows (0: before the first). */
export interface Insert {
  readonly after: number;
  readonly row: ExportRow;
}

/** The rows of one export: generated rows (possibly lazy) and the deliberate extra rows. */
export interface ExportRows {
  readonly rows: Iterable<ExportRow>;
  readonly inserts: readonly Insert[];
  /** Columns outside the contract, written after its columns (e.g. a person's e-mail address). */
  readonly extraColumns?: readonly string[];
}

export interface WrittenFile {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

const CHUNK_CHARS = 1 << 20;
const PROGRESS_EVERY = 1_000_000;

/**
 * Write one export to `path`, streaming: lines are collected into chunks of about 1 MB and each
 * chunk is written as soon as it is full, so no file is ever held in memory as a whole.
 */
export function writeExport(
  path: string,
  fileName: string,
  dialect: Dialect,
  spec: Pick<FileSpec, "columns">,
  data: ExportRows,
  progress: (message: string) => void,
): WrittenFile {
  const fd = openSync(path, "w");
  let bytes = 0;
  let chunk = (dialect.bom ? "\uFEFF" : "") + headerLine(dialect, spec, data.extraColumns);
  const flush = (): void => {
    bytes += writeSync(fd, chunk);
    chunk = "";
  };
  const format = rowFormatter(dialect, spec, data.extraColumns);
  const inserts = [...data.inserts].sort((a, b) => a.after - b.after);
  let nextInsert = 0;
  let generated = 0;
  let written = 0;
  const put = (row: ExportRow): void => {
    chunk += format(row);
    written++;
    if (chunk.length >= CHUNK_CHARS) flush();
    if (written % PROGRESS_EVERY === 0)
      progress(`${fileName}: ${written.toLocaleString("nl-NL")} rijen`);
  };
  const putInsertsUpTo = (count: number): void => {
    while (nextInsert < inserts.length && (inserts[nextInsert] as Insert).after <= count) {
      put((inserts[nextInsert] as Insert).row);
      nextInsert++;
    }
  };
  try {
    putInsertsUpTo(0);
    for (const row of data.rows) {
      put(row);
      generated++;
      putInsertsUpTo(generated);
    }
    putInsertsUpTo(Number.POSITIVE_INFINITY);
    flush();
  } finally {
    closeSync(fd);
  }
  return { file: fileName, rows: written, bytes };
}
