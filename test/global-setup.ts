// Vitest's global setup: refreshes the bundled sample (data/exports) once per peildatum that the
// tests use, into a temporary folder shared by the tests that only read the outputs and the
// database (they open it read-only: a test must not change what another one checks). A test
// that changes a refresh's outputs or database makes its own. It also compiles the command line
// (bin/compiled.js), so that the CLI the tests spawn through bin/regiomonitor.js starts without
// tsx. Everything a run writes to the temporary folder (the tests' folders, the CLIs they spawn,
// DuckDB's spill files, Chromium's profiles) goes into one folder of its own, removed at the end:
// a test that forgets to clean up cannot fill the disk over many runs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { compile } from "../bin/compiled.js";
import { main } from "../src/cli/main.ts";
import { todayIso } from "../src/refresh/as-of.ts";

/** A refresh of the sample: its output folder and, beside it, its database. */
export interface Refreshed {
  readonly out: string;
  readonly db: string;
}

/** The sample folder and its refreshes at the peildatums the tests use. */
export interface SampleFixture {
  readonly data: string;
  readonly "2024-02-29": Refreshed;
  readonly "2024-06-30": Refreshed;
  readonly "2026-09-30": Refreshed;
}

declare module "vitest" {
  export interface ProvidedContext {
    sample: SampleFixture;
  }
}

const SAMPLE = fileURLToPath(new URL("../data/exports", import.meta.url));

async function refreshed(dir: string, asOf: string): Promise<Refreshed> {
  const out = join(dir, asOf, "out");
  const db = `${out}.duckdb`;
  const err: string[] = [];
  const args = ["refresh", "--data", SAMPLE, "--out", out, "--db", db, "--as-of", asOf];
  const status = await main(args, { output: () => {}, progress: (m) => void err.push(m) });
  if (status !== 0)
    throw new Error(`refresh of the sample at ${asOf}: exit ${status}\n${err.join("\n")}`);
  return { out, db };
}

/**
 * Points TMPDIR at a fresh folder (on Linux and macOS os.tmpdir() reads it, in this process,
 * the workers and what they start); the returned function undoes it and removes the folder.
 */
function ownTempFolder(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), "regiomonitor-test-"));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    try {
      // Retried: a browser or CLI that a worker started may still be closing its files.
      rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.warn(`test: could not remove ${root}: ${String(error)}`);
    }
  };
}

/**
 * Fixes "today" for the whole run at its start (REGIOMONITOR_TODAY, which the workers and the CLIs
 * they start inherit): the workbook shows the refresh date, and tests compare the files of
 * refreshes made minutes apart, which differed when a run crossed midnight. Returns the function
 * that undoes it.
 */
function fixedToday(): () => void {
  const previous = process.env.REGIOMONITOR_TODAY;
  if (previous === undefined) process.env.REGIOMONITOR_TODAY = todayIso();
  return () => {
    if (previous === undefined) delete process.env.REGIOMONITOR_TODAY;
  };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const restoreToday = fixedToday();
  const removeTemp = ownTempFolder();
  const teardown = () => {
    restoreToday();
    removeTemp();
  };
  try {
    const dir = mkdtempSync(join(tmpdir(), "regiomonitor-sample-"));
    const [, leap, early, late] = await Promise.all([
      compile(),
      refreshed(dir, "2024-02-29"),
      refreshed(dir, "2024-06-30"),
      refreshed(dir, "2026-09-30"),
    ]);
    project.provide("sample", {
      data: SAMPLE,
      "2024-02-29": leap,
      "2024-06-30": early,
      "2026-09-30": late,
    });
    return teardown;
  } catch (error) {
    teardown();
    throw error;
  }
}
