import type { Effects } from "../effects.ts";
import { UsageError } from "../errors.ts";
import { isIsoDate } from "../refresh/as-of.ts";
import { refresh } from "../refresh/run.ts";
import { parseArgs } from "./args.ts";
import { dutchDate, qualityTable } from "./report.ts";

export const DEFAULT_DATA = "data/exports";
export const DEFAULT_OUT = "docs/.data";
export const DEFAULT_DB = "data/monitor.duckdb";

/** `regiomonitor refresh`: load, compute, write and publish; returns the exit status. */
export async function refreshCommand(args: readonly string[], effects: Effects): Promise<number> {
  const { values, flags } = parseArgs(
    args,
    ["data", "as-of", "out", "db", "mapping"],
    ["strict", "json"],
  );
  const asOf = values.get("as-of");
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new UsageError(`--as-of verwacht een datum als JJJJ-MM-DD, niet "${asOf}"`);
  }
  const result = await refresh(
    {
      dataDir: values.get("data") ?? DEFAULT_DATA,
      outDir: values.get("out") ?? DEFAULT_OUT,
      dbPath: values.get("db") ?? DEFAULT_DB,
      ...(asOf ? { asOf } : {}),
      ...(values.has("mapping") ? { mappingPath: values.get("mapping")! } : {}),
    },
    effects,
  );
  const strictFail = flags.has("strict") && (result.rejected > 0 || result.highSignals > 0);
  if (flags.has("json")) {
    effects.output(
      JSON.stringify(
        {
          status: strictFail ? "strict_failed" : "ok",
          as_of: result.asOf,
          out: result.outDir,
          db: result.dbPath,
          rows_rejected: result.rejected,
          signals: result.signals,
          signals_high: result.highSignals,
          unknown_files: result.ingest.unknownFiles,
          files: result.ingest.quality,
        },
        null,
        2,
      ),
    );
  } else {
    effects.output(
      [
        `Regiomonitor: verversing gereed (peildatum ${dutchDate(result.asOf)})`,
        "",
        qualityTable(result.ingest.quality),
        "",
        ...result.ingest.unknownFiles.map((f) => `Onbekend bestand genegeerd: ${f}`),
        `Afgewezen rijen: ${result.rejected.toLocaleString("nl-NL")}${result.rejected ? " (zie rejects.csv)" : ""}`,
        `Signalen: ${result.signals.toLocaleString("nl-NL")}, waarvan ${result.highSignals.toLocaleString("nl-NL")} met ernst hoog (zie signals.csv)`,
        `Uitvoer: ${result.outDir}`,
        `Database: ${result.dbPath}`,
      ].join("\n"),
    );
  }
  return strictFail ? 1 : 0;
}
