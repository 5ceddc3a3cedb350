import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { ident, join, literal, sql, trusted } from "../../src/db/sql.ts";
import { HOSTILE_NAMES } from "./hostile.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase(":memory:");
});
afterAll(() => closeDatabase(db));

describe("sql", () => {
  it("makes every interpolated string a literal that DuckDB reads back unchanged", async () => {
    for (const name of HOSTILE_NAMES) {
      const [row] = await rows<{ v: string }>(db, sql`select ${name} as v`);
      expect(row!.v).toBe(name);
    }
  });

  it("quotes identifiers so that a table and column of any name work", async () => {
    for (const [i, name] of HOSTILE_NAMES.entries()) {
      const table = ident(`${name} ${i}`);
      await run(db, sql`create table ${table} (${ident(name)} varchar)`);
      await run(db, sql`insert into ${table} values (${name})`);
      const [row] = await rows<Record<string, string>>(db, sql`select * from ${table}`);
      expect(row).toEqual({ [name]: name });
    }
  });

  it("writes numbers, booleans, NULL and lists as literals", () => {
    expect(sql`select ${1}, ${-2.5}, ${true}, ${null}, ${10n}`.text).toBe(
      "select 1, (-2.5), true, null, 10",
    );
    expect(sql`x in (${["a", "b'c", 3]})`.text).toBe("x in ('a', 'b''c', 3)");
    expect(literal("it's").text).toBe("'it''s'");
  });

  it("splices SQL pieces as they are", () => {
    const inner = sql`select ${"a"} as v`;
    expect(sql`with t as (${inner}) select * from t`.text).toBe(
      "with t as (select 'a' as v) select * from t",
    );
    expect(join([sql`a`, ident("b")], " and ").text).toBe('a and "b"');
    expect(trusted("varchar").text).toBe("varchar");
    expect(ident('a"b').text).toBe('"a""b"');
  });

  it("refuses a value inside a quoted string, a quoted name or a comment", () => {
    const name = "x";
    expect(() => sql`select '${name}'`).toThrow(/enkele aanhalingstekens/);
    expect(() => sql`select "${name}"`).toThrow(/dubbele aanhalingstekens/);
    expect(() => sql`select 1 -- ${name}`).toThrow(/commentaar/);
    expect(() => sql`select 1 /* ${name} */`).toThrow(/commentaar/);
    // a quote that is closed, a doubled quote and a finished comment are fine
    expect(sql`select 'it''s', ${name} -- done\n, ${name}`.text).toBe(
      "select 'it''s', 'x' -- done\n, 'x'",
    );
  });

  it("refuses values that have no SQL form", () => {
    expect(() => sql`select ${undefined as unknown as string}`).toThrow(/undefined/);
    expect(() => sql`select ${Number.NaN}`).toThrow(/eindig/);
    expect(() => sql`select ${Infinity}`).toThrow(/eindig/);
    expect(() => sql`select ${[]}`).toThrow(/lege lijst/);
    expect(() => sql`select ${{} as unknown as string}`).toThrow(/geen SQL-waarde/);
  });
});
