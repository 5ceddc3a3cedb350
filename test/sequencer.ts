// Vitest's file order: the longest files first, so that two workers finish together instead of
// one running a 4-minute file alone at the end. Vitest sorts by the durations of the previous
// run when it has them all (node_modules/.vite/vitest/results.json); a fresh clone has none, and
// then vitest orders by file size, which puts the longest files (site, crash) in the middle. So a
// file without a recorded duration counts with its time in the last fresh-clone CI run (ms).
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Wall ms per file in the quiet `npm test` run of 07-12-2026 05:04 (files under 12 s left out:
 * they count as 5 s; fast-read too, 9 s alone but slowed by the browser tests beside it).
 */
export const CI_MS: Readonly<Record<string, number>> = {
  "test/site/site.test.ts": 271_517,
  "test/refresh/crash.test.ts": 123_680,
  "test/site/zoom.test.ts": 79_501,
  "test/site/summary.test.ts": 65_448,
  "test/site/shareable.test.ts": 61_311,
  "test/site/hostile.test.ts": 57_616,
  "test/ingest/properties.test.ts": 51_864,
  "test/site/shareable-a11y.test.ts": 44_448,
  "test/refresh/incremental.test.ts": 41_253,
  "test/cli/refresh.test.ts": 39_737,
  "test/cli/hostile-mapping.test.ts": 39_026,
  "test/ingest/odd-files.test.ts": 36_423,
  "test/cli/changes.test.ts": 27_035,
  "test/site/iza-regio.test.ts": 26_143,
  "test/cli/dialect-nl.test.ts": 23_860,
  "test/ingest/one-pass.test.ts": 23_548,
  "test/indicators/engagement.test.ts": 20_955,
  "test/refresh/concurrency.test.ts": 20_503,
  "test/indicators/survey.test.ts": 19_565,
  "test/ingest/survey-rejects.test.ts": 19_228,
  "test/cli/mapping-errors.test.ts": 18_650,
  "test/cli/mapping.test.ts": 18_195,
  "test/site/dark-phone.test.ts": 17_855,
  "test/indicators/membership.test.ts": 16_309,
  "test/site/payloads.test.ts": 15_056,
  "test/refresh/file-stats.test.ts": 14_842,
  "test/refresh/log.test.ts": 14_687,
  "test/db/bind.test.ts": 13_188,
  "test/site/no-survey.test.ts": 12_538,
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
