import { headerKey } from "../../contract/index.ts";
import { bomEncoding, decodeFile, NotUtf8Error, readHead, type Encoding } from "../decode.ts";
import { sniffDialect } from "../dialect.ts";
import { readFileHead } from "../head.ts";
import { byName } from "../mapping/index.ts";
import { CsvScanner, type RawRecord } from "../scanner.ts";

/** Files that look like one export split in parts: same name but for the digits. */
export interface FileGroup {
  /** The name, or a glob for several files (`deelnemers-export-*.csv`). */
  readonly file: string;
  /** The files' names, in name order. */
  readonly names: readonly string[];
}

/** Groups file names that differ only in their digits; a group of one keeps its exact name. */
export function groupFiles(names: readonly string[]): FileGroup[] {
  const groups = new Map<string, string[]>();
  for (const name of [...names].sort(byName)) {
    const pattern = name.replace(/\d+/g, "*");
    groups.set(pattern, [...(groups.get(pattern) ?? []), name]);
  }
  return [...groups].map(([pattern, list]) => ({
    file: list.length > 1 ? pattern : list[0]!,
    names: list,
  }));
}

/** The header of a group's first file and the first rows of each of its files. */
export interface Sample {
  readonly header: readonly string[];
  /** Rows aligned with `header` (fields of other files placed by header name). */
  readonly rows: readonly (readonly string[])[];
}

/** Reads the header and up to `maxRows` rows of every file of a group. */
export async function readSample(
  paths: readonly string[],
  maxRows = 200,
): Promise<Sample | undefined> {
  let header: readonly string[] | undefined;
  const rows: string[][] = [];
  for (const path of paths) {
    const head = await readFileHead(path, 1 << 18);
    const records = head.complete ? head.records : head.records.slice(0, -1);
    const [own, ...data] = records;
    if (!own) continue;
    header ??= own.fields.map((f) => f.trim());
    const keys = own.fields.map(headerKey);
    const place = header.map((h) => keys.indexOf(headerKey(h)));
    for (const record of data.slice(0, maxRows)) {
      rows.push(place.map((i) => (i < 0 ? "" : (record.fields[i] ?? ""))));
    }
  }
  return header ? { header, rows } : undefined;
}

/** Scans a whole file in one encoding, handing each record (the header first) to `take`. */
async function scanFile(
  path: string,
  encoding: Encoding,
  take: (record: RawRecord) => void,
): Promise<void> {
  let scanner: CsvScanner | undefined;
  let skip = false;
  const pass = (record: RawRecord) => {
    if (skip) skip = false;
    else take(record);
  };
  for await (const chunk of decodeFile(path, encoding)) {
    if (!scanner) {
      const dialect = sniffDialect(chunk);
      skip = dialect.sepHint;
      scanner = new CsvScanner(dialect.delimiter, pass);
    }
    scanner.push(chunk);
  }
  scanner?.end();
}

/** The distinct values of some headers in one file, keyed case-insensitively. */
async function fileValues(
  path: string,
  headers: readonly string[],
  cap: number,
): Promise<Map<string, Map<string, string>>> {
  const bom = bomEncoding(await readHead(path));
  for (const encoding of [bom ?? "utf-8", "windows-1252"] as const) {
    const seen = new Map(headers.map((h) => [h, new Map<string, string>()]));
    let indices: number[] | undefined;
    try {
      await scanFile(path, encoding, (record) => {
        if (!indices) {
          const keys = record.fields.map(headerKey);
          indices = headers.map((h) => keys.indexOf(headerKey(h)));
          return;
        }
        headers.forEach((h, i) => {
          const values = seen.get(h)!;
          const value = (record.fields[indices![i]!] ?? "").trim();
          const key = value.toLowerCase();
          if (value !== "" && values.size < cap && !values.has(key)) values.set(key, value);
        });
      });
      return seen;
    } catch (error) {
      if (!(error instanceof NotUtf8Error) || bom) throw error;
    }
  }
  throw new Error(`${path}: niet te lezen`);
}

/**
 * The distinct values (trimmed, the first spelling of each case-insensitive value, in order of
 * appearance) of some headers over every row of the files, at most `cap` per header.
 */
export async function distinctValues(
  paths: readonly string[],
  headers: readonly string[],
  cap = 100,
): Promise<Map<string, string[]>> {
  const all = new Map(headers.map((h) => [h, new Map<string, string>()]));
  for (const path of paths) {
    for (const [h, values] of await fileValues(path, headers, cap)) {
      const into = all.get(h)!;
      for (const [key, value] of values)
        if (into.size < cap && !into.has(key)) into.set(key, value);
    }
  }
  return new Map([...all].map(([h, values]) => [h, [...values.values()]]));
}
