import { describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, rows, type Database } from "../../src/db/duckdb.ts";
import { sql } from "../../src/db/sql.ts";
import { ingest } from "../../src/ingest/index.ts";
import { silentEffects } from "../../src/effects.ts";
import { MEMBERS, prng, writeExports } from "../helpers.ts";

const HEADER = [
  "event_id",
  "event_name",
  "event_date",
  "event_type",
  "network",
  "organisation_id",
  "person_role",
  "attended",
];

/** Values per column, valid and not: the checks and the fast paths of the macros meet them all. */
const POOLS: Record<string, readonly string[]> = {
  event_id: ["E1", "E2", " E3 ", "", "E\u00a04", "=E5", "   ", "\u00a0", "E\t6"],
  event_name: [
    "Kopgroep",
    "Zorg,  en welzijn",
    'een "quote"',
    "regel\neen",
    "",
    "é€ë 医療",
    "smalle\u202fspatie",
    "Zorg ",
  ],
  event_date: [
    "2024-03-05",
    "05-03-2024",
    "5/3/2024",
    "2024-02-30",
    "",
    " 2024-03-05",
    "x",
    "1850-01-01",
  ],
  event_type: ["kopgroep", "werkgroep", ""],
  network: ["Slimmer Leven", "", " Slimmer  Leven "],
  organisation_id: ["O1", "O2", "", "O9", "O1 "],
  person_role: ["bestuurder", " Bestuurder ", "management", "onbekend", "", "Professional"],
  attended: ["ja", "nee", "true", "X", " Ja ", "misschien", "", "0"],
};

/** Free text that rm_text_f's fast path takes as it is (empty counts: it is NULL either way). */
const FINAL_TEXT = (v: string) => !/[\t\n\f\r\u00a0\u202f]| {2}|^ | $/.test(v);
const TEXT_COLUMNS = ["event_id", "event_name", "event_type", "network", "organisation_id"];

/**
 * A random attendance export with blank lines, quoted breaks, bad rows and repeated headers. In
 * a third of the files the free text is final as written, so the one-pass read takes it as it is
 * (one-pass.ts); in the others it also normalises it afterwards or reads the file again.
 */
function randomAttendance(random: () => number): string {
  const finalText = random() < 1 / 3;
  const pool = (c: string) =>
    finalText && TEXT_COLUMNS.includes(c) ? POOLS[c]!.filter(FINAL_TEXT) : POOLS[c]!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const newline = pick(["\n", "\r\n"]);
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [HEADER.join(",")];
  // Half the files have blank lines and line breaks in quoted values (lines shift in the file).
  const odd = random() < 0.5;
  const value = (c: string) => {
    const v = pick(pool(c));
    return odd || !/[\r\n]/.test(v) ? v : v.replace(/[\r\n]+/g, " ");
  };
  const n = 1 + Math.floor(random() * 150);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.05 && odd) lines.push("");
    else if (r < 0.08) lines.push(HEADER.join(","));
    else if (r < 0.11) lines.push("E1,Kopgroep,2024-03-05");
    else lines.push(HEADER.map((c) => quote(value(c))).join(","));
  }
  return lines.join(newline) + newline;
}

async function loadWith(dir: string, onePass: boolean): Promise<Database> {
  const db = await openDatabase(":memory:");
  await ingest(db, dir, silentEffects, { onePass });
  return db;
}

async function contents(db: Database) {
  return {
    // By name: the one-pass clean table has its columns in another order.
    clean: await rows(
      db,
      sql`select file_index, line, event_id, event_name, event_date, event_type, network,
        organisation_id, person_role, attended from attendance order by file_index, line`,
    ),
    rejects: await rows(db, sql`select * from rejects order by all`),
    quality: await rows(db, sql`select * from data_quality order by all`),
    warnings: await rows(db, sql`select * from warnings order by all`),
  };
}

describe("the one-pass read of attendance.csv", () => {
  it("gives the clean rows, lines, rejects and counts of the raw-table path on 12 random files", async () => {
    const random = prng(12);
    let checked = 0;
    for (let i = 0; i < 12; i++) {
      const dir = writeExports({
        "members.csv": MEMBERS,
        "attendance.csv": randomAttendance(random),
      });
      const fast = await loadWith(dir, true);
      const reference = await loadWith(dir, false);
      try {
        const [tables] = await rows<{ n: bigint }>(
          fast,
          sql`select count(*) as n from raw_attendance`,
        );
        if (Number(tables!.n) === 0) checked++;
        expect(await contents(fast), `bestand ${i}`).toEqual(await contents(reference));
      } finally {
        closeDatabase(fast);
        closeDatabase(reference);
      }
    }
    // Most files are read by read_csv and typed while read; the others by the scanner.
    expect(checked).toBeGreaterThan(6);
  }, 300_000);

  it("leaves a file to the raw table when a repeated header would pass the checks", async () => {
    // event_date and attended are mapping constants: the file has only text columns, so a row
    // repeating its header is valid data by the checks, and only the raw-table path finds it.
    const dir = writeExports({
      "members.csv": MEMBERS,
      "attendance.csv": "event_id,organisation_id\nE1,O1\nevent_id,organisation_id\nE2,O2\n",
      "mapping.json": JSON.stringify({
        attendance: { constants: { event_date: "2024-03-05", attended: "ja" } },
      }),
    });
    const db = await loadWith(dir, true);
    try {
      const [raw] = await rows<{ n: bigint }>(db, sql`select count(*) as n from raw_attendance`);
      expect(Number(raw!.n)).toBe(2);
      expect(await rows(db, sql`select line, event_id from attendance order by line`)).toEqual([
        { line: 2, event_id: "E1" },
        { line: 4, event_id: "E2" },
      ]);
      expect(
        await rows(db, sql`select line, reason from rejects where file = 'attendance.csv'`),
      ).toEqual([{ line: 3, reason: "bad_row" }]);
    } finally {
      closeDatabase(db);
    }
  });
});
