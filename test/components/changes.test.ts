// @vitest-environment jsdom
/// <reference lib="dom" />
// "Sinds de vorige verversing" (docs/components/changes.js) on payloads shaped like changes.json
// (the site mart site_changes): the first refresh, no changes, and the edit of issue 16.
import { beforeAll, describe, expect, it } from "vitest";
import { component, type Component } from "./golden.ts";

let c: Component;
beforeAll(async () => {
  c = await component("changes");
});

const files = (counts: Record<string, [number, number, number]> = {}) =>
  ["attendance.csv", "members.csv", "projects.csv"].map((file) => {
    const [added, removed, changed] = counts[file] ?? [0, 0, 0];
    return { file, added, removed, changed };
  });

const base = {
  previous: true,
  previous_as_of: "2024-06-30",
  as_of: "2024-06-30",
  files: files(),
  indicators_moved: 0,
  indicators: [],
  signals_new: 0,
  signals_resolved: 0,
  signals: [],
};

const text = (payload: unknown) =>
  (c.changesSection!(payload) as DocumentFragment | Element).textContent!.replace(/\s+/g, " ");

describe("changes section", () => {
  it("says there is nothing to compare with after the first refresh", () => {
    expect(
      text({ ...base, previous: false, previous_as_of: null, files: [], as_of: "2024-06-30" }),
    ).toContain("Geen vorige verversing: er is niets om mee te vergelijken.");
  });

  it("says nothing changed when nothing did", () => {
    const shown = text(base);
    expect(shown).toContain("(peildatum 30-06-2024, dezelfde als nu)");
    expect(shown).toContain("Geen wijzigingen: geen rij toegevoegd");
  });

  it("lists the exports, the moved indicators in their unit and the new signals", () => {
    const payload = {
      ...base,
      previous_as_of: "2024-03-31",
      files: files({ "members.csv": [1, 0, 0], "attendance.csv": [0, 8, 0] }),
      indicators_moved: 3,
      indicators: [
        {
          indicator: "leden_actief",
          name_nl: "Actieve leden",
          unit: "aantal",
          scope_type: "totaal",
          scope: "alle",
          change: "gestegen",
          old_value: 1105,
          new_value: 1106,
        },
        {
          indicator: "sectordiversiteit",
          name_nl: "Sectordiversiteit (Blau)",
          unit: "index",
          scope_type: "netwerk",
          scope: "Slimmer Leven",
          change: "gestegen",
          old_value: 0.821037,
          new_value: 0.82133,
        },
      ],
      signals_new: 1,
      signals: [
        {
          signal: "slapend_lid",
          severity: "laag",
          change: "nieuw",
          scope: "Slimmer Leven",
          message_nl: "Lid X slaapt.",
        },
      ],
    };
    const element = c.changesSection!(payload) as DocumentFragment;
    const holder = document.createElement("div");
    holder.append(element);
    const cells = (selector: string) =>
      [...holder.querySelectorAll(`${selector} tbody tr`)].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()),
      );
    expect(cells("table.changes-files")).toEqual([
      ["attendance.csv", "0", "8", "0"],
      ["members.csv", "1", "0", "0"],
      ["projects.csv", "0", "0", "0"],
    ]);
    // Numbers in nl-NL; an index that reads the same at two digits gets as many as it takes.
    expect(cells("table.changes-indicators")).toEqual([
      ["Actieve leden", "alle netwerken", "1.105", "1.106"],
      ["Sectordiversiteit (Blau)", "Slimmer Leven", "0,8210", "0,8213"],
    ]);
    const shown = holder.textContent!.replace(/\s+/g, " ");
    expect(shown).toContain("(peildatum 31-03-2024; nu 30-06-2024)");
    expect(shown).toContain("3 waarden zijn verschoven; hieronder de eerste 2.");
    expect(shown).toContain("1 nieuw, 0 opgelost.");
    expect(holder.querySelector(".changes-signals li")!.textContent!.replace(/\s+/g, " ")).toBe(
      " nieuw: laagLid X slaapt. ",
    );
  });
});
