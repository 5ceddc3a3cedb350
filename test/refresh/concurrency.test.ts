import { spawn } from "node:child_process";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { query, snapshot } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { deadPid, leftovers, runCli } from "./spawn.ts";
import { sql } from "../../src/db/sql.ts";

const SAMPLE = fileURLToPath(new URL("../../data/exports", import.meta.url));
const CHILD = fileURLToPath(new URL("./lock-child.ts", import.meta.url));
/**
 * How long the four processes race (ms): long enough for well over 50 takeovers and refusals
 * while another test file runs beside this one on the same two cores.
 */
const RACE_MS = process.env.LOCK_RACE_MS ?? "3000";

function runChild(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => (out += t));
    child.on("close", (code) => (code === 0 ? done(out) : fail(new Error(`child exit ${code}`))));
  });
}

/** Waits until every file exists (the children's ready marks); fails after 45 s. */
async function allReady(paths: readonly string[]): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (!paths.every((path) => existsSync(path))) {
    if (Date.now() > deadline) throw new Error("lock race: not every child got ready in 45 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("two refreshes at once", () => {
  it("the lock is never held twice, also when processes race to take over a stale lock", async () => {
    const dir = tempDir();
    const lock = join(dir, "test.duckdb.lock");
    const log = join(dir, "log");
    const dead = deadPid();
    writeFileSync(lock, `${dead}\n`);
    writeFileSync(log, "");
    // The race starts when all four are ready: a fixed start time passed before slow starts
    // (four Node processes loading TypeScript on a busy machine) had ended (CI, 08-12-2026).
    const go = join(dir, "go");
    const ids = [1, 2, 3, 4];
    const children = ids.map((id) => runChild([lock, log, go, RACE_MS, String(dead), String(id)]));
    await allReady(ids.map((id) => `${go}.ready.${id}`));
    writeFileSync(`${go}.tmp`, String(Date.now() + 200));
    renameSync(`${go}.tmp`, go);
    const results = await Promise.all(children);
    const counts = results.map((r) => JSON.parse(r) as { held: number; refused: number });
    const events = readFileSync(log, "utf8").trim().split("\n");
    let holder: string | undefined;
    for (const [i, event] of events.entries()) {
      const [kind, id] = event.split(" ");
      if (kind === "in") {
        expect(holder, `line ${i + 1}: ${id} took the lock while ${holder} held it`).toBe(
          undefined,
        );
        holder = id;
      } else {
        expect(id).toBe(holder);
        holder = undefined;
      }
    }
    const held = counts.reduce((sum, c) => sum + c.held, 0);
    const refused = counts.reduce((sum, c) => sum + c.refused, 0);
    console.log(`lock race: ${held} stale-lock takeovers, ${refused} refusals, 4 processes`);
    expect(events).toHaveLength(2 * held);
    expect(held).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  }, 60_000);

  for (const stale of [false, true]) {
    it(`on the same database${stale ? ", with a stale lock of a killed refresh" : ""}: one completes, the other exits 3, nothing corrupted`, async () => {
      // The sample refreshed alone (test/global-setup.ts), as the winner must leave it.
      const reference = inject("sample")["2024-06-30"].out;
      const dir = tempDir();
      const out = join(dir, "out");
      const db = join(dir, "monitor.duckdb");
      if (stale) writeFileSync(`${db}.lock`, `${deadPid()}\n`);
      const args = ["refresh", "--data", SAMPLE, "--out", out, "--db", db, "--as-of", "2024-06-30"];
      const [a, b] = await Promise.all([runCli(args), runCli(args)]);
      expect([a.code, b.code].sort()).toEqual([0, 3]);
      const loser = a.code === 3 ? a : b;
      expect(loser.stderr).toMatch(
        /^Fout: een andere refresh \(proces \d+\) werkt al aan .*monitor\.duckdb; probeer het later opnieuw/m,
      );
      expect(loser.stderr).not.toMatch(/Interne fout|at .*\.ts:\d+/);
      expect(Object.values(snapshot(out))).toEqual(Object.values(snapshot(reference)));
      const quality = await query(db, sql`select file, rows_read from data_quality order by file`);
      expect(quality).toEqual(
        await query(
          `${reference}.duckdb`,
          sql`select file, rows_read from data_quality order by file`,
        ),
      );
      expect(leftovers(dir)).toEqual([]);
    }, 60_000);
  }

  it("on the same output folder with two databases: the second exits 3 and names the folder", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const args = (db: string) => ["refresh", "--data", SAMPLE, "--out", out, "--db", join(dir, db)];
    const [a, b] = await Promise.all([runCli(args("a.duckdb")), runCli(args("b.duckdb"))]);
    expect([a.code, b.code].sort()).toEqual([0, 3]);
    const loser = a.code === 3 ? a : b;
    expect(loser.stderr).toContain(`werkt al aan ${out}`);
    const winner = a.code === 0 ? "a.duckdb" : "b.duckdb";
    expect(existsSync(join(dir, winner))).toBe(true);
    expect(existsSync(join(dir, winner === "a.duckdb" ? "b.duckdb" : "a.duckdb"))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});
