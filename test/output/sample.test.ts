import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { outputTables } from "../../src/output/tables.ts";
import dataTests from "./data-tests.json" with { type: "json" };
import { ident, join as joinSql, sql, trusted as sqlOf, type Sql } from "../../src/db/sql.ts";

/** The sample's peildatum is fixed so that the golden files do not move with the calendar. */
const AS_OF = "2026-09-30";
const GOLDEN = join(import.meta.dirname, "golden");

let out: string;
let db: Database;

beforeAll(async () => {
  // The sample refreshed once for every test that reads it (test/global-setup.ts).
  const sample = inject("sample")[AS_OF];
  out = sample.out;
  // The published database is attached read-only: a test must not change what it checks.
  db = await openDatabase(":memory:");
  await run(db, sql`attach ${sample.db} as published (read_only)`);
  for (const table of ["catalog", "organisations"]) {
    await run(db, sql`create view ${ident(table)} as select * from published.${ident(table)}`);
  }
  await run(db, sql`create schema out`);
  for (const table of outputTables) {
    await run(
      db,
      sql`create view out.${ident(table.name)} as select * from read_parquet(${join(out, `${table.name}.parquet`)})`,
    );
  }
}, 120_000);

afterAll(() => {
  if (db) closeDatabase(db);
});

describe("golden files of the sample's outputs", () => {
  // Never regenerated in CI: UPDATE_GOLDEN=1 (locally) rewrites them; a mismatch writes *-changed.
  const update = process.env.UPDATE_GOLDEN === "1" && process.env.CI !== "true";
  it.each(outputTables.map((t) => t.name))("%s: .csv and .nl.csv match", (name) => {
    for (const file of [`${name}.csv`, `${name}.nl.csv`]) {
      const actual = readFileSync(join(out, file));
      const golden = join(GOLDEN, file);
      const changed = join(GOLDEN, `${file}-changed`);
      if (update) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(golden, actual);
      }
      rmSync(changed, { force: true });
      const expected = existsSync(golden) ? readFileSync(golden) : Buffer.alloc(0);
      if (!actual.equals(expected)) writeFileSync(changed, actual);
      expect(actual.equals(expected), `${file} differs from its golden file; see ${changed}`).toBe(true);
    }
  });

  it("writes every table in every format", () => {
    const expected = [
      ...outputTables.flatMap((t) => [`${t.name}.csv`, `${t.name}.nl.csv`, `${t.name}.parquet`]),
      "regiomonitor.xlsx",
    ];
    expect(readdirSync(out).filter((f) => f !== "monitor.duckdb").sort()).toEqual(expected.sort());
  });
});

interface DataTest {
  table: string;
  unique?: string[];
  not_null?: string[];
  accepted_values?: { column: string; values: string[] };
  expression_is_true?: string;
  where?: string;
  group_by?: string[];
  relationships?: { column: string; to: string; field: string };
}

/** SQL returning the rows that violate a data test (none when it passes). */
function violations(test: DataTest): Sql {
  const table = sql`out.${ident(test.table)}`;
  // the declared expressions are SQL written in data-tests.json, a file of this repository
  const expression = sqlOf(test.expression_is_true ?? "true");
  const where = test.where ? sql`and (${sqlOf(test.where)})` : sql``;
  if (test.unique) {
    return sql`select ${test.unique.map(ident)}, count(*) from ${table} group by all having count(*) > 1`;
  }
  if (test.not_null) {
    return sql`select * from ${table} where ${joinSql(
      test.not_null.map((c) => sql`${ident(c)} is null`),
      " or ",
    )}`;
  }
  if (test.accepted_values) {
    const values = test.accepted_values.values;
    return sql`select * from ${table} where ${ident(test.accepted_values.column)} not in (${values})`;
  }
  if (test.relationships) {
    const r = test.relationships;
    return sql`select * from ${table} where ${ident(r.column)} not in (select ${ident(r.field)} from ${ident(r.to)})`;
  }
  if (test.group_by) {
    return sql`select ${test.group_by.map(ident)} from ${table} where true ${where} group by all having not (${expression})`;
  }
  return sql`select * from ${table} where not coalesce(${expression}, true) ${where}`;
}

describe("data tests declared in data-tests.json", () => {
  it.each((dataTests.tests as DataTest[]).map((t) => [JSON.stringify(t), t] as const))("%s", async (_, test) => {
    const bad = await rows(db, sql`${violations(test)} limit 5`);
    expect(bad).toEqual([]);
  });
});
