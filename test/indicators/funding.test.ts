import { describe, expect, it } from "vitest";
import { fundingFamily } from "../../src/indicators/funding.ts";
import { compute, csv, value } from "./helpers.ts";

const MEMBERS_HEADER = "organisation_id,organisation_name,network,sector,joined_on,left_on";
const PROJECTS_HEADER =
  "project_id,project_name,network,stage,lead_organisation_id,start_on,end_on";
const PARTNERS_HEADER = "project_id,organisation_id,role,sector";
const FUNDING_HEADER =
  "funding_id,project_id,source_type,funder_organisation_id,year,amount_eur,kind,status";

const run = (files: Record<string, string>, asOf: string, quarters = 3) =>
  compute(files, [fundingFamily], asOf, quarters);

const spread = (...amounts: number[]) => {
  const total = amounts.reduce((a, b) => a + b, 0);
  return 1 - amounts.reduce((s, a) => s + (a / total) ** 2, 0);
};

describe("funding family catalog", () => {
  it("has F1–F6 with the spec's ids, names and empty-value rules", () => {
    expect(fundingFamily.group).toBe("financiering");
    expect(fundingFamily.entries.map((e) => [e.code, e.id, e.name_nl, e.zeroWhenEmpty])).toEqual([
      ["F1", "financiering_jaar", "Toegekende financiering dit jaar", true],
      ["F2", "structureel_aandeel", "Structurele financiering", false],
      ["F3", "financieringsspreiding", "Spreiding financiering", false],
      ["F4", "toekomstperspectief", "Toekomstperspectief", false],
      ["F5", "eenzijdige_afhankelijkheid", "Eenzijdige afhankelijkheid", false],
      ["F6", "cofinanciering_aandeel", "Onderlinge afhankelijkheid (cofinanciering)", false],
    ]);
    for (const e of fundingFamily.entries) {
      expect(e.group).toBe("financiering");
      expect(e.requires).toContain("funding");
      expect(e.requires).toContain("projects");
      expect(e.scopeTypes).toEqual(["netwerk", "totaal"]);
    }
  });
});

// as_of 2024-05-15 (no quarter end), 3 quarters: 2023-09-30, 2023-12-31, 2024-03-31, 2024-05-15.
// Y = 2023 at the first two dates, 2024 at the last two.
const files = {
  "members.csv": csv(
    MEMBERS_HEADER,
    "A,Alfa,Noord,zorg,2020-01-01,",
    "B,Beta,Noord,onderwijs,2020-01-01,",
    "C,Gamma,Zuid,overheid,2020-01-01,",
    "D,Delta,Zuid,bedrijfsleven,2020-01-01,",
    "E,Epsilon,Oost,burgers,2020-01-01,",
  ),
  "projects.csv": csv(
    PROJECTS_HEADER,
    "P1,Een,Noord,pilot,A,2023-01-01,",
    "P2,Twee,Noord,pilot,B,2023-01-01,",
    // starts in 2024, funded only in 2025
    "P3,Drie,Noord,idee,,2024-01-01,",
    // ended before the first reference date: its funding never counts
    "P4,Vier,Noord,pilot,A,2022-01-01,2023-06-30",
    "Z1,Zuid een,Zuid,pilot,C,2023-01-01,",
    "Z2,Zuid twee,Zuid,idee,,2023-01-01,",
  ),
  "project_partners.csv": csv(
    PARTNERS_HEADER,
    "P1,A,partner,",
    "P1,B,partner,",
    "P1,X,partner,bedrijfsleven",
    "P2,A,partner,",
    "Z1,D,partner,",
  ),
  "funding.csv": csv(
    FUNDING_HEADER,
    "f1,P1,rif,,2023,600,incidenteel,toegekend",
    "f2,P1,gemeente,,2023,200,structureel,toegekend",
    "f3,P1,eigen_bijdrage,A,2024,100,incidenteel,toegekend",
    "f4,P1,eigen_bijdrage,B,2024,100,structureel,toegekend",
    "f5,P1,rif,,2024,1000,incidenteel,aangevraagd",
    "f6,P1,provincie,,2024,500,structureel,afgewezen",
    "f7,P1,rijk,,2025,300,incidenteel,toegekend",
    "g1,P2,rif,,2023,900,incidenteel,toegekend",
    "g2,P2,eigen_bijdrage,A,2023,100,structureel,toegekend",
    // Q is no partner of P2; A a second time is still one funder
    "g3,P2,eigen_bijdrage,Q,2024,50,incidenteel,toegekend",
    "g4,P2,eigen_bijdrage,A,2024,25,incidenteel,toegekend",
    "h1,P3,rijk,,2025,400,incidenteel,toegekend",
    "k1,P4,rif,,2023,5000,structureel,toegekend",
    "z1,Z1,rif,,2023,1000,incidenteel,toegekend",
    // requested and rejected lines from two partners of Z1: ignored (else Z1 would be co-funded)
    "z2,Z1,gemeente,C,2024,3000,structureel,aangevraagd",
    "z3,Z1,eigen_bijdrage,D,2024,200,structureel,afgewezen",
    "z4,Z1,eigen_bijdrage,C,2026,200,structureel,aangevraagd",
  ),
};

// The per-project profiles (toegekend only):
// P1 ≤ 2023: rif 600, gemeente 200 → total 800; ≤ 2024: + eigen_bijdrage 200 (A, B) → 1000
// P2 ≤ 2023: rif 900, eigen_bijdrage 100 (A); ≤ 2024: + eigen_bijdrage 75 (Q, A) → 1075
// P3: only 2025. Z1: rif 1000 in 2023. Z2: nothing.

describe("F1 and F2: granted funding of the year Y of d", () => {
  it("F1 sums toegekend amounts with year = Y over the active projects; aangevraagd/afgewezen ignored", async () => {
    const db = await run(files, "2024-05-15");
    // Y = 2023, active P1, P2 (P4 ended 2023-06-30): 600 + 200 + 900 + 100
    expect(await value(db, "Noord", "financiering_jaar", "2023-09-30")).toBe(600 + 200 + 900 + 100);
    expect(await value(db, "Noord", "financiering_jaar", "2023-12-31")).toBe(1800);
    // Y = 2024: P1 100 + 100 (f5 aangevraagd, f6 afgewezen left out), P2 50 + 25
    expect(await value(db, "Noord", "financiering_jaar", "2024-03-31")).toBe(100 + 100 + 50 + 25);
    expect(await value(db, "Noord", "financiering_jaar", "2024-05-15")).toBe(275);
    expect(await value(db, "Zuid", "financiering_jaar", "2023-12-31")).toBe(1000);
    // Zuid 2024: only aangevraagd/afgewezen lines → 0
    expect(await value(db, "Zuid", "financiering_jaar", "2024-05-15")).toBe(0);
    // totaal: Noord + Zuid, each project once
    expect(await value(db, "alle", "financiering_jaar", "2023-12-31", "totaal")).toBe(1800 + 1000);
    expect(await value(db, "alle", "financiering_jaar", "2024-05-15", "totaal")).toBe(275 + 0);
    // Oost has no project: a sum over nothing is 0
    expect(await value(db, "Oost", "financiering_jaar", "2024-05-15")).toBe(0);
  });

  it("F2 is the structureel share of the F1 amount, null when F1 is 0", async () => {
    const db = await run(files, "2024-05-15");
    // 2023: structureel gemeente 200 (P1) + eigen_bijdrage 100 (P2) of 1800
    expect(await value(db, "Noord", "structureel_aandeel", "2023-12-31")).toBeCloseTo(
      (200 + 100) / 1800,
    );
    // 2024: structureel f4 100 of 275 (f6 structureel but afgewezen)
    expect(await value(db, "Noord", "structureel_aandeel", "2024-05-15")).toBeCloseTo(100 / 275);
    expect(await value(db, "Zuid", "structureel_aandeel", "2023-12-31")).toBe(0);
    // Zuid 2024: F1 = 0 → null
    expect(await value(db, "Zuid", "structureel_aandeel", "2024-05-15")).toBeNull();
    expect(await value(db, "Oost", "structureel_aandeel", "2024-05-15")).toBeNull();
    expect(await value(db, "alle", "structureel_aandeel", "2023-12-31", "totaal")).toBeCloseTo(
      300 / 2800,
    );
  });
});

describe("F3–F5: the source mix and later funding of the active projects", () => {
  it("F3 is the mean over funded active projects of 1 − Σ q² over the years ≤ Y", async () => {
    const db = await run(files, "2024-05-15");
    // Y = 2023: P1 q = 600/800, 200/800; P2 q = 900/1000, 100/1000
    const p1y23 = 1 - (0.75 ** 2 + 0.25 ** 2);
    const p2y23 = 1 - (0.9 ** 2 + 0.1 ** 2);
    expect(await value(db, "Noord", "financieringsspreiding", "2023-12-31")).toBeCloseTo(
      (p1y23 + p2y23) / 2,
    );
    // Y = 2024: P1 600/1000, 200/1000, 200/1000; P2 900/1075, 175/1075; P3 (only 2025) left out
    const p1y24 = 1 - (0.6 ** 2 + 0.2 ** 2 + 0.2 ** 2);
    const p2y24 = 1 - ((900 / 1075) ** 2 + (175 / 1075) ** 2);
    expect(await value(db, "Noord", "financieringsspreiding", "2024-05-15")).toBeCloseTo(
      (p1y24 + p2y24) / 2,
    );
    expect(spread(600, 200, 200)).toBeCloseTo(p1y24);
    // Z1: one source → 0; Z2 without funding left out
    expect(await value(db, "Zuid", "financieringsspreiding", "2024-05-15")).toBe(0);
    // totaal 2024: P1, P2, Z1
    expect(await value(db, "alle", "financieringsspreiding", "2024-05-15", "totaal")).toBeCloseTo(
      (p1y24 + p2y24 + 0) / 3,
    );
    // no active project → null
    expect(await value(db, "Oost", "financieringsspreiding", "2024-05-15")).toBeNull();
  });

  it("F4 is the share of active projects with toegekend funding in a year > Y", async () => {
    const db = await run(files, "2024-05-15");
    // Y = 2023: P1 (2024, 2025), P2 (2024) of P1, P2
    expect(await value(db, "Noord", "toekomstperspectief", "2023-09-30")).toBe(1);
    // Y = 2024: P1 (2025), P3 (2025, funded only later) of P1, P2, P3
    expect(await value(db, "Noord", "toekomstperspectief", "2024-03-31")).toBeCloseTo(2 / 3);
    // Zuid: Z1's 2026 line is only aangevraagd → 0 of Z1, Z2
    expect(await value(db, "Zuid", "toekomstperspectief", "2024-05-15")).toBe(0);
    // totaal 2024: P1, P3 of P1, P2, P3, Z1, Z2
    expect(await value(db, "alle", "toekomstperspectief", "2024-05-15", "totaal")).toBeCloseTo(
      2 / 5,
    );
    expect(await value(db, "Oost", "toekomstperspectief", "2024-05-15")).toBeNull();
  });

  it("F5 counts a source giving strictly more than 75 %, over funded active projects", async () => {
    const db = await run(files, "2024-05-15");
    // Y = 2023: P1 rif 600/800 = 75 % exactly → not one-sided; P2 rif 900/1000 = 90 % → 1 of 2
    expect(await value(db, "Noord", "eenzijdige_afhankelijkheid", "2023-12-31")).toBe(1 / 2);
    // Y = 2024: P1 60 %; P2 900/1075 ≈ 83.7 %; P3 (no funding ≤ 2024) not in the denominator
    expect(900 / 1075).toBeGreaterThan(0.75);
    expect(await value(db, "Noord", "eenzijdige_afhankelijkheid", "2024-05-15")).toBe(1 / 2);
    // Z1 rif 100 % of Z1 (Z2 unfunded)
    expect(await value(db, "Zuid", "eenzijdige_afhankelijkheid", "2024-05-15")).toBe(1);
    // totaal: P2, Z1 of P1, P2, Z1
    expect(
      await value(db, "alle", "eenzijdige_afhankelijkheid", "2024-05-15", "totaal"),
    ).toBeCloseTo(2 / 3);
    expect(await value(db, "Oost", "eenzijdige_afhankelijkheid", "2024-05-15")).toBeNull();
  });
});

describe("F6: co-financing by partners", () => {
  it("F6 is the share of active projects funded (years ≤ Y) by ≥ 2 distinct partner funders", async () => {
    const db = await run(files, "2024-05-15");
    // Y = 2023: P1 no funder yet; P2 only A → 0 of 2
    expect(await value(db, "Noord", "cofinanciering_aandeel", "2023-12-31")).toBe(0);
    // Y = 2024: P1 A and B (both partners) → yes; P2 A twice and Q (no partner) → no; P3 no
    expect(await value(db, "Noord", "cofinanciering_aandeel", "2024-03-31")).toBeCloseTo(1 / 3);
    // Z1: C and D only on aangevraagd/afgewezen lines → 0 of Z1, Z2
    expect(await value(db, "Zuid", "cofinanciering_aandeel", "2024-05-15")).toBe(0);
    // totaal: P1 of P1, P2, P3, Z1, Z2
    expect(await value(db, "alle", "cofinanciering_aandeel", "2024-05-15", "totaal")).toBeCloseTo(
      1 / 5,
    );
    expect(await value(db, "Oost", "cofinanciering_aandeel", "2024-05-15")).toBeNull();
  });

  it("F6 counts the lead organisation as a partner", async () => {
    const db = await run(
      {
        "members.csv": files["members.csv"],
        "projects.csv": csv(PROJECTS_HEADER, "L1,Lead,Zuid,pilot,C,2023-01-01,"),
        "project_partners.csv": csv(PARTNERS_HEADER, "L1,D,partner,"),
        "funding.csv": csv(
          FUNDING_HEADER,
          "a,L1,eigen_bijdrage,C,2024,10,incidenteel,toegekend",
          "b,L1,eigen_bijdrage,D,2023,10,incidenteel,toegekend",
        ),
      },
      "2024-05-15",
    );
    // 2023: D only → 0 of 1; 2024: C (lead) and D → 1 of 1
    expect(await value(db, "Zuid", "cofinanciering_aandeel", "2023-12-31")).toBe(0);
    expect(await value(db, "Zuid", "cofinanciering_aandeel", "2024-05-15")).toBe(1);
  });

  it("F6 is null when funding.csv has no funder_organisation_id column; F1–F5 still have values", async () => {
    const db = await run(
      {
        ...files,
        "funding.csv": csv(
          "funding_id,project_id,source_type,year,amount_eur,kind,status",
          "f1,P1,rif,2024,800,incidenteel,toegekend",
          "f2,P1,gemeente,2024,200,structureel,toegekend",
          "f3,P1,rijk,2025,100,incidenteel,toegekend",
        ),
      },
      "2024-05-15",
    );
    expect(await value(db, "Noord", "financiering_jaar", "2024-05-15")).toBe(1000);
    expect(await value(db, "Noord", "structureel_aandeel", "2024-05-15")).toBeCloseTo(200 / 1000);
    expect(await value(db, "Noord", "financieringsspreiding", "2024-05-15")).toBeCloseTo(
      1 - (0.8 ** 2 + 0.2 ** 2),
    );
    // P1 of P1, P2, P3
    expect(await value(db, "Noord", "toekomstperspectief", "2024-05-15")).toBeCloseTo(1 / 3);
    // P1 rif 80 % > 75 % of P1
    expect(await value(db, "Noord", "eenzijdige_afhankelijkheid", "2024-05-15")).toBe(1);
    for (const d of ["2023-12-31", "2024-05-15"]) {
      expect(await value(db, "Noord", "cofinanciering_aandeel", d)).toBeNull();
      expect(await value(db, "alle", "cofinanciering_aandeel", d, "totaal")).toBeNull();
    }
  });
});

describe("F5 at exactly 75 % with amounts in cents", () => {
  it("sums cents exactly: 0,01 + 0,14 of 0,20 and 0,01 + 0,05 of 0,08 are 75 %, not more", async () => {
    // in binary floating point these land just above 75 % (as a ratio, or as 4·top > 3·total)
    expect((0.01 + 0.14) / (0.01 + 0.14 + 0.05)).toBeGreaterThan(0.75);
    expect((0.01 + 0.05) * 4).toBeGreaterThan((0.01 + 0.05 + 0.02) * 3);
    const db = await run(
      {
        "members.csv": files["members.csv"],
        "projects.csv": csv(
          PROJECTS_HEADER,
          "C1,Centen,Oost,idee,E,2023-01-01,",
          "C2,Centen twee,Oost,idee,E,2023-01-01,",
        ),
        "funding.csv": csv(
          FUNDING_HEADER,
          'c1,C1,rif,,2024,"0,01",incidenteel,toegekend',
          "c2,C1,rif,,2024,0.14,incidenteel,toegekend",
          "c3,C1,fonds,,2024,0.05,incidenteel,toegekend",
          "d1,C2,rif,,2024,0.01,incidenteel,toegekend",
          "d2,C2,rif,,2024,0.05,incidenteel,toegekend",
          "d3,C2,fonds,,2024,0.02,incidenteel,toegekend",
        ),
      },
      "2024-05-15",
    );
    // 0 of C1, C2
    expect(await value(db, "Oost", "eenzijdige_afhankelijkheid", "2024-05-15")).toBe(0);
    expect(await value(db, "Oost", "financieringsspreiding", "2024-05-15")).toBeCloseTo(
      1 - (0.75 ** 2 + 0.25 ** 2),
    );
  });
});

describe("F null and zero rules", () => {
  it("every F is null when funding.csv is absent", async () => {
    const withoutFunding: Record<string, string> = { ...files };
    delete withoutFunding["funding.csv"];
    const db = await run(withoutFunding, "2024-05-15");
    for (const f of fundingFamily.entries) {
      for (const [scope, type] of [
        ["Noord", "netwerk"],
        ["Oost", "netwerk"],
        ["alle", "totaal"],
      ] as const) {
        expect(await value(db, scope, f.id, "2024-05-15", type)).toBeNull();
      }
    }
  });

  it("a project whose lines up to Y are all €0 is not in F3/F5's denominator, and F2 is null", async () => {
    const db = await run(
      {
        "members.csv": files["members.csv"],
        "projects.csv": csv(PROJECTS_HEADER, "N1,Nul,Oost,idee,E,2023-01-01,"),
        "funding.csv": csv(FUNDING_HEADER, "n1,N1,fonds,,2024,0,structureel,toegekend"),
      },
      "2024-05-15",
    );
    expect(await value(db, "Oost", "financiering_jaar", "2024-05-15")).toBe(0);
    expect(await value(db, "Oost", "structureel_aandeel", "2024-05-15")).toBeNull();
    expect(await value(db, "Oost", "financieringsspreiding", "2024-05-15")).toBeNull();
    expect(await value(db, "Oost", "eenzijdige_afhankelijkheid", "2024-05-15")).toBeNull();
    // no funding in a year > 2024 → 0 of 1
    expect(await value(db, "Oost", "toekomstperspectief", "2024-05-15")).toBe(0);
  });
});
