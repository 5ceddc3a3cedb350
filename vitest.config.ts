import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Refreshes the sample once for the tests that only read it (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
  },
});
