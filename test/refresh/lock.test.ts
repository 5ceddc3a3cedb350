import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LockedError } from "../../src/errors.ts";
import { acquireLock } from "../../src/refresh/lock.ts";
import { tempDir } from "../helpers.ts";
import { deadPid } from "./spawn.ts";

describe("the refresh lock", () => {
  it("is taken in a folder that does not exist yet, holds the process id, and is released", () => {
    const path = join(tempDir(), "nieuw", "monitor.duckdb.lock");
    const release = acquireLock(path, "monitor.duckdb");
    expect(readFileSync(path, "utf8")).toMatch(new RegExp(`^${process.pid} [0-9a-f-]{36}\\n$`));
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
    const marker = `${path}.takeover-${createHash("sha256").update(stale).digest("hex").slice(0, 16)}`;
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
