import { bomEncoding, readHead } from "./decode.ts";
import { sniffDialect, type Dialect } from "./dialect.ts";
import { CsvScanner, type RawRecord } from "./scanner.ts";

/** The start of a file: its dialect and its first records (the sep= hint left out). */
export interface Head {
  readonly dialect: Dialect;
  /** The header first, then data records; the last may be cut off when the file is longer. */
  readonly records: readonly RawRecord[];
  /** True when the whole file was read. */
  readonly complete: boolean;
  /** The first line end: CRLF, LF or CR ("" when the head has none). */
  readonly newline: string;
}

/**
 * Reads the first `bytes` of a file and scans them, decoding as UTF-8 (or as its BOM says) and
 * falling back to Windows-1252. Used to check headers before anything is loaded, and to sample.
 */
export async function readFileHead(path: string, bytes = 1 << 16): Promise<Head> {
  const head = await readHead(path, bytes);
  const bom = bomEncoding(head);
  let text: string;
  try {
    text = new TextDecoder(bom ?? "utf-8", { fatal: !bom || bom === "utf-8" }).decode(head, {
      stream: true,
    });
  } catch {
    text = new TextDecoder("windows-1252").decode(head);
  }
  text = text.replace(/^\uFEFF/, "");
  const dialect = sniffDialect(text);
  const records: RawRecord[] = [];
  const scanner = new CsvScanner(dialect.delimiter, (r) => records.push(r));
  scanner.push(text);
  const complete = head.length < bytes;
  if (complete) scanner.end();
  const newline = /\r\n|\n|\r/.exec(text)?.[0] ?? "";
  return { dialect, records: dialect.sepHint ? records.slice(1) : records, complete, newline };
}

/** The header of a file, or a Dutch problem when it has none. */
export async function readHeader(
  path: string,
): Promise<{ readonly fields: readonly string[] } | { readonly problem: string }> {
  const { records } = await readFileHead(path);
  const header = records[0];
  if (!header) return { problem: "het bestand is leeg: er is geen kopregel met kolomnamen" };
  return { fields: header.fields };
}
