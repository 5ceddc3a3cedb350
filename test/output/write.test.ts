// The SQL writer (copy.ts, write.ts) against the row-by-row JavaScript formatting of csv.ts:
// byte-identical files for hostile values of every output type.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { ident, join as joinSql, sql } from "../../src/db/sql.ts";
import { formatNumber } from "../../src/output/csv.ts";
import { integerSql, numberSql } from "../../src/output/sql-cells.ts";
import type { OutputTable, OutputType } from "../../src/output/tables.ts";
import { writeCsvRows } from "../../src/output/write-rows.ts";
import { writeTable, writeTables } from "../../src/output/write.ts";
import { HOSTILE_NAMES } from "../db/hostile.ts";
import { tempDir } from "../helpers.ts";

const TEXTS = [
  "=SUM(A1:A9)",
  "+31 6 1234",
  "-5",
  "@handle",
  "\tTab",
  "\rCR first",
  "a,b",
  "a;b",
  'zegt "hoi"',
  '"',
  "regel\nbreuk",
  "cr\r\nlf",
  "'=al ontmijnd",
  "' spatie",
  "",
  " spatie vooraan",
  "Zorg 医療 Ελλάδα Ўкраїна",
  "😀=smiley",
  "a\u0000b",
  "gewoon",
  ...HOSTILE_NAMES,
];

const DOUBLES = [
  0, -0, 1, -1, 0.1, -0.5, 1 / 3, 2 / 3, 100, 1e15, 1e16, 1e16 + 2, 2 ** 53, 2 ** 53 + 2, 2 ** 60,
  123456789.125, 1e20, 1e21, -1e21, 1.5e300, 1e30, 1.7976931348623157e308, 1e-5, 1.5e-5, 1e-6,
  9.99999999999e-7, 1e-7, -1e-7, 2 ** -21, 3 * 2 ** -22, 1e-20, 5e-21, 4.9e-21, -1e-25, 5e-324,
  0.000123, 12.5, -1234.5678,
];

/** A deterministic spread of doubles over every magnitude (xorshift, so it can be replayed). */
function spread(count: number): number[] {
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const bits = new DataView(new ArrayBuffer(8));
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 === 0) {
      bits.setUint32(0, (next() * 2 ** 32) >>> 0);
      bits.setUint32(4, (next() * 2 ** 32) >>> 0);
      return bits.getFloat64(0);
    }
    if (i % 3 === 1) return (next() - 0.5) * 10 ** Math.floor(next() * 50 - 25);
    return Math.round(next() * 10 ** Math.floor(next() * 12)) / 10 ** Math.floor(next() * 7);
  });
}

/** Rows of the hostile table: every text and every double meet several other values. */
const ROWS = Math.max(TEXTS.length, DOUBLES.length) * 3;

let db: Database;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  // A NUL cannot be in SQL text: it is built with chr(0).
  const texts = TEXTS.map((t) => (t.includes("\0") ? sql`'a' || chr(0) || 'b'` : sql`${t}`));
  const doubles = DOUBLES.map((v) => (Object.is(v, -0) ? sql`-(0.0::double)` : sql`${v}::double`));
  // One row per index: each column cycles through its hostile values, with a null now and then.
  await run(
    db,
    sql`create table hostile as select
      i,
      case when i % 11 = 5 then null else [${texts}][1 + i % ${TEXTS.length}] end as t,
      case when i % 13 = 7 then null else [${doubles}][1 + i % ${DOUBLES.length}] end as x,
      case when i % 7 = 3 then null else (i * 7919 - 150000)::integer end as int32,
      case when i % 5 = 1 then null else ([0, -1, 9007199254740991, 9007199254740993, -9007199254740993, 9223372036854775807, -9223372036854775808, 1234567890123456789]::bigint[])[1 + i % 8] end as int64,
      ([0, 18446744073709551615, 9007199254740993]::ubigint[])[1 + i % 3] as uint64,
      case when i % 9 = 4 then null else (date '2024-02-29' + (i * 37 - 900)::integer) end as d,
      try_cast(x as float) as xf,
      (['0005-01-01', '0999-12-31', '1000-01-01', '9999-12-31']::date[])[1 + i % 4] as old_d,
      (timestamp '2024-03-31 23:59:59' + to_days(i::integer)) as ts,
      case when i % 3 = 0 then null else i % 2 = 0 end as b,
      ['nan'::double, 'inf'::double, '-inf'::double, 2.5][1 + i % 4] as special
    from range(${ROWS}) r(i)`,
  );
});
afterAll(() => closeDatabase(db));

const col = (name: string, type: OutputType, expr = name) => ({ name, type, expr });

/** An output table over `hostile` with the given columns (name, output type, expression). */
function table(name: string, columns: ReturnType<typeof col>[]): OutputTable {
  return {
    name,
    columns: columns.map(({ name, type }) => ({ name, type })),
    source: sql`select ${joinSql(columns.map((c) => sql`${ident(c.expr)} as ${ident(c.name)}`))} from hostile`,
  };
}

/** Writes a table with the reference and with the SQL writer; returns both CSV pairs. */
async function both(t: OutputTable): Promise<{ ref: string[]; sqlFiles: string[] }> {
  const refDir = tempDir();
  const sqlDir = tempDir();
  await writeCsvRows(db, t, refDir);
  await writeTable(db, t, sqlDir);
  const read = (dir: string) =>
    [`${t.name}.csv`, `${t.name}.nl.csv`].map((f) => readFileSync(join(dir, f), "latin1"));
  return { ref: read(refDir), sqlFiles: read(sqlDir) };
}

const HOSTILE = table("hostile", [
  col("t", "text"),
  col("x", "number"),
  col("int32", "integer"),
  col("int64", "integer"),
  col("uint64", "number"),
  col("d", "date"),
  col("b", "boolean"),
  col("int64 as text", "text", "int64"),
  col("x as integer", "integer", "x"),
  col("old_d", "date"),
  col("ts", "date"),
  col("special", "number"),
  col("xf", "number"),
]);

describe("the SQL writer writes what the row-by-row formatting writes", () => {
  it("for hostile text, numbers, integers, dates and booleans, in both shapes", async () => {
    const { ref, sqlFiles } = await both(HOSTILE);
    expect(sqlFiles[0]).toBe(ref[0]);
    expect(sqlFiles[1]).toBe(ref[1]);
    const plain = Buffer.from(sqlFiles[0]!, "latin1").toString("utf8");
    const dutch = Buffer.from(sqlFiles[1]!, "latin1").toString("utf8");
    expect(plain.startsWith('t,x,int32,int64,uint64,d,b,int64 as text,x as integer,')).toBe(true);
    expect(dutch.startsWith("\uFEFFt;x;int32;")).toBe(true);
    // real values: defused, quoted, CRLF, shortest digits without exponent, Dutch dates
    expect(plain).toContain(`\r\n'=SUM(A1:A9),`);
    expect(plain).toContain(`"'\rCR first"`);
    expect(plain).toContain(`"zegt ""hoi"""`);
    expect(plain).toContain(`\r\n"a,b",`);
    expect(dutch).toContain(`\r\n"a;b";`);
    expect(dutch).toContain(`\r\na,b;`);
    expect(plain).toContain(`,0.0000001,`);
    expect(plain).toContain(`,0.00000047683715820313,`);
    expect(plain).toContain(`,1e+3,`);
    expect(dutch).toContain(`;0,3333333333333333;`);
    expect(plain).toContain(",9007199254740992,");
    expect(plain).toContain(",'-9223372036854775808,");
    expect(plain).toContain(",18446744073709552000,");
    expect(dutch).toContain(";01-01-0005;");
    expect(plain).toContain(",2024-03-31,");
    expect(plain).toContain(",1.7976931348623157e+308,");
    expect(plain).toContain(",-1e+21,");
    expect(plain).toContain(",0005-01-01,");
    expect(plain).toMatch(/,NaN,/);
    expect(plain).toMatch(/,-Infinity,/);
    expect(plain.endsWith("\r\n")).toBe(true);
  });

  it("for hostile column names in the header", async () => {
    const t = table(
      "names",
      HOSTILE_NAMES.map((h, i) => col(h, i % 2 ? "text" : "number", i % 2 ? "t" : "x")),
    );
    const { ref, sqlFiles } = await both(t);
    expect(sqlFiles).toEqual(ref);
    expect(sqlFiles[0]!.startsWith(`Lid sinds (d'r),"Kolom ""tussen"" aanhalingstekens",`)).toBe(true);
  });

  it("sorted by a unique first column alone, as by every column", async () => {
    // 7919 is prime: i * 7919 % 1000 is a different number for each of the rows
    const ids: [OutputType, ReturnType<typeof sql>, string][] = [
      ["text", sql`'id ' || (i * 7919 % 1000)::varchar`, "id 0,"],
      ["integer", sql`(i * 7919 % 1000 - 500)::bigint`, "-500,"],
    ];
    for (const [type, id, start] of ids) {
      const { ref, sqlFiles } = await both({
        name: "unique",
        columns: [
          { name: "id", type },
          { name: "t", type: "text" },
          { name: "x", type: "number" },
          { name: "clean", type: "text" },
          { name: "commas", type: "text" },
          { name: "semicolons", type: "text" },
          { name: "count", type: "text" },
        ],
        // text that needs no formatting in both shapes, or in one of them only
        source: sql`select ${id} as id, t, x, 'rij ' || i as clean, i || ',' || i as commas,
          i || ';' || i as semicolons, (i % 7)::integer as count from hostile`,
      });
      expect(sqlFiles).toEqual(ref);
      expect(sqlFiles[0]!.split("\r\n")[1]!.startsWith(start)).toBe(true);
      expect(sqlFiles[0]).toContain(`,rij 1,"1,1",1;1,1\r\n`);
      expect(sqlFiles[1]).toContain(`;rij 1;1,1;"1;1";1\r\n`);
    }
  });

  it("for an empty table: the header only", async () => {
    const t: OutputTable = { ...table("empty", [col("t", "text"), col("x", "number")]) };
    const empty = { ...t, source: sql`${t.source} where false` };
    const { ref, sqlFiles } = await both(empty);
    expect(sqlFiles).toEqual(ref);
    expect(sqlFiles[0]).toBe("t,x\r\n");
    expect(sqlFiles[1]).toBe("\xEF\xBB\xBFt;x\r\n");
  });

  it("falls back to the row-by-row formatting for a type SQL does not cover", async () => {
    const t: OutputTable = {
      name: "decimal",
      columns: [
        { name: "amount", type: "number" },
        { name: "huge", type: "integer" },
      ],
      source: sql`select (i * 1.25 - 3)::decimal(12, 2) as amount, (i::hugeint << 70) as huge from range(50) r(i)`,
    };
    const { ref, sqlFiles } = await both(t);
    expect(sqlFiles).toEqual(ref);
    expect(sqlFiles[0]).toContain("\r\n-1.75,1.1805916207174113e+21\r\n");
  });

  it("writes every table with writeTables on several connections, Parquet included", async () => {
    const tables = [HOSTILE, table("small", [col("t", "text"), col("d", "date")])];
    const refDir = tempDir();
    const sqlDir = join(tempDir(), "uit met 'quote' en \"dubbel\"");
    mkdirSync(sqlDir);
    for (const t of tables) await writeCsvRows(db, t, refDir);
    await writeTables(db, tables, sqlDir, 3);
    for (const t of tables) {
      for (const f of [`${t.name}.csv`, `${t.name}.nl.csv`]) {
        expect(readFileSync(join(sqlDir, f)).equals(readFileSync(join(refDir, f))), f).toBe(true);
      }
      const [parquet] = await rows<{ n: bigint }>(
        db,
        sql`select count(*) as n from read_parquet(${join(sqlDir, `${t.name}.parquet`)})`,
      );
      expect(Number(parquet?.n)).toBe(ROWS);
    }
  });
});

describe("numberSql and integerSql", () => {
  it("give formatNumber's text for doubles of every magnitude", async () => {
    const values = [...DOUBLES, ...spread(30000)];
    await run(db, sql`create or replace table spread (i integer, x double)`);
    const appender = await db.connection.createAppender("spread");
    values.forEach((v, i) => {
      appender.appendInteger(i);
      appender.appendDouble(v);
      appender.endRow();
    });
    appender.closeSync();
    const result = await rows<{ i: number; t: string }>(
      db,
      sql`select i, ${numberSql(sql`x`)} as t from spread order by i`,
    );
    const wrong = result.filter((r) => r.t !== formatNumber(values[r.i]!, "."));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(result).toHaveLength(values.length);
  });

  it("give Number(bigint)'s text beyond 2^53", async () => {
    const ints = [0n, -1n, 2n ** 53n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n)];
    const result = await rows<{ t: string }>(
      db,
      sql`select ${integerSql(sql`v`)} as t from (select unnest([${ints.map((v) => sql`${v}::bigint`)}]) as v)`,
    );
    expect(result.map((r) => r.t)).toEqual(ints.map((v) => formatNumber(Number(v), ".")));
    expect(result[3]!.t).toBe("9007199254740992");
  });
});
