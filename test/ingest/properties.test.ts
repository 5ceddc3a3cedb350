import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files, type FileKey } from "../../src/contract/index.ts";
import { closeDatabase, rows, type Database } from "../../src/db/duckdb.ts";
import { computeIndicators, families } from "../../src/indicators/index.ts";
import { buildDataset, DEFAULT_TODAY, loadReference } from "../../src/generate/index.ts";
import {
  dialectNamed,
  headerLine,
  rowFormatter,
  type ExportRow,
} from "../../src/generate/dialect.ts";
import { load } from "../helpers.ts";
import { badPicks, spoilers, type BadPick, type Expected } from "./properties/bad-rows.ts";
import { fileDialect, type FileDialect } from "./properties/dialect.ts";
import { writeFile, type Line } from "./properties/write.ts";
import { ident, sql } from "../../src/db/sql.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const SEED = Number(process.env.PROPERTY_SEED ?? 20261124);
const AS_OF = "2026-06-30";

/** The good rows: the regio sample without its deliberate flaws, made a little nastier. */
async function goodRows(): Promise<Record<FileKey, ExportRow[]>> {
  const dataset = buildDataset(
    { scale: "regio", seed: 2026, today: DEFAULT_TODAY },
    await loadReference(),
  );
  const all = Object.fromEntries(
    files.map((f) => [f.key, [...(dataset.exports[f.key]?.rows ?? [])]]),
  ) as Record<FileKey, ExportRow[]>;
  all.attendance = all.attendance.slice(0, 900);
  const org = all.members[3]!.organisation_id;
  const name = 'Zorggroep "De Linde", Eindhoven; locatie\tZuid';
  all.members = all.members.map((r) =>
    r.organisation_id === org ? { ...r, organisation_name: name } : r,
  );
  all.projects[5] = { ...all.projects[5]!, project_name: "Samen\nsterker thuis" };
  const event = all.attendance[10]!.event_id;
  all.attendance = all.attendance.map((r) =>
    r.event_id === event ? { ...r, event_name: "Café Ëlla: € en zorg" } : r,
  );
  return all;
}

/** What a database holds that must not depend on the dialect or on the bad rows. */
async function content(db: Database) {
  const tables: Record<string, unknown[]> = {};
  for (const f of files) {
    tables[f.key] = await rows(
      db,
      sql`select columns(* exclude (file_index, line))::varchar from ${ident(f.key)} order by all`,
    );
  }
  await computeIndicators(db, families, AS_OF);
  const indicators = await rows(
    db,
    sql`select scope_type, scope, indicator, period_end::varchar as period_end, round(value, 9) as value
     from indicators order by all`,
  );
  return { tables, indicators };
}

let good: Record<FileKey, ExportRow[]>;
let expected: Awaited<ReturnType<typeof content>>;
const dirs: string[] = [];

beforeAll(async () => {
  good = await goodRows();
  const dir = mkdtempSync(join(tmpdir(), "regiomonitor-prop-"));
  dirs.push(dir);
  const plain = dialectNamed("plain");
  for (const spec of files) {
    const format = rowFormatter(plain, spec);
    writeFileSync(
      join(dir, spec.file),
      headerLine(plain, spec) + good[spec.key].map(format).join(""),
    );
  }
  const { db, result } = await load(dir);
  expect(result.quality.map((q) => q.rows_rejected)).toEqual([0, 0, 0, 0, 0, 0]);
  expect(result.quality.map((q) => q.rows_loaded)).toEqual(files.map((f) => good[f.key].length));
  expected = await content(db);
  expect(expected.indicators.length).toBeGreaterThan(1000);
  closeDatabase(db);
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Puts the picked bad rows among the good ones of each file; returns the lines and expectations. */
function plan(dialects: readonly FileDialect[], picks: readonly BadPick[]) {
  let fresh = 0;
  return files.map((spec, f) => {
    const rowsOfFile = good[spec.key];
    const after: { line: Line; expected: Expected }[][] = rowsOfFile.map(() => []);
    const before: { line: Line; expected: Expected }[] = [];
    let last: { line: Line; expected: Expected } | undefined;
    const list = spoilers(spec, dialects[f]!);
    for (const pick of picks.filter((p) => p.file === f)) {
      const spoiler = list[pick.spoiler % list.length]!;
      const index = Math.floor(pick.row * rowsOfFile.length);
      const entry = {
        line: spoiler.make(rowsOfFile[index]!, `BAD-${++fresh}`, dialects[f]!),
        expected: spoiler.expected,
      };
      if (spoiler.last) {
        if (!last) last = entry;
        continue;
      }
      const from = spoiler.afterOriginal ? index : -1;
      const slot = from + Math.floor(pick.position * (rowsOfFile.length - from));
      (slot < 0 ? before : after[slot]!).push(entry);
    }
    const entries = [
      ...before,
      ...rowsOfFile.flatMap((row, i) => [
        { line: { kind: "row", row } as Line, expected: undefined },
        ...after[i]!,
      ]),
      ...(last ? [last] : []),
    ];
    return { spec, entries };
  });
}

describe("property: any dialect, any bad rows", () => {
  it(`rejects exactly the bad rows with their line and reason, and loads the rest (${RUNS} runs)`, async () => {
    let tried = 0;
    let shifted = 0;
    const reasons: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.array(fileDialect, { minLength: 6, maxLength: 6 }),
        badPicks,
        async (dialects, picks) => {
          const dir = mkdtempSync(join(tmpdir(), "regiomonitor-prop-"));
          dirs.push(dir);
          const wanted: { file: string; line: number; column: string | null; reason: string }[] =
            [];
          const planned = plan(dialects, picks);
          for (const [f, { spec, entries }] of planned.entries()) {
            const written = writeFile(
              spec,
              dialects[f]!,
              entries.map((e) => e.line),
            );
            writeFileSync(join(dir, written.name), written.bytes);
            entries.forEach((e, i) => {
              if (e.expected)
                wanted.push({ file: spec.file, line: written.lineOf[i]!, ...e.expected });
            });
          }
          const { db, result } = await load(dir);
          try {
            const rejects = await rows(
              db,
              sql`select file, line, "column", reason from rejects order by file, line`,
            );
            const order = (a: { file: string; line: number }, b: { file: string; line: number }) =>
              a.file.localeCompare(b.file) || a.line - b.line;
            expect(rejects).toEqual(wanted.sort(order));
            const [messages] = await rows<{ n: bigint }>(
              db,
              sql`select count(*) as n from rejects where coalesce(message_nl, '') = ''`,
            );
            expect(messages!.n).toBe(0n);
            for (const [f, q] of result.quality.entries()) {
              const bad = wanted.filter((w) => w.file === files[f]!.file).length;
              expect(q).toMatchObject({
                rows_loaded: good[files[f]!.key].length,
                rows_rejected: bad,
              });
              expect(q.rows_read).toBe(q.rows_loaded + q.rows_rejected);
              const noted = q.note.includes("afsluitend scheidingsteken op elke rij");
              expect(noted, q.note).toBe(dialects[f]!.trailingDelimiter === "rows");
            }
            expect(await content(db)).toEqual(expected);
          } finally {
            closeDatabase(db);
            rmSync(dir, { recursive: true, force: true });
          }
          tried += wanted.length;
          shifted += planned
            .flatMap((p) => p.entries)
            .filter((e) => e.line.kind === "shifted").length;
          for (const w of wanted) reasons[w.reason] = (reasons[w.reason] ?? 0) + 1;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(
      `property test (seed ${SEED}, ${RUNS} runs): ${tried} bad rows tried: ${JSON.stringify(reasons)}, ${shifted} of them shifted rows`,
    );
    expect(tried).toBeGreaterThan(RUNS);
  }, 600_000);
});
