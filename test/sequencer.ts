// Vitest's file order: the longest files first, so that two workers finish together instead of
// one running a 4-minute file alone at the end. Vitest sorts by the durations of the previous
// run when it has them all (node_modules/.vite/vitest/results.json); a fresh clone has none, and
// then vitest orders by file size, which puts the longest files (site, crash) in the middle. So a
// file without a recorded duration counts with its time in the last fresh-clone CI run (ms).
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Wall ms per file in the CI run of 06-12-2026 (files under 12 s left out: they count as 5 s). */
export const CI_MS: Readonly<Record<string, number>> = {
  "test/site/site.test.ts": 284_966,
  "test/refresh/crash.test.ts": 237_210,
  "test/ingest/odd-files.test.ts": 153_737,
  "test/ingest/properties.test.ts": 123_576,
  "test/site/shareable.test.ts": 64_061,
  "test/site/zoom.test.ts": 61_826,
  "test/refresh/incremental.test.ts": 57_024,
  "test/cli/hostile-mapping.test.ts": 55_204,
  "test/site/hostile.test.ts": 52_789,
  "test/site/payloads.test.ts": 48_835,
  "test/ingest/survey-rejects.test.ts": 46_956,
  "test/site/shareable-a11y.test.ts": 41_569,
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
