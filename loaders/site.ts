import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";

/** The columns of `data_quality.csv`, in order (spec/outputs.md). */
export const QUALITY_COLUMNS = [
  "file",
  "status",
  "rows_read",
  "rows_loaded",
  "rows_rejected",
  "warnings",
  "note",
] as const;

/** One row of the data-quality summary; counts are null where the CSV cell is empty. */
export interface QualityRow {
  file: string;
  status: string;
  rows_read: number | null;
  rows_loaded: number | null;
  rows_rejected: number | null;
  warnings: number | null;
  note: string | null;
}

/** What `docs/data/quality.json` holds. */
export interface QualityJson {
  rows: QualityRow[];
  /** When the refresh wrote `data_quality.csv` (its modification time, ISO 8601). */
  generated_at?: string;
}

/** Parses the text of `data_quality.csv` (RFC 4180, header first); throws on a malformed file. */
export function parseQualityCsv(text: string, source = "data_quality.csv"): QualityRow[] {
  const result = Papa.parse<string[]>(text, {
    delimiter: ",",
    header: false,
    skipEmptyLines: true,
  });
  const syntax = result.errors[0];
  if (syntax) throw new Error(`${source}: ${syntax.message} (row ${(syntax.row ?? 0) + 1})`);
  const [header, ...records] = result.data;
  if (header?.join(",") !== QUALITY_COLUMNS.join(",")) {
    throw new Error(`${source}: unexpected header: ${header?.join(",") ?? "(empty file)"}`);
  }
  return records.map((record, index) => {
    if (record.length !== QUALITY_COLUMNS.length) {
      throw new Error(
        `${source}: record ${index + 1} has ${record.length} fields, not ${QUALITY_COLUMNS.length}`,
      );
    }
    const cell = (column: (typeof QUALITY_COLUMNS)[number]): string => {
      const value = record[QUALITY_COLUMNS.indexOf(column)];
      if (value === undefined)
        throw new Error(`${source}: missing ${column} in record ${index + 1}`);
      return value;
    };
    const count = (
      column: "rows_read" | "rows_loaded" | "rows_rejected" | "warnings",
    ): number | null => {
      const value = cell(column);
      if (value === "") return null;
      if (!/^\d+$/.test(value)) {
        throw new Error(`${source}: ${column} is not a count in record ${index + 1}: ${value}`);
      }
      return Number(value);
    };
    return {
      file: cell("file"),
      status: cell("status"),
      rows_read: count("rows_read"),
      rows_loaded: count("rows_loaded"),
      rows_rejected: count("rows_rejected"),
      warnings: count("warnings"),
      note: cell("note") === "" ? null : cell("note"),
    };
  });
}

/** Reads `<outDir>/data_quality.csv` (written by `regiomonitor refresh`) and returns it as JSON. */
export async function qualityJson(
  outDir = process.env.REGIOMONITOR_OUT ?? "docs/.data",
): Promise<string> {
  const path = join(outDir, "data_quality.csv");
  const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
  const json: QualityJson = {
    rows: parseQualityCsv(text, path),
    generated_at: info.mtime.toISOString(),
  };
  return JSON.stringify(json);
}
