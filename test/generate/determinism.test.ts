import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateExports } from "../../src/generate/index.ts";
import { generateRegio, readTable } from "./sample.ts";

function contents(dir: string): Record<string, Buffer> {
  const names = readdirSync(dir).sort();
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n))]));
}

describe("generate: determinism", () => {
  it("writes byte-identical files for the same seed, in both dialects", async () => {
    for (const dialect of ["plain", "nl"] as const) {
      const a = contents((await generateRegio({ seed: 7, dialect })).dir);
      const b = contents((await generateRegio({ seed: 7, dialect })).dir);
      expect(Object.keys(a)).toHaveLength(8);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const name of Object.keys(a))
        expect(b[name]?.equals(a[name] as Buffer), name).toBe(true);
    }
  });

  it("reproduces the committed sample in data/exports byte for byte", async () => {
    const committed = contents(fileURLToPath(new URL("../../data/exports/", import.meta.url)));
    const fresh = contents(
      (await generateRegio({ seed: 2026, dialect: "plain", today: "2026-11-24" })).dir,
    );
    expect(Object.keys(committed)).toEqual(Object.keys(fresh));
    for (const name of Object.keys(fresh)) {
      const same = committed[name]?.equals(fresh[name] as Buffer);
      expect(
        same,
        `${name} differs from the generator: regenerate data/exports (data/README.md)`,
      ).toBe(true);
    }
  });

  it("writes different files for a different seed", async () => {
    const a = contents((await generateRegio({ seed: 7 })).dir);
    const b = contents((await generateRegio({ seed: 8 })).dir);
    for (const name of Object.keys(a)) expect(b[name]?.equals(a[name] as Buffer), name).toBe(false);
  });

  it("takes today from the caller: nothing but planned dates lies after it", async () => {
    const today = "2024-06-30";
    const { dir } = await generateRegio({ today });
    const members = readTable(dir, "members");
    const attendance = readTable(dir, "attendance");
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const dates = [
      ...members.flatMap((r) => [r["joined_on"] ?? "", r["left_on"] ?? ""]),
      ...readTable(dir, "projects").map((r) => r["start_on"] ?? ""),
      ...attendance.map((r) => r["event_date"] ?? ""),
      ...readTable(dir, "milestones").map((r) => r["completed_on"] ?? ""),
    ].filter((d) => iso.test(d));
    expect(dates.length).toBeGreaterThan(3000);
    expect(dates.every((d) => d >= "2019-01-01" && d <= today)).toBe(true);
    expect(
      attendance
        .map((r) => r["event_date"] ?? "")
        .sort()
        .at(-1)
        ?.slice(0, 4),
    ).toBe("2024");
  });

  it("reports every file with its rows and bytes", async () => {
    const { dir } = await generateRegio({ seed: 3, dialect: "nl" });
    const summary = await generateExports({
      scale: "regio",
      seed: 3,
      out: dir,
      dialect: "nl",
      today: "2026-11-24",
    });
    expect(summary.files.map((f) => f.file)).toEqual([
      "leden.csv",
      "projecten.csv",
      "projectpartners.csv",
      "financiering.csv",
      "aanwezigheid.csv",
      "mijlpalen.csv",
      "enquete.csv",
      "enquete_relaties.csv",
    ]);
    for (const f of summary.files) {
      const bytes = readFileSync(join(dir, f.file));
      expect(f.bytes).toBe(bytes.length);
      const lines = bytes.toString("utf8").split("\r\n").length - 2;
      expect(lines).toBeGreaterThanOrEqual(f.rows);
    }
  });

  it("rejects options it cannot honour", async () => {
    const base = {
      scale: "regio",
      seed: 1,
      out: "/tmp/never-written",
      dialect: "plain",
      today: "2026-11-24",
    } as const;
    await expect(generateExports({ ...base, today: "24-11-2026" })).rejects.toThrow(
      /not an ISO date/,
    );
    await expect(generateExports({ ...base, today: "2026-02-30" })).rejects.toThrow(
      /impossible date/,
    );
    await expect(generateExports({ ...base, seed: 1.5 })).rejects.toThrow(/seed/);
  });
});
