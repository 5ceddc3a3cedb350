import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeDatabase, rows, sql } from "../../src/db/duckdb.ts";
import { ONE_THREAD_BELOW, threadsFor } from "../../src/db/threads.ts";
import { load, MEMBERS } from "../helpers.ts";

describe("threadsFor", () => {
  it("runs small exports on one thread and gives large ones every core", () => {
    expect(threadsFor(1_100_000, 2)).toBe(1);
    expect(threadsFor(0, 8)).toBe(1);
    expect(threadsFor(ONE_THREAD_BELOW - 1, 2)).toBe(1);
    expect(threadsFor(ONE_THREAD_BELOW, 2)).toBe(2);
    expect(threadsFor(649_000_000, 4)).toBe(4);
  });

  it("is what ingest sets for the database's further work", async () => {
    const dir = mkdtempSync(join(tmpdir(), "regiomonitor-threads-"));
    try {
      writeFileSync(join(dir, "members.csv"), MEMBERS);
      const { db } = await load(dir);
      try {
        const [setting] = await rows<{ value: string }>(
          db,
          sql`select current_setting('threads')::varchar as value`,
        );
        expect(setting!.value).toBe("1");
      } finally {
        closeDatabase(db);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
