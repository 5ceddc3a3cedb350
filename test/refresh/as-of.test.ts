import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { commandToday, defaultAsOf, isIsoDate, todayIso } from "../../src/refresh/as-of.ts";
import { load, writeExports } from "../helpers.ts";

describe("the default peildatum", () => {
  it("is the latest date in the data that is not in the future", async () => {
    const { db } = await load(
      writeExports({
        "members.csv":
          "organisation_id,organisation_name,network,sector,joined_on,left_on\nA,X,N,zorg,2020-01-01,2024-02-10\n",
        "projects.csv":
          "project_id,project_name,network,stage,start_on,end_on\nP1,Een,N,pilot,2023-05-01,2030-01-01\n",
        "milestones.csv":
          "milestone_id,iza_region,iza_theme,title,due_on,completed_on\nM1,R,T,Titel,2031-01-01,2024-03-15\n",
      }),
    );
    // candidates ≤ today: 2020-01-01, 2024-02-10, 2023-05-01, 2024-03-15; 2030 lies in the future
    expect(await defaultAsOf(db, "2026-11-24")).toBe("2024-03-15");
    // with an earlier "today", later dates are in the future
    expect(await defaultAsOf(db, "2024-03-01")).toBe("2024-02-10");
  });

  it("checks --as-of values and formats today", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("31-12-2024")).toBe(false);
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
  });

  it("is REGIOMONITOR_TODAY when that is set, and refuses a value that is no date", () => {
    expect(commandToday({})).toBe(todayIso());
    expect(commandToday({ REGIOMONITOR_TODAY: "" })).toBe(todayIso());
    expect(commandToday({ REGIOMONITOR_TODAY: "2024-02-29" })).toBe("2024-02-29");
    expect(() => commandToday({ REGIOMONITOR_TODAY: "2023-02-29" })).toThrow(
      'REGIOMONITOR_TODAY verwacht een datum als JJJJ-MM-DD, niet "2023-02-29"',
    );
    expect(() => commandToday({ REGIOMONITOR_TODAY: "1709208000" })).toThrow(UsageError);
  });
});
