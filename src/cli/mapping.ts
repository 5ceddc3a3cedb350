import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Effects } from "../effects.ts";
import { UsageError } from "../errors.ts";
import { MAPPING_FILE } from "../ingest/mapping/index.ts";
import {
  countBlanks,
  draftMapping,
  suggestFolder,
  suggestionReport,
} from "../ingest/suggest/index.ts";
import { parseArgs } from "./args.ts";
import { DEFAULT_DATA } from "./refresh.ts";

/**
 * `regiomonitor mapping`: writes a draft mapping.json for a folder of exports, with the headers
 * that look like each contract column and, left blank (""), the values to fill in.
 */
export async function mappingCommand(args: readonly string[], effects: Effects): Promise<number> {
  const { values, flags } = parseArgs(args, ["data", "out"], ["force"]);
  const dir = values.get("data") ?? DEFAULT_DATA;
  if (!existsSync(dir)) throw new UsageError(`--data: de map ${dir} bestaat niet`);
  const out = values.get("out") ?? join(dir, MAPPING_FILE);
  if (existsSync(out) && !flags.has("force")) {
    throw new UsageError(
      `${out} bestaat al; kies een ander bestand met --out, of overschrijf met --force`,
    );
  }
  const folder = await suggestFolder(dir);
  const draft = draftMapping(folder);
  const report = suggestionReport(folder);
  if (!Object.keys(draft).length) {
    effects.output(
      [
        `Regiomonitor: alle exports in ${dir} lezen met de namen van het contract; er is geen mapping nodig en niets geschreven.`,
        ...(report ? ["", report] : []),
      ].join("\n"),
    );
    return 0;
  }
  await writeFile(out, `${JSON.stringify(draft, null, 2)}\n`);
  const blanks = countBlanks(draft);
  effects.output(
    [
      `Regiomonitor: concept-mapping geschreven naar ${out}`,
      "",
      report,
      "",
      blanks
        ? `Nog in te vullen: ${blanks} lege ${blanks === 1 ? "waarde" : "waarden"} (""). Zolang er een leeg is, stopt de verversing met een melding die het noemt.`
        : "Er is niets meer in te vullen.",
      ...(Object.values(draft).some((entry) => "columns" in entry)
        ? [
            "Controleer de voorgestelde koppen: kolommen die de mapping niet noemt, worden nooit geladen.",
          ]
        : []),
      `Daarna: regiomonitor validate --data ${dir}${values.has("out") ? ` --mapping ${out}` : ""}`,
    ].join("\n"),
  );
  return 0;
}
