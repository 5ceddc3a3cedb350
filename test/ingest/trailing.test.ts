import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { files } from "../../src/contract/index.ts";
import { closeDatabase, openDatabase, rows, run } from "../../src/db/duckdb.ts";
import { readFast } from "../../src/ingest/fast-read.ts";
import {
  createRawTable,
  readWithScanner,
  type FileRead,
  type RawTarget,
} from "../../src/ingest/read-file.ts";
import { readNote } from "../../src/ingest/quality.ts";
import { REPEATED_HEADER } from "../../src/ingest/records.ts";
import { load, MEMBERS, rejectsOf, tempDir, writeExports } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

/*
 * The field count rule (spec/contract.md, "Dialect"; issue 17; src/ingest/records.ts): a trailing
 * delimiter is a property of the file, on the header or on every data row. Otherwise a row with
 * one field more than the header is shifted, and bad_row even when that field is empty.
 */

const spec = files.find((f) => f.key === "project_partners")!;
const COLUMNS = ["project_id", "organisation_id", "role", "sector"];
const HEADER = COLUMNS.join(",");
const target: RawTarget = { spec, columns: COLUMNS, context: {} };

const NOTE = "afsluitend scheidingsteken op elke rij (genegeerd)";
const shifted = (line: number, value: string, n = 5) => ({
  line,
  value,
  message_nl: `rij heeft ${n} velden, de kop heeft er 4`,
});

interface Read {
  readonly read: FileRead;
  /** The raw table's [line, project_id]. */
  readonly loaded: [number, string][];
}

/**
 * Reads a file with both readers: the scanner, and read_csv after its prescan (undefined when the
 * prescan leaves the file to the scanner, with the reason why).
 */
async function readBoth(text: string): Promise<{ scanner: Read; fast?: Read; why?: string }> {
  const path = join(tempDir(), "project_partners.csv");
  writeFileSync(path, text);
  const db = await openDatabase(":memory:");
  try {
    await createRawTable(db, spec, COLUMNS);
    const raw = async () => {
      const found = await rows<{ line: number; project_id: string }>(
        db,
        sql`select line, project_id from raw_project_partners order by line`,
      );
      await run(db, sql`delete from raw_project_partners`);
      return found.map((r): [number, string] => [r.line, r.project_id]);
    };
    const fast = await readFast(db, target, path, 0);
    const fastRead = typeof fast === "string" ? undefined : { read: fast, loaded: await raw() };
    const slow = await readWithScanner(db, target, path, 0);
    if (!slow.ok) throw new Error(JSON.stringify(slow.problems));
    const scanner = { read: slow.read, loaded: await raw() };
    return {
      scanner,
      ...(fastRead ? { fast: fastRead } : {}),
      ...(typeof fast === "string" ? { why: fast } : {}),
    };
  } finally {
    closeDatabase(db);
  }
}

/** Checks that both readers read a file alike (or read_csv left it to the scanner). */
function agree(both: Awaited<ReturnType<typeof readBoth>>): Read {
  const { scanner, fast } = both;
  if (fast) {
    expect(fast.loaded).toEqual(scanner.loaded);
    expect(fast.read.badRows).toEqual(scanner.read.badRows);
    expect(fast.read.rowsRead).toBe(scanner.read.rowsRead);
    expect(fast.read.dialect).toEqual(scanner.read.dialect);
  }
  return scanner;
}

describe("the field count rule, read by the scanner and by read_csv", () => {
  it("issue 17: a row with one more field, empty, in a file without trailing delimiter is bad_row", async () => {
    const text = [
      HEADER,
      "PRJ024,ORG001,partner,zorg",
      "PRJ025,ORG001,ORG058,partner,",
      "PRJ026,ORG002,penvoerder,",
      "",
    ].join("\n");
    const both = await readBoth(text);
    expect(both.why).toBe("rijen met en zonder afsluitend scheidingsteken");
    const { read, loaded } = agree(both);
    expect(loaded).toEqual([
      [2, "PRJ024"],
      [4, "PRJ026"],
    ]);
    expect(read.badRows).toEqual([shifted(3, "PRJ025,ORG001,ORG058,partner,")]);
    expect(read.rowsRead).toBe(3);
    expect(read.dialect.trailingEveryRow).toBeUndefined();
  });

  it("the same when the shifted rows come first (they are read again as bad rows)", async () => {
    const text = [
      HEADER,
      "PRJ025,ORG001,ORG058,partner,",
      "",
      'PRJ027,ORG003,"partner, ""trekker""",zorg, ',
      "PRJ024,ORG001,partner,zorg",
      "PRJ028,ORG001,ORG058,partner,",
      "",
    ].join("\r\n");
    const { read, loaded } = agree(await readBoth(text));
    expect(loaded).toEqual([[5, "PRJ024"]]);
    expect(read.badRows).toEqual([
      shifted(2, "PRJ025,ORG001,ORG058,partner,"),
      shifted(4, 'PRJ027,ORG003,partner, "trekker",zorg, '),
      shifted(6, "PRJ028,ORG001,ORG058,partner,"),
    ]);
    expect(read.rowsRead).toBe(4);
  });

  it("a header that ends with the delimiter: rows with and without one load", async () => {
    const rowsOf = (ends: (i: number) => string) =>
      [1, 2, 3].map((i) => `PRJ00${i},ORG001,partner,zorg${ends(i)}`);
    const cases = [
      { rows: rowsOf(() => ","), fast: true },
      { rows: rowsOf(() => ""), fast: true },
      { rows: rowsOf((i) => [",", "", ", "][i - 1]!), fast: false },
    ];
    for (const c of cases) {
      const text = [`${HEADER},`, ...c.rows, "PRJ009,ORG001", ""].join("\n");
      const both = await readBoth(text);
      expect(both.fast !== undefined).toBe(c.fast);
      const { read, loaded } = agree(both);
      expect(loaded.map(([line]) => line)).toEqual([2, 3, 4]);
      expect(read.badRows).toEqual([
        { line: 5, value: "PRJ009,ORG001", message_nl: "rij heeft 2 velden, de kop heeft er 4" },
      ]);
      expect(read.dialect.trailingEveryRow).toBeUndefined();
    }
  });

  it("every row, but not the header, ends with the delimiter: all load, and it is noted", async () => {
    const text = [
      HEADER,
      "PRJ001,ORG001,partner,zorg,",
      "PRJ002,ORG002,,,",
      '"PRJ003",ORG001,partner,"welzijn", ',
      "",
    ].join("\n");
    const both = await readBoth(text);
    expect(both.fast).toBeDefined();
    const { read, loaded } = agree(both);
    expect(loaded.map(([line]) => line)).toEqual([2, 3, 4]);
    expect(read.badRows).toEqual([]);
    expect(read.dialect.trailingEveryRow).toBe(true);
  });

  it("a mixed file: the rows with a trailing delimiter are shifted, also when most rows have one", async () => {
    const text = [
      HEADER,
      "PRJ001,ORG001,partner,zorg,",
      "PRJ002,ORG002,partner,zorg,",
      "PRJ003,ORG001,partner,zorg",
      "PRJ004,ORG002,partner,zorg,",
      "",
    ].join("\n");
    const both = await readBoth(text);
    expect(both.fast).toBeUndefined();
    const { read, loaded } = agree(both);
    expect(loaded).toEqual([[4, "PRJ003"]]);
    expect(read.badRows.map((b) => b.line)).toEqual([2, 3, 5]);
    expect(read.dialect.trailingEveryRow).toBeUndefined();
  });

  it("every data row is literal: one row with another count means the file has no trailing delimiter", async () => {
    const text = [
      HEADER,
      "PRJ001,ORG001,partner,zorg,",
      "PRJ002,ORG002",
      "PRJ003,ORG001,partner,zorg,",
      "",
    ].join("\n");
    const both = await readBoth(text);
    expect(both.fast).toBeUndefined();
    const { read, loaded } = agree(both);
    expect(loaded).toEqual([]);
    expect(read.badRows).toEqual([
      shifted(2, "PRJ001,ORG001,partner,zorg,"),
      { line: 3, value: "PRJ002,ORG002", message_nl: "rij heeft 2 velden, de kop heeft er 4" },
      shifted(4, "PRJ003,ORG001,partner,zorg,"),
    ]);
  });

  it("an unterminated quote and a repeated header do not count against every row", async () => {
    const text = [
      HEADER,
      "PRJ001,ORG001,partner,zorg,",
      ` ${HEADER.toUpperCase()}`,
      "PRJ002,ORG002,partner,zorg,",
      'PRJ003,"ORG001,partner,zorg,',
    ].join("\n");
    const { read, loaded } = agree(await readBoth(text));
    expect(loaded.map(([line]) => line)).toEqual([2, 4]);
    expect(read.badRows).toEqual([
      { line: 3, value: ` ${HEADER.toUpperCase()}`, message_nl: REPEATED_HEADER },
      {
        line: 5,
        value: "PRJ003,ORG001,partner,zorg,",
        message_nl: "aanhalingsteken wordt niet afgesloten",
      },
    ]);
    expect(read.dialect.trailingEveryRow).toBe(true);
  });

  it("a repeated header is one whether it ends with the delimiter or not", async () => {
    const text = [HEADER, "PRJ001,ORG001,partner,zorg", `${HEADER},`, ""].join("\n");
    const both = await readBoth(text);
    const { read, loaded } = agree(both);
    expect(loaded.map(([line]) => line)).toEqual([2]);
    expect(read.badRows).toEqual([{ line: 3, value: `${HEADER},`, message_nl: REPEATED_HEADER }]);
    const trailing = [`${HEADER},`, "PRJ001,ORG001,partner,zorg,", HEADER, ""].join("\n");
    const again = agree(await readBoth(trailing));
    expect(again.read.badRows).toEqual([{ line: 3, value: HEADER, message_nl: REPEATED_HEADER }]);
  });

  it("a file with a header only has no trailing delimiter on every row", async () => {
    const { read } = agree(await readBoth(`${HEADER}\n`));
    expect(read.rowsRead).toBe(0);
    expect(read.dialect.trailingEveryRow).toBeUndefined();
  });

  it('an extra field of doubled quotes ("""") is not empty', async () => {
    const text = [HEADER, 'PRJ001,ORG001,partner,zorg,""""', ""].join("\n");
    const { read, loaded } = agree(await readBoth(text));
    expect(loaded).toEqual([]);
    expect(read.badRows).toEqual([shifted(2, 'PRJ001,ORG001,partner,zorg,"')]);
  });
});

describe("the field count rule in a refresh: rejects and the quality report", () => {
  const PROJECTS = [
    "project_id,project_name,network,stage,start_on",
    "PRJ024,Een,Slimmer Leven,pilot,2021-01-01",
    "PRJ025,Twee,Slimmer Leven,pilot,2021-01-01",
    "PRJ026,Drie,Slimmer Leven,pilot,2021-01-01",
    "",
  ].join("\n");
  const MEMBERS_ORG = MEMBERS.replaceAll("O1,", "ORG001,").replaceAll("O2,", "ORG002,");

  /** Loads project_partners.csv beside good members and projects; `scanner` forces that path. */
  async function refresh(partners: string, scanner: boolean) {
    // Mixed line ends make read_csv leave the file to the scanner.
    const text = scanner ? partners.replace("\n", "\r\n") : partners;
    const { db, result } = await load(
      writeExports({
        "members.csv": MEMBERS_ORG,
        "projects.csv": PROJECTS,
        "project_partners.csv": text,
      }),
    );
    try {
      const quality = result.quality.find((q) => q.file === "project_partners.csv")!;
      expect(quality.rows_read).toBe(quality.rows_loaded + quality.rows_rejected);
      const [read] = result.reads.get(spec)!;
      return {
        quality,
        method: read!.method,
        rejects: await rejectsOf(db, "project_partners.csv"),
      };
    } finally {
      closeDatabase(db);
    }
  }

  for (const scanner of [false, true]) {
    const via = scanner ? "mixed line ends, so the scanner" : "read_csv first";
    it(`issue 17's row is rejected as bad_row, the rest loads (${via})`, async () => {
      const partners = [
        HEADER,
        "PRJ024,ORG001,partner,zorg",
        "PRJ025,ORG001,ORG058,partner,",
        "PRJ026,ORG002,penvoerder,",
        "",
      ].join("\n");
      const r = await refresh(partners, scanner);
      expect(r.method).toMatch(/^scanner \(/);
      expect(r.quality).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
      expect(r.quality.note).not.toContain(NOTE);
      expect(r.rejects).toEqual([
        {
          file: "project_partners.csv",
          line: 3,
          column: null,
          value: "PRJ025,ORG001,ORG058,partner,",
          reason: "bad_row",
          message_nl: "Rij kan niet gelezen worden: rij heeft 5 velden, de kop heeft er 4.",
        },
      ]);
    });

    it(`a trailing delimiter on every row loads and is noted (${via})`, async () => {
      const partners = [
        HEADER,
        "PRJ024,ORG001,partner,zorg,",
        "PRJ025,ORG002,penvoerder,,",
        "",
      ].join("\n");
      const r = await refresh(partners, scanner);
      expect(r.method).toMatch(scanner ? /^scanner \(/ : /^read_csv$/);
      expect(r.quality).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
      expect(r.quality.note).toBe(`tekenset UTF-8; scheidingsteken komma; ${NOTE}`);
      expect(r.rejects).toEqual([]);
    });

    it(`a header that ends with the delimiter is not noted (${via})`, async () => {
      const partners = [`${HEADER},`, "PRJ024,ORG001,partner,zorg,", ""].join("\n");
      const r = await refresh(partners, scanner);
      expect(r.quality).toMatchObject({ rows_read: 1, rows_loaded: 1, rows_rejected: 0 });
      expect(r.quality.note).toBe("tekenset UTF-8; scheidingsteken komma");
    });
  }
});

describe("the quality note of an export of several files", () => {
  it("says per file which has a trailing delimiter on every row", () => {
    const read = (name: string, trailingEveryRow: boolean): FileRead => ({
      spec,
      name,
      fileIndex: 0,
      encoding: "utf-8",
      fellBack: false,
      dialect: {
        delimiter: ",",
        sepHint: false,
        ...(trailingEveryRow ? { trailingEveryRow: true as const } : {}),
      },
      plan: { columns: [], ignored: [], width: 4, problems: [] },
      rowsRead: 0,
      badRows: [],
    });
    expect(readNote([read("a.csv", true), read("b.csv", false)], 0)).toBe(
      `gelezen uit a.csv, b.csv; a.csv: tekenset UTF-8, scheidingsteken komma, ${NOTE}; b.csv: tekenset UTF-8, scheidingsteken komma`,
    );
    expect(readNote([read("a.csv", true), read("b.csv", true)], 0)).toBe(
      `gelezen uit a.csv, b.csv; tekenset UTF-8; scheidingsteken komma; ${NOTE}`,
    );
  });
});
