import { closeDatabase, openDatabase, rows } from "../db/duckdb.ts";
import type { Effects } from "../effects.ts";
import { ingest } from "../ingest/index.ts";
import { parseArgs } from "./args.ts";
import { DEFAULT_DATA } from "./refresh.ts";
import { qualityTable, rejectLines } from "./report.ts";

interface RejectRow {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  message_nl: string;
}

/** `regiomonitor validate`: check the exports and print the quality report; writes nothing. */
export async function validateCommand(args: readonly string[], effects: Effects): Promise<number> {
  const { values, flags } = parseArgs(args, ["data"], ["strict", "json"]);
  const db = await openDatabase(":memory:");
  try {
    const result = await ingest(db, values.get("data") ?? DEFAULT_DATA, effects);
    const rejects = await rows<RejectRow>(
      db,
      `select * from rejects order by file, line, "column"`,
    );
    const strictFail = flags.has("strict") && rejects.length > 0;
    if (flags.has("json")) {
      effects.output(
        JSON.stringify(
          {
            status: strictFail ? "rejected_rows" : "ok",
            unknown_files: result.unknownFiles,
            files: result.quality,
            rejects,
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
        ].join("\n"),
      );
    }
    return strictFail ? 1 : 0;
  } finally {
    closeDatabase(db);
  }
}
