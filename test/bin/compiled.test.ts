import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPILED, INPUTS, compile, upToDate } from "../../bin/compiled.js";
import { main as sourceMain } from "../../src/cli/main.ts";
import { capture } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";

const BIN = fileURLToPath(new URL("../../bin/regiomonitor.js", import.meta.url));

describe("the compiled command line (bin/compiled.js)", () => {
  beforeAll(async () => {
    expect(await compile()).toBe(COMPILED);
  });

  it("is up to date right after compiling, and records every source file it holds", () => {
    expect(upToDate()).toBe(true);
    const inputs = JSON.parse(readFileSync(INPUTS, "utf8")) as Record<string, string>;
    expect(Object.keys(inputs)).toContain("src/cli/main.ts");
    expect(Object.keys(inputs)).toContain("src/refresh/fingerprint.ts");
    expect(Object.keys(inputs).every((path) => path.startsWith("src/"))).toBe(true);
  });

  it("is out of date when one source file's content differs from the record", () => {
    const inputs = JSON.parse(readFileSync(INPUTS, "utf8")) as Record<string, string>;
    const changed = join(tempDir(), "inputs.json");
    writeFileSync(changed, JSON.stringify({ ...inputs, "src/cli/main.ts": "0".repeat(64) }));
    expect(upToDate(changed)).toBe(false);
    writeFileSync(changed, JSON.stringify({ ...inputs, "src/cli/gone.ts": "0".repeat(64) }));
    expect(upToDate(changed)).toBe(false);
    writeFileSync(changed, JSON.stringify(inputs));
    expect(upToDate(changed)).toBe(true);
  });

  it("says and does what src/cli/main.ts does, also through bin/regiomonitor.js", async () => {
    const compiled = (await import(pathToFileURL(COMPILED).href)) as { main: typeof sourceMain };
    for (const args of [["--help"], ["onbekend"], []]) {
      const fromSource = capture();
      const fromCompiled = capture();
      const status = await sourceMain(args, fromSource);
      expect(await compiled.main(args, fromCompiled)).toBe(status);
      expect(fromCompiled.out).toEqual(fromSource.out);
      expect(fromCompiled.err).toEqual(fromSource.err);
    }
    const bin = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
    const fromSource = capture();
    await sourceMain(["--help"], fromSource);
    expect(bin.status).toBe(0);
    expect(bin.stdout).toBe(`${fromSource.out.join("\n")}\n`);
  });
});
