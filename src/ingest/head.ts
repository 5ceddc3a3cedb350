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
  /** True when the start holds a NUL byte: no text export (an Excel file, an image, …). */
  readonly binary: boolean;
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
    // Node 20 decodes a one-shot windows-1252 call as Latin-1 (€ → U+0080); streaming does not.
    text = new TextDecoder("windows-1252").decode(head, { stream: true });
  }
  text = text.replace(/^\uFEFF/, "");
  const dialect = sniffDialect(text);
  const records: RawRecord[] = [];
  const scanner = new CsvScanner(dialect.delimiter, (r) => records.push(r));
  scanner.push(text);
  const complete = head.length < bytes;
  if (complete) scanner.end();
  const binary = bom !== "utf-16le" && bom !== "utf-16be" && head.includes(0);
  const newline = /\r\n|\n|\r/.exec(text)?.[0] ?? "";
  const rows = dialect.sepHint ? records.slice(1) : records;
  return { dialect, records: rows, complete, binary, newline };
}

/** The header of a file, or a Dutch problem when it has none. */
export async function readHeader(
  path: string,
): Promise<{ readonly fields: readonly string[] } | { readonly problem: string }> {
  const { records, complete, binary } = await readFileHead(path);
  if (binary) {
    return {
      problem:
        "het bestand is geen tekst maar binair (bijvoorbeeld een Excel-werkmap of een afbeelding met de naam .csv); sla het in Excel op als CSV",
    };
  }
  const header = records[0];
  if (!header && !complete) {
    return {
      problem:
        "de eerste regel is langer dan 64 kB: dit is geen CSV-export met een kopregel van kolomnamen",
    };
  }
  if (!header) return { problem: "het bestand is leeg: er is geen kopregel met kolomnamen" };
  return { fields: header.fields };
}
