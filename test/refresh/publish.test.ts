import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planStaging, prepare, publish, recover } from "../../src/refresh/publish.ts";
import { snapshot } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { leftovers } from "./spawn.ts";

class Crash extends Error {}

/** The steps publish reports, in order; a crash after any of them must be recoverable. */
const STEPS = ["journal", "db-aside", "db-in", "out-aside", "out-in", "committed"];

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

  it("puts back an output folder that an older version left moved aside", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "out.prev"));
    writeFileSync(join(dir, "out.prev", "a.csv"), "a\n");
    await recover(join(dir, "out"));
    expect(readdirSync(dir)).toEqual(["out"]);
    expect(readdirSync(join(dir, "out"))).toEqual(["a.csv"]);
  });
});
