import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { acquireLock } from "../../src/refresh/lock.ts";
import { logLine } from "../../src/refresh/log.ts";
import { capture } from "../cli/cli-helpers.ts";
import { MEMBERS, tempDir, writeExports } from "../helpers.ts";

const logOf = (path: string) => readFileSync(path, "utf8").trimEnd().split("\n");

describe("the refresh log", () => {
  it("has one line per run: start, end, then key=value fields, quoted where needed", () => {
    const line = logLine({
      start: new Date("2026-01-05T06:00:00Z"),
      end: new Date("2026-01-05T06:00:12.5Z"),
      status: "unusable",
      exit: 2,
      message: 'members.csv: kolom "naam" ontbreekt\ntweede regel',
    });
    expect(line).toBe(
      '2026-01-05T06:00:00.000Z 2026-01-05T06:00:12.500Z status=unusable exit=2 seconds=12.5 message="members.csv: kolom \\"naam\\" ontbreekt"\n',
    );
  });

  it("records a good run with its counts, an unusable export (exit 2) and a locked database (exit 3)", async () => {
    const data = writeExports({ "members.csv": MEMBERS });
    const dir = tempDir();
    const db = join(dir, "monitor.duckdb");
    const args = ["refresh", "--data", data, "--out", join(dir, "out"), "--db", db];
    expect(await main([...args, "--as-of", "2024-06-30"], capture())).toBe(0);
    const [ok] = logOf(`${db}.log`);
    expect(ok).toMatch(
      /^\S+Z \S+Z status=ok exit=0 mode=full as_of=2024-06-30 seconds=\d+\.\d rows_read=2 rows_loaded=2 rows_rejected=0 warnings=0 signals=\d+ reloaded=members\.csv$/,
    );

    const empty = writeExports({ "members.csv": "" });
    const bad = ["refresh", "--data", empty, "--out", join(dir, "out"), "--db", db];
    expect(await main(bad, capture())).toBe(2);
    expect(logOf(`${db}.log`)[1]).toMatch(/ status=unusable exit=2 seconds=\S+ message="/);

    const release = acquireLock(`${db}.lock`, db);
    const locked = capture();
    try {
      expect(await main([...args, "--json"], locked)).toBe(3);
    } finally {
      release();
    }
    expect(JSON.parse(locked.out.join("\n"))).toMatchObject({ status: "locked" });
    expect(logOf(`${db}.log`)[2]).toMatch(/ status=locked exit=3 seconds=\S+ message="een andere/);

    const custom = join(dir, "logs", "verversing.log");
    expect(await main([...args, "--log", custom], capture())).toBe(0);
    expect(logOf(custom)).toHaveLength(1);
  });
});
