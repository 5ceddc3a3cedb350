import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { files, type FileSpec } from "../contract/index.ts";
import { buildDataset } from "./dataset.ts";
import { dialectNamed, type DialectName } from "./dialect.ts";
import { loadReference } from "./reference.ts";
import { writeExport } from "./writeExport.ts";

export { buildDataset, type Dataset, type DatasetOptions } from "./dataset.ts";
export { dialectNamed, dutchAmount, type Dialect, type DialectName } from "./dialect.ts";
export type { Flaw } from "./flaws.ts";
export { GEMEENTEN_CSV, loadReference, parseReference, type Reference } from "./reference.ts";
export type { Scale } from "./scale.ts";
export {
  BARRIERS,
  SUCCESS_FACTORS,
  surveyFiles,
  type SurveyFileSpec,
  type SurveyKey,
} from "./survey-spec.ts";

/** The reference date the sample set is generated for, unless the caller says otherwise. */
export const DEFAULT_TODAY = "2026-11-24";

export interface GenerateOptions {
  scale: "regio" | "landelijk";
  seed: number;
  /** The folder to write the six exports and the two survey files into (created when missing). */
  out: string;
  dialect: DialectName;
  /** ISO date: nothing but planned things (deadlines, end dates, future funding) lies after it. */
  today: string;
}

export interface GenerateSummary {
  files: { file: string; rows: number; bytes: number }[];
}

/**
 * Write a synthetic, clearly labelled set of the six exports into `options.out`, streaming each
 * file to disk. The same options give byte-identical files.
 */
export async function generateExports(
  options: GenerateOptions,
  progress: (message: string) => void = () => {},
): Promise<GenerateSummary> {
  if (options.dialect !== "plain" && options.dialect !== "nl") {
    throw new Error(`generate: unknown dialect: ${String(options.dialect)}`);
  }
  const dialect = dialectNamed(options.dialect);
  const reference = await loadReference();
  const started = performance.now();
  const dataset = buildDataset(options, reference);
  progress(
    `opzet ${options.scale} (seed ${options.seed}) in ${Math.round(performance.now() - started)} ms`,
  );
  await mkdir(options.out, { recursive: true });
  const summary: GenerateSummary = { files: [] };
  // The six exports of contract.md, then the two survey files of survey.md: the contract's own
  // entries, in its load order.
  const specs: readonly FileSpec[] = files;
  for (const spec of specs) {
    const fileName = dialect.fileName(spec);
    const other = options.dialect === "nl" ? spec.file : spec.dutchFile;
    if (existsSync(join(options.out, other))) {
      progress(`let op: ${other} staat ook in ${options.out}; de monitor leest dan twee versies`);
    }
    const t0 = performance.now();
    const written = writeExport(
      join(options.out, fileName),
      fileName,
      dialect,
      spec,
      dataset.exports[spec.key as keyof typeof dataset.exports],
      progress,
    );
    const ms = Math.round(performance.now() - t0);
    progress(
      `${fileName}: ${written.rows.toLocaleString("nl-NL")} rijen, ${written.bytes} bytes, ${ms} ms`,
    );
    summary.files.push(written);
  }
  return summary;
}
