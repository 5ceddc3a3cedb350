import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { UnusableExportError, UsageError } from "../errors.ts";
import { defaultSettings, parseSettings, SETTINGS_FILE, type Settings } from "./settings.ts";

/** A settings file and what it says; `path` is undefined when the defaults apply. */
export interface LoadedSettings {
  readonly settings: Settings;
  readonly path?: string;
  /** The file's text, for the refresh's fingerprint ("" without a file). */
  readonly text: string;
}

/**
 * Reads the settings: the file `override` names (`--settings FILE`), else the exports folder's
 * own instellingen.json (name matched case-insensitively), else the defaults. A bad value throws
 * UnusableExportError (exit 2) with every problem and its path.
 */
export async function loadSettings(
  dataDir: string,
  override: string | undefined,
): Promise<LoadedSettings> {
  let path = override;
  if (!path) {
    const names = await readdir(dataDir).catch(() => [] as string[]);
    const name = names.sort().find((n) => n.toLowerCase() === SETTINGS_FILE);
    if (!name) return { settings: defaultSettings, text: "" };
    path = join(dataDir, name);
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`het instellingenbestand ${path} is niet te lezen`);
  }
  const { settings, problems } = parseSettings(text, basename(path));
  if (problems.length) {
    throw new UnusableExportError(problems);
  }
  return { settings, path, text };
}
