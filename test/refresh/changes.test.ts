import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { changesJson, changesLines } from "../../src/cli/changes-report.ts";
import { files } from "../../src/contract/index.ts";
import { closeDatabase, openDatabase, rows, run, type Database } from "../../src/db/duckdb.ts";
import { sql, type Sql } from "../../src/db/sql.ts";
import { computeChanges } from "../../src/refresh/changes.ts";
import { tempDir } from "../helpers.ts";

const OLD_AS_OF = "2024-03-31";
const AS_OF = "2024-06-30";

/** The tables the comparison reads, as a refresh leaves them (the contract's clean tables). */
const schema = sql`
create table load_info (key varchar, value varchar);
create table members (file_index integer, line integer, organisation_id varchar,
  organisation_name varchar, network varchar, joined_on date);
create table attendance (file_index integer, line integer, event_id varchar, attended boolean);
create table indicators (scope_type varchar, scope varchar, indicator varchar, period_end date,
  value double);
create table signals (signal varchar, severity varchar, scope_type varchar, scope varchar,
  subject_id varchar, message_nl varchar);`;

/** The previous refresh: its database file. */
const previousSql = sql`${schema};
insert into load_info values ('as_of', ${OLD_AS_OF});
insert into members values
  (0, 2, 'A', 'Oud', 'X', '2020-01-01'), (0, 3, 'B', 'Bee', 'X', '2020-01-01'),
  (0, 4, 'C', 'Cee', 'X', '2020-01-01');
insert into attendance values
  (0, 2, 'E1', true), (0, 3, 'E1', true), (0, 4, 'E1', false),
  (0, 5, 'E2', true), (0, 6, 'E2', true), (0, 7, 'E3', true);
create table funding (file_index integer, line integer, funding_id varchar, amount_eur double);
insert into funding values (0, 2, 'F1', 100);
insert into indicators values
  ('totaal', 'alle', 'leden_actief', ${OLD_AS_OF}, 10), ('netwerk', 'X', 'leden_actief', ${OLD_AS_OF}, 5),
  ('totaal', 'alle', 'opkomst', ${OLD_AS_OF}, 0.5), ('totaal', 'alle', 'leeg', ${OLD_AS_OF}, null),
  ('totaal', 'alle', 'leden_actief', '2023-12-31', 1);
insert into signals values
  ('slapend_lid', 'laag', 'netwerk', 'X', 'A', 'A slaapt'),
  ('verduurzaming_risico', 'hoog', 'netwerk', 'X', 'P1', 'P1 loopt af');`;

/** This refresh: A renamed (changed), C gone, D new; the meetings counted per event. */
const currentSql = sql`${schema};
insert into load_info values ('as_of', ${AS_OF});
insert into members values
  (0, 2, 'A', 'Nieuw', 'X', '2020-01-01'), (0, 3, 'B', 'Bee', 'X', '2020-01-01'),
  (0, 4, 'D', 'Dee', 'X', '2021-01-01');
insert into attendance values
  (0, 2, 'E1', true), (0, 3, 'E1', true), (0, 4, 'E1', true),
  (0, 5, 'E2', true), (0, 6, 'E2', true), (0, 7, 'E2', false), (0, 8, 'E2', true),
  (0, 9, 'E4', true);
create table projects (file_index integer, line integer, project_id varchar, project_name varchar);
insert into projects values (0, 2, 'P1', 'Een'), (0, 3, 'P2', 'Twee');
insert into indicators values
  ('totaal', 'alle', 'leden_actief', ${AS_OF}, 11), ('netwerk', 'X', 'leden_actief', ${AS_OF}, 5),
  ('totaal', 'alle', 'opkomst', ${AS_OF}, 0.5000000000001), ('totaal', 'alle', 'leeg', ${AS_OF}, null),
  ('netwerk', 'Y', 'leden_actief', ${AS_OF}, 3);
insert into signals values
  ('slapend_lid', 'laag', 'netwerk', 'X', 'A', 'A slaapt'),
  ('behoud_laag', 'middel', 'netwerk', 'X', null, 'Behoud laag');`;

let open: Database[] = [];
afterEach(() => {
  for (const db of open) closeDatabase(db);
  open = [];
});

async function database(path: string, content: Sql): Promise<Database> {
  const db = await openDatabase(path);
  open.push(db);
  await run(db, content);
  return db;
}

/** The previous database written to a file and closed, and the current one in memory. */
async function pair(): Promise<{ db: Database; previous: string }> {
  const previous = join(tempDir(), "vorige.duckdb");
  const old = await database(previous, previousSql);
  closeDatabase(old);
  open = open.filter((d) => d !== old);
  return { db: await database(":memory:", currentSql), previous };
}

type Row = Record<string, unknown>;
const section = (db: Database, name: string) =>
  rows<Row>(db, sql`select * exclude (section) from changes where section = ${name} order by all`);

describe("changes: what a refresh changed against the previous refresh's database", () => {
  it("counts rows added, removed and changed by key, and attendance by count per event", async () => {
    const { db, previous } = await pair();
    const summary = await computeChanges(db, previous, AS_OF);
    const byFile = Object.fromEntries(summary.files.map((f) => [f.file, f]));
    // A renamed: changed; C gone: removed; D new: added.
    expect(byFile["members.csv"]).toEqual({
      file: "members.csv",
      added: 1,
      removed: 1,
      changed: 1,
    });
    // E1 3 → 3 rows, 2 → 3 attended: 1 changed; E2 2 → 4: 2 added; E3 1 → 0: 1 removed;
    // E4 0 → 1: 1 added.
    expect(byFile["attendance.csv"]).toEqual({
      file: "attendance.csv",
      added: 3,
      removed: 1,
      changed: 1,
    });
    // Only in this refresh, only in the previous one, in neither.
    expect(byFile["projects.csv"]).toMatchObject({ added: 2, removed: 0, changed: 0 });
    expect(byFile["funding.csv"]).toMatchObject({ added: 0, removed: 1, changed: 0 });
    expect(byFile["milestones.csv"]).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(summary.files.map((f) => f.file)).toEqual(files.map((f) => f.file));
    const exports = await section(db, "export");
    expect(exports.find((r) => r.subject === "members.csv")!.change).toBe("gewijzigd");
    expect(exports.find((r) => r.subject === "milestones.csv")!.change).toBe("ongewijzigd");
  });

  it("takes a clean table that the refresh copied from the previous database as unchanged", async () => {
    const { db, previous } = await pair();
    // Only an incremental refresh names its copied clean tables; these rows differ, so a row by
    // row comparison would count them (as the first test shows): a kept table is not compared.
    const summary = await computeChanges(db, previous, AS_OF, ["members"]);
    const byFile = Object.fromEntries(summary.files.map((f) => [f.file, f]));
    expect(byFile["members.csv"]).toEqual({
      file: "members.csv",
      added: 0,
      removed: 0,
      changed: 0,
    });
    expect(byFile["attendance.csv"]).toMatchObject({ added: 3, removed: 1, changed: 1 });
    const exports = await section(db, "export");
    expect(exports.find((r) => r.subject === "members.csv")!.change).toBe("ongewijzigd");
  });

  it("lists an indicator that moved at the peildatum and not one that did not", async () => {
    const { db, previous } = await pair();
    const summary = await computeChanges(db, previous, AS_OF);
    const moved = await section(db, "indicator");
    expect(moved.map((r) => [r.subject, r.scope, r.change, r.old_value, r.new_value])).toEqual([
      ["leden_actief", "Y", "nieuw", null, 3],
      ["leden_actief", "alle", "gestegen", 10, 11],
    ]);
    // Each at its own refresh's peildatum.
    const dates = await rows<{ o: string; n: string }>(
      db,
      sql`select distinct strftime(old_period_end, '%Y-%m-%d') as o,
        strftime(new_period_end, '%Y-%m-%d') as n from changes where section = 'indicator'`,
    );
    expect(dates).toEqual([{ o: OLD_AS_OF, n: AS_OF }]);
    expect(summary.indicatorsMoved).toBe(2);
    expect(summary.indicators.map((i) => i.indicator)).toEqual(["leden_actief"]);
  });

  it("lists a signal that is new and one that was resolved", async () => {
    const { db, previous } = await pair();
    const summary = await computeChanges(db, previous, AS_OF);
    expect(
      (await section(db, "signaal")).map((r) => [r.subject, r.change, r.severity, r.subject_id]),
    ).toEqual([
      ["behoud_laag", "nieuw", "middel", null],
      ["verduurzaming_risico", "opgelost", "hoog", "P1"],
    ]);
    expect([summary.signalsNew, summary.signalsResolved]).toEqual([1, 1]);
    expect(await section(db, "vergelijking")).toEqual([
      expect.objectContaining({
        change: "vergeleken",
        message_nl: "Vergeleken met de vorige verversing (peildatum 31-03-2024).",
      }),
    ]);
    expect(changesLines(summary)).toEqual([
      "Sinds de vorige verversing (peildatum 31-03-2024):",
      "  members.csv: 1 rij toegevoegd, 1 rij verwijderd, 1 rij gewijzigd",
      "  projects.csv: 2 rijen toegevoegd",
      "  funding.csv: 1 rij verwijderd",
      "  attendance.csv: 3 rijen toegevoegd, 1 rij verwijderd, 1 rij gewijzigd",
      "  indicatoren op de peildatum: 2 verschoven, waarvan 1 voor alle netwerken samen, o.a.:",
      "    leden_actief: 10 → 11",
      "  signalen: 1 nieuw, 1 opgelost (zie changes.csv)",
    ]);
    expect(changesJson(summary)).toMatchObject({
      previous: true,
      previous_as_of: OLD_AS_OF,
      indicators_moved: 2,
      signals_new: 1,
      signals_resolved: 1,
    });
  });

  it("detaches the previous database again", async () => {
    const { db, previous } = await pair();
    await computeChanges(db, previous, AS_OF);
    // The refresh publishes no reference to it.
    const attached = await rows(
      db,
      sql`select database_name from duckdb_databases() where not internal`,
    );
    expect(attached).toEqual([{ database_name: "memory" }]);
  });

  it("says there is nothing to compare with on the first refresh", async () => {
    for (const path of [undefined, join(tempDir(), "bestaat-niet.duckdb")]) {
      const db = await database(":memory:", currentSql);
      const summary = await computeChanges(db, path, AS_OF);
      expect(await rows<Row>(db, sql`select * from changes`)).toEqual([
        expect.objectContaining({
          section: "vergelijking",
          change: "geen_vorige",
          added: null,
          message_nl: "Geen vorige verversing: er is niets om mee te vergelijken.",
        }),
      ]);
      expect(summary).toMatchObject({ previousAsOf: null, files: [], indicatorsMoved: 0 });
      expect(changesLines(summary)).toEqual([
        "Sinds de vorige verversing: geen vorige verversing, er is niets om mee te vergelijken",
      ]);
    }
  });
});
