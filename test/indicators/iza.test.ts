import { describe, expect, it } from "vitest";
import { iza } from "../../src/indicators/iza.ts";
import { MEMBERS } from "../helpers.ts";
import { compute, csv, value } from "./helpers.ts";

const MILESTONES_HEADER =
  "milestone_id,iza_region,iza_theme,title,project_id,due_on,completed_on,cancelled";

const run = (files: Record<string, string>, asOf: string, quarters = 2) =>
  compute(files, [iza], asOf, quarters);

describe("iza family catalog", () => {
  it("has I1–I5 with the spec's ids, names and empty-value rules", () => {
    expect(iza.group).toBe("iza");
    expect(iza.entries.map((e) => [e.code, e.id, e.name_nl, e.zeroWhenEmpty])).toEqual([
      ["I1", "mijlpalen_totaal", "Mijlpalen", true],
      ["I2", "mijlpalen_gereed", "Gereed", true],
      ["I3", "op_tijd_aandeel", "Op tijd gereed", false],
      ["I4", "achterstallig", "Achterstallig", true],
      ["I5", "voortgang", "Voortgang", false],
    ]);
    for (const e of iza.entries) {
      expect(e.group).toBe("iza");
      expect(e.requires).toEqual(["milestones"]);
      expect(e.scopeTypes).toEqual(["iza_regio", "totaal"]);
    }
  });
});

// as_of 2024-05-15 (no quarter end), 2 quarters: 2023-12-31, 2024-03-31, 2024-05-15.
const files = {
  "members.csv": MEMBERS,
  "milestones.csv": csv(
    MILESTONES_HEADER,
    "T1,Twente,Preventie,Een,,2023-06-30,2023-06-15,",
    // completed after its deadline: overdue at 2023-12-31, never on time
    "T2,Twente,Preventie,Twee,,2023-12-31,2024-01-15,nee",
    // completed on its deadline: on time
    "T3,Twente,Digitaal,Drie,,2024-03-31,2024-03-31,",
    "T4,Twente,Digitaal,Vier,,2024-04-30,,",
    // completed early, deadline not yet passed
    "T5,Twente,Digitaal,Vijf,,2024-12-31,2024-02-01,",
    // cancelled: left out of every count
    "T6,Twente,Digitaal,Zes,,2023-01-01,,ja",
    // completed after as_of: not completed by d
    "T7,Twente,Digitaal,Zeven,,2024-05-01,2024-06-01,",
    // a zorgkantoorregio code, kept as given
    "Z1,ZK30,Preventie,Z een,,2024-01-31,2024-01-31,",
    "Z2,ZK30,Preventie,Z twee,,2025-01-01,,",
    // a region whose milestones are all cancelled
    "A1,Achterhoek,Preventie,A een,,2023-01-01,,ja",
    "A2,Achterhoek,Preventie,A twee,,2024-01-01,2024-01-01,x",
  ),
};

describe("I1–I5 over the milestones that are not cancelled", () => {
  it("I1 counts the milestones, the same at every d, cancelled left out", async () => {
    const db = await run(files, "2024-05-15");
    for (const d of ["2023-12-31", "2024-03-31", "2024-05-15"]) {
      // T1–T5, T7 (T6 cancelled)
      expect(await value(db, "Twente", "mijlpalen_totaal", d, "iza_regio")).toBe(6);
      expect(await value(db, "ZK30", "mijlpalen_totaal", d, "iza_regio")).toBe(2);
      // totaal: 6 + 2 (Achterhoek's are cancelled)
      expect(await value(db, "alle", "mijlpalen_totaal", d, "totaal")).toBe(6 + 2);
    }
  });

  it("I2 counts completed_on ≤ d", async () => {
    const db = await run(files, "2024-05-15");
    // 2023-12-31: T1
    expect(await value(db, "Twente", "mijlpalen_gereed", "2023-12-31", "iza_regio")).toBe(1);
    // 2024-03-31: T1, T2, T3 (on d), T5
    expect(await value(db, "Twente", "mijlpalen_gereed", "2024-03-31", "iza_regio")).toBe(4);
    // 2024-05-15: the same; T7 completes after as_of
    expect(await value(db, "Twente", "mijlpalen_gereed", "2024-05-15", "iza_regio")).toBe(4);
    expect(await value(db, "ZK30", "mijlpalen_gereed", "2023-12-31", "iza_regio")).toBe(0);
    expect(await value(db, "alle", "mijlpalen_gereed", "2024-05-15", "totaal")).toBe(4 + 1);
  });

  it("I3 is the on-time share of the milestones due by d, null when nothing is due", async () => {
    const db = await run(files, "2024-05-15");
    // 2023-12-31: due T1, T2; on time T1 (T2 completed after its deadline and after d)
    expect(await value(db, "Twente", "op_tijd_aandeel", "2023-12-31", "iza_regio")).toBe(1 / 2);
    // 2024-03-31: due T1, T2, T3; on time T1, T3 (completed_on = due_on counts)
    expect(await value(db, "Twente", "op_tijd_aandeel", "2024-03-31", "iza_regio")).toBeCloseTo(
      2 / 3,
    );
    // 2024-05-15: due T1, T2, T3, T4, T7; on time T1, T3 (T5 early but not yet due: left out)
    expect(await value(db, "Twente", "op_tijd_aandeel", "2024-05-15", "iza_regio")).toBeCloseTo(
      2 / 5,
    );
    // ZK30 at 2023-12-31: nothing due → null; at 2024-05-15: Z1 of Z1
    expect(await value(db, "ZK30", "op_tijd_aandeel", "2023-12-31", "iza_regio")).toBeNull();
    expect(await value(db, "ZK30", "op_tijd_aandeel", "2024-05-15", "iza_regio")).toBe(1);
    // totaal 2024-05-15: (T1, T3, Z1) of (T1, T2, T3, T4, T7, Z1)
    expect(await value(db, "alle", "op_tijd_aandeel", "2024-05-15", "totaal")).toBeCloseTo(
      (2 + 1) / (5 + 1),
    );
  });

  it("I4 counts due_on ≤ d and not completed by d", async () => {
    const db = await run(files, "2024-05-15");
    // 2023-12-31: T2 (due on d, completed 2024-01-15); T6 cancelled
    expect(await value(db, "Twente", "achterstallig", "2023-12-31", "iza_regio")).toBe(1);
    // 2024-03-31: none (T4 due 2024-04-30)
    expect(await value(db, "Twente", "achterstallig", "2024-03-31", "iza_regio")).toBe(0);
    // 2024-05-15: T4 (never completed), T7 (completed after d)
    expect(await value(db, "Twente", "achterstallig", "2024-05-15", "iza_regio")).toBe(2);
    expect(await value(db, "ZK30", "achterstallig", "2024-05-15", "iza_regio")).toBe(0);
    expect(await value(db, "alle", "achterstallig", "2024-05-15", "totaal")).toBe(2);
  });

  it("I5 is I2 / I1", async () => {
    const db = await run(files, "2024-05-15");
    expect(await value(db, "Twente", "voortgang", "2023-12-31", "iza_regio")).toBeCloseTo(1 / 6);
    expect(await value(db, "Twente", "voortgang", "2024-05-15", "iza_regio")).toBeCloseTo(4 / 6);
    expect(await value(db, "ZK30", "voortgang", "2023-12-31", "iza_regio")).toBe(0);
    expect(await value(db, "ZK30", "voortgang", "2024-05-15", "iza_regio")).toBe(1 / 2);
    expect(await value(db, "alle", "voortgang", "2024-05-15", "totaal")).toBeCloseTo(5 / 8);
  });

  it("a region whose milestones are all cancelled is a scope: counts 0, I3 and I5 null", async () => {
    const db = await run(files, "2024-05-15");
    for (const d of ["2023-12-31", "2024-05-15"]) {
      expect(await value(db, "Achterhoek", "mijlpalen_totaal", d, "iza_regio")).toBe(0);
      expect(await value(db, "Achterhoek", "mijlpalen_gereed", d, "iza_regio")).toBe(0);
      expect(await value(db, "Achterhoek", "achterstallig", d, "iza_regio")).toBe(0);
      expect(await value(db, "Achterhoek", "op_tijd_aandeel", d, "iza_regio")).toBeNull();
      // I1 = 0 → null
      expect(await value(db, "Achterhoek", "voortgang", d, "iza_regio")).toBeNull();
    }
  });

  it("every I is null when milestones.csv is absent", async () => {
    const db = await run({ "members.csv": MEMBERS }, "2024-05-15");
    for (const e of iza.entries) {
      for (const d of ["2023-12-31", "2024-05-15"]) {
        expect(await value(db, "alle", e.id, d, "totaal")).toBeNull();
      }
    }
  });
});
