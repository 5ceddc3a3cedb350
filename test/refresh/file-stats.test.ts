import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { knownHash, type FileStat, type FileStats } from "../../src/refresh/file-stats.ts";
import { refreshJson } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";

const known: FileStat = {
  path: "/data/attendance.csv",
  size: "608638877",
  mtimeNs: "1764950400000000000",
  ctimeNs: "1764950400000000000",
  ino: "42",
  hash: "abc",
};
// Stats taken a minute after the file's last change.
const previous: FileStats = { statedAt: 1764950460000, files: [known] };
const current = (change: Partial<FileStat> = {}): Omit<FileStat, "hash"> => ({
  path: known.path,
  size: known.size,
  mtimeNs: known.mtimeNs,
  ctimeNs: known.ctimeNs,
  ino: known.ino,
  ...change,
});

describe("the recorded hash of an unchanged export file", () => {
  it("is taken when size, times and inode are as recorded", () => {
    expect(knownHash(current(), previous)).toBe("abc");
  });

  it.each([
    ["size", { size: "608638878" }],
    ["modification time", { mtimeNs: "1764950400000000001" }],
    [
      "status-change time (a copy over it, even with the old mtime)",
      { ctimeNs: "1764950401000000000" },
    ],
    ["inode (another file under the name)", { ino: "43" }],
    ["path", { path: "/data/elders/attendance.csv" }],
  ])("is not taken when the %s differs", (_, change) => {
    expect(knownHash(current(change), previous)).toBeUndefined();
  });

  it("is not taken when the file changed less than two seconds before the stats", () => {
    expect(knownHash(current(), { ...previous, statedAt: 1764950401500 })).toBeUndefined();
    expect(knownHash(current(), undefined)).toBeUndefined();
  });
});

describe("an export rewritten with the same size and modification time", () => {
  it("is still found changed by the next refresh", async () => {
    const data = join(tempDir(), "exports");
    cpSync(join(import.meta.dirname, "..", "..", "data", "exports"), data, { recursive: true });
    // Older than the racy margin, so that the next refresh trusts the recorded stats.
    await sleep(2100);
    const out = join(tempDir(), "out");
    expect((await refreshJson(data, out)).mode).toBe("full");
    const members = join(data, "members.csv");
    const { mtime, atime } = statSync(members);
    const text = readFileSync(members, "utf8");
    const edited = text.replace("Zorggroep", "Zorgkring");
    expect(edited.length).toBe(text.length);
    writeFileSync(members, edited);
    // The modification time put back (to the millisecond; the status-change time moves anyway).
    utimesSync(members, atime, mtime);
    const second = await refreshJson(data, out);
    expect(second.mode).toBe("incremental");
    expect(second.reloaded).toEqual(["members.csv"]);
    const third = await refreshJson(data, out);
    expect(third.mode).toBe("unchanged");
  }, 120_000);
});
