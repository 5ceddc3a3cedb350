import { describe, expect, it } from "vitest";
import { files } from "../../src/contract/index.ts";
import { closeDatabase, openDatabase, rows, run, sql } from "../../src/db/duckdb.ts";
import { besideEachOther, independent, splitLanes } from "../../src/ingest/lanes.ts";

const plans = files.map((spec) => ({ spec, paths: [`${spec.key}.csv`] }));
const sizes = (bytes: Record<string, number>) => (path: string) =>
  bytes[path.replace(/\.csv$/, "")] ?? 10;
const keys = (lanes: ReturnType<typeof splitLanes>) => ({
  own: lanes.own?.spec.key,
  rest: lanes.rest.map((p) => p.spec.key),
});

describe("lanes: which export is read beside the others", () => {
  it("knows the exports whose checks read another export or are read by one", () => {
    const free = files.filter(independent).map((s) => s.key);
    expect(free).toEqual(["members", "attendance", "milestones"]);
  });

  it("puts the largest independent export in a lane of its own, the rest in file order", () => {
    const lanes = splitLanes(plans, () => true, sizes({ attendance: 600, funding: 900 }));
    expect(keys(lanes)).toEqual({
      own: "attendance",
      rest: [
        "members",
        "projects",
        "project_partners",
        "funding",
        "milestones",
        "survey_responses",
        "survey_relations",
      ],
    });
  });

  it("takes the next one when the largest is not read, and none with one export to read", () => {
    const notAttendance = (p: (typeof plans)[number]) => p.spec.key !== "attendance";
    const bytes = sizes({ attendance: 600, members: 50, milestones: 40 });
    expect(keys(splitLanes(plans, notAttendance, bytes)).own).toBe("members");
    const onlyFunding = (p: (typeof plans)[number]) => p.spec.key === "funding";
    expect(keys(splitLanes(plans, onlyFunding, bytes))).toEqual({
      own: undefined,
      rest: files.map((s) => s.key),
    });
    const dependent = (p: (typeof plans)[number]) => !independent(p.spec);
    expect(keys(splitLanes(plans, dependent, bytes)).own).toBeUndefined();
  });
});

describe("lanes: two connections at once", () => {
  it("runs both lanes to the end, each on its own session, then throws a lane's failure", async () => {
    const db = await openDatabase(":memory:");
    try {
      await run(db, sql`create table seen (lane varchar, ordered boolean)`);
      const setting = sql`current_setting('preserve_insertion_order')`;
      const lanes = besideEachOther(
        db,
        async (other) => {
          await run(other, sql`set session preserve_insertion_order = false`);
          await run(other, sql`insert into seen select 'own', ${setting}`);
          throw new Error("own failed");
        },
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          await run(db, sql`insert into seen select 'main', ${setting}`);
        },
      );
      await expect(lanes).rejects.toThrow("own failed");
      // main ran to its end although own had failed before it
      const seen = await rows(db, sql`select * from seen order by lane`);
      expect(seen).toEqual([
        { lane: "main", ordered: true },
        { lane: "own", ordered: false },
      ]);
      // The other lane's session setting did not leak into this connection.
      const [mine] = await rows<{ v: boolean }>(db, sql`select ${setting} as v`);
      expect(mine!.v).toBe(true);
    } finally {
      closeDatabase(db);
    }
  });

  it("keeps insertion order in one connection while the other's session drops it", async () => {
    // What the one-pass read relies on (rowid = file order) while the other lane inserts its
    // rejects unordered: DuckDB plans each statement with its own session's setting.
    const db = await openDatabase(":memory:");
    try {
      await run(db, sql`set threads = 2`);
      const other = await db.instance.connect();
      await other.run("set session preserve_insertion_order = false");
      // A parallel scan of a table of many row groups: without insertion order (e.g. the
      // setting made global), every row of t lands elsewhere than its rowid in base.
      await run(
        db,
        sql`create table base as select i, md5(i::varchar) as h from range(2000000) as r(i)`,
      );
      await run(db, sql`create table t as select i, h from base where h <> 'x'`);
      const [order] = await rows<{ misplaced: bigint }>(
        db,
        sql`select count(*) filter (where i <> rowid) as misplaced from t`,
      );
      expect(order!.misplaced).toBe(0n);
      other.closeSync();
    } finally {
      closeDatabase(db);
    }
  });
});
