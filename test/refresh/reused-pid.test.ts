import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { startTime } from "../../src/refresh/lock.ts";
import { capture } from "../cli/cli-helpers.ts";
import { MEMBERS, tempDir, writeExports } from "../helpers.ts";
import { leftovers } from "./spawn.ts";

/** Where process start times can be read (Linux); elsewhere the lock checks the id alone. */
const PROC = existsSync(`/proc/${process.pid}/stat`);

describe.runIf(PROC)("a refresh finding a lock whose process id is in use", () => {
  // The parent process (the test runner) stands for whatever process has the id now.
  const pid = process.ppid;
  const lockOf = (start: string) => `${pid} 11111111-aaaa-bbbb-cccc-000000000000 start=${start}\n`;

  function setUp() {
    const data = writeExports({ "members.csv": MEMBERS });
    const dir = tempDir();
    const db = join(dir, "monitor.duckdb");
    const args = ["refresh", "--data", data, "--out", join(dir, "out"), "--db", db];
    return { dir, db, args: [...args, "--as-of", "2024-06-30"] };
  }

  it("takes the lock over when that process started at another time than the holder (the id was reused)", async () => {
    const { dir, db, args } = setUp();
    writeFileSync(`${db}.lock`, lockOf(String(BigInt(startTime(pid)!) + 1n)));
    const effects = capture();
    expect(await main(args, effects), effects.err.join("\n")).toBe(0);
    expect(readdirSync(join(dir, "out")).length).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
  });

  it("exits 3 when that process is the holder (same start time)", async () => {
    const { dir, db, args } = setUp();
    writeFileSync(`${db}.lock`, lockOf(startTime(pid)!));
    const effects = capture();
    expect(await main(args, effects)).toBe(3);
    expect(effects.err.join("\n")).toContain(`een andere refresh (proces ${pid}) werkt al aan`);
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(existsSync(`${db}.lock`)).toBe(true);
  });
});
