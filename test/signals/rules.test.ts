import { describe, expect, it } from "vitest";
import { rows } from "../../src/db/duckdb.ts";
import { families } from "../../src/indicators/index.ts";
import { buildDetailTables } from "../../src/output/build.ts";
import { compute, csv } from "../indicators/helpers.ts";
import { sql } from "../../src/db/sql.ts";

interface Signal {
  signal: string;
  severity: string;
  scope_type: string;
  scope: string;
  subject_id: string;
  message_nl: string;
}

async function signals(files: Record<string, string>, asOf: string): Promise<Signal[]> {
  const db = await compute(files, families, asOf);
  await buildDetailTables(db);
  return rows<Signal>(db, sql`select * from signals order by signal, scope, subject_id`);
}

const MEMBERS = csv(
  "organisation_id,organisation_name,network,sector,joined_on,left_on",
  "A,Zorggroep Alfa,Noord,zorg,2020-01-01,",
  "S,Slaapstichting,Noord,welzijn,2020-01-01,",
);

describe("signals", () => {
  it("names the project at sustainment risk, the dormant member and the overdue milestone", async () => {
    const found = await signals(
      {
        "members.csv": MEMBERS,
        "projects.csv": csv(
          "project_id,project_name,network,stage,lead_organisation_id,start_on,end_on",
          "P1,Valpreventie,Noord,pilot,A,2023-01-01,2024-10-31",
          "P2,Langlopend,Noord,pilot,A,2023-01-01,2024-11-30",
          "P3,Ver weg,Noord,pilot,A,2023-01-01,2025-12-31",
        ),
        "funding.csv": csv(
          "funding_id,project_id,source_type,year,amount_eur,kind,status",
          "F1,P2,rif,2025,100,incidenteel,toegekend",
        ),
        "milestones.csv": csv(
          "milestone_id,iza_region,iza_theme,title,due_on,completed_on,cancelled",
          "M1,West-Brabant,Wonen,Woonzorgvisie vastgesteld,2024-05-31,,",
          "M2,West-Brabant,Wonen,Oud plan,2023-12-31,,",
        ),
      },
      "2024-06-30",
    );
    expect(found.map((s) => [s.signal, s.severity, s.scope, s.subject_id])).toEqual([
      // M2 overdue by 6 months or more: hoog
      ["mijlpaal_achterstallig", "middel", "West-Brabant", "M1"],
      ["mijlpaal_achterstallig", "hoog", "West-Brabant", "M2"],
      ["slapend_lid", "laag", "Noord", "S"],
      // P1 ends within 6 months without later funding; P2 has 2025 funding; P3 ends later
      ["verduurzaming_risico", "hoog", "Noord", "P1"],
    ]);
    expect(found[0]!.message_nl).toBe(
      'Mijlpaal "Woonzorgvisie vastgesteld" (West-Brabant, Wonen) had op 31-05-2024 gereed moeten zijn en is dat nog niet.',
    );
    expect(found[2]!.message_nl).toContain('Lid "Slaapstichting" (Noord)');
    expect(found[3]!.message_nl).toBe(
      'Project "Valpreventie" (Noord) loopt af op 31-10-2024 en heeft geen toegekende financiering na 2024.',
    );
  });

  it("flags attendance dropping by more than 15 points and retention below 0.8", async () => {
    const found = await signals(
      {
        "members.csv": csv(
          "organisation_id,organisation_name,network,sector,joined_on,left_on",
          "A,Alfa,Noord,zorg,2020-01-01,",
          "B,Beta,Noord,zorg,2020-01-01,2024-03-01",
          "C,Gamma,Noord,zorg,2020-01-01,2024-03-01",
        ),
        "attendance.csv": csv(
          "event_id,event_date,network,organisation_id,attended",
          // 12 months up to 30-06-2023: 4 of 4 attended
          "E1,2023-03-01,Noord,A,ja",
          "E1,2023-03-01,Noord,B,ja",
          "E1,2023-03-01,Noord,C,ja",
          "E1,2023-03-01,Noord,A,ja",
          // 12 months up to 30-06-2024: E1 has left the window; 1 of 2 attended
          "E2,2024-05-01,Noord,A,ja",
          "E2,2024-05-01,Noord,A,nee",
        ),
      },
      "2024-06-30",
    );
    const bySignal = (name: string) =>
      found.filter((s) => s.signal === name).map((s) => [s.scope_type, s.scope]);
    // E2 fell from 4/4 = 100 % to 1/2 = 50 %: 50 points > 15
    expect(bySignal("opkomst_daling")).toEqual([
      ["netwerk", "Noord"],
      ["totaal", "alle"],
    ]);
    // M4: of A, B, C active on 30-06-2023 only A is active on 30-06-2024: 1/3 < 0.8
    expect(bySignal("behoud_laag")).toEqual([
      ["netwerk", "Noord"],
      ["totaal", "alle"],
    ]);
    const drop = found.find((s) => s.signal === "opkomst_daling" && s.scope === "Noord")!;
    expect(drop.message_nl).toBe(
      "De opkomst bij bijeenkomsten van Noord daalde van 100% naar 50% in vier kwartalen.",
    );
  });
});
