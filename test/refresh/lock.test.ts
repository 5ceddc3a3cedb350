import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LockedError } from "../../src/errors.ts";
import { acquireLock, parseStartTime, startTime } from "../../src/refresh/lock.ts";
import { tempDir } from "../helpers.ts";
import { deadPid } from "./spawn.ts";

/** Where process start times can be read (Linux); elsewhere the lock checks the id alone. */
const PROC = existsSync(`/proc/${process.pid}/stat`);
const takeoverMarker = (path: string, stale: string) =>
  `${path}.takeover-${createHash("sha256").update(stale).digest("hex").slice(0, 16)}`;

describe("the refresh lock", () => {
  it("is taken in a folder that does not exist yet, holds the process id and start time, and is released", () => {
    const path = join(tempDir(), "nieuw", "monitor.duckdb.lock");
    const release = acquireLock(path, "monitor.duckdb");
    const start = PROC ? ` start=${startTime(process.pid)}` : "";
    expect(readFileSync(path, "utf8")).toMatch(
      new RegExp(`^${process.pid} [0-9a-f-]{36}${start}\\n$`),
    );
    expect(() => acquireLock(path, "monitor.duckdb")).toThrow(LockedError);
    release();
    expect(existsSync(path)).toBe(false);
  });

  it("takes over a lock of a process that no longer runs, or an unreadable one", () => {
    const dir = tempDir();
    for (const stale of [`${deadPid()}\n`, "", "kapot"]) {
      const path = join(dir, "monitor.duckdb.lock");
      writeFileSync(path, stale);
      const release = acquireLock(path, "monitor.duckdb");
      expect(readFileSync(path, "utf8")).toContain(String(process.pid));
      release();
    }
  });

  it("takes over a stale lock whose earlier taker died halfway; waits for a live taker", () => {
    const dir = tempDir();
    const path = join(dir, "monitor.duckdb.lock");
    const stale = `${deadPid()} 11111111-aaaa-bbbb-cccc-000000000000\n`;
    const marker = takeoverMarker(path, stale);
    writeFileSync(path, stale);
    writeFileSync(marker, `${process.ppid} 22222222-aaaa-bbbb-cccc-000000000000\n`);
    expect(() => acquireLock(path, "monitor.duckdb")).toThrow("kon niet worden genomen");
    expect(readFileSync(path, "utf8")).toBe(stale);
    writeFileSync(marker, `${deadPid()} 22222222-aaaa-bbbb-cccc-000000000000\n`);
    const release = acquireLock(path, "monitor.duckdb");
    expect(readFileSync(path, "utf8")).toContain(String(process.pid));
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reads a process's start time after the last ')' of /proc/PID/stat", () => {
    const rest = (start: string) =>
      `S 1 1 1 0 -1 4194560 500 0 0 0 3 1 0 0 20 0 1 0 ${start} 1000 200 18446744073709551615 1 1 0 0 0 0 0`;
    expect(parseStartTime(`4242 (node) ${rest("98765")}\n`)).toBe("98765");
    expect(parseStartTime(`4242 (a b) c) (d)) ${rest("12")}`)).toBe("12");
    expect(
      parseStartTime(`4242 (x) 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 ) ${rest("7")}`),
    ).toBe("7");
    expect(parseStartTime("4242 (node) S 1 2")).toBeUndefined();
    expect(parseStartTime(`4242 node ${rest("5")}`)).toBeUndefined();
    expect(parseStartTime("")).toBeUndefined();
    if (PROC) {
      expect(startTime(process.pid)).toMatch(/^\d+$/);
      expect(startTime(deadPid())).toBeUndefined();
    }
  });

  it.runIf(PROC)(
    "takes over a lock whose process id is alive but belongs to a process started at another time",
    () => {
      const dir = tempDir();
      const path = join(dir, "monitor.duckdb.lock");
      // The parent (the test runner) and this process itself stand for a process that got the
      // id of the dead holder: alive, but not started when the lock was written.
      for (const pid of [process.ppid, process.pid]) {
        const other = String(BigInt(startTime(pid)!) + 1n);
        writeFileSync(path, `${pid} 11111111-aaaa-bbbb-cccc-000000000000 start=${other}\n`);
        const release = acquireLock(path, "monitor.duckdb");
        expect(readFileSync(path, "utf8")).toMatch(
          new RegExp(`^${process.pid} [0-9a-f-]{36} start=${startTime(process.pid)}\\n$`),
        );
        release();
        expect(readdirSync(dir)).toEqual([]);
      }
      // So is a takeover marker left by such a holder.
      const stale = `${deadPid()} 11111111-aaaa-bbbb-cccc-000000000000\n`;
      writeFileSync(path, stale);
      writeFileSync(
        takeoverMarker(path, stale),
        `${process.ppid} 22222222-aaaa-bbbb-cccc-000000000000 start=1\n`,
      );
      const release = acquireLock(path, "monitor.duckdb");
      expect(readFileSync(path, "utf8")).toContain(`${process.pid} `);
      release();
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it("respects the lock of a live process: with its own start time, or without one (an earlier version's)", () => {
    const dir = tempDir();
    const path = join(dir, "monitor.duckdb.lock");
    const live = [`${process.ppid} 11111111-aaaa-bbbb-cccc-000000000000\n`, `${process.ppid}\n`];
    if (PROC) {
      live.push(
        `${process.ppid} 11111111-aaaa-bbbb-cccc-000000000000 start=${startTime(process.ppid)}\n`,
      );
    }
    for (const content of live) {
      writeFileSync(path, content);
      expect(() => acquireLock(path, "monitor.duckdb")).toThrow(
        new LockedError(
          `een andere refresh (proces ${process.ppid}) werkt al aan monitor.duckdb; probeer het later opnieuw (slot: ${path})`,
        ),
      );
      expect(readFileSync(path, "utf8")).toBe(content);
    }
  });

  it("releases only its own lock", () => {
    const path = join(tempDir(), "monitor.duckdb.lock");
    const release = acquireLock(path, "monitor.duckdb");
    writeFileSync(path, "12345 iemand-anders\n");
    release();
    expect(readFileSync(path, "utf8")).toBe("12345 iemand-anders\n");
  });

  it("removes the temporary files of killed lock takers, not those of running ones", () => {
    const dir = tempDir();
    const path = join(dir, "monitor.duckdb.lock");
    const dead = `monitor.duckdb.lock.${deadPid()}-0f0f0f0f-aaaa-bbbb-cccc-000000000000.tmp`;
    const running = `monitor.duckdb.lock.${process.ppid}-0f0f0f0f-aaaa-bbbb-cccc-000000000001.stale`;
    writeFileSync(join(dir, dead), "x");
    writeFileSync(join(dir, running), "x");
    acquireLock(path, "monitor.duckdb")();
    expect(readdirSync(dir)).toEqual([running]);
  });
});
