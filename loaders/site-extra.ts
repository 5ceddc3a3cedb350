// Loaders for the pages Wederkerigheid … Methode and the page per network: the contract, the
// list of downloads, the data dictionaries and the methodology (the IZA payloads are in
// ./iza-regions.ts). Each is one payload of ./site-fill.ts (served by docs/data/<name>.js); the
// shared output readers live in ./site.ts.
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { files, vocabularies } from "../src/contract/index.ts";
import { families } from "../src/indicators/index.ts";
import { dutchCsv, headerLine, rowLine } from "../src/output/csv.ts";
import { outputTables } from "../src/output/tables.ts";
import { WORKBOOK_FILE } from "../src/output/workbook/formats.ts";
import { signalSettings } from "../src/signals/settings.ts";
import { sql } from "../src/db/sql.ts";
import { orderedQuery } from "../src/output/ordered.ts";
import {
  defaultSettings,
  parseSettings,
  settingsJson,
  type Settings,
} from "../src/settings/settings.ts";
import { databasePath, readDatabase } from "./db.ts";
import { TABLE_DESCRIPTIONS, TYPE_LABELS } from "./dictionary.ts";
import { outDir } from "./site.ts";

/** The input contract (src/contract) as data: the six files with their columns, and the vocabularies. */
export function contractJson(): string {
  return JSON.stringify({
    files: files.map((f) => ({
      file: f.file,
      dutch_file: f.dutchFile,
      required: f.required,
      row_nl: f.row_nl,
      key_columns: f.key_columns,
      columns: f.columns.map((c) => ({
        name: c.name,
        aliases: c.aliases.filter((a) => a !== c.name),
        type: c.type,
        type_nl: TYPE_LABELS[c.type] ?? c.type,
        vocabulary: c.vocabulary ?? null,
        required: c.required,
        note_nl: c.note_nl,
      })),
    })),
    vocabularies: Object.values(vocabularies).map((v) => ({
      name: v.name,
      label_nl: v.label_nl,
      values: v.values.map(({ value, aliases }) => ({ value, aliases })),
    })),
  });
}

type Cell = { value: unknown; type: "text" | "integer" };

/** A table as Excel-NL CSV (semicolon, BOM, CRLF, formulas defused), as the outputs are written. */
function dutchCsvText(header: string[], rows: Cell[][]): string {
  const columns = header.map((name) => ({ name, type: "text" as const }));
  return (
    "\uFEFF" +
    headerLine(columns, dutchCsv) +
    rows
      .map((row) =>
        rowLine(
          row.map((c) => c.value),
          row.map((c) => ({ type: c.type })),
          dutchCsv,
        ),
      )
      .join("")
  );
}

const text = (value: unknown): Cell => ({ value, type: "text" });

/** The contract as a data dictionary for Dutch Excel: one row per column of every export file. */
export function contractCsv(): string {
  const rows = files.flatMap((f) =>
    f.columns.map((c) => [
      text(f.file),
      text(f.dutchFile),
      text(c.name),
      text(c.aliases.filter((a) => a !== c.name).join(", ")),
      text(TYPE_LABELS[c.type] ?? c.type),
      text(c.vocabulary ? vocabularies[c.vocabulary].values.map((v) => v.value).join(", ") : ""),
      text(c.required ? "ja" : "nee"),
      text(c.note_nl),
    ]),
  );
  return dutchCsvText(
    [
      "bestand",
      "nederlandse_naam",
      "kolom",
      "ook_geaccepteerd",
      "type",
      "toegestane_waarden",
      "verplicht",
      "toelichting",
    ],
    rows,
  );
}

/** The output tables as a data dictionary for Dutch Excel: one row per column of every table. */
export function dictionaryCsv(): string {
  const rows = outputTables.flatMap((t) =>
    t.columns.map((c, i) => [
      text(t.name),
      text(TABLE_DESCRIPTIONS[t.name]?.title ?? t.name),
      { value: i + 1, type: "integer" as const },
      text(c.name),
      text(TYPE_LABELS[c.type] ?? c.type),
      text(TABLE_DESCRIPTIONS[t.name]?.columns[c.name] ?? ""),
    ]),
  );
  return dutchCsvText(["tabel", "titel", "positie", "kolom", "type", "omschrijving"], rows);
}

/** One output table on the downloads page: its description, columns, rows and file sizes. */
export interface DownloadTable {
  name: string;
  title: string;
  row_nl: string;
  rows: number;
  columns: { name: string; type_nl: string; description: string }[];
  /** Bytes of NAME.csv, NAME.nl.csv and NAME.parquet. */
  sizes: { csv: number; nl_csv: number; parquet: number };
}

/**
 * Every output table with its file sizes, and the workbook of all tables (the files are copied to
 * dist/bestanden/ by the build; `base` is their folder).
 */
export async function downloadsJson(dir = outDir(), path = databasePath()): Promise<string> {
  const size = async (file: string) => (await stat(join(dir, file))).size;
  // The rows of each table as its files hold them (the writer's query over the database).
  const counts = await readDatabase(async (query) => {
    const found = new Map<string, number>();
    for (const t of outputTables) {
      const [row] = await query<{ n: number }>(
        sql`select count(*)::integer as n from (${orderedQuery(t, true)})`,
      );
      found.set(t.name, row?.n ?? 0);
    }
    return found;
  }, path);
  const tables: DownloadTable[] = [];
  for (const t of outputTables) {
    const description = TABLE_DESCRIPTIONS[t.name];
    if (!description) throw new Error(`loaders/dictionary.ts: no description of table ${t.name}`);
    tables.push({
      name: t.name,
      title: description.title,
      row_nl: description.row,
      rows: counts.get(t.name) ?? 0,
      columns: t.columns.map((c) => ({
        name: c.name,
        type_nl: TYPE_LABELS[c.type] ?? c.type,
        description: description.columns[c.name] ?? "",
      })),
      sizes: {
        csv: await size(`${t.name}.csv`),
        nl_csv: await size(`${t.name}.nl.csv`),
        parquet: await size(`${t.name}.parquet`),
      },
    });
  }
  const info = await stat(join(dir, "indicators.csv"));
  // The workbook of every table (regiomonitor.xlsx); null for an output folder written before it.
  const workbook = existsSync(join(dir, WORKBOOK_FILE))
    ? { name: WORKBOOK_FILE, size: await size(WORKBOOK_FILE) }
    : null;
  return JSON.stringify({
    refreshed_at: info.mtime.toISOString(),
    base: "./bestanden/",
    tables,
    workbook,
  });
}

/** One signal rule for the methodology page: its kind, severity and the rule in Dutch. */
export interface SignalRule {
  signal: string;
  severity_nl: string;
  rule_nl: string;
}

/** The signal rules of src/signals with their current thresholds (src/signals/settings.ts). */
export function signalRules(s = signalSettings): SignalRule[] {
  const pct = (fraction: number) => `${Math.round(fraction * 100)} %`;
  return [
    {
      signal: "verduurzaming_risico",
      severity_nl: s.sustainmentSeverity,
      rule_nl: `Een project dat op de peildatum loopt, binnen ${s.sustainmentMonths} maanden afloopt en geen toegekende financiering heeft voor een later jaar.`,
    },
    {
      signal: "slapend_lid",
      severity_nl: s.dormantSeverity,
      rule_nl:
        "Een lid zonder lopend project dat in de twaalf maanden tot en met de peildatum op geen enkele bijeenkomst aanwezig was.",
    },
    {
      signal: "mijlpaal_achterstallig",
      severity_nl: `${s.overdueSeverity}; hoog als de deadline ${s.overdueHighMonths} maanden of langer verstreken is`,
      rule_nl:
        "Een mijlpaal van een regioplan (niet geschrapt) met een deadline op of vóór de peildatum die op de peildatum nog niet gereed is.",
    },
    {
      signal: "opkomst_daling",
      severity_nl: s.attendanceDropSeverity,
      rule_nl: `De opkomst (E2) is meer dan ${Math.round(s.attendanceDrop * 100)} procentpunt lager dan ${s.attendanceDropLookback} peildata eerder.`,
    },
    {
      signal: "behoud_laag",
      severity_nl: s.retentionSeverity,
      rule_nl: `Het behoud na twaalf maanden (M4) is lager dan ${pct(s.retentionMinimum)}.`,
    },
  ];
}

/** The settings the refresh used (load_info, written as instellingen.json is written). */
export async function readSettings(path = databasePath()): Promise<Settings> {
  return readDatabase(async (query) => {
    const [row] = await query<{ value: string }>(
      sql`select value from load_info where key = 'settings'`,
    );
    if (!row) return defaultSettings;
    const { settings, problems } = parseSettings(row.value);
    if (problems.length) throw new Error(`${path}: instellingen onleesbaar`);
    return settings;
  }, path);
}

/**
 * The indicator codes of spec/indicators.md (M1 …) by id, the settings the refresh used (as
 * instellingen.json writes them) and the signal rules with those thresholds.
 */
export async function methodJson(path = databasePath()): Promise<string> {
  const codes: Record<string, string> = {};
  for (const family of families) for (const entry of family.entries) codes[entry.id] = entry.code;
  const settings = await readSettings(path);
  return JSON.stringify({
    codes,
    settings: settingsJson(settings),
    signal_rules: signalRules(settings.signals),
  });
}
