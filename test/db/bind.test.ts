// Every SQL builder, given hostile names wherever input text reaches it, binds in DuckDB against
// a refreshed schema: each statement is prepared (bound) and run in a transaction that is rolled
// back, as mosaic's toBeValidQuery binds its builders (issue 17).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendance, members, milestones, files as allFiles } from "../../src/contract/index.ts";
import { closeDatabase, openDatabase, run, type Database } from "../../src/db/duckdb.ts";
import { ident, sql, type Sql } from "../../src/db/sql.ts";
import { families, referenceDates } from "../../src/indicators/index.ts";
import { contextSql, contextTables } from "../../src/indicators/context.ts";
import { siteKeysSql } from "../../src/site/keys.ts";
import type { Dialect } from "../../src/ingest/dialect.ts";
import { readCsvSql } from "../../src/ingest/csv-sql.ts";
import { insertSql } from "../../src/ingest/raw-sink.ts";
import { checkedTableSql } from "../../src/ingest/one-pass.ts";
import { planHeader } from "../../src/ingest/header.ts";
import { pruneSql } from "../../src/ingest/reuse.ts";
import { emptyRawTableSql } from "../../src/ingest/schema.ts";
import { ranksSql } from "../../src/ingest/sql/ranks.ts";
import { cleanSql, stagingRejectsSql, stagingSql } from "../../src/ingest/sql/staging.ts";
import type { PresentColumn } from "../../src/ingest/sql/mapped.ts";
import { organisationsSql, warningsSql } from "../../src/ingest/sql/warnings.ts";
import { profileSql } from "../../src/ingest/suggest/profile.ts";
import { unknownValuesSql } from "../../src/ingest/suggest/suggest.ts";
import * as detail from "../../src/output/detail.ts";
import { outputTables } from "../../src/output/tables.ts";
import { orderedQuery } from "../../src/output/write.ts";
import { defaultAsOfSql } from "../../src/refresh/as-of.ts";
import { recordInputsSql } from "../../src/refresh/previous.ts";
import { signalsSql } from "../../src/signals/rules.ts";
import { signalSettings } from "../../src/signals/settings.ts";
import { hostileFolder } from "../cli/hostile-fixtures.ts";
import { refreshInto } from "../cli/cli-helpers.ts";
import { tempDir } from "../helpers.ts";
import { HOSTILE_NAMES } from "./hostile.ts";

/** The raw members table of the hostile fixture: the columns its mapping reads. */
const RAW_MEMBERS = ["organisation_id", "organisation_name", "sector", "joined_on", "left_on"];

/** Binds and runs every statement of `query` inside a transaction that is rolled back. */
async function bind(db: Database, query: Sql): Promise<void> {
  await run(db, sql`begin transaction`);
  try {
    const extracted = await db.connection.extractStatements(query.text);
    for (let i = 0; i < extracted.count; i++) await (await extracted.prepare(i)).run();
  } finally {
    await run(db, sql`rollback`);
  }
}

/** The members columns as a mapping with hostile headers, values and a constant presents them. */
function presentMembers(h: string): PresentColumn[] {
  const loaded = [
    "organisation_id",
    "organisation_name",
    "network",
    "sector",
    "joined_on",
    "left_on",
  ];
  return members.columns
    .filter((spec) => loaded.includes(spec.name))
    .map((spec) => {
      if (spec.name === "network")
        return { spec, header: `constants → network (${h})`, constant: h };
      if (spec.name === "sector") {
        const values = new Map([[h.toLowerCase(), "zorg"]]);
        return { spec, header: h, values, valuesEntry: `mapping.json → members → values (${h})` };
      }
      return { spec, header: `${h} ${spec.name}` };
    });
}

const reuse = (h: string) => ({
  reads: new Map([[members, [{ spec: members, name: h } as never]]]),
});

/** Each builder, by name, as a function of one hostile name. */
const builders: readonly [string, (h: string) => Sql][] = [
  ["stagingSql", (h) => stagingSql(members, presentMembers(h))],
  ["ranksSql", (h) => sql`${stagingSql(members, presentMembers(h))}; ${ranksSql(members)!}`],
  [
    "stagingRejectsSql",
    (h) => sql`${stagingSql(members, presentMembers(h))}; ${ranksSql(members)!};
      ${stagingRejectsSql(members, [h, `${h} 2`])}`,
  ],
  [
    "cleanSql",
    (h) =>
      sql`${stagingSql(members, presentMembers(h))}; ${ranksSql(members)!}; ${cleanSql(members)}`,
  ],
  [
    "emptyRawTableSql",
    () => sql`drop table ${ident("raw_milestones")}; ${emptyRawTableSql(milestones)}`,
  ],
  ["organisationsSql", () => organisationsSql],
  ["warningsSql", () => warningsSql],
  [
    "pruneSql",
    (h) =>
      sql`create table ${ident(h)} (x integer); create view ${ident(`${h} v`)} as select 1;
        ${pruneSql(reuse(h), allFiles, [h, "indicators"], [`${h} v`])}`,
  ],
  [
    "profileSql",
    (h) => sql`create table sample_values (grp integer, idx integer, value varchar);
      insert into sample_values values (0, 0, ${h}); ${profileSql}`,
  ],
  ["unknownValuesSql", (h) => unknownValuesSql(attendance.columns[6]!, [h, "bestuurder"])],
  ["contextSql", () => contextSql(referenceDates("2024-06-30", 11))],
  ...contextTables.map((t): [string, (h: string) => Sql] => [t.name, () => t.query]),
  ...families.map((f): [string, (h: string) => Sql] => [`${f.group} indicators`, () => f.sql]),
  ...families.flatMap((f) =>
    (f.prepare ?? []).map((t): [string, (h: string) => Sql] => [t.name, () => t.query]),
  ),
  ["signalsSql", () => signalsSql(signalSettings)],
  ...Object.entries(detail).map(([name, query]): [string, (h: string) => Sql] => [
    name,
    () => query as Sql,
  ]),
  ...outputTables.map((t): [string, (h: string) => Sql] => [
    `orderedQuery ${t.name}`,
    () => orderedQuery(t, true),
  ]),
  [
    "parquet copy",
    (h) =>
      sql`copy (${orderedQuery(outputTables[0]!, false)}) to ${join(tempDir(), `${h.slice(0, 100)}.parquet`)} (format parquet)`,
  ],
  [
    "recordInputsSql",
    (h) =>
      sql`drop table refresh_files; ${recordInputsSql(
        {
          code: h,
          mapping: h,
          exports: new Map([[members, h]]),
          stats: {
            statedAt: 0,
            files: [{ path: h, size: "1", mtimeNs: "1", ctimeNs: "1", ino: "1", hash: h }],
          },
        },
        new Map([[members, h]]),
        [{ name: h, size: 1 }],
      )}`,
  ],
  ["defaultAsOfSql", () => defaultAsOfSql("2024-06-30")],
  [
    "read_csv insertSql",
    (h) => {
      const { target, path, dialect, plan, shape } = hostileCsv(h);
      return insertSql(target, path, 0, dialect, plan, shape);
    },
  ],
  [
    "one-pass checkedTableSql",
    (h) => {
      const { target, path, dialect, plan, shape, header } = hostileCsv(h);
      const headerNames = header.map((f) => f.trim().toLowerCase());
      const file = { target, path, fileIndex: 0, dialect, plan, headerNames };
      const present = plan.columns.map((c) => ({ spec: c.spec, header: h }));
      return checkedTableSql(present, readCsvSql(path, dialect, shape), file);
    },
  ],
  ["siteKeysSql", (h) => siteKeysSql([h, `${h} 2`])],
];

/** A file named and headed with `h`, as read_csv reads it into raw_members. */
function hostileCsv(h: string) {
  const path = join(tempDir(), `${h.replaceAll("/", "_").slice(0, 100)}.csv`);
  const header = ["organisation_id", "organisation_name", h, "joined_on", "left_on"];
  writeFileSync(
    path,
    `${header.map((f) => `"${f.replaceAll('"', '""')}"`).join(";")}\nR9;x;zorg;2020-01-01;\n`,
  );
  const plan = planHeader(members, header, { name: h });
  const target = { spec: members, columns: RAW_MEMBERS, context: {} };
  const dialect = { delimiter: ";", sepHint: false } as Dialect;
  const shape = {
    fieldCount: 5,
    newline: "\n" as const,
    anchors: [[1, 1]] as [number, number][],
  };
  return { target, path, dialect, plan, shape, header };
}

let db: Database;
beforeAll(async () => {
  const out = join(tempDir(), "uit");
  const { status, db: path } = await refreshInto(hostileFolder("Schema"), out);
  expect(status).toBe(0);
  db = await openDatabase(path);
});
afterAll(() => closeDatabase(db));

describe("every SQL builder binds with hostile names", () => {
  it(`${builders.length} builders × ${HOSTILE_NAMES.length} names`, async () => {
    let bound = 0;
    for (const [name, build] of builders) {
      for (const h of HOSTILE_NAMES) {
        await expect(bind(db, build(h)), `${name} with ${JSON.stringify(h)}`).resolves.toBe(
          undefined,
        );
        bound++;
      }
    }
    expect(bound).toBe(builders.length * HOSTILE_NAMES.length);
    expect(builders.length).toBeGreaterThanOrEqual(39);
  });
});
