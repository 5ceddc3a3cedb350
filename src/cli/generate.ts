import type { Effects } from "../effects.ts";
import { UsageError } from "../errors.ts";
import { parseArgs } from "./args.ts";

/** `regiomonitor generate`: write a synthetic, clearly labelled set of exports. */
export async function generateCommand(args: readonly string[], effects: Effects): Promise<number> {
  const { values } = parseArgs(args, ["scale", "seed", "out", "dialect", "today"], []);
  const scale = values.get("scale") ?? "regio";
  if (scale !== "regio" && scale !== "landelijk") {
    throw new UsageError(`--scale is regio of landelijk, niet "${scale}"`);
  }
  const dialect = values.get("dialect") ?? "plain";
  if (dialect !== "plain" && dialect !== "nl") {
    throw new UsageError(`--dialect is plain of nl, niet "${dialect}"`);
  }
  const seedText = values.get("seed") ?? "2026";
  if (!/^\d+$/.test(seedText))
    throw new UsageError(`--seed verwacht een geheel getal, niet "${seedText}"`);
  const out = values.get("out") ?? (scale === "regio" ? "data/exports" : "data/landelijk");
  // Loaded lazily: the other commands never need the generator.
  // "today" is fixed by default so that a seed always gives the same files.
  const { generateExports, DEFAULT_TODAY } = await import("../generate/index.ts");
  const summary = await generateExports(
    { scale, seed: Number(seedText), out, dialect, today: values.get("today") ?? DEFAULT_TODAY },
    (message) => effects.progress(message),
  );
  const lines = summary.files.map(
    (f) =>
      `  ${f.file}: ${f.rows.toLocaleString("nl-NL")} rijen, ${f.bytes.toLocaleString("nl-NL")} bytes`,
  );
  effects.output(
    [`Synthetische exports (${scale}, seed ${seedText}) geschreven naar ${out}:`, ...lines].join(
      "\n",
    ),
  );
  return 0;
}
