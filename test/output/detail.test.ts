import { describe, expect, it } from "vitest";
import { rows, type Database } from "../../src/db/duckdb.ts";
import { families } from "../../src/indicators/index.ts";
import { buildDetailTables } from "../../src/output/build.ts";
import { compute, csv } from "../indicators/helpers.ts";
import { ident, sql } from "../../src/db/sql.ts";

const MEMBERS = csv(
  "organisation_id,organisation_name,network,sector,municipality_code,joined_on,left_on",
  "A,Zorg A,Noord,zorg,772,2020-01-01,",
  "B,School B,Noord,onderwijs,GM1674,2020-01-01,2023-06-30",
  "B,School B,Zuid,onderwijs,GM1674,2023-07-01,",
  "C,Gemeente C,Zuid,overheid,,2021-01-01,",
);
const PROJECTS = csv(
  "project_id,project_name,network,stage,lead_organisation_id,start_on,end_on",
  "P1,Een,Noord,pilot,A,2022-01-01,2024-08-31",
  "P2,Twee,Zuid,idee,,2023-01-01,",
);
const PARTNERS = csv("project_id,organisation_id,sector", "P1,B,", "P1,X,bedrijf", "P1,Y,", "P2,C,");
const FUNDING = csv(
  "funding_id,project_id,source_type,year,amount_eur,kind,status",
  "F1,P1,rif,2023,300,incidenteel,toegekend",
  "F2,P1,gemeente,2024,100,structureel,toegekend",
  "F3,P1,eu,2025,999,structureel,aangevraagd",
);
const ATTENDANCE = csv(
  "event_id,event_name,event_date,network,organisation_id,person_role,attended",
  "E1,Start,2024-03-01,Noord,A,bestuurder,ja",
  "E1,Start,2024-03-01,Noord,B,professional,nee",
  "E1,Start,2024-03-01,Noord,,burger,ja",
  "E2,Later,2024-06-01,,A,management,ja",
  "E3,Na peildatum,2024-07-01,Zuid,C,professional,ja",
);
const MILESTONES = csv(
  "milestone_id,iza_region,iza_theme,title,due_on,completed_on,cancelled",
  "M1,ZK30,Wonen,Plan klaar,2024-01-31,2024-01-15,",
  "M2,ZK30,Wonen,Te laat,2024-02-28,2024-04-01,nee",
  "M3,ZK30,Wonen,Achterstallig,2024-03-31,,",
  "M4,ZK30,Wonen,Geschrapt,2024-03-31,,ja",
  "M5,ZK30,Arbeid,Later,2025-01-31,,",
);

/** The fixture's database with its detail tables, made once for the tests that read it. */
let detailed: Promise<Database> | undefined;
const detail = () => (detailed ??= withDetail());

async function withDetail(): Promise<Database> {
  const db = await compute(
    {
      "members.csv": MEMBERS,
      "projects.csv": PROJECTS,
      "project_partners.csv": PARTNERS,
      "funding.csv": FUNDING,
      "attendance.csv": ATTENDANCE,
      "milestones.csv": MILESTONES,
    },
    families,
    "2024-06-15",
  );
  await buildDetailTables(db);
  return db;
}

const iso = (column: string) => sql`strftime(${ident(column)}, '%Y-%m-%d') as ${ident(column)}`;

describe("detail tables at as_of", () => {
  it("projects: partners with the lead, known sectors sorted, granted funding only", async () => {
    const db = await detail();
    expect(
      await rows(
        db,
        sql`select project_id, partners, sectors, funding_total_eur, funded_until_year, structural_share from projects_detail order by project_id`,
      ),
    ).toEqual([
      // P1: A (lead, zorg), B (onderwijs), X (bedrijfsleven from its partner row), Y (unknown)
      // funding 300 + 100 granted (the 999 is only requested); structural 100 / 400
      {
        project_id: "P1",
        partners: 4,
        sectors: "bedrijfsleven, onderwijs, zorg",
        funding_total_eur: 400,
        funded_until_year: 2024,
        structural_share: 100 / 400,
      },
      { project_id: "P2", partners: 1, sectors: "overheid", funding_total_eur: 0, funded_until_year: null, structural_share: null },
    ]);
  });

  it("events: registrations, attended rows and distinct attending organisations, up to as_of", async () => {
    const db = await detail();
    expect(
      await rows(db, sql`select event_id, ${iso("event_date")}, network, registrations, attended, organisations from events order by event_id`),
    ).toEqual([
      // E1: 3 rows, 2 attended (A and a person without organisation): 1 organisation
      { event_id: "E1", event_date: "2024-03-01", network: "Noord", registrations: 3, attended: 2, organisations: 1 },
      { event_id: "E2", event_date: "2024-06-01", network: null, registrations: 1, attended: 1, organisations: 1 },
    ]);
  });

  it("member_activity: one row per spell with active projects and attendance in the 12 months up to as_of", async () => {
    const db = await detail();
    expect(
      await rows(
        db,
        sql`select organisation_id, network, ${iso("joined_on")}, active_projects, attended_12m, ${iso("last_activity_on")}
         from member_activity order by organisation_id, joined_on`,
      ),
    ).toEqual([
      { organisation_id: "A", network: "Noord", joined_on: "2020-01-01", active_projects: 1, attended_12m: 2, last_activity_on: "2024-06-01" },
      { organisation_id: "B", network: "Noord", joined_on: "2020-01-01", active_projects: 1, attended_12m: 0, last_activity_on: null },
      { organisation_id: "B", network: "Zuid", joined_on: "2023-07-01", active_projects: 1, attended_12m: 0, last_activity_on: null },
      // E3 (01-07-2024) lies after as_of
      { organisation_id: "C", network: "Zuid", joined_on: "2021-01-01", active_projects: 1, attended_12m: 0, last_activity_on: null },
    ]);
  });

  it("iza_progress: cancelled left out; completed, due, on time and overdue at as_of", async () => {
    const db = await detail();
    expect(await rows(db, sql`select * from iza_progress order by iza_region, iza_theme`)).toEqual([
      { iza_region: "ZK30", iza_theme: "Arbeid", milestones: 1, completed: 0, due: 0, on_time: 0, overdue: 0 },
      // M1 on time, M2 completed late, M3 overdue; M4 cancelled
      { iza_region: "ZK30", iza_theme: "Wonen", milestones: 3, completed: 2, due: 3, on_time: 1, overdue: 1 },
    ]);
  });

  it("members_by_sector: every sector at every reference date, organisations active then", async () => {
    const db = await detail();
    const atAsOf = await rows(
      db,
      sql`select scope, sector, organisations from members_by_sector where period_end = '2024-06-15' and organisations > 0 order by scope, sector`,
    );
    expect(atAsOf).toEqual([
      { scope: "Noord", sector: "zorg", organisations: 1 },
      { scope: "Zuid", sector: "onderwijs", organisations: 1 },
      { scope: "Zuid", sector: "overheid", organisations: 1 },
      { scope: "alle", sector: "onderwijs", organisations: 1 },
      { scope: "alle", sector: "overheid", organisations: 1 },
      { scope: "alle", sector: "zorg", organisations: 1 },
    ]);
    const [count] = await rows<{ n: bigint }>(db, sql`select count(*) as n from members_by_sector`);
    // 3 scopes × 12 dates × 8 sectors
    expect(Number(count!.n)).toBe(3 * 12 * 8);
  });

  it("funding_by_source: granted amounts per network, year, source and kind", async () => {
    const db = await detail();
    expect(await rows(db, sql`select * from funding_by_source order by year`)).toEqual([
      { network: "Noord", year: 2023, source_type: "rif", kind: "incidenteel", amount_eur: 300 },
      { network: "Noord", year: 2024, source_type: "gemeente", kind: "structureel", amount_eur: 100 },
    ]);
  });
});

describe("projects_detail sectors", () => {
  it("is null when no partner's sector is known, and lists each known sector once", async () => {
    const db = await compute(
      {
        "members.csv": MEMBERS,
        "projects.csv": csv(
          "project_id,project_name,network,stage,lead_organisation_id,start_on,end_on",
          "P1,Een,Noord,pilot,,2022-01-01,",
          "P2,Twee,Noord,pilot,A,2022-01-01,",
          "P3,Drie,Noord,pilot,,2022-01-01,",
        ),
        "project_partners.csv": csv(
          "project_id,organisation_id,sector",
          "P1,Y,",
          "P1,Z,",
          "P2,B,",
          "P2,X,zorg",
        ),
      },
      families,
      "2024-06-15",
    );
    await buildDetailTables(db);
    expect(
      await rows(db, sql`select project_id, partners, sectors from projects_detail order by project_id`),
    ).toEqual([
      { project_id: "P1", partners: 2, sectors: null },
      { project_id: "P2", partners: 3, sectors: "onderwijs, zorg" },
      { project_id: "P3", partners: 0, sectors: null },
    ]);
  });
});
