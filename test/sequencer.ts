// Vitest's file order: the longest files first, so that two workers finish together instead of
// one running a 4-minute file alone at the end. Vitest sorts by the durations of the previous
// run when it has them all (node_modules/.vite/vitest/results.json); a fresh clone has none, and
// then vitest orders by file size, which puts the longest files (site, crash) in the middle. So a
// file without a recorded duration counts with its time in the last fresh-clone CI run (ms).
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Wall ms per file in the `npm test` run of 07-12-2026 07:51 (files under 12 s left out:
 * they count as 5 s; fast-read too, 9 s alone but slowed by the browser tests beside it).
 */
export const CI_MS: Readonly<Record<string, number>> = {
  "test/site/site.test.ts": 128_039,
  "test/refresh/crash.test.ts": 100_591,
  "test/ingest/properties.test.ts": 47_607,
  "test/ingest/odd-files.test.ts": 40_442,
  "test/refresh/incremental.test.ts": 36_503,
  "test/site/summary.test.ts": 34_449,
  "test/site/zoom.test.ts": 32_352,
  "test/refresh/concurrency.test.ts": 27_954,
  "test/site/shareable.test.ts": 26_819,
  "test/cli/hostile-mapping.test.ts": 26_740,
  "test/cli/mapping.test.ts": 21_919,
  "test/cli/mapping-errors.test.ts": 21_512,
  "test/site/hostile.test.ts": 19_267,
  "test/site/payloads.test.ts": 17_312,
  "test/site/shareable-a11y.test.ts": 16_454,
  "test/cli/changes.test.ts": 15_984,
  "test/site/no-survey.test.ts": 14_299,
  "test/ingest/one-pass.test.ts": 13_787,
  "test/site/dark-phone.test.ts": 12_405,
  "test/output/xlsx.test.ts": 12_008,
};
const UNKNOWN_MS = 5_000;

/** Orders files by expected duration, longest first (recorded, else CI_MS, else 5 s). */
export function longestFirst<T>(files: readonly T[], durationOf: (file: T) => number): T[] {
  return [...files].sort((a, b) => durationOf(b) - durationOf(a));
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const durationOf = (spec: TestSpecification) => {
      const path = relative(root, spec.moduleId).split("\\").join("/");
      const recorded = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      return recorded?.duration ?? CI_MS[path] ?? UNKNOWN_MS;
    };
    return longestFirst(files, durationOf);
  }
}
