import { consoleEffects, type Effects } from "../effects.ts";
import { LockedError, UnusableExportError, UsageError } from "../errors.ts";
import { generateCommand } from "./generate.ts";
import { mappingCommand } from "./mapping.ts";
import { refreshCommand } from "./refresh.ts";
import { validateCommand } from "./validate.ts";

const USAGE = `Gebruik:
  regiomonitor refresh  [--data MAP] [--as-of JJJJ-MM-DD] [--out MAP] [--db BESTAND] [--mapping BESTAND] [--settings BESTAND] [--log BESTAND] [--full] [--strict] [--json]
  regiomonitor validate [--data MAP] [--mapping BESTAND] [--settings BESTAND] [--compare [--db BESTAND] [--as-of JJJJ-MM-DD]] [--strict] [--json]
  regiomonitor mapping  [--data MAP] [--out BESTAND] [--force]
  regiomonitor generate [--scale regio|landelijk] [--seed N] [--out MAP] [--dialect plain|nl]`;

const commands: Readonly<
  Record<string, (args: readonly string[], effects: Effects) => Promise<number>>
> = {
  refresh: refreshCommand,
  validate: validateCommand,
  generate: generateCommand,
  mapping: mappingCommand,
};

/**
 * The `regiomonitor` command: runs a subcommand and maps errors onto the exit statuses of
 * spec/outputs.md (2 unusable export or wrong argument, 3 locked); 4 is an internal error.
 */
export async function main(
  argv: readonly string[],
  effects: Effects = consoleEffects,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "help") {
    effects.output(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    effects.progress(`Fout: onbekende opdracht "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, effects);
  } catch (error) {
    if (error instanceof UnusableExportError) {
      const lines = error.problems.map((p) => `  ${p.file}: ${p.message_nl}`);
      effects.progress(
        [
          "Fout: een export is onbruikbaar.",
          ...lines,
          "Er is niets gepubliceerd: de vorige database en uitvoer zijn ongewijzigd.",
        ].join("\n"),
      );
      if (args.includes("--json")) {
        effects.output(JSON.stringify({ status: "unusable", problems: error.problems }, null, 2));
      }
      return 2;
    }
    // With --json a scheduler reads how the run ended from stdout, whatever the outcome.
    const json = (status: string, message: string) => {
      if (args.includes("--json")) effects.output(JSON.stringify({ status, message }, null, 2));
    };
    if (error instanceof UsageError) {
      effects.progress(`Fout: ${error.message}.\n${USAGE}`);
      json("usage", error.message);
      return 2;
    }
    if (error instanceof LockedError) {
      effects.progress(`Fout: ${error.message}.`);
      json("locked", error.message);
      return 3;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    effects.progress(`Interne fout (meld dit als issue); er is niets gepubliceerd.\n${detail}`);
    json("internal", error instanceof Error ? error.message : String(error));
    return 4;
  }
}
