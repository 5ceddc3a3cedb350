import { closeDatabase, openDatabase, rows } from "../db/duckdb.ts";
import { sql } from "../db/sql.ts";
import type { Effects } from "../effects.ts";
import { UnusableExportError } from "../errors.ts";
import { ingest, type IngestResult } from "../ingest/index.ts";
import { suggestFolder, suggestionReport } from "../ingest/suggest/index.ts";
import { loadSettings } from "../settings/load.ts";
import { parseArgs } from "./args.ts";
import { DEFAULT_DATA, DEFAULT_DB } from "./refresh.ts";
import { changesJson, changesLines } from "./changes-report.ts";
import { compareWithPublished } from "./compare.ts";
import { isIsoDate } from "../refresh/as-of.ts";
import { UsageError } from "../errors.ts";
import { qualityTable, rejectLines } from "./report.ts";

interface RejectRow {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  message_nl: string;
}

/**
 * For a folder that cannot be read: which headers look like each required column, so that the
 * analyst can write a mapping.json (or let `regiomonitor mapping` draft one).
 */
async function proposal(dir: string): Promise<string | undefined> {
  const folder = await suggestFolder(dir).catch(() => undefined);
  const report = folder && suggestionReport(folder);
  if (!report) return undefined;
  return [
    "Regiomonitor: de exports zijn niet te lezen zoals ze zijn. Koppen die op de verplichte kolommen lijken:",
    "",
    report,
    "",
    `Een eerste mapping.json met deze koppen: regiomonitor mapping --data ${dir}`,
  ].join("\n");
}

/** `regiomonitor validate`: check the exports and print the quality report; writes nothing. */
export async function validateCommand(args: readonly string[], effects: Effects): Promise<number> {
  const { values, flags } = parseArgs(
    args,
    ["data", "mapping", "settings", "db", "as-of"],
    ["strict", "json", "compare"],
  );
  const dir = values.get("data") ?? DEFAULT_DATA;
  const asOf = values.get("as-of");
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new UsageError(`--as-of verwacht een datum als JJJJ-MM-DD, niet "${asOf}"`);
  }
  // a bad instellingen.json would stop the refresh (exit 2): validate says so first
  const { settings } = await loadSettings(dir, values.get("settings"));
  const db = await openDatabase(":memory:");
  try {
    let result: IngestResult;
    try {
      result = await ingest(db, dir, effects, { mappingPath: values.get("mapping") });
    } catch (error) {
      const text =
        error instanceof UnusableExportError && !flags.has("json") && (await proposal(dir));
      if (text) effects.output(text);
      throw error;
    }
    const rejects = await rows<RejectRow>(
      db,
      sql`select * from rejects order by file, line, "column"`,
    );
    const strictFail = flags.has("strict") && rejects.length > 0;
    // --compare: what a refresh would change against the published database (writes nothing)
    const changes = flags.has("compare")
      ? await compareWithPublished(db, values.get("db") ?? DEFAULT_DB, settings, asOf)
      : undefined;
    if (flags.has("json")) {
      effects.output(
        JSON.stringify(
          {
            status: strictFail ? "rejected_rows" : "ok",
            unknown_files: result.unknownFiles,
            files: result.quality,
            rejects,
            ...(changes ? { changes: changesJson(changes) } : {}),
          },
          null,
          2,
        ),
      );
    } else {
      effects.output(
        [
          "Regiomonitor: controle van de exports (er is niets geschreven)",
          "",
          qualityTable(result.quality),
          ...result.unknownFiles.map((f) => `Onbekend bestand genegeerd: ${f}`),
          ...(rejects.length
            ? [
                "",
                `Afgewezen rijen: ${rejects.length.toLocaleString("nl-NL")}`,
                rejectLines(rejects, rejects.length),
              ]
            : ["", "Geen afgewezen rijen."]),
          ...(changes ? ["", ...changesLines(changes, false)] : []),
        ].join("\n"),
      );
    }
    return strictFail ? 1 : 0;
  } finally {
    closeDatabase(db);
  }
}
