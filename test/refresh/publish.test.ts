import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  diskFileSystem,
  planStaging,
  prepare,
  publish,
  recover,
  type PublishFileSystem,
} from "../../src/refresh/publish.ts";
import { snapshot } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { leftovers } from "./spawn.ts";

class Crash extends Error {}

/** The steps publish reports, in order; a crash after any of them must be recoverable. */
const STEPS = ["journal", "db-aside", "db-in", "out-aside", "out-in", "synced", "committed"];

/** A database and output folder as an earlier refresh left them (unless `fresh`), and a staged new pair. */
async function setUp(dbInOut: boolean, fresh: boolean) {
  const dir = tempDir();
  const out = join(dir, "out");
  const db = dbInOut ? join(out, "monitor.duckdb") : join(dir, "monitor.duckdb");
  if (!fresh) {
    mkdirSync(out);
    writeFileSync(join(out, "indicators.csv"), "old\n");
    writeFileSync(join(out, "old-only.csv"), "old\n");
    writeFileSync(db, "old database");
  }
  const staging = planStaging(out, db);
  await prepare(staging);
  writeFileSync(join(staging.stagedOut, "indicators.csv"), "new\n");
  writeFileSync(join(staging.stagedOut, "new-only.csv"), "new\n");
  writeFileSync(staging.stagedDb, "new database");
  return { dir, out, db, staging };
}

function state(out: string, db: string) {
  return {
    out: existsSync(out) ? snapshot(out) : null,
    db: existsSync(db) ? snapshot(db) : null,
  };
}

describe("publish and recover", () => {
  for (const dbInOut of [false, true]) {
    for (const fresh of [false, true]) {
      const label = `${dbInOut ? "database inside the output folder" : "database beside it"}${fresh ? ", first refresh" : ""}`;
      it(`a crash after any step leaves the old or the new state whole (${label})`, async () => {
        const complete = await setUp(dbInOut, fresh);
        await publish(complete.staging);
        const newState = state(complete.out, complete.db);
        const steps = STEPS.filter((s) => !dbInOut || !s.startsWith("db-"));
        let crashes = 0;
        for (const step of steps) {
          const run = await setUp(dbInOut, fresh);
          const oldState = state(run.out, run.db);
          const relocate = (s: ReturnType<typeof state>, from: string, to: string) =>
            JSON.parse(JSON.stringify(s).replaceAll(from, to)) as typeof s;
          await expect(
            publish(run.staging, (name) => {
              if (name === step) throw new Crash(step);
            }),
          ).rejects.toThrow(Crash);
          crashes++;
          await recover(run.out, dbInOut ? undefined : run.db);
          const recovered = state(run.out, run.db);
          if (step === "committed") {
            expect(recovered).toEqual(relocate(newState, complete.dir, run.dir));
          } else {
            expect(recovered, `crash after ${step}`).toEqual(oldState);
          }
          expect(readdirSync(run.dir).filter((n) => n !== "out" && n !== "monitor.duckdb")).toEqual(
            [],
          );
          expect(leftovers(run.dir)).toEqual([]);
        }
        expect(crashes).toBe(steps.length);
      });
    }
  }

  for (const dbInOut of [false, true]) {
    for (const fresh of [false, true]) {
      const label = `${dbInOut ? "database inside the output folder" : "database beside it"}${fresh ? ", first refresh" : ""}`;
      it(`syncs every staged file and folder before the first rename, the folders after (${label})`, async () => {
        const { out, db, staging } = await setUp(dbInOut, fresh);
        mkdirSync(join(staging.stagedOut, "sub", "deeper"), { recursive: true });
        writeFileSync(join(staging.stagedOut, "sub", "deeper", "x.parquet"), "new\n");
        writeFileSync(`${staging.stagedDb}.wal`, "log");
        const staged = listTree(staging.stagedOut);
        if (!dbInOut) staged.files.push(staging.stagedDb, `${staging.stagedDb}.wal`);
        const journal = `${out}.publish.json`;
        const parents = [...new Set([dirname(out), ...(dbInOut ? [] : [dirname(db)])])];
        const { fs, events } = recordingFileSystem(journal);
        await publish(staging, () => {}, fs);

        const renames = events.flatMap((e, i) => (e.op === "rename" ? [i] : []));
        expect(renames.length).toBe((dbInOut ? 1 : 2) + (fresh ? 0 : dbInOut ? 1 : 2));
        const [first, last] = [renames[0]!, renames.at(-1)!];
        const before = events.slice(0, first);
        const syncedBefore = (op: string, path: string) =>
          before.some((e) => e.op === op && e.path === path);
        for (const file of [...staged.files, journal]) {
          expect(syncedBefore("file", file), `${file} synced before the first rename`).toBe(true);
        }
        for (const folder of [...staged.folders, ...parents]) {
          expect(syncedBefore("dir", folder), `${folder} synced before the first rename`).toBe(
            true,
          );
        }
        // The journal's folder is synced after the journal was written, so it is on disk too.
        expect(before.some((e) => e.op === "dir" && e.path === dirname(journal) && e.journal)).toBe(
          true,
        );
        const after = events.slice(last + 1);
        for (const folder of parents) {
          // Each changed folder is synced after the swap and before the journal goes: a power
          // loss before that sync finds the journal and rolls back.
          expect(
            after.some((e) => e.op === "dir" && e.path === folder && e.journal),
            `${folder} synced after the swap, while the journal still exists`,
          ).toBe(true);
        }
        // The commit (the journal's removal) is synced before publish returns.
        expect(after.at(-1)).toEqual({ op: "dir", path: dirname(journal), journal: false });
        expect(existsSync(journal)).toBe(false);
        expect(readFileSync(db, "utf8")).toBe("new database");
        expect(existsSync(join(out, "sub", "deeper", "x.parquet"))).toBe(true);
      });
    }
  }

  it("recover syncs the folders it rolled back before it removes the journal", async () => {
    const { out, db, staging } = await setUp(false, false);
    await expect(
      publish(staging, (name) => {
        if (name === "out-in") throw new Crash(name);
      }),
    ).rejects.toThrow(Crash);
    const journal = `${out}.publish.json`;
    const { fs, events } = recordingFileSystem(journal);
    await recover(out, db, fs);
    const renames = events.flatMap((e, i) => (e.op === "rename" ? [i] : []));
    expect(renames).toHaveLength(2);
    const after = events.slice(renames.at(-1)! + 1);
    for (const folder of new Set([dirname(out), dirname(db)])) {
      expect(after.some((e) => e.op === "dir" && e.path === folder && e.journal)).toBe(true);
    }
    expect(after.at(-1)).toEqual({ op: "dir", path: dirname(journal), journal: false });
    expect(readFileSync(db, "utf8")).toBe("old database");
  });

  it("really syncs files and folders on this disk", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a"), "a");
    await diskFileSystem.fsyncFile(join(dir, "a"));
    await diskFileSystem.fsyncDir(dir);
    await expect(diskFileSystem.fsyncFile(join(dir, "absent"))).rejects.toThrow();
  });

  it("puts back an output folder that an older version left moved aside", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "out.prev"));
    writeFileSync(join(dir, "out.prev", "a.csv"), "a\n");
    await recover(join(dir, "out"));
    expect(readdirSync(dir)).toEqual(["out"]);
    expect(readdirSync(join(dir, "out"))).toEqual(["a.csv"]);
  });
});

interface FsEvent {
  readonly op: "rename" | "file" | "dir";
  readonly path: string;
  /** Whether the publish journal existed when this happened. */
  readonly journal: boolean;
}

/** The real file system, with every rename and sync recorded in order. */
function recordingFileSystem(journal: string): { fs: PublishFileSystem; events: FsEvent[] } {
  const events: FsEvent[] = [];
  const note = (op: FsEvent["op"], path: string) =>
    events.push({ op, path, journal: existsSync(journal) });
  const fs: PublishFileSystem = {
    rename: async (from, to) => {
      note("rename", from);
      await diskFileSystem.rename(from, to);
    },
    fsyncFile: async (path) => {
      note("file", path);
      await diskFileSystem.fsyncFile(path);
    },
    fsyncDir: async (path) => {
      note("dir", path);
      await diskFileSystem.fsyncDir(path);
    },
  };
  return { fs, events };
}

/** The files and folders (itself included) under a folder. */
function listTree(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [dir];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) files.push(path);
    else {
      const inner = listTree(path);
      files.push(...inner.files);
      folders.push(...inner.folders);
    }
  }
  return { files, folders };
}
