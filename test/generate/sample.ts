import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { columnForHeader, files, type FileKey, type FileSpec } from "../../src/contract/index.ts";
import { DEFAULT_TODAY, generateExports, type GenerateOptions } from "../../src/generate/index.ts";
import { tempDir } from "../temp.ts";

export type Table = Record<string, string>[];

/** Generate a regio set into a fresh temporary folder (removed after the test file). */
export async function generateRegio(
  options: Partial<GenerateOptions> = {},
): Promise<{ dir: string; options: GenerateOptions }> {
  const dir = tempDir("regiomonitor-generate-");
  const full: GenerateOptions = {
    scale: "regio",
    seed: 2026,
    out: dir,
    dialect: "plain",
    today: DEFAULT_TODAY,
    ...options,
  };
  await generateExports(full);
  return { dir, options: full };
}

export function specOf(key: FileKey): FileSpec {
  const spec = files.find((f) => f.key === key);
  if (!spec) throw new Error(`no spec: ${key}`);
  return spec;
}

/**
 * Read one generated file with papaparse, header names mapped to the contract's column names
 * (so both dialects give the same keys). Values stay text, exactly as written.
 */
export function readTable(dir: string, key: FileKey, dialect: "plain" | "nl" = "plain"): Table {
  const spec = specOf(key);
  let text = readFileSync(join(dir, dialect === "nl" ? spec.dutchFile : spec.file), "utf8");
  if (dialect === "nl") text = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter: dialect === "nl" ? ";" : ",",
    newline: dialect === "nl" ? "\r\n" : "\n",
    skipEmptyLines: true,
    transformHeader: (h) => columnForHeader(spec, h)?.name ?? `?${h}`,
  });
  if (parsed.errors.length > 0) throw new Error(`${key}: ${JSON.stringify(parsed.errors[0])}`);
  return parsed.data;
}

export function readAll(dir: string, dialect: "plain" | "nl" = "plain"): Record<FileKey, Table> {
  const entries = files.map((f) => [f.key, readTable(dir, f.key, dialect)] as const);
  return Object.fromEntries(entries) as Record<FileKey, Table>;
}

/** `GM0772`, `772` and `0772` all become `GM0772`; anything else is returned as is. */
export function normaliseMunicipality(code: string): string {
  const match = /^(?:GM)?(\d{1,4})$/.exec(code.trim());
  return match ? `GM${(match[1] ?? "").padStart(4, "0")}` : code;
}
