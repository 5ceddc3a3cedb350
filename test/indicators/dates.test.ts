import { describe, expect, it } from "vitest";
import { addMonths, referenceDates } from "../../src/indicators/dates.ts";

describe("addMonths", () => {
  it("clamps to the month's end", () => {
    expect(addMonths("2024-05-31", -3)).toBe("2024-02-29");
    expect(addMonths("2023-05-31", -3)).toBe("2023-02-28");
    expect(addMonths("2024-02-29", -12)).toBe("2023-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2024-01-15", -13)).toBe("2022-12-15");
  });
});

describe("referenceDates", () => {
  it("takes the 11 quarter ends strictly before as_of, then as_of", () => {
    const dates = referenceDates("2024-12-31");
    expect(dates.map((r) => r.d)).toEqual([
      "2022-03-31",
      "2022-06-30",
      "2022-09-30",
      "2022-12-31",
      "2023-03-31",
      "2023-06-30",
      "2023-09-30",
      "2023-12-31",
      "2024-03-31",
      "2024-06-30",
      "2024-09-30",
      "2024-12-31",
    ]);
  });

  it("keeps an as_of that is not a quarter end, and gives prev and the 12-month start", () => {
    const dates = referenceDates("2024-05-31");
    expect(dates).toHaveLength(12);
    expect(dates[11]).toEqual({ idx: 12, d: "2024-05-31", prev: "2024-03-31", d12: "2023-05-31" });
    expect(dates[10]!.d).toBe("2024-03-31");
    // 11 quarter ends back from 31-03-2024 reach 30-09-2021; prev(d₁) = d₁ − 3 months = 30-06-2021
    expect(dates[0]).toEqual({ idx: 1, d: "2021-09-30", prev: "2021-06-30", d12: "2020-09-30" });
  });

  it("honours another number of quarters", () => {
    expect(referenceDates("2024-02-29", 2).map((r) => r.d)).toEqual([
      "2023-09-30",
      "2023-12-31",
      "2024-02-29",
    ]);
  });
});
