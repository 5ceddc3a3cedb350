import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { vocabularies } from "../src/contract/vocabularies.ts";
import { readText } from "../src/output/csv.ts";
import { outputTables, type OutputType } from "../src/output/tables.ts";

/** The refresh's output folder, which every loader reads. */
export function outDir(): string {
  return process.env.REGIOMONITOR_OUT ?? "docs/.data";
}

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

/**
 * The records of one of our CSV outputs (RFC 4180, comma, header first), after checking that the
 * header is exactly `columns`; throws on a syntax error or another header.
 */
function csvRecords(text: string, columns: readonly string[], source: string): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter: ",",
    header: false,
    skipEmptyLines: true,
  });
  const syntax = result.errors[0];
  if (syntax) throw new Error(`${source}: ${syntax.message} (row ${(syntax.row ?? 0) + 1})`);
  const [header, ...records] = result.data;
  if (header?.join(",") !== columns.join(",")) {
    throw new Error(`${source}: unexpected header: ${header?.join(",") ?? "(empty file)"}`);
  }
  return records;
}

/** Parses the text of `data_quality.csv` (RFC 4180, header first); throws on a malformed file. */
export function parseQualityCsv(text: string, source = "data_quality.csv"): QualityRow[] {
  return csvRecords(text, QUALITY_COLUMNS, source).map((record, index) => {
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
export async function qualityJson(dir = outDir()): Promise<string> {
  const path = join(dir, "data_quality.csv");
  const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
  const json: QualityJson = {
    rows: parseQualityCsv(text, path),
    generated_at: info.mtime.toISOString(),
  };
  return JSON.stringify(json);
}

/** The reference data folder (gemeenten, zorgkantoorregio's, maps; provenance in data/README.md). */
export function referenceDir(): string {
  return process.env.REGIOMONITOR_REFERENCE ?? "data/reference";
}

/** One row of an output table: numbers as numbers, dates as ISO text, empty cells as null. */
export type TableRow = Record<string, string | number | boolean | null>;

/** The name of an output table of spec/outputs.md (`indicators`, `projects`, …). */
export type TableName =
  | "indicators"
  | "indicator_catalog"
  | "members_by_sector"
  | "projects"
  | "funding_by_source"
  | "events"
  | "member_activity"
  | "iza_progress"
  | "signals"
  | "data_quality"
  | "rejects";

function convert(value: string, type: OutputType, where: string): string | number | boolean | null {
  if (value === "") return null;
  switch (type) {
    case "integer":
    case "number": {
      const number = Number(value);
      if (!Number.isFinite(number)) throw new Error(`${where}: not a number: ${value}`);
      return number;
    }
    case "boolean":
      return value === "true";
    case "date":
      return value;
    case "text":
      return readText(value);
  }
}

/** Parses the text of an output table's CSV (RFC 4180) with the column types of its contract. */
export function parseTableCsv(name: TableName, text: string, source = `${name}.csv`): TableRow[] {
  const table = outputTables.find((t) => t.name === name);
  if (!table) throw new Error(`unknown output table: ${name}`);
  const names = table.columns.map((c) => c.name);
  return csvRecords(text, names, source).map((record, index) => {
    if (record.length !== table.columns.length) {
      throw new Error(`${source}: record ${index + 1} has ${record.length} fields`);
    }
    const row: TableRow = {};
    table.columns.forEach((column, i) => {
      row[column.name] = convert(record[i] ?? "", column.type, `${source} record ${index + 1}`);
    });
    return row;
  });
}

/** Reads `<outDir>/<name>.csv` as typed rows. */
export async function readTable(name: TableName, dir = outDir()): Promise<TableRow[]> {
  const path = join(dir, `${name}.csv`);
  return parseTableCsv(name, await readFile(path, "utf8"), path);
}

/** An output table as the JSON array of its rows (what `docs/data/<name>.json` serves). */
export async function tableJson(name: TableName, dir = outDir()): Promise<string> {
  return JSON.stringify(await readTable(name, dir));
}

/**
 * The URL slug of a network name: lower case, diacritics removed, every run of other characters
 * than a–z and 0–9 replaced by one `-`, no `-` at either end ("CIC West-Brabant" → "cic-west-brabant").
 */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A network: its name as in the exports and its slug (the route `/netwerk/<slug>`). */
export interface Network {
  name: string;
  slug: string;
}

/** The networks in the outputs (scope_type `netwerk` in `indicators.csv`), sorted by name. */
export async function readNetworks(dir = outDir()): Promise<Network[]> {
  return networksOf(await readTable("indicators", dir));
}

/**
 * The networks among the rows of `indicators.csv`. Throws when a network's slug is empty or
 * another's: their pages and files (/netwerk/<slug>, …/<slug>.json) would collide.
 */
export function networksOf(indicators: readonly TableRow[]): Network[] {
  const names = new Set<string>();
  for (const row of indicators) if (row.scope_type === "netwerk") names.add(String(row.scope));
  const networks = [...names]
    .sort((a, b) => a.localeCompare(b, "nl"))
    .map((name) => ({ name, slug: slugify(name) }));
  const bySlug = new Map<string, string>();
  for (const { name, slug } of networks) {
    if (slug === "")
      throw new Error(`network "${name}" has no letters or digits for its file name`);
    const other = bySlug.get(slug);
    if (other !== undefined) {
      throw new Error(`networks "${other}" and "${name}" have the same file name ${slug}`);
    }
    bySlug.set(slug, name);
  }
  return networks;
}

/** The per-network routes (`/netwerk/<slug>`) for the config's dynamicPaths; none without outputs. */
export async function networkPaths(dir = outDir()): Promise<string[]> {
  try {
    return (await readNetworks(dir)).map((n) => `/netwerk/${n.slug}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The peildatum (as_of) of the outputs: the last reference date in `indicators.csv`, ISO. */
export async function readPeildatum(dir = outDir()): Promise<string> {
  const rows = await readTable("indicators", dir);
  const last = rows.reduce(
    (max, r) => (String(r.period_end) > max ? String(r.period_end) : max),
    "",
  );
  if (!last) throw new Error(`${join(dir, "indicators.csv")}: no reference dates`);
  return last;
}

/** Dutch display labels of vocabulary values where capitalising the value is not enough. */
const LABELS: Record<string, string> = {
  rif: "Regionaal Investeringsfonds",
  eu: "EU",
  rijk: "Rijk",
  eigen_bijdrage: "Eigen bijdrage",
  kennisinstelling: "Kennisinstelling",
};

/** A vocabulary value with its Dutch label, in the contract's order. */
export interface VocabularyValue {
  value: string;
  label: string;
}

/** What `docs/data/meta.json` holds. */
export interface MetaJson {
  /** The peildatum (as_of): the last reference date, ISO. */
  peildatum: string;
  /** The 12 reference dates, oldest first, ISO; the last is the peildatum. */
  reference_dates: string[];
  /** When the refresh wrote its outputs (ISO 8601 timestamp). */
  refreshed_at: string;
  networks: Network[];
  /** The IZA regions (scope_type `iza_regio`), sorted by name. */
  iza_regions: string[];
  /** The contract's vocabularies (sector, stage, source_type, kind, status, person_role). */
  vocabularies: Record<string, VocabularyValue[]>;
}

/** The list of networks, the peildatum and reference dates, the refresh time and the vocabularies. */
export async function metaJson(dir = outDir()): Promise<string> {
  const rows = await readTable("indicators", dir);
  const dates = [...new Set(rows.map((r) => String(r.period_end)))].sort();
  const regions = new Set<string>();
  for (const row of rows) if (row.scope_type === "iza_regio") regions.add(String(row.scope));
  const info = await stat(join(dir, "indicators.csv"));
  const vocab: Record<string, VocabularyValue[]> = {};
  for (const [name, spec] of Object.entries(vocabularies)) {
    vocab[name] = spec.values.map(({ value }) => ({
      value,
      label: LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replaceAll("_", " "),
    }));
  }
  const meta: MetaJson = {
    peildatum: dates.at(-1) ?? "",
    reference_dates: dates,
    refreshed_at: info.mtime.toISOString(),
    networks: await readNetworks(dir),
    iza_regions: [...regions].sort((a, b) => a.localeCompare(b, "nl")),
    vocabularies: vocab,
  };
  return JSON.stringify(meta);
}

/** One indicator's values in one scope at the reference dates (meta.reference_dates), in order. */
export interface IndicatorSeries {
  scope_type: string;
  scope: string;
  indicator: string;
  /** One value per reference date, oldest first; null where the indicator is empty. */
  values: (number | null)[];
}

/**
 * `indicators.csv` in a compact shape for pages (under half the gzipped size of indicators.json):
 * one entry per scope and indicator with its 12 values, rounded to six significant digits, in
 * the order of the reference dates.
 */
export async function indicatorSeriesJson(dir = outDir()): Promise<string> {
  return JSON.stringify(indicatorSeriesOf(await readTable("indicators", dir)));
}

/** The series of indicator_series.json from the rows of `indicators.csv`. */
export function indicatorSeriesOf(rows: readonly TableRow[]): {
  reference_dates: string[];
  series: IndicatorSeries[];
} {
  const dates = [...new Set(rows.map((r) => String(r.period_end)))].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const series = new Map<string, IndicatorSeries>();
  for (const row of rows) {
    const key = `${row.scope_type}\u0000${row.scope}\u0000${row.indicator}`;
    let entry = series.get(key);
    if (!entry) {
      entry = {
        scope_type: String(row.scope_type),
        scope: String(row.scope),
        indicator: String(row.indicator),
        values: dates.map(() => null),
      };
      series.set(key, entry);
    }
    // Six significant digits: more than any page shows, and a third of the bytes.
    const value = row.value == null ? null : Number(Number(row.value).toPrecision(6));
    entry.values[index.get(String(row.period_end))!] = value;
  }
  return { reference_dates: dates, series: [...series.values()] };
}
