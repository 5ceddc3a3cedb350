import { describe, expect, it } from "vitest";
import { membership } from "../../src/indicators/membership.ts";
import { compute, csv, value } from "./helpers.ts";

const HEADER = "organisation_id,organisation_name,network,sector,joined_on,left_on";

const run = (members: string, asOf: string, quarters?: number) =>
  compute({ "members.csv": members }, [membership], asOf, quarters);

describe("membership family catalog", () => {
  it("has M1–M8 with the spec's ids, names and empty-value rules", () => {
    expect(membership.group).toBe("leden");
    expect(membership.entries.map((e) => [e.code, e.id, e.name_nl, e.zeroWhenEmpty])).toEqual([
      ["M1", "leden_actief", "Actieve leden", true],
      ["M2", "leden_instroom", "Instroom", true],
      ["M3", "leden_uitstroom", "Uitstroom", true],
      ["M4", "retentie_12m", "Behoud na 12 maanden", false],
      ["M5", "sectoren_aanwezig", "Sectoren aanwezig", true],
      ["M6", "sectordiversiteit", "Sectordiversiteit (Blau)", false],
      ["M7", "buiten_zorg_aandeel", "Aandeel buiten zorg en welzijn", false],
      ["M8", "gouden_driehoek", "Gouden driehoek compleet", true],
    ]);
    for (const e of membership.entries) {
      expect(e.group).toBe("leden");
      expect(e.requires).toEqual(["members"]);
      expect(e.scopeTypes).toEqual(["netwerk", "totaal"]);
    }
  });
});

describe("M1–M3: active members, inflow and outflow", () => {
  // as_of 2024-05-15 (no quarter end), 11 quarters: d₁ = 2021-09-30 (prev 2021-06-30), …,
  // 2023-03-31, 2023-06-30, 2023-09-30, 2023-12-31, 2024-03-31, 2024-05-15 (prev 2024-03-31)
  const members = csv(
    HEADER,
    "A,Alfa,Noord,zorg,2024-04-01,",
    "A,Alfa,Zuid,zorg,2024-05-15,",
    "B,Beta,Noord,onderwijs,2021-07-01,",
    "D,Delta,Noord,overheid,2021-06-30,",
    "C,Gamma,Noord,welzijn,2022-01-15,2023-03-31",
    "C,Gamma,Noord,welzijn,2023-11-01,",
    "E,Epsilon,Zuid,bedrijfsleven,2020-01-01,2024-04-30",
  );

  it("M1 counts an organisation in two networks once in the total", async () => {
    const db = await run(members, "2024-05-15");
    // Noord: A, B, C (rejoined), D
    expect(await value(db, "Noord", "leden_actief", "2024-05-15")).toBe(4);
    // Zuid: A (joined_on = d counts); E left 2024-04-30
    expect(await value(db, "Zuid", "leden_actief", "2024-05-15")).toBe(1);
    // totaal: A, B, C, D — A once, not 4 + 1
    expect(await value(db, "alle", "leden_actief", "2024-05-15", "totaal")).toBe(4);
  });

  it("M1 follows a member that left and rejoined: inactive from left_on, active again from rejoining", async () => {
    const db = await run(members, "2024-05-15");
    // 2022-03-31: B, D, C
    expect(await value(db, "Noord", "leden_actief", "2022-03-31")).toBe(3);
    // 2023-03-31: C's left_on = d, so C is no longer active: B, D
    expect(await value(db, "Noord", "leden_actief", "2023-03-31")).toBe(2);
    expect(await value(db, "Noord", "leden_actief", "2023-09-30")).toBe(2);
    // 2023-12-31: C rejoined on 2023-11-01: B, D, C
    expect(await value(db, "Noord", "leden_actief", "2023-12-31")).toBe(3);
    // d₁ = 2021-09-30: B, D in Noord; E in Zuid; totaal 3
    expect(await value(db, "Noord", "leden_actief", "2021-09-30")).toBe(2);
    expect(await value(db, "alle", "leden_actief", "2021-09-30", "totaal")).toBe(3);
  });

  it("M2 counts spells with joined_on in (prev(d), d]; the total sums over networks", async () => {
    const db = await run(members, "2024-05-15");
    // 2024-05-15, window (2024-03-31, 2024-05-15]: A joins Noord (04-01) and Zuid (05-15 = d)
    expect(await value(db, "Noord", "leden_instroom", "2024-05-15")).toBe(1);
    expect(await value(db, "Zuid", "leden_instroom", "2024-05-15")).toBe(1);
    // totaal: 1 + 1 spells, although A is one organisation
    expect(await value(db, "alle", "leden_instroom", "2024-05-15", "totaal")).toBe(2);
    // C's two spells each count as inflow: 2022-03-31 and (rejoin) 2023-12-31
    expect(await value(db, "Noord", "leden_instroom", "2022-03-31")).toBe(1);
    expect(await value(db, "Noord", "leden_instroom", "2023-12-31")).toBe(1);
    // nothing joined in (2023-06-30, 2023-09-30]: a count over nothing is 0
    expect(await value(db, "Noord", "leden_instroom", "2023-09-30")).toBe(0);
    expect(await value(db, "alle", "leden_instroom", "2023-09-30", "totaal")).toBe(0);
  });

  it("M2 at d₁ uses prev(d₁) = d₁ − 3 months, excluding the day itself", async () => {
    const db = await run(members, "2024-05-15");
    // d₁ = 2021-09-30, window (2021-06-30, 2021-09-30]: B (07-01) in, D (06-30) out
    expect(await value(db, "Noord", "leden_instroom", "2021-09-30")).toBe(1);
    expect(await value(db, "alle", "leden_instroom", "2021-09-30", "totaal")).toBe(1);
  });

  it("M3 counts spells with left_on in (prev(d), d]", async () => {
    const db = await run(members, "2024-05-15");
    // C left on 2023-03-31 = d, window (2022-12-31, 2023-03-31]
    expect(await value(db, "Noord", "leden_uitstroom", "2023-03-31")).toBe(1);
    expect(await value(db, "alle", "leden_uitstroom", "2023-03-31", "totaal")).toBe(1);
    // E left Zuid on 2024-04-30, window (2024-03-31, 2024-05-15]
    expect(await value(db, "Zuid", "leden_uitstroom", "2024-05-15")).toBe(1);
    expect(await value(db, "Noord", "leden_uitstroom", "2024-05-15")).toBe(0);
    expect(await value(db, "alle", "leden_uitstroom", "2024-05-15", "totaal")).toBe(1);
  });

  it("M2 and M3 at d₁ = 30-06 use prev = 30-03 (d₁ − 3 months), not the quarter end 31-03", async () => {
    // as_of 2024-02-10: 11 quarter ends back reach d₁ = 2021-06-30; prev(d₁) = 2021-03-30
    const db = await run(
      csv(
        HEADER,
        "P,Pi,Noord,zorg,2021-03-30,",
        "Q,Qu,Noord,zorg,2021-03-31,",
        "R,Rho,Noord,zorg,2020-01-01,2021-03-31",
        "S,Sigma,Noord,zorg,2020-01-01,2021-03-30",
        "T,Tau,Zuid,zorg,2020-01-01,2021-07-01",
        "T,Tau,Noord,zorg,2020-01-01,2021-06-30",
      ),
      "2024-02-10",
    );
    // window (2021-03-30, 2021-06-30]: Q joined (03-31); P joined on prev itself
    expect(await value(db, "Noord", "leden_instroom", "2021-06-30")).toBe(1);
    // R left 03-31 and T left Noord on 06-30 = d₁; S left on prev itself
    expect(await value(db, "Noord", "leden_uitstroom", "2021-06-30")).toBe(2);
    // T left Zuid on 2021-07-01: in (2021-06-30, 2021-09-30]
    expect(await value(db, "Zuid", "leden_uitstroom", "2021-09-30")).toBe(1);
    expect(await value(db, "Zuid", "leden_uitstroom", "2021-06-30")).toBe(0);
    // as_of itself: window (2023-12-31, 2024-02-10]
    expect(await value(db, "Noord", "leden_actief", "2024-02-10")).toBe(2);
    expect(await value(db, "Noord", "leden_instroom", "2024-02-10")).toBe(0);
  });

  it("M3 in the total sums the spells of one organisation leaving two networks", async () => {
    const db = await run(
      csv(
        HEADER,
        "A,Alfa,Noord,zorg,2020-01-01,2024-04-15",
        "A,Alfa,Zuid,zorg,2020-01-01,2024-05-01",
      ),
      "2024-05-15",
      1,
    );
    expect(await value(db, "Noord", "leden_uitstroom", "2024-05-15")).toBe(1);
    expect(await value(db, "Zuid", "leden_uitstroom", "2024-05-15")).toBe(1);
    // 1 + 1: two spells ended, one organisation
    expect(await value(db, "alle", "leden_uitstroom", "2024-05-15", "totaal")).toBe(2);
    expect(await value(db, "alle", "leden_actief", "2024-03-31", "totaal")).toBe(1);
  });
});

describe("M4: retention after 12 months", () => {
  // as_of 2024-02-29 (leap day, no quarter end), 1 quarter: dates 2023-12-31 and 2024-02-29.
  // d − 12 months: 2022-12-31 and 2023-02-28 (clamped: there is no 2023-02-29)
  const members = csv(
    HEADER,
    "P,Pi,Noord,zorg,2022-01-01,2023-03-01",
    "Q,Qu,Noord,zorg,2022-01-01,",
    "R,Rho,Noord,zorg,2023-02-28,",
    "S,Sigma,Noord,zorg,2023-03-01,",
    "T,Tau,Noord,zorg,2022-01-01,2023-02-28",
    "V,Vau,West,zorg,2021-01-01,2023-06-01",
    "V,Vau,Oost,zorg,2023-06-01,",
    "W,Wau,West,zorg,2021-01-01,2023-05-01",
    "W,Wau,West,zorg,2023-10-01,",
  );

  it("uses d − 12 months with month-end clamping (2024-02-29 → 2023-02-28)", async () => {
    const db = await run(members, "2024-02-29", 1);
    // active at 2023-02-28: P (leaves 03-01), Q, R (joined on the day); not T (left on the day),
    // not S. Still active at 2024-02-29: Q, R → 2/3.
    // (Unclamped, 2023-03-01, the cohort would be Q, R only, giving 1.)
    expect(await value(db, "Noord", "retentie_12m", "2024-02-29")).toBeCloseTo(2 / 3);
  });

  it("takes the cohort active at d − 12 months for the quarter end as well", async () => {
    const db = await run(members, "2024-02-29", 1);
    // active at 2022-12-31: P, Q, T; still active at 2023-12-31: Q → 1/3
    expect(await value(db, "Noord", "retentie_12m", "2023-12-31")).toBeCloseTo(1 / 3);
  });

  it("counts a member that left and rejoined as retained, one that moved network as not", async () => {
    const db = await run(members, "2024-02-29", 1);
    // West at 2023-02-28: V, W; at 2024-02-29: W (rejoined 2023-10-01), V moved to Oost → 1/2
    expect(await value(db, "West", "retentie_12m", "2024-02-29")).toBeCloseTo(1 / 2);
  });

  it("is null for a scope without members 12 months earlier", async () => {
    const db = await run(members, "2024-02-29", 1);
    // Oost: V only from 2023-06-01
    expect(await value(db, "Oost", "retentie_12m", "2024-02-29")).toBeNull();
  });

  it("in the total, retains an organisation that moved to another network, counted once", async () => {
    const db = await run(members, "2024-02-29", 1);
    // at 2023-02-28: P, Q, R, V, W (V and W once); at 2024-02-29: Q, R, V (in Oost), W → 4/5
    expect(await value(db, "alle", "retentie_12m", "2024-02-29", "totaal")).toBeCloseTo(4 / 5);
    // at 2022-12-31: P, Q, T, V, W; at 2023-12-31: Q, V, W → 3/5
    expect(await value(db, "alle", "retentie_12m", "2023-12-31", "totaal")).toBeCloseTo(3 / 5);
  });

  it("is 0 when nobody of the cohort stayed", async () => {
    const db = await run(csv(HEADER, "X,Xi,Noord,zorg,2022-01-01,2024-01-15"), "2024-02-29", 1);
    expect(await value(db, "Noord", "retentie_12m", "2024-02-29")).toBe(0);
  });
});

describe("M5–M8: the sector mix of the active members", () => {
  // as_of 2024-05-15, 1 quarter: dates 2024-03-31 and 2024-05-15
  const members = csv(
    HEADER,
    "N1,Zorg Een,Noord,zorg,2020-01-01,",
    "N2,Zorg Twee,Noord,zorg,2020-01-01,",
    "N3,School,Noord,onderwijs,2020-01-01,",
    "N4,Gemeente,Noord,overheid,2020-01-01,",
    "Z1,Welzijn Zuid,Zuid,welzijn,2020-01-01,",
    "Z2,School Zuid,Zuid,onderwijs,2020-01-01,",
    "Z3,Bedrijf,Zuid,bedrijfsleven,2020-01-01,",
    "N1,Zorg Een,West,zorg,2020-01-01,",
    "W1,Welzijn West,West,welzijn,2020-01-01,",
    "W2,Provincie,West,overheid,2020-01-01,",
    "W3,ROC,West,onderwijs,2020-01-01,",
    "L1,Oud lid,Leeg,overheid,2020-01-01,2021-01-01",
  );

  it("M5 counts distinct sectors, 0 without active members", async () => {
    const db = await run(members, "2024-05-15", 1);
    expect(await value(db, "Noord", "sectoren_aanwezig", "2024-05-15")).toBe(3);
    expect(await value(db, "Zuid", "sectoren_aanwezig", "2024-05-15")).toBe(3);
    expect(await value(db, "West", "sectoren_aanwezig", "2024-05-15")).toBe(4);
    // zorg, onderwijs, overheid, welzijn, bedrijfsleven
    expect(await value(db, "alle", "sectoren_aanwezig", "2024-05-15", "totaal")).toBe(5);
    expect(await value(db, "Leeg", "sectoren_aanwezig", "2024-05-15")).toBe(0);
    expect(await value(db, "Leeg", "leden_actief", "2024-05-15")).toBe(0);
  });

  it("M6 is the Blau index 1 − Σ pₛ², null without active members", async () => {
    const db = await run(members, "2024-05-15", 1);
    // Noord: zorg 2/4, onderwijs 1/4, overheid 1/4
    expect(await value(db, "Noord", "sectordiversiteit", "2024-05-15")).toBeCloseTo(
      1 - (0.5 ** 2 + 0.25 ** 2 + 0.25 ** 2),
    );
    // Zuid: three sectors of 1/3
    expect(await value(db, "Zuid", "sectordiversiteit", "2024-05-15")).toBeCloseTo(
      1 - 3 * (1 / 3) ** 2,
    );
    // West: four sectors of 1/4
    expect(await value(db, "West", "sectordiversiteit", "2024-05-15")).toBeCloseTo(
      1 - 4 * 0.25 ** 2,
    );
    // totaal, 10 organisations (N1 once): zorg 2, onderwijs 3, overheid 2, welzijn 2, bedrijfsleven 1
    expect(await value(db, "alle", "sectordiversiteit", "2024-05-15", "totaal")).toBeCloseTo(
      1 - (0.2 ** 2 + 0.3 ** 2 + 0.2 ** 2 + 0.2 ** 2 + 0.1 ** 2),
    );
    expect(await value(db, "Leeg", "sectordiversiteit", "2024-05-15")).toBeNull();
  });

  it("M6 is 0 when every active member is in one sector", async () => {
    const db = await run(
      csv(HEADER, "A,A,Noord,zorg,2020-01-01,", "B,B,Noord,zorg,2020-01-01,"),
      "2024-05-15",
      1,
    );
    expect(await value(db, "Noord", "sectordiversiteit", "2024-05-15")).toBe(0);
  });

  it("M7 is the share outside zorg and welzijn, null without active members", async () => {
    const db = await run(members, "2024-05-15", 1);
    // Noord: onderwijs, overheid of 4
    expect(await value(db, "Noord", "buiten_zorg_aandeel", "2024-05-15")).toBeCloseTo(2 / 4);
    // Zuid: onderwijs, bedrijfsleven of 3 (welzijn is inside)
    expect(await value(db, "Zuid", "buiten_zorg_aandeel", "2024-05-15")).toBeCloseTo(2 / 3);
    // West: overheid, onderwijs of 4
    expect(await value(db, "West", "buiten_zorg_aandeel", "2024-05-15")).toBeCloseTo(2 / 4);
    // totaal: onderwijs 3 + overheid 2 + bedrijfsleven 1 of 10
    expect(await value(db, "alle", "buiten_zorg_aandeel", "2024-05-15", "totaal")).toBeCloseTo(
      6 / 10,
    );
    expect(await value(db, "Leeg", "buiten_zorg_aandeel", "2024-05-15")).toBeNull();
  });

  it("M7 is 0 when every active member is in zorg or welzijn", async () => {
    const db = await run(
      csv(HEADER, "A,A,Noord,zorg,2020-01-01,", "B,B,Noord,welzijn,2020-01-01,"),
      "2024-05-15",
      1,
    );
    expect(await value(db, "Noord", "buiten_zorg_aandeel", "2024-05-15")).toBe(0);
  });

  it("M8 is 1 with onderwijs, overheid and zorg or welzijn, else 0 (also with no members)", async () => {
    const db = await run(members, "2024-05-15", 1);
    // Noord: zorg, onderwijs, overheid
    expect(await value(db, "Noord", "gouden_driehoek", "2024-05-15")).toBe(1);
    // West: welzijn stands in for zorg
    expect(await value(db, "West", "gouden_driehoek", "2024-05-15")).toBe(1);
    // Zuid: no overheid
    expect(await value(db, "Zuid", "gouden_driehoek", "2024-05-15")).toBe(0);
    expect(await value(db, "alle", "gouden_driehoek", "2024-05-15", "totaal")).toBe(1);
    // no active organisation: 0, not null
    expect(await value(db, "Leeg", "gouden_driehoek", "2024-05-15")).toBe(0);
  });

  it("M8 is 0 without onderwijs, and without zorg or welzijn", async () => {
    const db = await run(
      csv(
        HEADER,
        "A,A,Noord,zorg,2020-01-01,",
        "B,B,Noord,overheid,2020-01-01,",
        "C,C,Noord,kennisinstelling,2020-01-01,",
        "D,D,Zuid,onderwijs,2020-01-01,",
        "E,E,Zuid,overheid,2020-01-01,",
        "F,F,Zuid,bedrijfsleven,2020-01-01,",
      ),
      "2024-05-15",
      1,
    );
    // kennisinstelling is not onderwijs
    expect(await value(db, "Noord", "gouden_driehoek", "2024-05-15")).toBe(0);
    expect(await value(db, "Zuid", "gouden_driehoek", "2024-05-15")).toBe(0);
    // together: zorg (A), onderwijs (D), overheid (B, E)
    expect(await value(db, "alle", "gouden_driehoek", "2024-05-15", "totaal")).toBe(1);
  });

  it("uses the sector of the organisation's spell with the latest joined_on, at every date", async () => {
    const db = await run(
      csv(
        HEADER,
        "X,Ex,Oost,zorg,2020-01-01,2024-04-01",
        "X,Ex,Oost,overheid,2024-04-01,",
        "X,Ex,Zuid,welzijn,2022-01-01,",
        "Y,Why,Oost,onderwijs,2020-01-01,",
        "Z,Zed,Zuid,onderwijs,2020-01-01,",
      ),
      "2024-05-15",
      1,
    );
    // X is overheid (joined 2024-04-01, its latest spell), also at 2024-03-31 and in Zuid
    for (const d of ["2024-03-31", "2024-05-15"]) {
      // Oost: overheid, onderwijs → both outside zorg and welzijn
      expect(await value(db, "Oost", "buiten_zorg_aandeel", d)).toBe(1);
      expect(await value(db, "Oost", "sectoren_aanwezig", d)).toBe(2);
      // Zuid: X counts as overheid, not welzijn → no care sector, no triangle
      expect(await value(db, "Zuid", "buiten_zorg_aandeel", d)).toBe(1);
      expect(await value(db, "Zuid", "gouden_driehoek", d)).toBe(0);
      // totaal: X (overheid), Y, Z (onderwijs): X once
      expect(await value(db, "alle", "leden_actief", d, "totaal")).toBe(3);
      expect(await value(db, "alle", "sectordiversiteit", d, "totaal")).toBeCloseTo(
        1 - ((1 / 3) ** 2 + (2 / 3) ** 2),
      );
    }
  });
});
