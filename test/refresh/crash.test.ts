import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { DEFAULT_TODAY, generateExports } from "../../src/generate/index.ts";
import { acquireLocks } from "../../src/refresh/lock.ts";
import { recover } from "../../src/refresh/publish.ts";
import { capture, query, snapshot } from "../cli/cli-helpers.ts";
import { randomOf, tempDir } from "../helpers.ts";
import { leftovers, startCli } from "./spawn.ts";
import { sql } from "../../src/db/sql.ts";

const SAMPLE = fileURLToPath(new URL("../../data/exports", import.meta.url));
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? 6);
const AS_OF = ["--as-of", "2024-06-30"];

/** The stages a refresh reports on stderr, in order: a kill is aimed just after one of them. */
const STAGES = [
  /^lezen /,
  /^toetsen /,
  /^kwaliteit/,
  /^indicatoren/,
  /^tabellen voor de site/,
  /^schrijven/,
  /^publiceren/,
];

interface Published {
  readonly files: Record<string, string>;
  readonly quality: unknown[];
}

async function published(out: string, db: string): Promise<Published> {
  const files = Object.fromEntries(
    Object.entries(snapshot(out)).map(([path, hash]) => [basename(path), hash]),
  );
  const quality = await query(db, sql`select * from data_quality order by file`);
  return { files, quality };
}

describe("crash safety: refresh killed with SIGKILL", () => {
  it(`leaves the previous database and outputs byte-identical (${KILLS} kills), and the next refresh succeeds`, async () => {
    const other = tempDir();
    await generateExports({
      scale: "regio",
      seed: 7,
      out: other,
      dialect: "nl",
      today: DEFAULT_TODAY,
    });
    const datasets = [SAMPLE, other];
    // What a refresh publishes for each over the other one's refresh (the table changes
    // compares with the previous refresh): the other's, then each. The kills start from the
    // first of these (dataset 0 over 1), so it is not refreshed a fifth time.
    const expected: Published[] = [];
    const folders = [0, 1].map(() => tempDir());
    for (const i of [0, 1]) {
      const out = join(folders[i]!, "out");
      const db = join(folders[i]!, "monitor.duckdb");
      for (const data of [datasets[1 - i]!, datasets[i]!]) {
        const args = ["refresh", "--data", data, "--out", out, "--db", db, ...AS_OF];
        expect(await main(args, capture())).toBe(0);
      }
      expected.push(await published(out, db));
    }
    expect(expected[0]!.files).not.toEqual(expected[1]!.files);

    const dir = folders[0]!;
    const out = join(dir, "out");
    const db = join(dir, "monitor.duckdb");
    const argsFor = (i: number) => ["refresh", "--data", datasets[i]!, "--out", out, "--db", db];
    expect(leftovers(dir)).toEqual([]);
    let current = 0;
    const next = randomOf(SEED);
    const where: Record<string, number> = {};
    let kills = 0;
    let midPublish = 0;
    let afterCommit = 0;
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 2; attempt++) {
      const target = 1 - current;
      const before = { ...snapshot(out, db) };
      const aimed = attempt % 4 === 3 ? undefined : STAGES[Math.floor(next() * STAGES.length)]!;
      const delay = aimed
        ? Math.floor(next() * (aimed.source.includes("publiceren") ? 4 : 120))
        : 1500 + Math.floor(next() * 3000);
      let last = "(start)";
      const child = startCli([...argsFor(target), ...AS_OF], (line, self) => {
        if (/^\S/.test(line)) last = line.split(/[ :]/)[0]!;
        if (aimed?.test(line)) setTimeout(() => self.kill("SIGKILL"), delay);
      });
      const timer = aimed ? undefined : setTimeout(() => child.kill("SIGKILL"), delay);
      const { code, signal } = await child.exit;
      clearTimeout(timer);
      if (signal !== "SIGKILL") {
        // The refresh finished before the kill: then it is simply the new state.
        expect(code, child.stderr.join("\n")).toBe(0);
        expect(await published(out, db)).toEqual(expected[target]);
        current = target;
        continue;
      }
      kills++;
      where[last] = (where[last] ?? 0) + 1;
      // What the next refresh does first, under the lock the killed one left: recover.
      if (existsSync(`${out}.publish.json`)) midPublish++;
      const release = acquireLocks([
        [`${db}.lock`, db],
        [`${out}.lock`, out],
      ]);
      try {
        await recover(out, db);
      } finally {
        release();
      }
      const after = snapshot(out, db);
      if (JSON.stringify(after) === JSON.stringify(before)) {
        expect(after).toEqual(before);
      } else {
        // Killed after the commit point (while cleaning up or exiting): wholly the new state.
        afterCommit++;
        expect(await published(out, db)).toEqual(expected[target]);
        current = target;
      }
      expect(leftovers(dir)).toEqual([]);
      // The next attempt is the next refresh after this kill: it runs to the end (checked above:
      // exit 0 and the expected state) or is killed in turn and recovered as this one was.
    }
    // And the refresh after the last kill succeeds.
    const last = 1 - current;
    const effects = capture();
    expect(await main([...argsFor(last), ...AS_OF], effects), effects.err.join("\n")).toBe(0);
    expect(await published(out, db)).toEqual(expected[last]);
    expect(leftovers(dir)).toEqual([]);
    console.log(
      `crash test (seed ${SEED}): ${kills} kills survived; last stage before the kill: ${JSON.stringify(where)}; ${midPublish} during the swap, ${afterCommit} after the commit point`,
    );
    expect(kills).toBe(KILLS);
  }, 600_000);
});
