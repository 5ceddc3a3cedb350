import { basename } from "node:path";
import { files as allFiles, type FileSpec } from "../contract/index.ts";
import { lit, run, type Database } from "../db/duckdb.ts";
import type { Effects } from "../effects.ts";
import { UnusableExportError, type UnusableProblem } from "../errors.ts";
import { acceptedColumnsText } from "./header.ts";
import { locateExports } from "./locate.ts";
import { qualityRows, type QualityRow } from "./quality.ts";
import { probeHeader, readExport, type FileRead } from "./read-file.ts";
import { baseSchemaSql, emptyRawTableSql } from "./schema.ts";
import { macrosSql } from "./sql/macros.ts";
import { cleanSql, stagingRejectsSql, stagingSql, type PresentColumn } from "./sql/staging.ts";
import { organisationsSql, warningsSql } from "./sql/warnings.ts";
import { insertBadRows } from "./bad-rows.ts";

export interface IngestResult {
  readonly quality: readonly QualityRow[];
  /** CSV files in the folder that are no export of the contract (ignored). */
  readonly unknownFiles: readonly string[];
  readonly reads: ReadonlyMap<FileSpec, FileRead>;
}

const seconds = (start: number) =>
  `${((performance.now() - start) / 1000).toFixed(1).replace(".", ",")} s`;

/** Full Dutch message for an unusable file: the problem and the accepted column names. */
function unusable(spec: FileSpec, name: string, problem: string): UnusableProblem {
  return {
    file: name,
    message_nl: `${problem}. Kolommen die ${spec.file} kent: ${acceptedColumnsText(spec)}.`,
  };
}

/**
 * Loads a folder of exports into the database: raw_* (text as read) → stg_* (typed, checked)
 * → clean tables, with rejects, warnings and data_quality. Throws UnusableExportError, before
 * anything is loaded, when a file cannot be used at all.
 */
export async function ingest(
  db: Database,
  dataDir: string,
  effects: Effects,
  specs: readonly FileSpec[] = allFiles,
): Promise<IngestResult> {
  const located = await locateExports(dataDir, specs);
  const problems: UnusableProblem[] = [...located.problems];
  for (const spec of specs) {
    const path = located.found.get(spec);
    if (!path) {
      if (spec.required) {
        problems.push({
          file: spec.file,
          message_nl: `verplicht bestand ontbreekt in ${dataDir} (naam ${spec.file} of ${spec.dutchFile})`,
        });
      }
      continue;
    }
    for (const problem of await probeHeader(spec, path)) {
      problems.push(unusable(spec, basename(path), problem));
    }
  }
  if (problems.length) throw new UnusableExportError(problems);

  await run(db, macrosSql + baseSchemaSql);
  const reads = new Map<FileSpec, FileRead>();
  const present = new Map<FileSpec, PresentColumn[]>();
  for (const [index, spec] of specs.entries()) {
    const start = performance.now();
    const path = located.found.get(spec);
    if (!path) {
      await run(db, emptyRawTableSql(spec));
      present.set(spec, []);
      effects.progress(`lezen   ${spec.file}: ontbreekt`);
      continue;
    }
    const outcome = await readExport(db, spec, path, index);
    if (!outcome.ok) {
      throw new UnusableExportError(outcome.problems.map((p) => unusable(spec, outcome.name, p)));
    }
    reads.set(spec, outcome.read);
    present.set(
      spec,
      outcome.read.plan.columns.map((c) => ({ spec: c.spec, header: c.header })),
    );
    await insertBadRows(db, spec, outcome.read.badRows);
    effects.progress(
      `lezen   ${spec.file}: ${outcome.read.rowsRead.toLocaleString("nl-NL")} rijen (${seconds(start)})`,
    );
  }
  for (const spec of specs) {
    const start = performance.now();
    await run(db, stagingSql(spec, present.get(spec)!));
    await run(db, stagingRejectsSql(spec));
    await run(db, cleanSql(spec));
    effects.progress(`toetsen ${spec.file} (${seconds(start)})`);
  }
  const columnRows = [...present].flatMap(([spec, columns]) =>
    columns.map((c) => `(${lit(spec.file)}, ${lit(c.spec.name)})`),
  );
  await run(db, `create table file_columns (file varchar, "column" varchar)`);
  if (columnRows.length) await run(db, `insert into file_columns values ${columnRows.join(", ")}`);
  const start = performance.now();
  await run(db, organisationsSql);
  await run(db, warningsSql);
  const quality = await qualityRows(db, specs, reads);
  effects.progress(`kwaliteit: waarschuwingen en telling (${seconds(start)})`);
  return { quality, unknownFiles: located.unknown, reads };
}
