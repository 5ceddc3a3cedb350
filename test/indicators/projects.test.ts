import { describe, expect, it } from "vitest";
import { projectsFamily } from "../../src/indicators/projects.ts";
import { compute, csv, value } from "./helpers.ts";

const MEMBERS_HEADER = "organisation_id,organisation_name,network,sector,joined_on,left_on";
const PROJECTS_HEADER =
  "project_id,project_name,network,stage,lead_organisation_id,start_on,end_on";
const PARTNERS_HEADER = "project_id,organisation_id,role,sector";

const run = (files: Record<string, string>, asOf: string, quarters = 3) =>
  compute(files, [projectsFamily], asOf, quarters);

describe("projects family catalog", () => {
  it("has P1–P8 with the spec's ids, names and empty-value rules", () => {
    expect(projectsFamily.group).toBe("projecten");
    expect(projectsFamily.entries.map((e) => [e.code, e.id, e.name_nl, e.zeroWhenEmpty])).toEqual([
      ["P1", "projecten_actief", "Lopende projecten", true],
      ["P2", "partners_per_project", "Partners per project", false],
      ["P3", "crosssectoraal_aandeel", "Crosssectorale projecten", false],
      ["P4", "zorg_plus_aandeel", "Zorg met andere sectoren", false],
      ["P5", "projectdeelname_leden", "Leden in projecten", false],
      ["P6", "netwerkdichtheid", "Netwerkdichtheid", false],
      ["P7", "centralisatie", "Centralisatie (Freeman)", false],
      ["P8", "opgeschaald_aandeel", "Opgeschaald of structureel", false],
    ]);
  });
});

describe("P1 and P8: active projects and their stage", () => {
  // as_of 2024-05-15 (no quarter end); dates 2023-09-30, 2023-12-31, 2024-03-31, 2024-05-15
  const files = {
    "members.csv": csv(
      MEMBERS_HEADER,
      "M1,Zorg Een,Noord,zorg,2020-01-01,",
      "M2,Zorg Twee,Zuid,zorg,2020-01-01,",
      "M3,School Drie,Oost,onderwijs,2020-01-01,",
    ),
    "projects.csv": csv(
      PROJECTS_HEADER,
      "PA,Altijd,Noord,idee,M1,2023-01-01,",
      "PB,Gestopt zonder einde,Noord,gestopt,M1,2023-01-01,",
      "PC,Gestopt met einde,Noord,gestopt,M1,2023-01-01,2023-12-31",
      "PD,Pilot,Noord,pilot,M1,2023-10-01,2024-03-31",
      "PE,Opschaling,Noord,opschaling,M1,2024-04-01,",
      "PF,Structureel,Noord,structureel,M1,2022-01-01,2024-05-15",
      "PZ,Zuid,Zuid,idee,M2,2023-01-01,",
    ),
    "project_partners.csv": csv(PARTNERS_HEADER),
  };

  it("P1 counts active projects: a stopped project without end date never, with end date until then, end_on inclusive", async () => {
    const db = await run(files, "2024-05-15");
    // 2023-09-30: PA, PC, PF (PB never; PD starts 2023-10-01)
    expect(await value(db, "Noord", "projecten_actief", "2023-09-30")).toBe(3);
    // 2023-12-31: PA, PC (end_on = d, inclusive), PD, PF
    expect(await value(db, "Noord", "projecten_actief", "2023-12-31")).toBe(4);
    // 2024-03-31: PA, PD (end_on = d), PF; PC ended
    expect(await value(db, "Noord", "projecten_actief", "2024-03-31")).toBe(3);
    // 2024-05-15: PA, PE, PF (end_on = as_of)
    expect(await value(db, "Noord", "projecten_actief", "2024-05-15")).toBe(3);
    expect(await value(db, "Zuid", "projecten_actief", "2024-05-15")).toBe(1);
    // totaal: 3 + 1
    expect(await value(db, "alle", "projecten_actief", "2024-05-15", "totaal")).toBe(4);
    // a network without projects: a count over nothing is 0
    expect(await value(db, "Oost", "projecten_actief", "2024-05-15")).toBe(0);
  });

  it("P8 is the share in opschaling or structureel at as_of only, null before", async () => {
    const db = await run(files, "2024-05-15");
    // Noord at as_of: PE (opschaling) and PF (structureel) of PA, PE, PF
    expect(await value(db, "Noord", "opgeschaald_aandeel", "2024-05-15")).toBeCloseTo(2 / 3);
    expect(await value(db, "Zuid", "opgeschaald_aandeel", "2024-05-15")).toBe(0);
    // totaal: 2 of 4
    expect(await value(db, "alle", "opgeschaald_aandeel", "2024-05-15", "totaal")).toBeCloseTo(
      2 / 4,
    );
    // no active project: empty denominator
    expect(await value(db, "Oost", "opgeschaald_aandeel", "2024-05-15")).toBeNull();
    // earlier dates: stage has no history
    for (const d of ["2023-09-30", "2023-12-31", "2024-03-31"]) {
      expect(await value(db, "Noord", "opgeschaald_aandeel", d)).toBeNull();
      expect(await value(db, "alle", "opgeschaald_aandeel", d, "totaal")).toBeNull();
    }
  });
});

describe("P2, P3 and P4: partners and their sectors", () => {
  const files = {
    "members.csv": csv(
      MEMBERS_HEADER,
      "M1,Zorg Een,Noord,zorg,2020-01-01,",
      "M2,School Twee,Noord,onderwijs,2020-01-01,",
      "M3,Welzijn Drie,Noord,welzijn,2020-01-01,",
      "M4,Gemeente Vier,Noord,overheid,2020-01-01,",
      "M5,Zorg Vijf,Zuid,zorg,2020-01-01,",
    ),
    "projects.csv": csv(
      PROJECTS_HEADER,
      // lead M1 also listed as partner: partners {M1, M2, M3}
      "J1,Drie partners,Noord,pilot,M1,2023-01-01,",
      // lead M1 + external X1 with sector bedrijfsleven on its row: {M1, X1}
      "J2,Extern met sector,Noord,pilot,M1,2023-01-01,",
      // lead M3 + external X2 without sector (unknown): {M3, X2}
      "J3,Extern zonder sector,Noord,pilot,M3,2023-01-01,",
      // no lead; M2's partner row says zorg, its member sector onderwijs wins: {M2, M4}
      "J4,Ledensector wint,Noord,pilot,,2023-01-01,",
      // zorg and welzijn only: {M1, M3}
      "J5,Zorg en welzijn,Noord,pilot,M1,2023-01-01,",
      // no lead and no partner rows: 0 partners
      "J6,Zonder partners,Noord,idee,,2023-01-01,",
      // not active: stopped without end date
      "J7,Gestopt,Noord,gestopt,M1,2023-01-01,",
      // Zuid: external lead X3 without partner row (unknown sector) and M5: {X3, M5}
      "K1,Zuid,Zuid,pilot,X3,2023-01-01,",
    ),
    "project_partners.csv": csv(
      PARTNERS_HEADER,
      "J1,M1,penvoerder,",
      "J1,M2,partner,",
      "J1,M3,partner,",
      "J2,X1,partner,bedrijfsleven",
      "J3,X2,partner,",
      "J4,M2,partner,zorg",
      "J4,M4,partner,",
      "J5,M3,partner,",
      "J7,M2,partner,",
      "J7,M4,partner,",
      "K1,M5,partner,",
    ),
  };
  const asOf = "2024-06-30";

  it("P2 is the mean number of distinct partners, the lead counted once", async () => {
    const db = await run(files, asOf);
    // J1 3, J2 2, J3 2, J4 2, J5 2, J6 0
    expect(await value(db, "Noord", "partners_per_project", asOf)).toBeCloseTo(
      (3 + 2 + 2 + 2 + 2 + 0) / 6,
    );
    // K1: lead X3 + M5
    expect(await value(db, "Zuid", "partners_per_project", asOf)).toBe(2);
    expect(await value(db, "alle", "partners_per_project", asOf, "totaal")).toBeCloseTo(
      (3 + 2 + 2 + 2 + 2 + 0 + 2) / 7,
    );
  });

  it("P3 counts projects spanning ≥ 2 known sectors (member sector wins, unknown not counted)", async () => {
    const db = await run(files, asOf);
    // J1 zorg/onderwijs/welzijn yes; J2 zorg/bedrijfsleven yes; J3 welzijn/unknown no;
    // J4 onderwijs/overheid yes; J5 zorg/welzijn yes; J6 none no
    expect(await value(db, "Noord", "crosssectoraal_aandeel", asOf)).toBeCloseTo(4 / 6);
    // K1: unknown/zorg: one known sector
    expect(await value(db, "Zuid", "crosssectoraal_aandeel", asOf)).toBe(0);
    expect(await value(db, "alle", "crosssectoraal_aandeel", asOf, "totaal")).toBeCloseTo(4 / 7);
  });

  it("P4 counts projects with zorg or welzijn and another known sector", async () => {
    const db = await run(files, asOf);
    // J1 yes (zorg + onderwijs); J2 yes (zorg + bedrijfsleven from the partner row);
    // J3 no (welzijn + unknown); J4 no (onderwijs + overheid: M2's row sector zorg is ignored);
    // J5 no (zorg + welzijn: no sector outside zorg and welzijn); J6 no
    expect(await value(db, "Noord", "zorg_plus_aandeel", asOf)).toBeCloseTo(2 / 6);
    expect(await value(db, "Zuid", "zorg_plus_aandeel", asOf)).toBe(0);
    expect(await value(db, "alle", "zorg_plus_aandeel", asOf, "totaal")).toBeCloseTo(2 / 7);
  });

  it("P2–P4 are null without active projects", async () => {
    // as_of 2022-12-15: every project starts 2023-01-01
    const db = await run(files, "2022-12-15");
    for (const id of ["partners_per_project", "crosssectoraal_aandeel", "zorg_plus_aandeel"]) {
      expect(await value(db, "Noord", id, "2022-12-15")).toBeNull();
      expect(await value(db, "alle", id, "2022-12-15", "totaal")).toBeNull();
    }
    expect(await value(db, "Noord", "projecten_actief", "2022-12-15")).toBe(0);
  });
});

describe("P5: members taking part in projects", () => {
  // as_of 2024-05-15; dates 2023-09-30, 2023-12-31, 2024-03-31, 2024-05-15
  const files = {
    "members.csv": csv(
      MEMBERS_HEADER,
      "M1,Een,Noord,zorg,2020-01-01,",
      "M2,Twee,Noord,onderwijs,2020-01-01,",
      "M3,Drie,Noord,welzijn,2020-01-01,",
      "M4,Vier,Noord,overheid,2020-01-01,",
      "M4,Vier,Zuid,overheid,2020-01-01,",
      "M5,Vijf,Noord,zorg,2020-01-01,2024-01-15",
      "M6,Zes,Zuid,bedrijfsleven,2024-04-01,",
      "M7,Zeven,Oost,zorg,2020-01-01,2021-01-01",
    ),
    "projects.csv": csv(
      PROJECTS_HEADER,
      "Q1,Noord project,Noord,pilot,M1,2023-01-01,",
      "Q2,Gestopt,Noord,gestopt,M3,2023-01-01,",
      "Q3,Zuid project,Zuid,pilot,M4,2023-01-01,",
      "Q4,Oud,Noord,pilot,M5,2023-01-01,",
    ),
    "project_partners.csv": csv(PARTNERS_HEADER, "Q1,M2,partner,", "Q1,X1,partner,zorg"),
  };

  it("is the share of active members that are a partner in an active project of the scope", async () => {
    const db = await run(files, "2024-05-15");
    // Noord members at as_of M1..M4 (M5 left); partners in Noord projects: M1, M2 (Q2 never
    // active; M4 is a partner only in a Zuid project)
    expect(await value(db, "Noord", "projectdeelname_leden", "2024-05-15")).toBe(2 / 4);
    // 2023-12-31: M1..M5 active, Q4 (lead M5) active: M1, M2, M5
    expect(await value(db, "Noord", "projectdeelname_leden", "2023-12-31")).toBe(3 / 5);
    // Zuid at 2024-03-31: only M4, a partner in Q3
    expect(await value(db, "Zuid", "projectdeelname_leden", "2024-03-31")).toBe(1);
    // Zuid at as_of: M4 and M6 (joined 2024-04-01)
    expect(await value(db, "Zuid", "projectdeelname_leden", "2024-05-15")).toBe(1 / 2);
    // totaal at as_of: members M1, M2, M3, M4 (once), M6 = 5; partners M1, M2, M4
    expect(await value(db, "alle", "projectdeelname_leden", "2024-05-15", "totaal")).toBe(3 / 5);
    // no active member: empty denominator
    expect(await value(db, "Oost", "projectdeelname_leden", "2024-05-15")).toBeNull();
  });

  it("is 0, not null, when there are members but no active project", async () => {
    const db = await run(
      {
        ...files,
        "projects.csv": csv(PROJECTS_HEADER),
        "project_partners.csv": csv(PARTNERS_HEADER),
      },
      "2024-05-15",
    );
    expect(await value(db, "Noord", "projectdeelname_leden", "2024-05-15")).toBe(0);
    expect(await value(db, "Noord", "netwerkdichtheid", "2024-05-15")).toBe(0);
    expect(await value(db, "Noord", "centralisatie", "2024-05-15")).toBe(0);
  });
});

describe("P6 and P7: the members' collaboration graph", () => {
  // as_of 2024-05-15; dates 2023-09-30, 2023-12-31, 2024-03-31, 2024-05-15
  const files = {
    "members.csv": csv(
      MEMBERS_HEADER,
      "H,Hub,Noord,zorg,2020-01-01,",
      "H,Hub,Zuid,zorg,2020-01-01,",
      "A,A,Noord,onderwijs,2020-01-01,",
      "B,B,Noord,welzijn,2020-01-01,",
      "C,C,Noord,overheid,2020-01-01,",
      "L,Later weg,Noord,zorg,2024-01-01,2024-04-15",
      "I,Geisoleerd,Noord,burgers,2024-04-01,",
      "P,P,Zuid,zorg,2020-01-01,",
      "Q,Q,Zuid,zorg,2020-01-01,",
      "R,R,Zuid,zorg,2020-01-01,",
      "E1,Eenling,Oost,zorg,2020-01-01,",
      "W1,Paar een,West,zorg,2020-01-01,",
      "W2,Paar twee,West,zorg,2020-01-01,",
    ),
    "projects.csv": csv(
      PROJECTS_HEADER,
      "S1,Ster 1,Noord,pilot,H,2023-01-01,",
      "S2,Ster 2,Noord,pilot,H,2023-01-01,",
      "S3,Ster 3,Noord,pilot,H,2023-01-01,",
      // H and A again: one edge
      "S4,Ster 4,Noord,pilot,H,2023-01-01,",
      // L is a node only while a member (2024-01-01 .. 2024-04-15)
      "S5,Met L,Noord,pilot,H,2023-01-01,",
      // never active: would join A and B
      "S6,Gestopt,Noord,gestopt,A,2023-01-01,",
      "T1,Driehoek,Zuid,pilot,P,2023-01-01,",
      "T2,H en P,Zuid,pilot,H,2023-01-01,",
      "U1,Eenling,Oost,pilot,E1,2023-01-01,",
      "V1,Paar,West,pilot,W1,2023-01-01,",
    ),
    "project_partners.csv": csv(
      PARTNERS_HEADER,
      "S1,A,partner,",
      "S2,B,partner,",
      "S3,C,partner,",
      "S3,X,partner,bedrijfsleven",
      "S4,A,partner,",
      "S5,L,partner,",
      "S6,B,partner,",
      "T1,Q,partner,",
      "T1,R,partner,",
      "T2,P,partner,",
      "V1,W2,partner,",
    ),
  };

  it("a star of 4 members at 2023-12-31", async () => {
    const db = await run(files, "2024-05-15");
    // Noord: H, A, B, C (L and I not yet members); edges H-A (S1 and S4, once), H-B, H-C;
    // the external X in S3 is no node. N = 4, E = 3, degrees 3, 1, 1, 1.
    expect(await value(db, "Noord", "netwerkdichtheid", "2023-12-31")).toBeCloseTo(
      (2 * 3) / (4 * 3),
    );
    // Σ (k_max − kᵢ) = 0 + 3 · (3 − 1) = 6; (N − 1)(N − 2) = 3 · 2
    expect(await value(db, "Noord", "centralisatie", "2023-12-31")).toBeCloseTo(
      ((3 - 1) * 3) / (3 * 2),
    );
  });

  it("a star of 5 while L is a member, then an isolated node", async () => {
    const db = await run(files, "2024-05-15");
    // 2024-03-31: H, A, B, C, L; edges H-A, H-B, H-C, H-L. N = 5, E = 4, degrees 4, 1, 1, 1, 1
    expect(await value(db, "Noord", "netwerkdichtheid", "2024-03-31")).toBeCloseTo(
      (2 * 4) / (5 * 4),
    );
    expect(await value(db, "Noord", "centralisatie", "2024-03-31")).toBeCloseTo(
      ((4 - 1) * 4) / (4 * 3),
    );
    // 2024-05-15: L left, I (no project) joined. N = 5, E = 3, degrees H 3, A 1, B 1, C 1, I 0
    expect(await value(db, "Noord", "netwerkdichtheid", "2024-05-15")).toBeCloseTo(
      (2 * 3) / (5 * 4),
    );
    // Σ (3 − kᵢ) = 0 + 2 + 2 + 2 + 3 = 9; (N − 1)(N − 2) = 4 · 3
    expect(await value(db, "Noord", "centralisatie", "2024-05-15")).toBeCloseTo(9 / (4 * 3));
  });

  it("an organisation in two networks: its edges per network, and once in totaal", async () => {
    const db = await run(files, "2024-05-15");
    // Zuid: H, P, Q, R; edges P-Q, P-R, Q-R (T1), H-P (T2). N = 4, E = 4,
    // degrees P 3, Q 2, R 2, H 1 (its Noord edges do not count here)
    expect(await value(db, "Zuid", "netwerkdichtheid", "2024-05-15")).toBeCloseTo(
      (2 * 4) / (4 * 3),
    );
    // Σ (3 − kᵢ) = 0 + 1 + 1 + 2 = 4
    expect(await value(db, "Zuid", "centralisatie", "2024-05-15")).toBeCloseTo(4 / (3 * 2));
    // totaal: H (once), A, B, C, I, P, Q, R, E1, W1, W2: N = 11;
    // edges H-A, H-B, H-C, P-Q, P-R, Q-R, H-P, W1-W2: E = 8;
    // degrees H 4, A 1, B 1, C 1, I 0, P 3, Q 2, R 2, E1 0, W1 1, W2 1 (Σ = 16 = 2E)
    expect(await value(db, "alle", "netwerkdichtheid", "2024-05-15", "totaal")).toBeCloseTo(
      (2 * 8) / (11 * 10),
    );
    // Σ (4 − kᵢ) = 0 + 3 + 3 + 3 + 4 + 1 + 2 + 2 + 4 + 3 + 3 = 28; (N − 1)(N − 2) = 10 · 9
    expect(await value(db, "alle", "centralisatie", "2024-05-15", "totaal")).toBeCloseTo(
      28 / (10 * 9),
    );
  });

  it("null when N < 2 (P6) and N < 3 (P7)", async () => {
    const db = await run(files, "2024-05-15");
    // Oost: one member
    expect(await value(db, "Oost", "netwerkdichtheid", "2024-05-15")).toBeNull();
    expect(await value(db, "Oost", "centralisatie", "2024-05-15")).toBeNull();
    // West: two members sharing V1: density 2 · 1 / (2 · 1) = 1, centralization undefined
    expect(await value(db, "West", "netwerkdichtheid", "2024-05-15")).toBe(1);
    expect(await value(db, "West", "centralisatie", "2024-05-15")).toBeNull();
  });

  it("P5 on the same members", async () => {
    const db = await run(files, "2024-05-15");
    // Noord: H, A, B, C partners; I not: 4 / 5
    expect(await value(db, "Noord", "projectdeelname_leden", "2024-05-15")).toBe(4 / 5);
    // totaal: all but I: 10 / 11
    expect(await value(db, "alle", "projectdeelname_leden", "2024-05-15", "totaal")).toBe(10 / 11);
  });
});

describe("absent files", () => {
  const members = csv(
    MEMBERS_HEADER,
    "M1,Een,Noord,zorg,2020-01-01,",
    "M2,Twee,Noord,welzijn,2020-01-01,",
  );
  const projects = csv(
    PROJECTS_HEADER,
    "J1,Een,Noord,opschaling,M1,2023-01-01,",
    "J2,Twee,Noord,pilot,M2,2023-01-01,",
  );
  const partnerIds = [
    "partners_per_project",
    "crosssectoraal_aandeel",
    "zorg_plus_aandeel",
    "projectdeelname_leden",
    "netwerkdichtheid",
    "centralisatie",
  ];

  it("without project_partners.csv: P1 and P8 from projects.csv, the partner-based ones null", async () => {
    const db = await run({ "members.csv": members, "projects.csv": projects }, "2024-05-15");
    expect(await value(db, "Noord", "projecten_actief", "2024-05-15")).toBe(2);
    expect(await value(db, "Noord", "opgeschaald_aandeel", "2024-05-15")).toBe(1 / 2);
    for (const id of partnerIds) {
      expect(await value(db, "Noord", id, "2024-05-15")).toBeNull();
      expect(await value(db, "alle", id, "2024-05-15", "totaal")).toBeNull();
    }
  });

  it("with an empty project_partners.csv the leads are the partners", async () => {
    const db = await run(
      {
        "members.csv": members,
        "projects.csv": projects,
        "project_partners.csv": csv(PARTNERS_HEADER),
      },
      "2024-05-15",
    );
    // each project has only its lead: 1 partner, one sector
    expect(await value(db, "Noord", "partners_per_project", "2024-05-15")).toBe(1);
    expect(await value(db, "Noord", "crosssectoraal_aandeel", "2024-05-15")).toBe(0);
    // M1 and M2 both partners, but in different projects: no edge
    expect(await value(db, "Noord", "projectdeelname_leden", "2024-05-15")).toBe(1);
    expect(await value(db, "Noord", "netwerkdichtheid", "2024-05-15")).toBe(0);
  });

  it("without projects.csv every P indicator is null, P1 included", async () => {
    const db = await run({ "members.csv": members }, "2024-05-15");
    for (const id of ["projecten_actief", "opgeschaald_aandeel", ...partnerIds]) {
      expect(await value(db, "Noord", id, "2024-05-15")).toBeNull();
      expect(await value(db, "alle", id, "2024-05-15", "totaal")).toBeNull();
    }
  });
});
