import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../../src/db/duckdb.ts";
import { macrosSql } from "../../../src/ingest/sql/macros.ts";
import { join, sql, type Sql } from "../../../src/db/sql.ts";
import { booleanWords, vocabularies, vocabularyLookup } from "../../../src/contract/index.ts";
import type { VocabularyName } from "../../../src/contract/types.ts";

let db: Database;
beforeAll(async () => {
  db = await openDatabase(":memory:");
  await run(db, macrosSql);
});
afterAll(() => closeDatabase(db));

async function value(expr: Sql): Promise<unknown> {
  const [row] = await rows<{ v: unknown }>(db, sql`select ${expr} as v`);
  return row!.v;
}

describe("rm_number: every number form of spec/contract.md", () => {
  it.each([
    ["1234.5", 1234.5],
    ["1234,5", 1234.5],
    ["1.234,50", 1234.5],
    ["1,234.50", 1234.5],
    ["€ 1.234", 1234],
    ["1234", 1234],
    ["1.234", 1234],
    ["1,234", 1234],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1.234.567,89", 1234567.89],
    ["0,5", 0.5],
    ["12,75", 12.75],
    ["-500", -500],
    ["€1.234,-", 1234],
    [" 1 234 ", 1234],
    ["EUR 250", 250],
  ])("%s → %d", async (raw, expected) => {
    expect(await value(sql`rm_number(${raw})`)).toBe(expected);
  });

  it.each(["abc", "12a", "1.234,5,6", "1,2.3.4", "", "1e5", "--5"])(
    "%s is not a number",
    async (raw) => {
      expect(await value(sql`rm_number(${raw})`)).toBeNull();
    },
  );
});

describe("rm_date: every date form of spec/contract.md, day before month", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["05-03-2024", "2024-03-05"],
    ["5-3-2024", "2024-03-05"],
    ["05/03/2024", "2024-03-05"],
    ["5/3/2024", "2024-03-05"],
    ["2024-03-05 14:30", "2024-03-05"],
    ["2024-03-05T14:30:00", "2024-03-05"],
    [" 12-11-2025 ", "2025-11-12"],
    ["29-02-2024", "2024-02-29"],
  ])("%s → %s", async (raw, expected) => {
    expect(await value(sql`strftime(rm_date(${raw}), '%Y-%m-%d')`)).toBe(expected);
  });

  it.each(["31-02-2023", "29-02-2023", "2024/03/05", "05-03-24", "13/13/2024", "morgen", ""])(
    "%s is not a date",
    async (raw) => {
      expect(await value(sql`rm_date(${raw})`)).toBeNull();
    },
  );
});

describe("rm_bool: every boolean form, case-insensitive, empty = false", () => {
  it.each(["ja", "J", "yes", "Y", "true", "WAAR", "1", "x", "X"])("%s → true", async (raw) => {
    expect(await value(sql`rm_bool(${raw})`)).toBe(true);
  });
  it.each(["nee", "N", "no", "n", "False", "onwaar", "0", "", " "])("%s → false", async (raw) => {
    expect(await value(sql`rm_bool(${raw})`)).toBe(false);
  });
  it("null is false and anything else is invalid", async () => {
    expect(await value(sql`rm_bool(null)`)).toBe(false);
    expect(await value(sql`rm_bool('misschien')`)).toBeNull();
  });
});

describe("text, vocabulary keys and gemeente codes", () => {
  it("trims and folds inner white space, including no-break spaces", async () => {
    expect(await value(sql`rm_text(${"  Zorg \u00a0  en\tWelzijn  "})`)).toBe("Zorg en Welzijn");
    expect(await value(sql`rm_text('   ')`)).toBeNull();
  });

  it("treats case, spaces and '-' alike in vocabulary keys", async () => {
    expect(await value(sql`rm_key(' Scale-Up ')`)).toBe("scale_up");
    expect(await value(sql`rm_key('Eigen  bijdrage')`)).toBe("eigen_bijdrage");
    expect(await value(sql`rm_key('eigen_bijdrage')`)).toBe("eigen_bijdrage");
  });

  it.each([
    ["GM0772", "GM0772"],
    ["772", "GM0772"],
    ["0772", "GM0772"],
    ["gm0772", "GM0772"],
    ["14", "GM0014"],
  ])("gemeente %s → %s", async (raw, expected) => {
    expect(await value(sql`rm_gemeente(${raw})`)).toBe(expected);
  });

  it("rejects a code that is no CBS gemeente code", async () => {
    expect(await value(sql`rm_gemeente('Eindhoven')`)).toBeNull();
    expect(await value(sql`rm_gemeente('GM07721')`)).toBeNull();
  });
});

describe("fast paths: the same result as the full macros for every value", () => {
  const spaces = ["", " ", "  ", "\t", "\n", "\r\n", "\f", "\v", "\u00a0", "\u202f", " \u00a0 "];
  const cores = [
    "ORG-00170",
    "Zorg en Welzijn",
    "Zorg  en Welzijn",
    "Zorg\ten\nWelzijn",
    "É",
    "医療",
    "'=1+2",
    "x",
    "2024-03-05",
    "2024-3-5",
    "2024-02-30",
    "2024-13-01",
    "0000-01-01",
    "-202-01-01",
    "05-03-2024",
    "5/3/2024",
    "2024/03/05",
    "2024-03-05 14:30",
    "2024-03-05T14:30",
    "20240305",
    "1899-12-31",
    "9999-12-31",
    "infinity",
    ...booleanWords.true,
    ...booleanWords.false,
    "JA",
    "Nee",
    "TRUE",
    "2",
    "0",
    "007",
    "2024",
    "98500",
    "1_000",
    "1e3",
    "-5",
    "+5",
    "12.500",
    "12,5",
    "€ 1.234",
    "123456789012345678901234567890",
    "١٢",
  ];
  const values = [
    null,
    "",
    ...spaces,
    ...cores.flatMap((c) => spaces.flatMap((a) => [a + c, c + a, a + c + a])),
  ];
  const list = sql`[${join(values.map((v) => sql`${v}::varchar`))}]`;

  it.each([
    ["rm_text_f", sql`rm_text_f(s) is distinct from rm_text(s)`],
    ["rm_date_f", sql`rm_date_f(s) is distinct from rm_date(s)`],
    ["rm_bool_f", sql`rm_bool_f(s) is distinct from rm_bool(s)`],
    ["rm_number_f", sql`rm_number_f(s) is distinct from rm_number(s)`],
  ])("%s equals the full macro", async (_, differs) => {
    const differing = await rows<{ s: string }>(
      db,
      sql`select s from (select unnest(${list}) as s) where ${differs}`,
    );
    expect(differing).toEqual([]);
  });

  it("rm_blank(s) is rm_text(s) is null", async () => {
    const differing = await rows<{ s: string }>(
      db,
      sql`select s from (select unnest(${list}) as s) where rm_blank(s) <> (rm_text(s) is null)`,
    );
    expect(differing).toEqual([]);
    expect(values.length).toBeGreaterThan(1000);
  });

  it("takes a vocabulary key as it is only where rm_key leaves it as it is", async () => {
    const keys = (Object.keys(vocabularies) as VocabularyName[]).flatMap((name) => [
      ...vocabularyLookup(name).keys(),
    ]);
    const canonical = keys.filter((k) => /^[a-z0-9]+(_[a-z0-9]+)*$/.test(k));
    expect(canonical.length).toBeGreaterThan(20);
    const changed = await rows<{ k: string }>(
      db,
      sql`select k from (select unnest(${sql`[${join(canonical.map((k) => sql`${k}`))}]`}) as k)
       where rm_key(k) is distinct from k`,
    );
    expect(changed).toEqual([]);
  });

  it("leaves every key of every vocabulary's map as it is (a list part that is one skips rm_key)", async () => {
    const keys = (Object.keys(vocabularies) as VocabularyName[]).flatMap((name) => [
      ...vocabularyLookup(name).keys(),
    ]);
    expect(keys).toContain("één_instrument");
    const changed = await rows<{ k: string }>(
      db,
      sql`select k from (select unnest(${sql`[${join(keys.map((k) => sql`${k}`))}]`}) as k)
       where rm_key(k) is distinct from k`,
    );
    expect(changed).toEqual([]);
  });
});
