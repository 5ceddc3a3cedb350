// @vitest-environment jsdom
/// <reference lib="dom" />
// The golden-file rule itself: a mismatch fails and leaves <name>-changed beside the golden,
// and with CI set UPDATE_GOLDEN=1 rewrites nothing.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GOLDEN_DIR, matchGolden, serialise } from "./golden.ts";

const NAME = "zz-golden-rule";
const file = join(GOLDEN_DIR, `${NAME}.svg`);
const changed = join(GOLDEN_DIR, `${NAME}-changed.svg`);
const env = { ...process.env };

const circle = (r: number) => {
  const div = document.createElement("div");
  div.innerHTML = `<svg><clipPath id="plot-clip-41"></clipPath><circle clip-path="url(#plot-clip-41)" r="${r}"></circle></svg>`;
  return div.firstElementChild!;
};

afterEach(() => {
  process.env = { ...env };
  rmSync(file, { force: true });
  rmSync(changed, { force: true });
});

describe("matchGolden", () => {
  it("renumbers Plot's ids from 1, one tag per line", () => {
    expect(serialise(circle(3))).toBe(
      '<svg>\n<clipPath id="plot-clip-1">\n</clipPath>\n<circle clip-path="url(#plot-clip-1)" r="3">\n</circle>\n</svg>\n',
    );
  });

  it("fails on a mismatch, writes -changed beside it, and never rewrites in CI", () => {
    writeFileSync(file, serialise(circle(3)));
    process.env.UPDATE_GOLDEN = "1";
    process.env.CI = "true";
    expect(() => matchGolden(NAME, circle(4))).toThrow(/golden differs/);
    expect(readFileSync(file, "utf8")).toContain('r="3"');
    expect(readFileSync(changed, "utf8")).toContain('r="4"');
    delete process.env.CI;
    delete process.env.UPDATE_GOLDEN;
    expect(() => matchGolden(NAME, circle(3))).not.toThrow();
    expect(existsSync(changed)).toBe(false);
  });

  it("fails when the golden is missing", () => {
    delete process.env.UPDATE_GOLDEN;
    expect(() => matchGolden(NAME, circle(3))).toThrow(/golden missing/);
    expect(existsSync(changed)).toBe(true);
  });
});
