import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CI_MS, longestFirst } from "./sequencer.ts";

describe("test file order (test/sequencer.ts)", () => {
  it("names files that exist, the browser and crash tests longest", () => {
    for (const path of Object.keys(CI_MS)) expect(existsSync(path), path).toBe(true);
    const order = longestFirst(Object.keys(CI_MS), (path) => CI_MS[path]!);
    expect(order.slice(0, 2)).toEqual(["test/site/site.test.ts", "test/refresh/crash.test.ts"]);
  });

  it("puts the longest first and keeps the order of equals", () => {
    const durations: Record<string, number> = { a: 5, b: 300, c: 5, d: 40 };
    expect(longestFirst(["a", "b", "c", "d"], (f) => durations[f]!)).toEqual(["b", "d", "a", "c"]);
  });
});
