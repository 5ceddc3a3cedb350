import type { Effects } from "../effects.ts";
import { LockedError, UnusableExportError, UsageError } from "../errors.ts";
import { commandToday, isIsoDate } from "../refresh/as-of.ts";
import { appendLog, type RunStatus } from "../refresh/log.ts";
import { planStaging } from "../refresh/publish.ts";
import { refresh, type RefreshResult } from "../refresh/run.ts";
import { parseArgs } from "./args.ts";
import { changesJson, changesLines } from "./changes-report.ts";
import { dutchDate, qualityTable } from "./report.ts";

export const DEFAULT_DATA = "data/exports";
export const DEFAULT_OUT = "docs/.data";
export const DEFAULT_DB = "data/monitor.duckdb";

/** The refresh log's default place: beside the database, or beside the folder that holds it. */
export function defaultLogPath(outDir: string, dbPath: string): string {
  const staging = planStaging(outDir, dbPath);
  return staging.dbInOut ? `${staging.outDir}.log` : `${staging.dbPath}.log`;
}

const MODES = { full: "volledig", incremental: "gedeeltelijk", unchanged: "niets veranderd" };

/** How an error ends a refresh: its status and exit status (spec/outputs.md). */
function failure(error: unknown): { status: RunStatus; exit: number } {
  if (error instanceof UnusableExportError) return { status: "unusable", exit: 2 };
  if (error instanceof UsageError) return { status: "usage", exit: 2 };
  if (error instanceof LockedError) return { status: "locked", exit: 3 };
  return { status: "internal", exit: 4 };
}

/**
 * `regiomonitor refresh`: load, compute, write and publish; returns the exit status. Every run,
 * also one that fails, adds a line to the refresh log.
 */
export async function refreshCommand(args: readonly string[], effects: Effects): Promise<number> {
  const { values, flags } = parseArgs(
    args,
    ["data", "as-of", "out", "db", "mapping", "settings", "log"],
    ["strict", "json", "full"],
  );
  const outDir = values.get("out") ?? DEFAULT_OUT;
  const dbPath = values.get("db") ?? DEFAULT_DB;
  const log = values.get("log") ?? defaultLogPath(outDir, dbPath);
  const started = new Date();
  let result: RefreshResult;
  try {
    const asOf = values.get("as-of");
    if (asOf !== undefined && !isIsoDate(asOf)) {
      throw new UsageError(`--as-of verwacht een datum als JJJJ-MM-DD, niet "${asOf}"`);
    }
    const today = commandToday();
    result = await refresh(
      {
        dataDir: values.get("data") ?? DEFAULT_DATA,
        outDir,
        dbPath,
        ...(asOf ? { asOf } : {}),
        today,
        ...(values.has("mapping") ? { mappingPath: values.get("mapping")! } : {}),
        ...(values.has("settings") ? { settingsPath: values.get("settings")! } : {}),
        full: flags.has("full"),
      },
      effects,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    appendLog(log, { start: started, end: new Date(), ...failure(error), message });
    throw error;
  }
  const strictFail = flags.has("strict") && (result.rejected > 0 || result.highSignals > 0);
  const quality = result.ingest.quality;
  const sum = (f: (q: (typeof quality)[number]) => number) => quality.reduce((s, q) => s + f(q), 0);
  appendLog(log, {
    start: started,
    end: new Date(),
    status: strictFail ? "strict_failed" : "ok",
    exit: strictFail ? 1 : 0,
    mode: result.mode,
    asOf: result.asOf,
    read: sum((q) => q.rows_read),
    loaded: sum((q) => q.rows_loaded),
    rejected: result.rejected,
    warnings: sum((q) => q.warnings),
    signals: result.signals,
    reloaded: result.reloaded,
  });
  effects.output(
    flags.has("json")
      ? JSON.stringify(summaryJson(result, strictFail ? "strict_failed" : "ok", log), null, 2)
      : summaryText(result, log),
  );
  return strictFail ? 1 : 0;
}

function summaryJson(result: RefreshResult, status: RunStatus, log: string) {
  return {
    status,
    as_of: result.asOf,
    out: result.outDir,
    db: result.dbPath,
    log,
    mode: result.mode,
    reloaded: result.reloaded,
    reused: result.reused,
    kept_tables: result.kept,
    copied_outputs: result.copiedOutputs,
    kept_marts: result.keptMarts,
    rows_rejected: result.rejected,
    signals: result.signals,
    signals_high: result.highSignals,
    unknown_files: result.ingest.unknownFiles,
    files: result.ingest.quality,
    changes: changesJson(result.changes),
    timing: {
      seconds: result.seconds,
      stages: result.stages,
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}

function summaryText(result: RefreshResult, log: string): string {
  const how =
    result.mode === "incremental"
      ? ` (opnieuw gelezen: ${result.reloaded.join(", ") || "geen"}; overgenomen: ${result.reused.join(", ")})`
      : result.mode === "unchanged"
        ? ": exports, mapping, programma en peildatum zijn gelijk; de vorige uitvoer blijft staan"
        : "";
  return [
    `Regiomonitor: verversing gereed (peildatum ${dutchDate(result.asOf)})`,
    `Verversing: ${MODES[result.mode]}${how}`,
    "",
    qualityTable(result.ingest.quality),
    "",
    ...result.ingest.unknownFiles.map((f) => `Onbekend bestand genegeerd: ${f}`),
    `Afgewezen rijen: ${result.rejected.toLocaleString("nl-NL")}${result.rejected ? " (zie rejects.csv)" : ""}`,
    `Signalen: ${result.signals.toLocaleString("nl-NL")}, waarvan ${result.highSignals.toLocaleString("nl-NL")} met ernst hoog (zie signals.csv)`,
    "",
    ...changesLines(result.changes),
    "",
    `Uitvoer: ${result.outDir}`,
    `Database: ${result.dbPath}`,
    `Logboek: ${log}`,
  ].join("\n");
}
