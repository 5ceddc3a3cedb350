import { UsageError } from "../errors.ts";

export interface ParsedArgs {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Parses `--name value`, `--name=value` and `--flag` arguments against the options a command
 * knows; anything else is a UsageError.
 */
export function parseArgs(
  args: readonly string[],
  valueOptions: readonly string[],
  flagOptions: readonly string[],
): ParsedArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`onbekend argument: ${arg}`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (flagOptions.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} neemt geen waarde`);
      flags.add(name);
    } else if (valueOptions.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith("--")) {
        throw new UsageError(`--${name} heeft een waarde nodig`);
      }
      values.set(name, value);
    } else {
      throw new UsageError(`onbekende optie: --${name}`);
    }
  }
  return { values, flags };
}
