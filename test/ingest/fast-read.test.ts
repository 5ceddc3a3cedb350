import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { files } from "../../src/contract/index.ts";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { readFast } from "../../src/ingest/fast-read.ts";
import { createRawTable, readWithScanner, type RawTarget } from "../../src/ingest/read-file.ts";
import { scanText, type RawRecord } from "../../src/ingest/scanner.ts";
import { prng, tempDir } from "../helpers.ts";
import { sql } from "../../src/db/sql.ts";

const spec = files.find((f) => f.key === "projects")!;
const HEADER = ["project_id", "project_name", "network", "stage", "start_on"];
const target: RawTarget = { spec, columns: HEADER, context: {} };

const VALUES = [
  "P1",
  "",
  " x ",
  "Zorg, en welzijn",
  'een "aanhalings" teken',
  "regel\neen",
  "é€ë",
  "\u00a0",
  "a\r\nb",
  "  ",
];

/**
 * A random export: sometimes odd (bad field counts, blank lines, mixed line ends, quotes). A
 * trailing delimiter is a property of the file (the field count rule in src/ingest/records.ts):
 * on the header (then each row may have one or not), on every row, on none, or (a file with
 * shifted rows) on some rows only.
 */
function randomCsv(random: () => number): { text: string; delimiter: string; sepHint: boolean } {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const delimiter = pick([",", ";", "\t"]);
  const newline = pick(["\n", "\r\n", "\n", "\r"]);
  const quote = (v: string) =>
    /[",;\t\r\n]/.test(v) || random() < 0.1 ? `"${v.replaceAll('"', '""')}"` : v;
  const lines: string[] = [];
  const sepHint = random() < 0.15;
  if (sepHint) lines.push(`sep=${delimiter}`);
  const trailing = pick(["none", "none", "header", "rows", "some rows"] as const);
  lines.push(HEADER.join(delimiter) + (trailing === "header" ? delimiter : ""));
  const rowTrailing = () =>
    trailing === "rows" || (trailing !== "none" && random() < (trailing === "header" ? 0.5 : 0.1));
  const n = 1 + Math.floor(random() * 12);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.08) lines.push("");
    else if (r < 0.12) lines.push("   ");
    else if (r < 0.18) lines.push(["P", "x"].join(delimiter));
    else if (r < 0.22) lines.push(`P${i}${delimiter}a"b${delimiter}c`);
    else {
      const fields = [`P${i}`, pick(VALUES), pick(VALUES), "pilot", pick(VALUES)].map(quote);
      lines.push(fields.join(delimiter) + (rowTrailing() ? delimiter : ""));
    }
  }
  let text = lines.join(newline);
  if (random() < 0.5) text += newline;
  if (random() < 0.05) text += `P9${delimiter}"open`;
  if (random() < 0.1) text = `\uFEFF${text}`;
  if (random() < 0.1) text = text.replace(/\r\n/, "\n");
  return { text, delimiter, sepHint };
}

/**
 * What the field count rule says of a file, worked out from its records: the lines of the rows
 * that load, and whether every row (but not the header) ends with the delimiter.
 */
function byRule(text: string, delimiter: string, sepHint: boolean) {
  const records = scanText(text.replace(/^\uFEFF/, ""), delimiter).slice(sepHint ? 1 : 0);
  const [header, ...data] = records;
  const width = HEADER.length;
  const extraEmpty = (r: RawRecord) =>
    r.fields.length === width + 1 && r.fields[width]!.trim() === "";
  const counted = data.filter((r) => !r.unterminatedQuote);
  const headerTrailing = header!.fields.length === width + 1;
  const everyRowTrailing = !headerTrailing && counted.length > 0 && counted.every(extraEmpty);
  const loads = (r: RawRecord) =>
    !r.unterminatedQuote &&
    (r.fields.length === width || ((headerTrailing || everyRowTrailing) && extraEmpty(r)));
  const shifted = counted.filter((r) => extraEmpty(r) && !loads(r)).length;
  return { lines: data.filter(loads).map((r) => r.line), everyRowTrailing, shifted };
}

async function readBoth(db: Database, path: string) {
  await run(db, sql`drop table if exists raw_projects`);
  await createRawTable(db, spec, target.columns);
  const result = await readFast(db, target, path, 0);
  const fast = typeof result === "string" ? undefined : result;
  const fastRows = await rows(db, sql`select * from raw_projects order by line`);
  await run(db, sql`delete from raw_projects`);
  const slow = await readWithScanner(db, target, path, 0);
  const slowRows = await rows(db, sql`select * from raw_projects order by line`);
  return { fast, fastRows, slow, slowRows };
}

describe("reading with read_csv after a prescan", () => {
  it("gives the scanner's rows, lines, counts and bad rows, or leaves the file to the scanner", async () => {
    const dir = tempDir();
    const db = await openDatabase(":memory:");
    const random = prng(20261124);
    let taken = 0;
    let everyRowFast = 0;
    let shifted = 0;
    try {
      for (let i = 0; i < 300; i++) {
        const path = join(dir, `projects-${i}.csv`);
        const { text, delimiter, sepHint } = randomCsv(random);
        writeFileSync(path, text);
        const { fast, fastRows, slow, slowRows } = await readBoth(db, path);
        if (!slow.ok) continue;
        const context = JSON.stringify(text);
        const rule = byRule(text, delimiter, sepHint);
        expect(
          slowRows.map((r) => r.line),
          context,
        ).toEqual(rule.lines);
        expect(slow.read.dialect.trailingEveryRow === true, context).toBe(rule.everyRowTrailing);
        expect(slow.read.rowsRead - slow.read.badRows.length, context).toBe(rule.lines.length);
        shifted += rule.shifted;
        if (!fast) continue;
        taken++;
        if (rule.everyRowTrailing) everyRowFast++;
        expect(fastRows, context).toEqual(slowRows);
        expect(fast.rowsRead, context).toBe(slow.read.rowsRead);
        expect(fast.badRows, context).toEqual(slow.read.badRows);
        expect(fast.dialect, context).toEqual(slow.read.dialect);
      }
    } finally {
      closeDatabase(db);
    }
    // The comparison is not vacuous: most random files take the fast path, files with a
    // trailing delimiter on every row among them, and shifted rows were tried.
    expect(taken).toBeGreaterThan(100);
    expect(everyRowFast).toBeGreaterThan(10);
    expect(shifted).toBeGreaterThan(10);
    console.log(
      `fast read: ${taken} of 300 files by read_csv, ${everyRowFast} with a trailing delimiter on every row; ${shifted} shifted rows`,
    );
    // 300 files, about 9 s alone; beside the browser tests on two cores it took over 60 s.
  }, 240_000);

  it("takes the fast path for quoted line breaks, blank lines and bad rows, with exact lines", async () => {
    const dir = tempDir();
    const path = join(dir, "projects.csv");
    writeFileSync(
      path,
      'project_id,project_name,network,stage,start_on\r\nP1,"twee\r\nregels",SL,pilot,2021-01-01\r\n\r\nP2,kort\r\nP3,Drie,SL,idee,2022-01-01\r\n',
    );
    const db = await openDatabase(":memory:");
    try {
      const { fast, fastRows } = await readBoth(db, path);
      expect(fast).toBeDefined();
      expect(fastRows.map((r) => [r.line, r.project_id])).toEqual([
        [2, "P1"],
        [6, "P3"],
      ]);
      expect(fast!.badRows).toEqual([
        { line: 5, value: "P2,kort", message_nl: "rij heeft 2 velden, de kop heeft er 5" },
      ]);
    } finally {
      closeDatabase(db);
    }
  });
});
