import { describe, expect, it } from "vitest";
import { engagement } from "../../src/indicators/engagement.ts";
import { compute, csv, value } from "./helpers.ts";

const MEMBERS_HEADER = "organisation_id,organisation_name,network,sector,joined_on,left_on";
const ATTENDANCE_HEADER = "event_id,event_date,network,organisation_id,person_role,attended";

const run = (files: Record<string, string>, asOf: string, quarters = 2) =>
  compute(files, [engagement], asOf, quarters);

describe("engagement family catalog", () => {
  it("has E1–E5 with the spec's ids, names and empty-value rules", () => {
    expect(engagement.group).toBe("bijeenkomsten");
    expect(engagement.entries.map((e) => [e.code, e.id, e.name_nl, e.zeroWhenEmpty])).toEqual([
      ["E1", "bijeenkomsten_12m", "Bijeenkomsten", true],
      ["E2", "opkomst_12m", "Opkomst", false],
      ["E3", "actieve_deelname_leden", "Leden actief op bijeenkomsten", false],
      ["E4", "meerlagigheid", "Meerlagigheid", false],
      ["E5", "deelnemende_organisaties_12m", "Deelnemende organisaties", true],
    ]);
    for (const e of engagement.entries) {
      expect(e.group).toBe("bijeenkomsten");
      expect(e.requires).toContain("attendance");
      expect(e.scopeTypes).toEqual(["netwerk", "totaal"]);
    }
  });
});

describe("E1–E5 over the 12 months up to d", () => {
  // as_of 2024-05-15 (no quarter end), 2 quarters: dates 2023-12-31, 2024-03-31, 2024-05-15.
  // Windows: (2022-12-31, 2023-12-31], (2023-03-31, 2024-03-31], (2023-05-15, 2024-05-15].
  const files = {
    "members.csv": csv(
      MEMBERS_HEADER,
      "A,Alfa,Noord,zorg,2020-01-01,",
      "A,Alfa,Zuid,zorg,2020-01-01,",
      "B,Beta,Noord,onderwijs,2020-01-01,",
      "C,Gamma,Noord,overheid,2020-01-01,",
      "D,Delta,Zuid,welzijn,2020-01-01,",
    ),
    "attendance.csv": csv(
      ATTENDANCE_HEADER,
      // E1: exactly 12 months before as_of → outside the as_of window, inside the 2024-03-31 one
      "E1,2023-05-15,Noord,A,bestuurder,ja",
      "E1,2023-05-15,Noord,B,professional,ja",
      // E2: C without role (= overig), X not a member, a person without organisation, B absent
      "E2,2023-06-01,Noord,A,management,ja",
      "E2,2023-06-01,Noord,B,professional,nee",
      "E2,2023-06-01,Noord,C,,ja",
      "E2,2023-06-01,Noord,X,professional,ja",
      "E2,2023-06-01,Noord,,burger,ja",
      "E3,2024-04-10,Noord,C,bestuurder,nee",
      "E3,2024-04-10,Noord,A,professional,ja",
      // E4: after as_of → ignored at every date
      "E4,2024-06-01,Noord,B,bestuurder,ja",
      "E4,2024-06-01,Noord,B,management,ja",
      // E5: no network → only in the total
      "E5,2024-01-20,,D,bestuurder,ja",
      "E5,2024-01-20,,D,management,ja",
      "E5,2024-01-20,,Y,student,ja",
      "E6,2024-02-01,Zuid,D,professional,ja",
      "E6,2024-02-01,Zuid,A,overig,ja",
      "E7,2024-05-01,Zuid,D,student,nee",
    ),
  };

  it("E1 counts distinct events in (d − 12 months, d]: the day 12 months back is excluded", async () => {
    const db = await run(files, "2024-05-15");
    // as_of window (2023-05-15, 2024-05-15]: E2, E3 (E1 on 2023-05-15 excluded, E4 after d)
    expect(await value(db, "Noord", "bijeenkomsten_12m", "2024-05-15")).toBe(2);
    // 2024-03-31 window (2023-03-31, 2024-03-31]: E1, E2 (E3 is after d)
    expect(await value(db, "Noord", "bijeenkomsten_12m", "2024-03-31")).toBe(2);
    expect(await value(db, "Zuid", "bijeenkomsten_12m", "2024-05-15")).toBe(2);
    // totaal: E2, E3, E5 (no network), E6, E7
    expect(await value(db, "alle", "bijeenkomsten_12m", "2024-05-15", "totaal")).toBe(5);
    // 2023-12-31 window (2022-12-31, 2023-12-31]: E1, E2
    expect(await value(db, "alle", "bijeenkomsten_12m", "2023-12-31", "totaal")).toBe(2);
  });

  it("E1 counts a meeting without a network only in the total", async () => {
    const db = await run(files, "2024-05-15");
    // 2024-03-31: totaal E1, E2, E5, E6; Noord E1, E2; Zuid E6
    expect(await value(db, "alle", "bijeenkomsten_12m", "2024-03-31", "totaal")).toBe(4);
    expect(await value(db, "Zuid", "bijeenkomsten_12m", "2024-03-31")).toBe(1);
  });

  it("E2 is attended rows / all rows, counting absent registrations and people without organisation", async () => {
    const db = await run(files, "2024-05-15");
    // Noord as_of: E2 5 rows (A, C, X, no-organisation attended; B absent) + E3 2 rows (A attended)
    expect(await value(db, "Noord", "opkomst_12m", "2024-05-15")).toBeCloseTo((4 + 1) / (5 + 2));
    // Noord 2024-03-31: E1 2 of 2, E2 4 of 5
    expect(await value(db, "Noord", "opkomst_12m", "2024-03-31")).toBeCloseTo((2 + 4) / (2 + 5));
    // Zuid as_of: E6 2 of 2, E7 0 of 1
    expect(await value(db, "Zuid", "opkomst_12m", "2024-05-15")).toBeCloseTo(2 / 3);
    // totaal as_of: E2 4/5, E3 1/2, E5 3/3, E6 2/2, E7 0/1
    expect(await value(db, "alle", "opkomst_12m", "2024-05-15", "totaal")).toBeCloseTo(
      (4 + 1 + 3 + 2 + 0) / (5 + 2 + 3 + 2 + 1),
    );
  });

  it("E3 is the share of member organisations with an attended row of the scope's meetings", async () => {
    const db = await run(files, "2024-05-15");
    // Noord as_of: A (E2, E3), C (E2) of A, B, C; B was absent at E2 and E1 is outside
    expect(await value(db, "Noord", "actieve_deelname_leden", "2024-05-15")).toBeCloseTo(2 / 3);
    // Noord 2024-03-31: A, B (E1), C → 3/3
    expect(await value(db, "Noord", "actieve_deelname_leden", "2024-03-31")).toBe(1);
    // Zuid as_of: D, A (E6) of D, A
    expect(await value(db, "Zuid", "actieve_deelname_leden", "2024-05-15")).toBe(1);
    // totaal as_of: A, C, D of A, B, C, D (A once); X and Y are no members
    expect(await value(db, "alle", "actieve_deelname_leden", "2024-05-15", "totaal")).toBeCloseTo(
      3 / 4,
    );
    // 2023-12-31 Zuid: no Zuid meeting in (2022-12-31, 2023-12-31] → 0 of 2 members
    expect(await value(db, "Zuid", "actieve_deelname_leden", "2023-12-31")).toBe(0);
  });

  it("E4 counts levels among bestuurder, management and professional only", async () => {
    const db = await run(files, "2024-05-15");
    // Noord as_of, attending members A, C: A management (E2) + professional (E3) = 2 levels;
    // C only overig (empty role) → 1/2
    expect(await value(db, "Noord", "meerlagigheid", "2024-05-15")).toBeCloseTo(1 / 2);
    // Noord 2024-03-31, attending A, B, C: A bestuurder (E1) + management (E2); B professional
    // only; C overig → 1/3
    expect(await value(db, "Noord", "meerlagigheid", "2024-03-31")).toBeCloseTo(1 / 3);
    // Zuid as_of: D professional (E6; its student row at E7 is absent, and student is no level);
    // A overig → 0/2; D's bestuurder and management rows are at E5, which has no network
    expect(await value(db, "Zuid", "meerlagigheid", "2024-05-15")).toBe(0);
    // totaal as_of, attending A, C, D: A management, professional (+ overig); C overig;
    // D bestuurder, management, professional → 2/3
    expect(await value(db, "alle", "meerlagigheid", "2024-05-15", "totaal")).toBeCloseTo(2 / 3);
  });

  it("E4 does not count overig, student or burger as a level", async () => {
    const db = await run(
      {
        "members.csv": csv(MEMBERS_HEADER, "A,Alfa,Noord,zorg,2020-01-01,"),
        "attendance.csv": csv(
          ATTENDANCE_HEADER,
          "E1,2024-04-01,Noord,A,professional,ja",
          "E1,2024-04-01,Noord,A,overig,ja",
          "E1,2024-04-01,Noord,A,student,ja",
          "E1,2024-04-01,Noord,A,burger,ja",
          "E1,2024-04-01,Noord,A,,ja",
          "E2,2024-04-02,Noord,A,bestuurder,nee",
        ),
      },
      "2024-05-15",
    );
    // one level (professional); the absent bestuurder does not count → 0 of 1
    expect(await value(db, "Noord", "meerlagigheid", "2024-05-15")).toBe(0);
    expect(await value(db, "Noord", "actieve_deelname_leden", "2024-05-15")).toBe(1);
  });

  it("E5 counts distinct non-empty organisations with an attended row, members or not", async () => {
    const db = await run(files, "2024-05-15");
    // Noord as_of: A, C, X (B absent, the person without organisation is no organisation)
    expect(await value(db, "Noord", "deelnemende_organisaties_12m", "2024-05-15")).toBe(3);
    // Noord 2024-03-31: A, B, C, X
    expect(await value(db, "Noord", "deelnemende_organisaties_12m", "2024-03-31")).toBe(4);
    // Zuid as_of: D, A
    expect(await value(db, "Zuid", "deelnemende_organisaties_12m", "2024-05-15")).toBe(2);
    // totaal as_of: A, C, X, D, Y (A once)
    expect(await value(db, "alle", "deelnemende_organisaties_12m", "2024-05-15", "totaal")).toBe(5);
  });
});

describe("E null and zero rules", () => {
  // as_of 2024-05-15, 2 quarters
  const files = {
    "members.csv": csv(
      MEMBERS_HEADER,
      "S,Stil,Stil,zorg,2020-01-01,",
      "L,Leeg,Leeg,zorg,2020-01-01,",
      "O,Oud,Oud,zorg,2020-01-01,2023-01-01",
    ),
    "attendance.csv": csv(
      ATTENDANCE_HEADER,
      "E8,2024-03-01,Stil,S,bestuurder,nee",
      "E8,2024-03-01,Stil,Z,professional,ja",
      "E9,2024-03-01,Extern,Q,professional,ja",
      "E10,2024-03-01,Oud,O,bestuurder,ja",
      "E10,2024-03-01,Oud,O,management,ja",
    ),
  };

  it("without rows in the window: E1 and E5 are 0, E2 is null", async () => {
    const db = await run(files, "2024-05-15");
    expect(await value(db, "Leeg", "bijeenkomsten_12m", "2024-05-15")).toBe(0);
    expect(await value(db, "Leeg", "deelnemende_organisaties_12m", "2024-05-15")).toBe(0);
    expect(await value(db, "Leeg", "opkomst_12m", "2024-05-15")).toBeNull();
    // Leeg has a member that never attended: E3 0 of 1, E4 over nobody → null
    expect(await value(db, "Leeg", "actieve_deelname_leden", "2024-05-15")).toBe(0);
    expect(await value(db, "Leeg", "meerlagigheid", "2024-05-15")).toBeNull();
    // 2023-12-31: no row anywhere in (2022-12-31, 2023-12-31]
    expect(await value(db, "alle", "opkomst_12m", "2023-12-31", "totaal")).toBeNull();
    expect(await value(db, "alle", "bijeenkomsten_12m", "2023-12-31", "totaal")).toBe(0);
  });

  it("E3 and E4 are null without member organisations (a network known only from attendance)", async () => {
    const db = await run(files, "2024-05-15");
    expect(await value(db, "Extern", "actieve_deelname_leden", "2024-05-15")).toBeNull();
    expect(await value(db, "Extern", "meerlagigheid", "2024-05-15")).toBeNull();
    expect(await value(db, "Extern", "opkomst_12m", "2024-05-15")).toBe(1);
    expect(await value(db, "Extern", "deelnemende_organisaties_12m", "2024-05-15")).toBe(1);
    // Oud: its only member left before the meeting; O still counts as a participating organisation
    expect(await value(db, "Oud", "actieve_deelname_leden", "2024-05-15")).toBeNull();
    expect(await value(db, "Oud", "meerlagigheid", "2024-05-15")).toBeNull();
    expect(await value(db, "Oud", "deelnemende_organisaties_12m", "2024-05-15")).toBe(1);
  });

  it("E4 is null when no member organisation attended, while non-members did", async () => {
    const db = await run(files, "2024-05-15");
    // Stil: member S registered but absent, non-member Z attended
    expect(await value(db, "Stil", "actieve_deelname_leden", "2024-05-15")).toBe(0);
    expect(await value(db, "Stil", "meerlagigheid", "2024-05-15")).toBeNull();
    expect(await value(db, "Stil", "deelnemende_organisaties_12m", "2024-05-15")).toBe(1);
    expect(await value(db, "Stil", "opkomst_12m", "2024-05-15")).toBeCloseTo(1 / 2);
    expect(await value(db, "Stil", "bijeenkomsten_12m", "2024-05-15")).toBe(1);
    // totaal: members S, L (O left) — neither attended → 0/2 and E4 null
    expect(await value(db, "alle", "actieve_deelname_leden", "2024-05-15", "totaal")).toBe(0);
    expect(await value(db, "alle", "meerlagigheid", "2024-05-15", "totaal")).toBeNull();
  });

  it("attendance.csv absent: every E indicator is null, counts included", async () => {
    const db = await run({ "members.csv": files["members.csv"] }, "2024-05-15");
    for (const id of engagement.entries.map((e) => e.id)) {
      for (const [scope, type] of [
        ["Stil", "netwerk"],
        ["alle", "totaal"],
      ] as const) {
        expect(await value(db, scope, id, "2024-05-15", type)).toBeNull();
        expect(await value(db, scope, id, "2023-12-31", type)).toBeNull();
      }
    }
  });
});
