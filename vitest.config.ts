import { defineConfig } from "vitest/config";
import LongestFirst from "./test/sequencer.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default on this 2-core machine is one worker; much of a test's time is waiting
    // (a spawned refresh, a page settling), so two files at a time keep both cores busy.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    // A worker runs file after file without restarting: a fresh process and module graph per
    // file cost more CPU than most files' tests (19 light files: 148 -> 104 CPU-s, imports
    // 100 -> 12 s). Files must therefore leave no state behind (environment variables restored,
    // databases closed); VITEST_ISOLATE=1 runs each file in its own process again.
    isolate: process.env.VITEST_ISOLATE === "1",
    // Files leave live heap behind in their worker (Playwright, the site's modules, caches:
    // 70-250 MB at a file's start in a whole run), and V8 sizes the old generation by how busy
    // its collector was: an allocation-heavy file (fast-read's 300 files) then ran a full
    // mark-compact every ≈ 100 ms on four GC threads, 17-31 CPU-s instead of 6-9. A larger young
    // generation lets short-lived objects die there, and a fixed growth factor of 3 keeps room
    // in the old one (bench/README.md, "npm test time, round 7").
    execArgv: ["--max-semi-space-size=64", "--heap-growing-percent=200"],
    // Refreshes the sample once for the tests that only read it (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    // Removes each file's temporary folders when it ends (test/helpers.ts tempDir).
    setupFiles: ["test/setup.ts"],
    // Longest files first (recorded durations, else the CI figures in test/sequencer.ts).
    sequence: { sequencer: LongestFirst },
  },
});
